#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseinfo.h"
#include "casedb/caseschema.h"
#include "export/eventexport.h"
#include "export/resultexport.h"
#include "query/lake/lakequery.h"
#include "query/lake/laketokenizer.h"
#include "query/searchparser.h"
#include "report/casefindings.h"

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

// What an export writes: exactly one of these (a search by default).
enum class Scope { Search, Query, Starred, Finding, Summary };

struct ExportOptions
{
    QCommandLineOption search{QStringLiteral("search"),
                              QStringLiteral("Scope: the events of a search (the search-bar language or a {…} filter "
                                             "pattern); the default scope, every event without it."),
                              QStringLiteral("SEARCH")};
    QCommandLineOption query{QStringLiteral("query"),
                             QStringLiteral("Scope: the result of one CloudTrail Lake (or SQLite) SQL statement."),
                             QStringLiteral("SQL")};
    QCommandLineOption starred{
        QStringLiteral("starred"),
        QStringLiteral("Scope: the starred events with their notes (CSV: a Note column; JSON: "
                       "a Notes list beside Records; JSON Lines: {\"note\", \"record\"})."),
    };
    QCommandLineOption finding{
        QStringLiteral("finding"),
        QStringLiteral("Scope: a finding's events, oldest first. ID is a detection rule's id as `detect` prints it "
                       "(e.g. CloudWatch.3, shipped rules) or an insight's sharedEventID as `insights --format json` "
                       "prints it (medium sensitivity)."),
        QStringLiteral("ID")};
    QCommandLineOption summary{QStringLiteral("summary"),
                               QStringLiteral("Scope: the case summary `info --json` prints (CSV: field,value rows).")};
    QCommandLineOption start{QStringLiteral("start"),
                             QStringLiteral("--search, --starred: from T (inclusive; UTC unless a zone)."),
                             QStringLiteral("T")};
    QCommandLineOption end{QStringLiteral("end"), QStringLiteral("--search, --starred: until T (exclusive)."),
                           QStringLiteral("T")};
    QCommandLineOption ascending{QStringLiteral("asc"),
                                 QStringLiteral("--search, --starred: oldest first (default newest).")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("csv, json or jsonl."), QStringLiteral("F"),
                              QStringLiteral("csv")};
    QCommandLineOption bom{QStringLiteral("bom"), QStringLiteral("CSV: a UTF-8 byte order mark first.")};
    QCommandLineOption output{QStringList{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("The file to write, - for standard output."), QStringLiteral("FILE")};

    QList<QCommandLineOption> all() const
    {
        return {search, query, starred, finding, summary, start, end, ascending, format, bom, output};
    }
};

// The one scope the arguments choose; nullopt (after saying why) when they choose several.
std::optional<Scope> chosenScope(const QCommandLineParser& parser, const ExportOptions& options)
{
    const std::pair<const QCommandLineOption*, Scope> scopes[] = {{&options.search, Scope::Search},
                                                                  {&options.query, Scope::Query},
                                                                  {&options.starred, Scope::Starred},
                                                                  {&options.finding, Scope::Finding},
                                                                  {&options.summary, Scope::Summary}};
    std::optional<Scope> chosen;
    for (const auto& [option, scope] : scopes) {
        if (!parser.isSet(*option))
            continue;
        if (chosen) {
            printErr(QStringLiteral("export: one scope at a time: --search, --query, --starred, --finding or "
                                    "--summary\n"));
            return std::nullopt;
        }
        chosen = scope;
    }
    const bool windowed = parser.isSet(options.start) || parser.isSet(options.end) || parser.isSet(options.ascending);
    const Scope scope = chosen.value_or(Scope::Search);
    if (windowed && scope != Scope::Search && scope != Scope::Starred) {
        printErr(QStringLiteral("export: --start, --end and --asc go with --search or --starred\n"));
        return std::nullopt;
    }
    return scope;
}

int reportFailure(const Error& error)
{
    if (error.code == ErrorCode::Cancelled) {
        printErr(QStringLiteral("export: interrupted; nothing written\n"));
        return ExitInterrupted;
    }
    switch (error.code) {
    case ErrorCode::QuerySyntax:
    case ErrorCode::QueryRefused:
    case ErrorCode::QueryFailed:
        printErr(Query::Lake::describeQueryError(error) + u'\n');
        return ExitQueryError;
    default:
        printErr(QStringLiteral("export: %1\n").arg(error.toString()));
        return error.code == ErrorCode::Sqlite ? ExitQueryError : ExitFatal;
    }
}

struct Run
{
    const QCommandLineParser& parser;
    const ExportOptions& options;
    QString casePath, output;
    Export::EventExportOptions exportOptions;
    Query::SearchNode search;              ///< Scope::Search, parsed
    std::vector<std::int64_t> findingRows; ///< Scope::Finding, found
};

// The search (or starred) scope's window; nullopt after a usage message.
std::optional<Query::SearchOptions> windowOf(const Run& run)
{
    Query::SearchOptions window;
    bool badTime = false;
    window.start = timeOption(run.parser, run.options.start, badTime);
    window.end = timeOption(run.parser, run.options.end, badTime);
    if (badTime) {
        printErr(QStringLiteral("export: --start and --end want a time like 2026-02-21 or 2026-02-21T18:00Z\n"));
        return std::nullopt;
    }
    window.order =
        run.parser.isSet(run.options.ascending) ? Query::SortOrder::OldestFirst : Query::SortOrder::NewestFirst;
    return window;
}

// A finding's event rows; nothing when the case has no finding of that id.
Result<std::optional<std::vector<std::int64_t>>> findingRows(const QString& casePath, const QString& id)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    auto findings = Report::caseFindings(casePath, *db);
    if (!findings)
        return std::unexpected(findings.error());
    for (Report::CaseFinding& finding : *findings) {
        if (finding.id == id)
            return std::move(finding.eventRows);
    }
    return std::nullopt;
}

