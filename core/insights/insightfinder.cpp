#include "insightfinder.h"

#include "insights/apiactivity.h"
#include "insights/casedimensions.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace Trailscope::Core::Insights {

namespace {

// The most frequent source IP among the series' events in [from, until) (the lowest id on a tie), 0 for none.
std::int64_t topSourceIp(const ApiSeries& series, std::int64_t from, std::int64_t until)
{
    std::map<std::int64_t, std::int64_t> calls;
    for (const SeriesEvent& event : series.events)
        if (event.minute >= from && event.minute < until && event.ip != 0)
            ++calls[event.ip];
    std::int64_t top = 0, most = 0;
    for (const auto& [ip, count] : calls)
        if (count > most) {
            top = ip;
            most = count;
        }
    return top;
}

InsightFinding describe(const ApiSeries& series, const Episode& episode, const CaseDimensions& dimensions,
                        StringNames& names)
{
    InsightFinding finding;
    finding.type = series.key.type;
    finding.eventSource = names(series.key.source);
    finding.eventName = names(series.key.name);
    finding.errorCode = names(series.key.errorCode);
    finding.account = names(series.key.account);
    finding.region = names(series.key.region);
    finding.episode = episode;
    const bool withErrorCode = series.key.type == InsightType::ApiCallRate;
    const std::int64_t baselineStart = episode.startMinute - episode.baseline.durationMinutes;
    finding.startAttributions = computeAttributions(
        series, dimensions, names, {baselineStart, episode.startMinute, episode.startMinute + 1}, withErrorCode);
    finding.endAttributions = computeAttributions(
        series, dimensions, names, {baselineStart, episode.startMinute, episode.endMinute}, withErrorCode);
    finding.topSourceIp = names(topSourceIp(series, episode.startMinute, episode.endMinute));
    return finding;
}

bool earlier(const InsightFinding& a, const InsightFinding& b)
{
    return std::tie(a.episode.startMinute, a.type, a.eventSource, a.eventName, a.errorCode, a.account, a.region) <
           std::tie(b.episode.startMinute, b.type, b.eventSource, b.eventName, b.errorCode, b.account, b.region);
}

FindingSeries seriesAround(const ApiSeries& series, const MinuteSpan& span, const Episode& episode,
                           std::int64_t marginMinutes)
{
    FindingSeries out;
    out.fromMinute = std::max(span.first, episode.startMinute - marginMinutes);
    const std::int64_t until = std::max(out.fromMinute, std::min(span.last + 1, episode.endMinute + marginMinutes));
    out.counts.assign(static_cast<std::size_t>(until - out.fromMinute), 0);
    const auto first =
        std::lower_bound(series.counts.begin(), series.counts.end(), out.fromMinute,
                         [](const MinuteCount& count, std::int64_t minute) { return count.minute < minute; });
    for (auto it = first; it != series.counts.end() && it->minute < until; ++it)
        out.counts[static_cast<std::size_t>(it->minute - out.fromMinute)] = it->count;
    return out;
}

} // namespace

Result<InsightsWithSeries> computeInsightsWithSeries(Sql::Database& db, const InsightOptions& options,
                                                     std::int64_t marginMinutes)
{
    const auto dimensions = readCaseDimensions(db);
    if (!dimensions)
        return std::unexpected(dimensions.error());
    const auto activity = readApiActivity(db, *dimensions, options);
    if (!activity)
        return std::unexpected(activity.error());
    const ModelThresholds& thresholds = thresholdsFor(options.sensitivity);
    StringNames names(db);
    InsightsWithSeries found;
    for (const ApiSeries& series : activity->series) {
        const MinuteSpan& span = activity->spanOf(series.key);
        const DetectionRange range{span.first, span.last, activity->fromMinute, activity->untilMinute,
                                   options.minimumBaselineMinutes};
        for (const Episode& episode : detectEpisodes(series.counts, range, thresholds)) {
            found.findings.push_back(describe(series, episode, *dimensions, names));
            found.series.push_back(seriesAround(series, span, episode, marginMinutes));
        }
    }
    std::vector<std::size_t> order(found.findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&found](std::size_t a, std::size_t b) { return earlier(found.findings[a], found.findings[b]); });
    InsightsWithSeries sorted;
    sorted.findings.reserve(order.size());
    sorted.series.reserve(order.size());
    for (const std::size_t i : order) {
        sorted.findings.push_back(std::move(found.findings[i]));
        sorted.series.push_back(std::move(found.series[i]));
    }
    return sorted;
}

Result<std::vector<InsightFinding>> computeInsights(Sql::Database& db, const InsightOptions& options)
{
    auto found = computeInsightsWithSeries(db, options, 0);
    if (!found)
        return std::unexpected(found.error());
    return std::move(found->findings);
}

} // namespace Trailscope::Core::Insights
