#pragma once

#include "casedb/sqlite.h"
#include "query/searchast.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace Trailscope::Core::Query {

/// A value bound to a compiled search; values never appear in SQL text.
struct SqlParameter
{
    enum class Type { Integer, Text, Blob };
    Type type = Type::Integer;
    std::int64_t integer = 0;
    QByteArray bytes; ///< Text (UTF-8) and Blob

    static SqlParameter ofInteger(std::int64_t value) { return {Type::Integer, value, {}}; }
    static SqlParameter ofText(const QString& text) { return {Type::Text, 0, text.toUtf8()}; }
    static SqlParameter ofBlob(QByteArray bytes) { return {Type::Blob, 0, std::move(bytes)}; }
};

/// A search as an SQL predicate over `events e`, with its parameters ?1..?N in order.
struct CompiledSearch
{
    std::string where = "1";
    std::vector<SqlParameter> parameters;
    bool readsRawRecords = false; ///< free text or an unmapped filter-pattern selector: evaluated per candidate event
};

/// The 16 bytes the importer stores for an ID (eventID, requestID, sharedEventID) that is a canonical lowercase UUID;
/// empty for any other text, which is stored as written.
QByteArray compactUuid(const QString& text);

/// Compiles a parsed search. Interned strings are looked up in `strings` (unique index) once per statement and the
/// events then filtered by id, so equality on an indexed field runs on that field's index; wildcards and
/// case-insensitive values search the small `strings`/`identities` tables first; raw-record conditions come last in
/// every AND so cheaper conditions decide first. Needs the functions of registerSearchFunctions() on the connection.
CompiledSearch compileSearch(const SearchNode& root);

/// Which events a search may match beyond its own terms. The time window is SearchOptions'.
struct SearchScope
{
    std::string rowSetTable; ///< a table of event ids (`temp.browse_set`: a result set from the SQL editor); empty: all
    bool starredOnly = false; ///< only events the analyst starred (analyst_marks)
};

/// The search compiled within a scope: the scope's conditions are added here, once, not pasted by each caller.
CompiledSearch compileSearch(const SearchNode& root, const SearchScope& scope);

enum class SortOrder { NewestFirst, OldestFirst };

/// The time window and order of a lookup.
struct SearchOptions
{
    std::optional<std::int64_t> start; ///< inclusive, UTC epoch ms
    std::optional<std::int64_t> end;   ///< exclusive
    SortOrder order = SortOrder::NewestFirst;
};

/// The search restricted to the options' time window (start inclusive, end exclusive), parameters appended.
CompiledSearch withinWindow(const CompiledSearch& search, const SearchOptions& options);
/// Binds a parameter of a compiled search to `?index`.
void bindParameter(Sql::Statement& statement, int index, const SqlParameter& parameter);

/// An event's position in the result order: (time, rowid). Events without a time sort after all others when newest
/// come first, and before them otherwise.
struct EventKey
{
    std::optional<std::int64_t> time;
    std::int64_t rowId = 0;
};

/// Pages through the events a search matches by key (keyset on (time, id); never OFFSET).
class EventSearch
{
public:
    /// Registers the search functions on `db`, compiles the search and prepares its statements.
    static Result<EventSearch> create(Sql::Database& db, const SearchNode& root, const SearchOptions& options);
    /// The same for a search compiled (and perhaps narrowed, e.g. to starred events) by the caller.
    static Result<EventSearch> create(Sql::Database& db, CompiledSearch compiled, const SearchOptions& options);

    /// Up to `limit` events after `after` (nullopt: from the first), in the search's order.
    Result<std::vector<EventKey>> page(const std::optional<EventKey>& after, int limit);

    const CompiledSearch& compiled() const { return m_compiled; }
    /// The statement for events with a time; the one for events without differs only in its key condition.
    const std::string& sql() const { return m_timedSql; }

private:
    EventSearch() = default;
    Result<void> run(Sql::Statement& statement, bool timed, const std::optional<EventKey>& after, int limit,
                     std::vector<EventKey>& out);

    Sql::Database* m_db = nullptr;
    CompiledSearch m_compiled;
    SearchOptions m_options;
    std::string m_timedSql, m_untimedSql;
    Sql::Statement m_timed, m_untimed;
};

} // namespace Trailscope::Core::Query
