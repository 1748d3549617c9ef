#pragma once

#include "insights/baselinewindow.h"
#include "insights/insightmodel.h"

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Insights {

/// A stretch of minutes whose counts departed from the baseline before it.
struct Episode
{
    std::int64_t startMinute = 0;
    std::int64_t endMinute = 0; ///< exclusive: the first minute back within the baseline, or the end of the data
    bool ended = true;          ///< false: still unusual where the data stops, so only its start is known
    std::int64_t firstMinuteCount = 0;
    std::int64_t totalCount = 0;
    BaselineStatistics baseline; ///< the window before startMinute; frozen for the whole episode, as AWS's is

    std::int64_t durationMinutes() const { return endMinute - startMinute; }
};

/// Where episodes of one series may be looked for.
struct DetectionRange
{
    std::int64_t originMinute = 0;   ///< the first minute the case holds for the series' account and region
    std::int64_t lastDataMinute = 0; ///< the last one: whether counts went back to normal after it is unknown
    std::int64_t fromMinute = 0;     ///< episodes start in [fromMinute, untilMinute)
    std::int64_t untilMinute = 0;
    std::int64_t minimumBaselineMinutes = DefaultMinimumBaselineMinutes;
};

/// The episodes of one series (counts ascending by minute), by the model of insightmodel.h: a minute opens one when
/// its count is at least the minimum rate, its robust z-score against the baseline window reaches openZ and (low,
/// medium) it is higher than the count of every minute of that window; the
/// episode goes on, minute by minute and quiet minutes included, while the z-score against the baseline frozen at its
/// start stays at continueZ or above. The next episode is looked for after it ends.
std::vector<Episode> detectEpisodes(const std::vector<MinuteCount>& counts, const DetectionRange& range,
                                    const ModelThresholds& thresholds);

} // namespace Trailscope::Core::Insights
