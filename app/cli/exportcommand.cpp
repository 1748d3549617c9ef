#include "climain.h"
#include "exitcodes.h"

#include "casedb/caseinfo.h"
#include "casedb/caseschema.h"
#include "export/eventexport.h"
#include "export/resultexport.h"
#include "query/eventcolumns.h"
#include "query/lake/lakequery.h"
#include "query/lake/laketokenizer.h"
#include "query/searchparser.h"
#include "report/casefindings.h"
#include "report/reportexport.h"

#include <QCommandLineParser>

#include <algorithm>
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
                       "(e.g. CloudWatch.3; the case's rules, as `detect` runs them) or an insight's sharedEventID as "
                       "`insights --format json` "
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
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("csv, json, jsonl, html (one self-contained file: no scripts, no "
                                             "network) or pdf (A4 landscape, a title page, numbered pages)."),
                              QStringLiteral("F"), QStringLiteral("csv")};
    QCommandLineOption sections{
        QStringLiteral("sections"),
        QStringLiteral("html, pdf: the report's parts, comma-separated: summary, sources, scope, timeline, findings, "
                       "starred, events, or all (the default)."),
        QStringLiteral("LIST"), QStringLiteral("all")};
    QCommandLineOption limit{QStringLiteral("limit"),
                             QStringLiteral("html, pdf: the events table's rows at most (default 10000); the report "
                                            "says how many there were."),
                             QStringLiteral("N"), QStringLiteral("10000")};
    QCommandLineOption title{QStringLiteral("title"), QStringLiteral("html, pdf: the report's title."),
                             QStringLiteral("TEXT")};
    QCommandLineOption columns{QStringLiteral("columns"),
                               QStringLiteral("html, pdf: the events table's columns, comma-separated, by their JSON "
                                              "names (eventTime, eventName, userName, eventSource, resourceType, "
                                              "resourceName, awsRegion, sourceIPAddress, errorCode, readOnly, "
                                              "recipientAccountId, eventID)."),
                               QStringLiteral("LIST")};
    QCommandLineOption bom{QStringLiteral("bom"), QStringLiteral("CSV: a UTF-8 byte order mark first.")};
    QCommandLineOption output{QStringList{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("The file to write, - for standard output."), QStringLiteral("FILE")};

    QList<QCommandLineOption> all() const
    {
        return {search, query,    starred, finding, summary, start, end,   ascending,
                format, sections, limit,   title,   columns, bom,   output};
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

QStringList knownColumnIds()
{
    QStringList ids;
    for (const Query::EventColumn& column : Query::eventColumns())
        ids << QString::fromLatin1(column.id.data(), static_cast<qsizetype>(column.id.size()));
    return ids;
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
    Query::SearchNode search;                                 ///< Scope::Search, parsed
    std::vector<std::int64_t> findingRows;                    ///< Scope::Finding, found
    std::optional<std::vector<Report::CaseFinding>> findings; ///< Scope::Finding: the case's, for a report
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

// The case's findings.
Result<std::vector<Report::CaseFinding>> caseFindingsOf(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    return Report::caseFindings(casePath, *db);
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

Report::ReportScope reportScope(const Run& run, Scope scope, const Query::SearchOptions& window)
{
    Report::ReportScope report;
    report.window = window;
    switch (scope) {
    case Scope::Search:
        report.kind = Report::ReportScope::Kind::Search;
        report.text = run.parser.value(run.options.search);
        report.search = run.search;
        break;
    case Scope::Query:
        report.kind = Report::ReportScope::Kind::Query;
        report.text = run.parser.value(run.options.query);
        break;
    case Scope::Starred:
        report.kind = Report::ReportScope::Kind::Starred;
        break;
    case Scope::Finding:
        report.kind = Report::ReportScope::Kind::Finding;
        report.text = run.parser.value(run.options.finding);
        break;
    case Scope::Summary:
        report.kind = Report::ReportScope::Kind::Summary;
        break;
    }
    return report;
}

// The report's options from the arguments; nullopt after a usage message.
std::optional<Report::CaseReportOptions> reportOptions(const Run& run)
{
    Report::CaseReportOptions options;
    const auto parts = Report::reportPartsNamed(run.parser.value(run.options.sections));
    if (!parts) {
        printErr(QStringLiteral("export: --sections lists %1 or all\n")
                     .arg(Report::reportPartNames().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    options.parts = *parts;
    bool ok = false;
    options.eventLimit = run.parser.value(run.options.limit).toInt(&ok);
    if (!ok || options.eventLimit < 0) {
        printErr(QStringLiteral("export: --limit wants a count of rows\n"));
        return std::nullopt;
    }
    options.title = run.parser.value(run.options.title);
    if (run.parser.isSet(run.options.columns)) {
        options.columns = run.parser.value(run.options.columns).split(u',', Qt::SkipEmptyParts);
        const QStringList known = knownColumnIds();
        for (QString& column : options.columns) {
            column = column.trimmed();
            if (!known.contains(column)) {
                printErr(QStringLiteral("export: no column %1 (columns: %2)\n")
                             .arg(column, known.join(QStringLiteral(", "))));
                return std::nullopt;
            }
        }
    }
    if (run.findings)
        options.findings = &*run.findings;
    options.cancelled = &g_cancelled;
    return options;
}

int runReport(const Run& run, Scope scope, const Query::SearchOptions& window, Report::ReportFormat format)
{
    auto options = reportOptions(run);
    if (!options)
        return ExitUsage;
    auto db = CaseSchema::open(run.casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return reportFailure(db.error());
    std::signal(SIGINT, onInterrupt);
    const auto written =
        Report::exportReport(run.casePath, *db, reportScope(run, scope, window), *options, format, run.output);
    if (!written)
        return reportFailure(written.error());
    if (run.output != QLatin1String("-")) {
        const QString what = format == Report::ReportFormat::Pdf
                                 ? QStringLiteral("a %1-page report").arg(written->pages)
                                 : QStringLiteral("a report");
        printErr(QStringLiteral("export: %1 (%2 table rows) written to %3\n")
                     .arg(what)
                     .arg(written->events)
                     .arg(run.output));
    }
    return ExitOk;
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
                       "each record as stored: it imports again to the same events), JSON Lines, or a report of "
                       "the scope as HTML or PDF (the case summary, sources with their SHA-256, the scope, a "
                       "timeline, findings, starred events with notes, the events; --sections picks). One scope at "
                       "a time; a search is the default."));
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
    Run run{parser, options, parser.positionalArguments().at(0), parser.value(options.output), {}, {}, {}, {}};
    const auto format = Export::eventFormatNamed(parser.value(options.format));
    const auto reportFormat = Report::reportFormatNamed(parser.value(options.format));
    if (!format && !reportFormat) {
        printErr(QStringLiteral("export: --format is csv, json, jsonl, html or pdf\n"));
        return ExitUsage;
    }
    run.exportOptions.format = format.value_or(Export::EventFormat::Csv);
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
        auto findings = caseFindingsOf(run.casePath);
        if (!findings)
            return reportFailure(findings.error());
        const auto found = std::find_if(findings->begin(), findings->end(), [&](const Report::CaseFinding& finding) {
            return finding.id == parser.value(options.finding);
        });
        if (found == findings->end()) {
            printErr(QStringLiteral("export: no finding %1 in the case (ids: the RULE column of `detect`, the "
                                    "sharedEventID of `insights --format json`)\n")
                         .arg(parser.value(options.finding)));
            return ExitUsage;
        }
        run.findingRows = found->eventRows;
        run.findings = std::move(*findings);
    }
    if (reportFormat)
        return runReport(run, *scope, *window, *reportFormat);
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
