#pragma once

#include "casedb/sqlite.h"

#include <QStringList>

namespace Trailscope::Core::Query::Lake {

/// Registers on a query connection the SQL functions translated Lake SQL calls (all `ts_`-prefixed):
/// raw-record access (`ts_event_get(rowid, steps)`, `ts_event_json(rowid)`; each event's record is read back from the
/// evidence once per row through a read-only connection of their own), JSON (`ts_json_path`, `ts_json_scalar`,
/// `ts_json_value`, `ts_element_at`, `ts_cardinality`, `ts_contains`, `ts_map_keys`, `ts_array_join`), text
/// (`ts_like` case-sensitive with `%`/`_`, `ts_regexp_like`, `ts_regexp_extract`, `ts_regexp_replace`, `ts_split`,
/// `ts_split_part`, `ts_starts_with`, `ts_stored_id`), and time over UTC epoch milliseconds (`ts_time`, `ts_iso`,
/// `ts_date_trunc`, `ts_date_add`, `ts_date_diff`, `ts_time_part`), and the aggregates of registerLakeAggregates().
Result<void> registerLakeFunctions(Sql::Database& db);

/// The names registerLakeFunctions() adds, for the query connection's function allow-list.
QStringList lakeFunctionNames();

} // namespace Trailscope::Core::Query::Lake
