#pragma once

#include "insights/insightmodel.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

namespace Trailscope::Core::Insights {

/// One minute of a series that holds calls (or errors); minutes without any are implied zeros.
struct MinuteCount
{
    std::int64_t minute = 0; ///< UTC epoch minutes
    std::int64_t count = 0;
};

/// What a baseline window held: its zero-filled per-minute counts summarised.
struct BaselineStatistics
{
    std::int64_t durationMinutes = 0; ///< minutes in the window, with or without calls
    std::int64_t total = 0;           ///< calls (or errors) in those minutes
    double average = 0;               ///< total / durationMinutes: AWS's baseline.average
    double median = 0;
    double mad = 0;           ///< median absolute deviation from the median
    std::int64_t maximum = 0; ///< the count of the window's busiest minute

    double scale() const { return std::max(MadToSigma * mad, MadFloor); }
    double zScore(double count) const { return (count - median) / scale(); }
};

/// The BaselineMinutes before a minute of one series, never reaching before the first minute the case holds for
/// the series' account and region. Moves forward only, adding and dropping the series' minutes as it goes, so a whole
/// series is summarised in one pass instead of re-reading 10,080 minutes at every step. The counts a window holds are
/// kept as a histogram (count → minutes with it): median and MAD read it in as many steps as it has distinct counts.
class BaselineWindow
{
public:
    /// `counts` ascending by minute, outliving the window.
    BaselineWindow(const std::vector<MinuteCount>& counts, std::int64_t originMinute,
                   std::int64_t lengthMinutes = BaselineMinutes);

    /// The window becomes the minutes before `minute` (not included); `minute` never goes back.
    void advanceTo(std::int64_t minute);
    BaselineStatistics statistics() const;

private:
    double kthSmallest(std::int64_t k, std::int64_t zeros) const;
    double medianDeviation(double median, std::int64_t zeros, std::int64_t duration) const;

    const std::vector<MinuteCount>& m_counts;
    std::int64_t m_origin = 0;
    std::int64_t m_length = 0;
    std::int64_t m_end = 0;      ///< exclusive
    std::size_t m_nextToAdd = 0; ///< first of m_counts not yet in the window
    std::size_t m_oldest = 0;    ///< first of m_counts still in the window
    std::map<std::int64_t, std::int64_t> m_minutesWithCount;
    std::int64_t m_total = 0;
    std::int64_t m_busyMinutes = 0; ///< minutes of the window with a non-zero count
};

} // namespace Trailscope::Core::Insights
