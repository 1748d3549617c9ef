#pragma once

#include "casedb/sqlite.h"
#include "query/searchast.h"
#include "query/searchsql.h"
#include "report/casefindings.h"
#include "report/reportdocument.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Trailscope::Core::Report {

/// What a report is about: one of export's scopes.
struct ReportScope
{
    enum class Kind { Search, Query, Starred, Finding, Summary };

    Kind kind = Kind::Search;
    QString text;                ///< the search or SQL as the analyst wrote it, or the finding's id
    Query::SearchNode search;    ///< Kind::Search: `text` parsed
    Query::SearchOptions window; ///< Kind::Search and Kind::Starred: the time window and order
    Query::SearchScope within;   ///< Kind::Search: only starred events, only a row set (the browser's view)
    /// Kind::Finding: the finding itself (a dashboard row, a case rule's), not looked up by `text` among
    /// caseFindings().
    std::optional<CaseFinding> finding;
};

/// The parts a report can hold, each a section of the document (the analyst picks; all by default).
enum class ReportPart : unsigned {
    Summary = 1u << 0,  ///< accounts, regions, time range, event sources, coverage
    Sources = 1u << 1,  ///< import sessions and each file's SHA-256
    Scope = 1u << 2,    ///< the search, query or finding the report is about
    Timeline = 1u << 3, ///< the scope's events over time, as a picture
    Findings = 1u << 4, ///< the case's detections and insights
    Starred = 1u << 5,  ///< the starred events with their notes
    Events = 1u << 6,   ///< the scope's events (or rows) as a table
};
constexpr unsigned AllReportParts = (1u << 7) - 1;

/// `summary,sources,scope,timeline,findings,starred,events` (any subset, any order) or `all`; nullopt names nothing
/// known.
std::optional<unsigned> reportPartsNamed(const QString& commaSeparated);
QStringList reportPartNames();

struct CaseReportOptions
{
    QString title; ///< empty: "CloudTrail investigation report"
    unsigned parts = AllReportParts;
    int eventLimit = 10000; ///< the events table's rows at most; the note says how many there were
    QStringList columns;    ///< the events table's columns (query/eventcolumns.h ids); empty: the report's own set
    /// The case's findings when the caller has them already (caseFindings()); null: the report finds them when it
    /// needs them (the findings part, a finding's scope).
    const std::vector<CaseFinding>* findings = nullptr;
    std::function<void(const QString& stage)> progress;
    const std::atomic<bool>* cancelled = nullptr;
};

/// The report of `scope` in the case at `casePath`: the parts asked for, each a section. A query's result is a table
/// of its own columns and has no timeline; a finding's id is looked up among caseFindings() (ErrorCode::NotFound
/// style errors are ErrorCode::QueryFailed with the ids to use). Needs a QGuiApplication for the timeline's picture.
Result<ReportDocument> buildCaseReport(const QString& casePath, Sql::Database& db, const ReportScope& scope,
                                       const CaseReportOptions& options);

/// The events table's columns when none are named: those an incident lead reads, Event ID included.
QStringList defaultReportColumns();

} // namespace Trailscope::Core::Report
