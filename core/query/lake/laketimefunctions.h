#pragma once

#include "casedb/sqlite.h"

#include <QStringList>

namespace Trailscope::Core::Query::Lake {

/// Registers the time functions translated Lake SQL calls, over UTC epoch milliseconds: `ts_time(text)` (a time as
/// CloudTrail and analysts write it; NULL when it is none), `ts_iso(ms)`, `ts_date_trunc(unit, ms)` (weeks start on
/// Monday), `ts_date_add(unit, n, ms)` (months by the calendar), `ts_date_diff(unit, a, b)` (whole units, as Trino)
/// and `ts_time_part(field, ms)` (year … millisecond, day_of_week 1 = Monday, ISO week).
Result<void> registerLakeTimeFunctions(Sql::Database& db);
QStringList lakeTimeFunctionNames();

} // namespace Trailscope::Core::Query::Lake
