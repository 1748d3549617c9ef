#include "episodedetector.h"

namespace Trailscope::Core::Insights {

namespace {

bool opens(std::int64_t count, const BaselineStatistics& baseline, const ModelThresholds& thresholds,
           std::int64_t minimumBaselineMinutes)
{
    const auto rate = static_cast<double>(count);
    return baseline.durationMinutes >= minimumBaselineMinutes && rate >= thresholds.minimumRate &&
           baseline.zScore(rate) >= thresholds.openZ && (!thresholds.aboveBaselineMaximum || count > baseline.maximum);
}

// Follows an episode opened at counts[first] to its end; returns the index of the first count after it.
std::size_t followEpisode(const std::vector<MinuteCount>& counts, std::size_t first, const DetectionRange& range,
                          const ModelThresholds& thresholds, Episode& episode)
{
    std::size_t next = first + 1;
    for (std::int64_t minute = episode.startMinute + 1;; ++minute) {
        if (minute > range.lastDataMinute || minute >= range.untilMinute) {
            episode.ended = false;
            episode.endMinute = minute;
            return next;
        }
        std::int64_t count = 0;
        if (next < counts.size() && counts[next].minute == minute)
            count = counts[next++].count;
        if (episode.baseline.zScore(static_cast<double>(count)) < thresholds.continueZ) {
            episode.endMinute = minute;
            return next;
        }
        episode.totalCount += count;
    }
}

} // namespace

std::vector<Episode> detectEpisodes(const std::vector<MinuteCount>& counts, const DetectionRange& range,
                                    const ModelThresholds& thresholds)
{
    std::vector<Episode> episodes;
    BaselineWindow window(counts, range.originMinute);
    std::size_t i = 0;
    while (i < counts.size() && counts[i].minute < range.untilMinute) {
        const MinuteCount& candidate = counts[i];
        if (candidate.minute < range.fromMinute) {
            ++i;
            continue;
        }
        window.advanceTo(candidate.minute);
        const BaselineStatistics baseline = window.statistics();
        if (!opens(candidate.count, baseline, thresholds, range.minimumBaselineMinutes)) {
            ++i;
            continue;
        }
        Episode episode;
        episode.startMinute = candidate.minute;
        episode.firstMinuteCount = candidate.count;
        episode.totalCount = candidate.count;
        episode.baseline = baseline;
        i = followEpisode(counts, i, range, thresholds, episode);
        episodes.push_back(episode);
    }
    return episodes;
}

} // namespace Trailscope::Core::Insights
