#pragma once

#include "query/lake/laketranslator.h"
#include "query/lake/queryconnection.h"

#include <QJsonArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Trailscope::Core::Query::Lake {

/// How far a running statement has got. Translated Lake SQL prepared for progress counts the event rows its loops
/// visit; a loop visits only the rows its index range holds, so a statement that examines each event at most once
/// (`bounded`) has got at least examined / total of the way, and a full scan exactly that far.
struct QueryProgress
{
    std::int64_t examined = 0; ///< event rows visited so far (across all its loops)
    std::int64_t total = -1;   ///< events in the case; -1 (unknown) when the statement does not count
    bool counting = false;     ///< it counts: translated Lake SQL that reads events, prepared for progress
    bool bounded = false;      ///< … in one loop that runs once: examined never passes total
};

/// One statement of a query text, prepared and ready to step.
struct PreparedQuery
{
    QString text;                      ///< the statement as the user wrote it
    SourcePos pos;                     ///< where it starts in the whole text
    bool translated = false;           ///< Lake SQL translated; false: plain SQLite SQL run as written
    std::string sql;                   ///< what SQLite runs
    std::vector<OutputColumn> columns; ///< names and types of the result
    StatementHandle statement;
    QueryProgress progress; ///< after the last step
};

/// Called while a statement runs (see LakeQuery::setProgressHandler); false cancels it.
using ProgressHandler = std::function<bool(const QueryProgress&)>;

/// Runs CloudTrail Lake SQL, and plain SQLite SQL over the documented case schema, on a case, read-only.
/// A text may hold several statements separated by `;`: all are parsed, translated and prepared before any runs,
/// so one refused statement stops them all. Values come back as JSON values: numbers as numbers, booleans as
/// true/false, times as ISO-8601 UTC text, structs, maps and arrays as JSON objects and arrays, NULL as null.
class LakeQuery
{
public:
    static Result<std::unique_ptr<LakeQuery>> open(const QString& casePath);

    /// Errors carry the line and column in `text` (Error::line, Error::column): ErrorCode::QuerySyntax for text the
    /// dialect does not accept, QueryRefused for anything that would write, QueryFailed for SQLite's own errors.
    Result<std::vector<PreparedQuery>> prepare(const QString& text);
    /// The next row of a prepared statement into `row`; false when there are no more. Cancelled by cancel() (from
    /// any thread) or the progress handler: ErrorCode::Cancelled. `query.progress` says how far it has got.
    Result<bool> next(PreparedQuery& query, QJsonArray& row);

    void cancel() { m_connection->cancel(); }
    /// Called every few thousand SQLite steps while a statement runs, with how far it has got; return false to
    /// cancel. With `counted`, statements prepared from then on count the events they examine (a function call per
    /// event row a loop visits: about an eighth more for a scan over stored columns, nothing to speak of where raw
    /// records are read), and the case's events are counted for QueryProgress::total before a counting statement's
    /// first step (over an index, some milliseconds per million events; kept until the case changes). Without it,
    /// the handler only gets to cancel.
    void setProgressHandler(ProgressHandler handler, bool counted = false);
    QueryConnection& connection() { return *m_connection; }
    /// What now() and current_timestamp mean: the wall clock by default (as Lake), or a fixed instant such as the
    /// case's newest event (the console's "case clock", so relative windows are useful on old logs).
    void setNow(std::optional<std::int64_t> nowMs) { m_fixedNow = nowMs; }
    /// The newest event time of the case, for setNow(); nullopt for an empty case.
    std::optional<std::int64_t> newestEventTime();

private:
    explicit LakeQuery(std::unique_ptr<QueryConnection> connection);
    /// The case's events, counted again only when another connection has changed the case.
    std::int64_t eventCount();
    std::optional<std::int64_t> m_fixedNow;
    Result<PreparedQuery> prepareOne(const QString& text, const std::vector<Token>& tokens);
    Error placeError(Error error, const QString& text, const PreparedQuery& query, const std::vector<Token>& tokens,
                     int sqlOffset, const Translation* translation) const;

    std::unique_ptr<QueryConnection> m_connection;
    TableCatalog m_tables;
    bool m_counted = false;                     ///< statements prepared now count the events they examine
    const PreparedQuery* m_stepping = nullptr;  ///< the statement in sqlite3_step, for the progress handler
    std::optional<std::int64_t> m_countVersion; ///< PRAGMA data_version when m_eventCount was read
    std::int64_t m_eventCount = 0;
};

/// A result value of `type` from SQLite's column `index` as a JSON value (see LakeQuery).
QJsonValue cellValue(sqlite3_stmt* statement, int index, ValueType type);

} // namespace Trailscope::Core::Query::Lake