Result<std::int64_t> exportScope(const Run& run, Scope scope, const Query::SearchOptions& window)
{
    if (scope == Scope::Query) {
        auto lake = Query::Lake::LakeQuery::open(run.casePath);
        if (!lake)
            return std::unexpected(lake.error());
        return Export::exportQueryResult(**lake, run.parser.value(run.options.query), run.output, run.exportOptions);
    }
    if (scope == Scope::Summary) {
        const auto info = readCaseInfo(run.casePath);
        if (!info)
            return std::unexpected(info.error());
        if (auto written = Export::exportSummary(*info, run.output, run.exportOptions); !written)
            return std::unexpected(written.error());
        return 1;
    }
    auto db = CaseSchema::open(run.casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    if (scope == Scope::Starred)
        return Export::exportStarredEvents(*db, window, run.output, run.exportOptions);
    if (scope == Scope::Finding)
        return Export::exportEventRows(*db, run.findingRows, run.output, run.exportOptions);
    return Export::exportEvents(*db, Query::compileSearch(run.search), window, run.output, run.exportOptions);
}

QString writtenWhat(Scope scope, std::int64_t count)
{
    switch (scope) {
    case Scope::Query:
        return QStringLiteral("%1 rows").arg(count);
    case Scope::Summary:
        return QStringLiteral("the case summary");
    default:
        return QStringLiteral("%1 events").arg(count);
    }
}

} // namespace

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a search's events, a query's result, the starred events, a finding's events or the "
                       "case summary to a file, through a temporary file renamed at the end (an interrupted export "
                       "leaves nothing): CSV (events with Event history's columns), JSON ({\"Records\":[...]} with "
                       "each record as stored: it imports again to the same events) or JSON Lines. One scope at a "
                       "time; a search is the default."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Case file."));
    const ExportOptions options;
    parser.addOptions(options.all());
    if (const auto stop = parseArguments(parser, arguments))
        return *stop;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(options.output)) {
        printErr(QStringLiteral("export: needs CASE and -o FILE (- for standard output)\n"));
        return ExitUsage;
    }
    const auto scope = chosenScope(parser, options);
    if (!scope)
        return ExitUsage;
    Run run{parser, options, parser.positionalArguments().at(0), parser.value(options.output), {}, {}, {}};
    const auto format = Export::eventFormatNamed(parser.value(options.format));
    if (!format) {
        printErr(QStringLiteral("export: --format is csv, json or jsonl\n"));
        return ExitUsage;
    }
    run.exportOptions.format = *format;
    run.exportOptions.byteOrderMark = parser.isSet(options.bom);
    const auto window = windowOf(run);
    if (!window)
        return ExitUsage;
    if (*scope == Scope::Search) {
        const auto parsed = Query::parseSearch(parser.value(options.search));
        if (!parsed) {
            printErr(QStringLiteral("1:%1: %2\n").arg(parsed.error().position + 1).arg(parsed.error().message));
            return ExitQueryError;
        }
        run.search = *parsed;
    }
    if (*scope == Scope::Finding) {
        auto rows = findingRows(run.casePath, parser.value(options.finding));
        if (!rows)
            return reportFailure(rows.error());
        if (!*rows) {
            printErr(QStringLiteral("export: no finding %1 in the case (ids: the RULE column of `detect`, the "
                                    "sharedEventID of `insights --format json`)\n")
                         .arg(parser.value(options.finding)));
            return ExitUsage;
        }
        run.findingRows = std::move(**rows);
    }
    run.exportOptions.cancelled = &g_cancelled;
    std::signal(SIGINT, onInterrupt);
    const auto written = exportScope(run, *scope, *window);
    if (!written)
        return reportFailure(written.error());
    if (run.output != QLatin1String("-"))
        printErr(QStringLiteral("export: %1 written to %2\n").arg(writtenWhat(*scope, *written), run.output));
    return ExitOk;
}

} // namespace Trailscope::Cli
