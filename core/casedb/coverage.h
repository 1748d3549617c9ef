#pragma once

#include "casedb/sqlite.h"

namespace Trailscope::Core {

/// Recomputes the derived `coverage` table: per account and region, the first and last event and the holes in
/// delivery (trail files' delivery times when the keys carry them, else event times). A gap is an interval longer
/// than an hour and ten times the median interval of that account and region.
Result<void> rebuildCoverage(Sql::Database& db);

} // namespace Trailscope::Core
