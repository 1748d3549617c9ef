#include "baselinewindow.h"

#include <cmath>
#include <utility>

namespace Trailscope::Core::Insights {

BaselineWindow::BaselineWindow(const std::vector<MinuteCount>& counts, std::int64_t originMinute,
                               std::int64_t lengthMinutes)
    : m_counts(counts), m_origin(originMinute), m_length(lengthMinutes), m_end(originMinute)
{}

void BaselineWindow::advanceTo(std::int64_t minute)
{
    Q_ASSERT(minute >= m_end);
    m_end = std::max(m_end, minute);
    while (m_nextToAdd < m_counts.size() && m_counts[m_nextToAdd].minute < m_end) {
        const MinuteCount& added = m_counts[m_nextToAdd++];
        ++m_minutesWithCount[added.count];
        m_total += added.count;
        ++m_busyMinutes;
    }
    const std::int64_t start = m_end - m_length;
    while (m_oldest < m_nextToAdd && m_counts[m_oldest].minute < start) {
        const MinuteCount& dropped = m_counts[m_oldest++];
        if (--m_minutesWithCount[dropped.count] == 0)
            m_minutesWithCount.erase(dropped.count);
        m_total -= dropped.count;
        --m_busyMinutes;
    }
}

// The k-th (0-based) of the window's counts in ascending order, the `zeros` quiet minutes first.
double BaselineWindow::kthSmallest(std::int64_t k, std::int64_t zeros) const
{
    if (k < zeros)
        return 0;
    k -= zeros;
    for (const auto& [count, minutes] : m_minutesWithCount) {
        if (k < minutes)
            return static_cast<double>(count);
        k -= minutes;
    }
    return m_minutesWithCount.empty() ? 0 : static_cast<double>(m_minutesWithCount.rbegin()->first);
}

double BaselineWindow::medianDeviation(double median, std::int64_t zeros, std::int64_t duration) const
{
    std::vector<std::pair<double, std::int64_t>> deviations; // |count - median| → minutes
    deviations.reserve(m_minutesWithCount.size() + 1);
    if (zeros > 0)
        deviations.emplace_back(median, zeros);
    for (const auto& [count, minutes] : m_minutesWithCount)
        deviations.emplace_back(std::abs(static_cast<double>(count) - median), minutes);
    std::sort(deviations.begin(), deviations.end());
    const auto kth = [&](std::int64_t k) {
        for (const auto& [deviation, minutes] : deviations) {
            if (k < minutes)
                return deviation;
            k -= minutes;
        }
        return deviations.empty() ? 0.0 : deviations.back().first;
    };
    return duration % 2 ? kth(duration / 2) : (kth(duration / 2 - 1) + kth(duration / 2)) / 2;
}

BaselineStatistics BaselineWindow::statistics() const
{
    BaselineStatistics statistics;
    const std::int64_t start = std::max(m_end - m_length, m_origin);
    statistics.durationMinutes = std::max<std::int64_t>(m_end - start, 0);
    statistics.total = m_total;
    const std::int64_t duration = statistics.durationMinutes;
    if (duration == 0)
        return statistics;
    statistics.average = static_cast<double>(m_total) / static_cast<double>(duration);
    statistics.maximum = m_minutesWithCount.empty() ? 0 : m_minutesWithCount.rbegin()->first;
    const std::int64_t zeros = duration - m_busyMinutes;
    // Most APIs are quiet most minutes: with more than half the window at zero, median and MAD are both 0.
    if (zeros * 2 > duration)
        return statistics;
    statistics.median = duration % 2 ? kthSmallest(duration / 2, zeros)
                                     : (kthSmallest(duration / 2 - 1, zeros) + kthSmallest(duration / 2, zeros)) / 2;
    statistics.mad = medianDeviation(statistics.median, zeros, duration);
    return statistics;
}

} // namespace Trailscope::Core::Insights
