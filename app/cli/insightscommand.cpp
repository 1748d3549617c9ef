#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseschema.h"
#include "insights/deliveredinsights.h"
#include "insights/firstseen.h"
#include "insights/insightfinder.h"
#include "insights/insightrecord.h"
#include "query/searchvalues.h"
#include "util/eventtime.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;

struct InsightsReport
{
    std::vector<QJsonObject> records; ///< ours and AWS's, by eventTime
    std::vector<FirstSeen> firstSeen;
    std::int64_t firstDayEnd = 0;
    qsizetype ours = 0, delivered = 0;
};

Result<InsightsReport> buildReport(Sql::Database& db, const InsightOptions& options)
{
    InsightsReport report;
    auto findings = computeInsights(db, options);
    if (!findings)
        return std::unexpected(findings.error());
    report.records = insightRecords(*findings);
    report.ours = static_cast<qsizetype>(report.records.size());
    auto delivered = deliveredInsights(db, options.since, options.until);
    if (!delivered)
        return std::unexpected(delivered.error());
    report.delivered = static_cast<qsizetype>(delivered->size());
    report.records.insert(report.records.end(), delivered->begin(), delivered->end());
    std::stable_sort(report.records.begin(), report.records.end(),
                     [](const QJsonObject& a, const QJsonObject& b) { return recordTime(a) < recordTime(b); });
    auto firstSeen = computeFirstSeen(db);
    if (!firstSeen)
        return std::unexpected(firstSeen.error());
    report.firstDayEnd = firstSeen->firstDayEnd;
    for (FirstSeen& item : firstSeen->items) {
        if ((!options.since || item.time >= *options.since) && (!options.until || item.time < *options.until))
            report.firstSeen.push_back(std::move(item));
    }
    return report;
}

void printJson(const InsightsReport& report)
{
    QJsonArray insights, firstSeen;
    for (const QJsonObject& record : report.records)
        insights.append(record);
    for (const FirstSeen& item : report.firstSeen)
        firstSeen.append(firstSeenJson(item));
    const QJsonObject root{{QStringLiteral("insights"), insights}, {QStringLiteral("firstSeen"), firstSeen}};
    printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
}

QString topValue(const QJsonObject& details, const QString& attribute)
{
    for (const QJsonValue& entry :
         details[QStringLiteral("insightContext")][QStringLiteral("attributions")].toArray()) {
        if (entry[QStringLiteral("attribute")].toString() == attribute)
            return entry[QStringLiteral("insight")][0][QStringLiteral("value")].toString(QStringLiteral("-"));
    }
    return QStringLiteral("-");
}

QString number(const QJsonValue& value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'g', 4) : QStringLiteral("-");
}

QString minutes(const QJsonValue& value)
{
    return value.isDouble() ? QString::number(value.toInteger()) : QStringLiteral("-");
}

QStringList insightRow(const QJsonObject& record)
{
    const QJsonObject details = record[QStringLiteral("insightDetails")].toObject();
    const QJsonObject statistics = details[QStringLiteral("insightContext")][QStringLiteral("statistics")].toObject();
    return {record[QStringLiteral("eventTime")].toString(),
            record[QStringLiteral("origin")].toString(),
            details[QStringLiteral("state")].toString(),
            details[QStringLiteral("insightType")].toString(),
            record[QStringLiteral("recipientAccountId")].toString(),
            record[QStringLiteral("awsRegion")].toString(),
            details[QStringLiteral("eventSource")].toString() + u' ' + details[QStringLiteral("eventName")].toString(),
            details[QStringLiteral("errorCode")].toString(QStringLiteral("-")),
            number(statistics[QStringLiteral("baseline")][QStringLiteral("average")]),
            number(statistics[QStringLiteral("insight")][QStringLiteral("average")]),
            minutes(statistics[QStringLiteral("insightDuration")]),
            minutes(statistics[QStringLiteral("baselineDuration")]),
            topValue(details, QStringLiteral("userIdentityArn"))};
}

