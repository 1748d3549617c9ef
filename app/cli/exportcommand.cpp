#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseschema.h"
#include "export/eventexport.h"
#include "query/searchparser.h"

#include <QCommandLineParser>

#include <atomic>
#include <csignal>

namespace Trailscope::Cli {

namespace {

using namespace Trailscope::Core;

std::atomic<bool> g_cancelled(false);

void onInterrupt(int)
{
    g_cancelled = true;
}

} // namespace

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the events of a search to a file, through a temporary file renamed at the end (an "
                       "interrupted export leaves nothing): CSV with Event history's columns, {\"Records\":[...]} "
                       "JSON with each record as stored (it imports again to the same events), or JSON Lines."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("The search-bar language or a {…} filter pattern (default: every "
                                                   "event)."),
                                    QStringLiteral("SEARCH"));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("From T (inclusive; UTC unless a zone)."),
                                   QStringLiteral("T"));
    const QCommandLineOption end(QStringLiteral("end"), QStringLiteral("Until T (exclusive)."), QStringLiteral("T"));
    const QCommandLineOption ascending(QStringLiteral("asc"), QStringLiteral("Oldest first (default newest)."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("csv, json or jsonl."),
                                    QStringLiteral("F"), QStringLiteral("csv"));
    const QCommandLineOption bom(QStringLiteral("bom"), QStringLiteral("CSV: a UTF-8 byte order mark first."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The file to write, - for standard output."),
                                    QStringLiteral("FILE"));
    parser.addOptions({search, start, end, ascending, format, bom, output});
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output)) {
        printErr(QStringLiteral("export: needs CASE and -o FILE (- for standard output)\n"));
        return ExitUsage;
    }
    Export::EventExportOptions options;
    const auto chosen = Export::eventFormatNamed(parser.value(format));
    if (!chosen) {
        printErr(QStringLiteral("export: --format is csv, json or jsonl\n"));
        return ExitUsage;
    }
    options.format = *chosen;
    options.byteOrderMark = parser.isSet(bom);
    Query::SearchOptions window;
    bool badTime = false;
    window.start = timeOption(parser, start, badTime);
    window.end = timeOption(parser, end, badTime);
    if (badTime) {
        printErr(QStringLiteral("export: --start and --end want a time like 2026-02-21 or 2026-02-21T18:00Z\n"));
        return ExitUsage;
    }
    window.order = parser.isSet(ascending) ? Query::SortOrder::OldestFirst : Query::SortOrder::NewestFirst;
    const auto parsed = Query::parseSearch(parser.value(search));
    if (!parsed) {
        printErr(QStringLiteral("1:%1: %2\n").arg(parsed.error().position + 1).arg(parsed.error().message));
        return ExitQueryError;
    }
    auto db = CaseSchema::open(parser.positionalArguments().at(0), CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        printErr(QStringLiteral("export: %1\n").arg(db.error().toString()));
        return ExitFatal;
    }
    options.cancelled = &g_cancelled;
    std::signal(SIGINT, onInterrupt);
    const auto written =
        Export::exportEvents(*db, Query::compileSearch(*parsed), window, parser.value(output), options);
    if (!written) {
        if (written.error().code == ErrorCode::Cancelled) {
            printErr(QStringLiteral("export: interrupted; nothing written\n"));
            return ExitInterrupted;
        }
        printErr(QStringLiteral("export: %1\n").arg(written.error().toString()));
        return written.error().code == ErrorCode::Sqlite ? ExitQueryError : ExitFatal;
    }
    if (parser.value(output) != QLatin1String("-"))
        printErr(QStringLiteral("export: %1 events written to %2\n").arg(*written).arg(parser.value(output)));
    return ExitOk;
}

} // namespace Trailscope::Cli
