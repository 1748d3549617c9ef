#pragma once

#include "casedb/sqlite.h"

#include <QStringList>

namespace Trailscope::Core::Query::Lake {

/// Registers Trino's aggregates that SQLite lacks, for translated Lake SQL (NULL inputs are skipped, as in Trino):
/// - `ts_max_by(x, y)`, `ts_min_by(x, y)`: x of the row with the largest / smallest y (SQLite's order of values);
///   `ts_max_by(x, y, n)`, `ts_min_by(x, y, n)`: a JSON array of the x of the n rows with the largest / smallest y,
///   best first (1 ≤ n ≤ 10000, as Trino). These four keep the best rows only and are aggregates alone;
///   `ts_max_by_window`, `ts_min_by_window` take the same arguments, keep the frame's rows ordered by y and also run
///   as window functions over sliding frames.
/// - the statistical aggregates of registerLakeStatistics() (approx_percentile, variance, standard deviation).
Result<void> registerLakeAggregates(Sql::Database& db);

/// The names registerLakeAggregates() adds, for the query connection's function allow-list.
QStringList lakeAggregateNames();

} // namespace Trailscope::Core::Query::Lake
