#pragma once

#include "casedb/sqlite.h"
#include "query/searchsql.h"

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Insights {

/// Events and errors per bucket of time, for a drill-down's small chart.
struct ActivityBucket
{
    std::int64_t start = 0; ///< UTC epoch ms, a whole hour or day
    std::int64_t events = 0;
    std::int64_t errors = 0; ///< events with an errorCode
};

struct ActivitySeries
{
    std::int64_t bucketMs = 0; ///< an hour, or a day when the span would need more than MaxHourlyBuckets hours
    std::vector<ActivityBucket> buckets; ///< from the first event's bucket to the last's, zero-filled

    static constexpr std::int64_t Hour = 3600000;
    static constexpr std::int64_t Day = 24 * Hour;
    static constexpr std::int64_t MaxHourlyBuckets = 96;
};

/// The events `search` matches in the options' window, counted per UTC hour, or per UTC day when they span more
/// than four days, so the series stays a few dozen bars for a principal seen for an afternoon or for a month.
/// Events without a time are not counted; no events gives an empty series.
Result<ActivitySeries> computeActivitySeries(Sql::Database& db, const Query::CompiledSearch& search = {},
                                             const Query::SearchOptions& options = {});

} // namespace Trailscope::Core::Insights
