#pragma once

#include "casedb/sqlite.h"

#include <QStringList>

namespace Trailscope::Core::Query::Lake {

/// Registers Trino's statistical aggregates that SQLite lacks, as aggregate and window functions (sliding frames
/// too); NULL inputs are skipped and other non-numbers are an error:
/// - `ts_percentile(x, p)`, approx_percentile made exact: the nearest-rank value (the smallest x with at least a
///   share p of the values at or below it); p a number in [0, 1], or a JSON array of them for a JSON array of
///   values. Integers stay integers.
/// - `ts_var_samp`, `ts_var_pop`, `ts_stddev_samp`, `ts_stddev_pop` (Welford's running mean; a sample of one value
///   has no variance: NULL).
Result<void> registerLakeStatistics(Sql::Database& db);
QStringList lakeStatisticsNames();

} // namespace Trailscope::Core::Query::Lake
