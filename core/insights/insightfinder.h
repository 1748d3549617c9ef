#pragma once

#include "casedb/sqlite.h"
#include "insights/insightfinding.h"
#include "insights/insightoptions.h"

#include <vector>

namespace Trailscope::Core::Insights {

/// CloudTrail Insights computed offline from the case's events: ApiCallRateInsight and ApiErrorRateInsight episodes
/// by the model of insightmodel.h, oldest first (then by type, API, account and region), each with its attributions.
Result<std::vector<InsightFinding>> computeInsights(Sql::Database& db, const InsightOptions& options);

/// A finding's series minute by minute around its episode, zero-filled: what a graph of the rate against the baseline
/// (the AWS console's Insights graph) draws.
struct FindingSeries
{
    std::int64_t fromMinute = 0;      ///< UTC epoch minutes of counts[0]
    std::vector<std::int64_t> counts; ///< calls (or errors) per minute from fromMinute on, quiet minutes as 0
};

/// The findings of computeInsights() with, for each (series[i] belongs to findings[i]), its counts from
/// `marginMinutes` before the episode to `marginMinutes` after it, clipped to the minutes the case holds for the
/// series' account and region. Read from the same pass over the events, so a graph costs no query of its own.
struct InsightsWithSeries
{
    std::vector<InsightFinding> findings;
    std::vector<FindingSeries> series;
};
Result<InsightsWithSeries> computeInsightsWithSeries(Sql::Database& db, const InsightOptions& options,
                                                     std::int64_t marginMinutes = 60);

} // namespace Trailscope::Core::Insights
