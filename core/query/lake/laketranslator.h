#pragma once

#include "query/lake/lakeast.h"
#include "query/lake/lakeschema.h"

#include <QHash>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace Trailscope::Core::Query::Lake {

/// A result column: the name Lake would give it (the alias, the last part of a dotted name, `_col<N>` otherwise)
/// and the type that decides how values print.
struct OutputColumn
{
    QString name;
    ValueType type = ValueType::Unknown;
};

/// A statement translated to SQLite SQL over the case schema.
struct Translation
{
    std::string sql;
    std::vector<OutputColumn> columns;
    /// (byte offset in `sql`, place in the user's text) in increasing offset order, to map SQLite errors back.
    std::vector<std::pair<int, SourcePos>> marks;
    /// Its loops over the events view count each event row they visit (`ts_examine`), for progress; only when
    /// translated with `countExamined`.
    bool countsEvents = false;
    /// … in a single loop that runs once, so it examines each event at most once: examined ≤ the case's events.
    bool examinesOnce = false;

    /// The place in the user's text of the SQL at `sqlOffset` (the nearest mark before it).
    SourcePos originalPosition(int sqlOffset, const SourcePos& fallback) const;
};

/// The case's tables and views (lower-case names) with their columns: names that stay themselves in FROM.
using TableCatalog = QHash<QString, QStringList>;

/// Translates a parsed Lake statement. In FROM, a table or view of `tables` is itself and any other name is the
/// Lake events view; names resolve as Lake does (a first part that is a FROM alias qualifies, otherwise the name is
/// a nested path, case-insensitive). `nowMs` is the query's now() and current_timestamp. With `countExamined`, each
/// loop over the events view counts the event rows it visits on the query connection (about 15 ns a row where the
/// events are the only loop of a SELECT, 35 ns in joins). Errors are ErrorCode::QuerySyntax at the place in the
/// user's text.
Result<Translation> translate(const QueryExpr& query, const TableCatalog& tables, std::int64_t nowMs,
                              bool countExamined = false);

} // namespace Trailscope::Core::Query::Lake
