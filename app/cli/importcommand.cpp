#include "climain.h"
#include "exitcodes.h"
#include "terminalprogress.h"

#include "import/importer.h"
#include "util/eventtime.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

#include <sys/resource.h>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;

// The one piece of mutable global state: a signal handler can reach nothing else.
std::atomic<bool> g_interrupted(false);

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

std::optional<std::int64_t> parseTimeArgument(const QString& text)
{
    const std::string utf8 = text.trimmed().toStdString();
    if (const auto time = parseEventTime(utf8))
        return time;
    if (utf8.size() == 10)
        return parseEventTime(utf8 + "T00:00:00Z");
    if (utf8.size() == 16) // 2026-02-21T18:00
        return parseEventTime(utf8 + ":00Z");
    if (utf8.size() == 17 && (utf8.back() == 'Z' || utf8.back() == 'z')) // 2026-02-21T18:00Z
        return parseEventTime(utf8.substr(0, 16) + ":00Z");
    return std::nullopt;
}

QStringList splitList(const QStringList& values)
{
    QStringList result;
    for (const QString& value : values)
        for (const QString& part : value.split(u',', Qt::SkipEmptyParts))
            result << part.trimmed();
    return result;
}

QJsonObject problemJson(const Error& error)
{
    QJsonObject object{{QStringLiteral("path"), error.path},
                       {QStringLiteral("code"), errorCodeName(error.code)},
                       {QStringLiteral("reason"), error.detail}};
    if (!error.member.isEmpty())
        object[QStringLiteral("member")] = error.member;
    if (error.record >= 0)
        object[QStringLiteral("record")] = qint64(error.record);
    if (error.line >= 0)
        object[QStringLiteral("line")] = qint64(error.line);
    return object;
}

qint64 peakRssBytes()
{
    // VmHWM is this program's own peak. getrusage's ru_maxrss survives exec: a child of a big process would report
    // its parent's peak.
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine())
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024;
}

QJsonObject summaryJson(const ImportSummary& summary)
{
    QJsonArray rejected, warnings, ignored, conflicts;
    for (const ImportConflict& conflict : summary.conflicts)
        conflicts.append(QJsonObject{{QStringLiteral("eventID"), conflict.eventId},
                                     {QStringLiteral("kept"), conflict.kept},
                                     {QStringLiteral("setAside"), conflict.setAside},
                                     {QStringLiteral("paths"), QJsonArray::fromStringList(conflict.paths)}});
    for (const IgnoredSource& source : summary.ignored) {
        QJsonObject object{{QStringLiteral("path"), source.path}};
        if (!source.member.isEmpty())
            object[QStringLiteral("member")] = source.member;
        ignored.append(object);
    }
    for (const Error& error : summary.rejected)
        rejected.append(problemJson(error));
    for (const Error& warning : summary.warnings)
        warnings.append(problemJson(warning));
    const ImportCounts& c = summary.counts;
    return QJsonObject{{QStringLiteral("files"), qint64(c.files)},
                       {QStringLiteral("events"), qint64(c.events)},
                       {QStringLiteral("duplicates"), qint64(c.duplicates)},
                       {QStringLiteral("conflicts"), qint64(c.conflicts)},
                       {QStringLiteral("conflictList"), conflicts},
                       {QStringLiteral("superseded"), qint64(c.superseded)},
                       {QStringLiteral("skippedFiles"), qint64(c.skippedFiles)},
                       {QStringLiteral("outOfScopeFiles"), qint64(summary.outOfScopeFiles)},
                       {QStringLiteral("ignoredFiles"), qint64(summary.ignoredFiles)},
                       {QStringLiteral("ignored"), ignored},
                       {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("rejectedTotal"), qint64(c.rejected)},
                       {QStringLiteral("warnings"), warnings},
                       {QStringLiteral("warningsTotal"), qint64(c.warnings)},
                       {QStringLiteral("searchableSeconds"), summary.searchableSeconds},
                       {QStringLiteral("seconds"), summary.seconds},
                       {QStringLiteral("cancelled"), summary.cancelled},
                       {QStringLiteral("peakRssBytes"), peakRssBytes()}};
}

