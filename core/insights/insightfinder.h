#pragma once

#include "casedb/sqlite.h"
#include "insights/insightfinding.h"
#include "insights/insightoptions.h"

#include <vector>

namespace Trailscope::Core::Insights {

/// CloudTrail Insights computed offline from the case's events: ApiCallRateInsight and ApiErrorRateInsight episodes
/// by the model of insightmodel.h, oldest first (then by type, API, account and region), each with its attributions.
Result<std::vector<InsightFinding>> computeInsights(Sql::Database& db, const InsightOptions& options);

} // namespace Trailscope::Core::Insights
