#include "insightfinder.h"

#include "insights/apiactivity.h"
#include "insights/casedimensions.h"

#include <algorithm>
#include <tuple>

namespace Trailscope::Core::Insights {

namespace {

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
    return finding;
}

bool earlier(const InsightFinding& a, const InsightFinding& b)
{
    return std::tie(a.episode.startMinute, a.type, a.eventSource, a.eventName, a.errorCode, a.account, a.region) <
           std::tie(b.episode.startMinute, b.type, b.eventSource, b.eventName, b.errorCode, b.account, b.region);
}

} // namespace

Result<std::vector<InsightFinding>> computeInsights(Sql::Database& db, const InsightOptions& options)
{
    const auto dimensions = readCaseDimensions(db);
    if (!dimensions)
        return std::unexpected(dimensions.error());
    const auto activity = readApiActivity(db, *dimensions, options);
    if (!activity)
        return std::unexpected(activity.error());
    const ModelThresholds& thresholds = thresholdsFor(options.sensitivity);
    StringNames names(db);
    std::vector<InsightFinding> findings;
    for (const ApiSeries& series : activity->series) {
        const MinuteSpan& span = activity->spanOf(series.key);
        const DetectionRange range{span.first, span.last, activity->fromMinute, activity->untilMinute,
                                   options.minimumBaselineMinutes};
        for (const Episode& episode : detectEpisodes(series.counts, range, thresholds))
            findings.push_back(describe(series, episode, *dimensions, names));
    }
    std::sort(findings.begin(), findings.end(), earlier);
    return findings;
}

} // namespace Trailscope::Core::Insights
