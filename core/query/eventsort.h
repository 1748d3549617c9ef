#pragma once

#include "casedb/sqlite.h"
#include "query/fieldtable.h"
#include "query/searchsql.h"

#include <cstdint>
#include <functional>

namespace Trailscope::Core::Query {

/// Walks every event a search matches inside the options' window, ordered by a field's value as people read it (the
/// text, not the interned id; an event's first resource for resource fields), events without the field last in
/// either direction, ties newest first. One sorting statement over the whole result: for sorting a table by a column,
/// where keyset pages on the time index do not apply. `visit` returns false to stop early.
Result<void> forEachEventSortedBy(Sql::Database& db, const CompiledSearch& search, const SearchOptions& options,
                                  const FieldDef& field, bool descending,
                                  const std::function<bool(std::int64_t rowId)>& visit);

} // namespace Trailscope::Core::Query