void printHumanSummary(const ImportSummary& summary)
{
    const ImportCounts& c = summary.counts;
    printOut(QStringLiteral("Imported %1 events from %2 files in %3 s (searchable after %4 s).\n")
                 .arg(c.events)
                 .arg(c.files)
                 .arg(summary.seconds, 0, 'f', 2)
                 .arg(summary.searchableSeconds, 0, 'f', 2));
    printOut(QStringLiteral("Duplicates %1, conflicts %2, superseded %3, files already in the case %4, "
                            "rejected %5, flagged %6.\n")
                 .arg(c.duplicates)
                 .arg(c.conflicts)
                 .arg(c.superseded)
                 .arg(c.skippedFiles)
                 .arg(c.rejected)
                 .arg(c.warnings));
    if (summary.ignoredFiles > 0)
        printOut(QStringLiteral("Ignored %1 files that are not trail content by name (LICENSE, README, *.md, ...; "
                                "listed with --json).\n")
                     .arg(summary.ignoredFiles));
    constexpr int Shown = 20;
    int shownConflicts = 0;
    for (const ImportConflict& conflict : summary.conflicts) {
        if (shownConflicts++ == Shown)
            break;
        printErr(
            QStringLiteral("conflict: eventID %1 differs at %2 (kept %3, set aside %4)\n")
                .arg(conflict.eventId, conflict.paths.join(QStringLiteral(", ")), conflict.kept, conflict.setAside));
    }
    if (c.conflicts > Shown)
        printErr(QStringLiteral("... and %1 more conflicts (see --json)\n").arg(c.conflicts - Shown));
    int shown = 0;
    for (const Error& error : summary.rejected) {
        if (shown++ == Shown)
            break;
        printErr(QStringLiteral("rejected: %1 [%2]\n").arg(error.toString(), errorCodeName(error.code)));
    }
    if (c.rejected > Shown)
        printErr(QStringLiteral("... and %1 more rejected (see --json)\n").arg(c.rejected - Shown));
}

} // namespace

int runImport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import CloudTrail files, folders and archives into a case."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file (created when missing)."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Files, folders or archives."),
                                 QStringLiteral("PATH..."));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("Skip files delivered before T."),
                                   QStringLiteral("T"));
    const QCommandLineOption until(QStringLiteral("until"),
                                   QStringLiteral("Skip files delivered after T (plus an hour)."), QStringLiteral("T"));
    const QCommandLineOption account(QStringLiteral("account"),
                                     QStringLiteral("Only this account's keys (repeatable)."), QStringLiteral("ID"));
    const QCommandLineOption region(QStringLiteral("region"), QStringLiteral("Only this region's keys (repeatable)."),
                                    QStringLiteral("R"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    const QCommandLineOption workers(QStringLiteral("workers"), QStringLiteral("Parse threads (default: cores - 1)."),
                                     QStringLiteral("N"));
    parser.addOptions({since, until, account, region, json, workers});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        printErr(QStringLiteral("import: needs CASE and at least one PATH\n"));
        return ExitUsage;
    }
    ImportOptions options;
    options.paths = positional.mid(1);
    for (const auto& [option, target] : {std::pair{&since, &options.scope.since}, {&until, &options.scope.until}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parseTimeArgument(parser.value(*option));
        if (!*target) {
            printErr(QStringLiteral("import: --%1 wants a time like 2026-02-21 or 2026-02-21T18:00:00Z\n")
                         .arg(option->names().first()));
            return ExitUsage;
        }
    }
    options.scope.accounts = splitList(parser.values(account));
    options.scope.regions = splitList(parser.values(region));
    if (parser.isSet(workers))
        options.workers = parser.value(workers).toInt();

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    TerminalProgress bar;
    Importer importer(positional.first());
    const auto result = importer.run(
        options, [&](const ImportProgress& progress) { bar.update(progress); }, g_interrupted);
    bar.finish();
    if (!result) {
        printErr(QStringLiteral("import: %1\n").arg(result.error().toString()));
        if (result.error().code == ErrorCode::DiskFull)
            printErr(QStringLiteral("import: everything committed before the disk filled up is kept; free some space "
                                    "and run the same import again to complete it\n"));
        return ExitFatal;
    }
    if (parser.isSet(json))
        printOut(QString::fromUtf8(QJsonDocument(summaryJson(*result)).toJson(QJsonDocument::Indented)));
    else
        printHumanSummary(*result);
    if (result->cancelled) {
        printErr(QStringLiteral(
            "import: interrupted; everything committed so far is kept, run the same import again to complete it\n"));
        return ExitInterrupted;
    }
    return result->counts.rejected > 0 ? ExitPartial : ExitOk;
}

} // namespace Trailscope::Cli