void printTable(const InsightsReport& report, const ModelThresholds& thresholds)
{
    printOut(QStringLiteral("Insights (sensitivity %1): %2 events found by Trailscope, %3 delivered by AWS\n")
                 .arg(QLatin1String(thresholds.name))
                 .arg(report.ours)
                 .arg(report.delivered));
    QList<QStringList> rows{{QStringLiteral("TIME"), QStringLiteral("ORIGIN"), QStringLiteral("STATE"),
                             QStringLiteral("TYPE"), QStringLiteral("ACCOUNT"), QStringLiteral("REGION"),
                             QStringLiteral("API"), QStringLiteral("ERROR"), QStringLiteral("BASELINE/MIN"),
                             QStringLiteral("INSIGHT/MIN"), QStringLiteral("MINUTES"), QStringLiteral("BASELINE MIN"),
                             QStringLiteral("TOP PRINCIPAL")}};
    for (const QJsonObject& record : report.records)
        rows.append(insightRow(record));
    printColumns(rows);
    printOut(QStringLiteral("\nFirst seen after the case's first day (from %1): %2\n")
                 .arg(report.firstDayEnd ? formatEventTime(report.firstDayEnd) : QStringLiteral("-"))
                 .arg(report.firstSeen.size()));
    QList<QStringList> seen{
        {QStringLiteral("TIME"), QStringLiteral("KIND"), QStringLiteral("VALUE"), QStringLiteral("FIRST EVENT")}};
    for (const FirstSeen& item : report.firstSeen)
        seen.append({formatEventTime(item.time), firstSeenKindName(item.kind), item.value,
                     item.eventSource + u' ' + item.eventName + u' ' + item.eventId});
    printColumns(seen);
}

} // namespace

int runInsights(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("CloudTrail Insights computed from the case's events (ApiCallRateInsight, ApiErrorRateInsight) "
                       "beside the Insights events AWS delivered, and the principals, access keys, source IPs, user "
                       "agents and regions first seen after the case's first day."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const QCommandLineOption since(QStringLiteral("since"),
                                   QStringLiteral("Insights and first-seen activity from T (inclusive; the week before "
                                                  "still serves as baseline)."),
                                   QStringLiteral("T"));
    const QCommandLineOption until(QStringLiteral("until"), QStringLiteral("Until T (exclusive)."),
                                   QStringLiteral("T"));
    const QCommandLineOption sensitivity(QStringLiteral("sensitivity"), QStringLiteral("low, medium or high."),
                                         QStringLiteral("S"), QStringLiteral("medium"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("table or json."), QStringLiteral("F"),
                                    QStringLiteral("table"));
    const QCommandLineOption dataEvents(QStringLiteral("data-events"),
                                        QStringLiteral("Error-rate insights on data events too."));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QStringLiteral("Print the milliseconds the computation took to stderr."));
    parser.addOptions({since, until, sensitivity, format, dataEvents, timing});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("insights: needs exactly one CASE\n"));
        return ExitUsage;
    }
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("table") && formatName != QLatin1String("json")) {
        printErr(QStringLiteral("insights: --format is table or json\n"));
        return ExitUsage;
    }
    InsightOptions options;
    const auto chosen = sensitivityNamed(parser.value(sensitivity));
    if (!chosen) {
        printErr(QStringLiteral("insights: --sensitivity is low, medium or high\n"));
        return ExitUsage;
    }
    options.sensitivity = *chosen;
    options.includeDataEvents = parser.isSet(dataEvents);
    bool badTime = false;
    options.since = timeOption(parser, since, badTime);
    options.until = timeOption(parser, until, badTime);
    if (badTime) {
        printErr(QStringLiteral("insights: --since and --until want a time like 2026-02-21 or 2026-02-21T18:00Z\n"));
        return ExitUsage;
    }
    auto db = CaseSchema::open(parser.positionalArguments().first(), CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        printErr(QStringLiteral("insights: %1\n").arg(db.error().toString()));
        return ExitFatal;
    }
    QElapsedTimer clock;
    clock.start();
    const auto report = buildReport(*db, options);
    if (!report) {
        printErr(QStringLiteral("insights: %1\n").arg(report.error().toString()));
        return ExitFatal;
    }
    if (parser.isSet(timing))
        printErr(QStringLiteral("insights: %1 records, %2 first seen in %3 ms\n")
                     .arg(report->records.size())
                     .arg(report->firstSeen.size())
                     .arg(static_cast<double>(clock.nsecsElapsed()) / 1e6, 0, 'f', 1));
    if (formatName == QLatin1String("json"))
        printJson(*report);
    else
        printTable(*report, thresholdsFor(options.sensitivity));
    return ExitOk;
}

} // namespace Trailscope::Cli
