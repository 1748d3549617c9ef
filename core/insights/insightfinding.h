#pragma once

#include "insights/apiactivity.h"
#include "insights/attributions.h"
#include "insights/episodedetector.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Insights {

/// One episode of unusual activity Trailscope found: what AWS would deliver as a Start/End pair of Insights events.
struct InsightFinding
{
    InsightType type = InsightType::ApiCallRate;
    QString eventSource, eventName;
    QString errorCode; ///< ApiErrorRate only
    QString account, region;
    Episode episode;
    std::vector<Attribution> startAttributions; ///< over the first minute, as the Start event's insight average
    std::vector<Attribution> endAttributions;   ///< over the whole episode
    QString topSourceIp; ///< the source IP most of the episode's calls came from (not in AWS's record shape)

    std::int64_t startTime() const { return episode.startMinute * 60000; } ///< UTC epoch ms
    std::int64_t endTime() const { return episode.endMinute * 60000; }
    /// Start: the first minute's rate; End: the episode's average per minute.
    double startAverage() const { return static_cast<double>(episode.firstMinuteCount); }
    double episodeAverage() const
    {
        return static_cast<double>(episode.totalCount) / static_cast<double>(episode.durationMinutes());
    }
};

} // namespace Trailscope::Core::Insights
