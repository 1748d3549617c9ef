#include "insightrecord.h"

#include "util/eventtime.h"
#include "util/sha256.h"

#include <QDateTime>
#include <QJsonArray>

namespace Trailscope::Core::Insights {

namespace {

QString uuidFrom(const QByteArray& name)
{
    Sha256 digest = sha256(std::string_view(name.constData(), static_cast<std::size_t>(name.size())));
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x80); // version 8: custom
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80); // variant 10
    const QString hex = toHex(digest).left(32);
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' +
           hex.mid(20, 12);
}

// AWS writes eventTime to the second with a Z.
QString awsTime(std::int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODate);
}

QJsonArray valuesOf(const std::vector<AttributionValue>& values)
{
    QJsonArray array;
    for (const AttributionValue& value : values)
        array.append(QJsonObject{{QStringLiteral("value"), value.value}, {QStringLiteral("average"), value.average}});
    return array;
}

QJsonArray attributionsOf(const std::vector<Attribution>& attributions)
{
    QJsonArray array;
    for (const Attribution& attribution : attributions)
        array.append(QJsonObject{{QStringLiteral("attribute"), attribution.attribute},
                                 {QStringLiteral("insight"), valuesOf(attribution.insight)},
                                 {QStringLiteral("baseline"), valuesOf(attribution.baseline)}});
    return array;
}

QJsonObject insightDetails(const InsightFinding& finding, InsightState state)
{
    const bool start = state == InsightState::Start;
    const QJsonObject statistics{
        {QStringLiteral("baseline"), QJsonObject{{QStringLiteral("average"), finding.episode.baseline.average}}},
        {QStringLiteral("insight"),
         QJsonObject{{QStringLiteral("average"), start ? finding.startAverage() : finding.episodeAverage()}}},
        {QStringLiteral("insightDuration"), static_cast<qint64>(finding.episode.durationMinutes())},
        {QStringLiteral("baselineDuration"), static_cast<qint64>(finding.episode.baseline.durationMinutes)}};
    QJsonObject details{{QStringLiteral("state"), start ? QStringLiteral("Start") : QStringLiteral("End")},
                        {QStringLiteral("eventSource"), finding.eventSource},
                        {QStringLiteral("eventName"), finding.eventName},
                        {QStringLiteral("insightType"), insightTypeName(finding.type)},
                        {QStringLiteral("insightContext"),
                         QJsonObject{{QStringLiteral("statistics"), statistics},
                                     {QStringLiteral("attributions"),
                                      attributionsOf(start ? finding.startAttributions : finding.endAttributions)}}}};
    if (finding.type == InsightType::ApiErrorRate)
        details.insert(QStringLiteral("errorCode"), finding.errorCode);
    return details;
}

} // namespace

QString insightTypeName(InsightType type)
{
    return type == InsightType::ApiCallRate ? QStringLiteral("ApiCallRateInsight")
                                            : QStringLiteral("ApiErrorRateInsight");
}

QString sharedEventId(const InsightFinding& finding)
{
    const QStringList parts{QStringLiteral("trailscope-insight"),
                            insightTypeName(finding.type),
                            finding.eventSource,
                            finding.eventName,
                            finding.errorCode,
                            finding.account,
                            finding.region,
                            QString::number(finding.episode.startMinute)};
    return uuidFrom(parts.join(QChar(0)).toUtf8());
}

QJsonObject insightRecord(const InsightFinding& finding, InsightState state)
{
    const bool start = state == InsightState::Start;
    const QString shared = sharedEventId(finding);
    return QJsonObject{{QStringLiteral("eventVersion"), QStringLiteral("1.08")},
                       {QStringLiteral("eventTime"), awsTime(start ? finding.startTime() : finding.endTime())},
                       {QStringLiteral("awsRegion"), finding.region},
                       {QStringLiteral("eventID"), uuidFrom((shared + (start ? u"/Start" : u"/End")).toUtf8())},
                       {QStringLiteral("eventType"), QStringLiteral("AwsCloudTrailInsight")},
                       {QStringLiteral("recipientAccountId"), finding.account},
                       {QStringLiteral("sharedEventID"), shared},
                       {QStringLiteral("insightDetails"), insightDetails(finding, state)},
                       {QStringLiteral("eventCategory"), QStringLiteral("Insight")},
                       {QStringLiteral("origin"), QStringLiteral("trailscope")}};
}

std::vector<QJsonObject> insightRecords(const std::vector<InsightFinding>& findings)
{
    std::vector<QJsonObject> records;
    for (const InsightFinding& finding : findings) {
        records.push_back(insightRecord(finding, InsightState::Start));
        if (finding.episode.ended)
            records.push_back(insightRecord(finding, InsightState::End));
    }
    return records;
}

std::int64_t recordTime(const QJsonObject& record)
{
    const QByteArray text = record.value(QStringLiteral("eventTime")).toString().toUtf8();
    return parseEventTime(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))).value_or(0);
}

} // namespace Trailscope::Core::Insights
