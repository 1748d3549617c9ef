#include "attributions.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace Trailscope::Core::Insights {

namespace {

constexpr std::size_t TopValues = 5; // AWS: "A maximum of five user identities, five user agents, and five error codes"

using Counts = std::unordered_map<std::int64_t, std::int64_t>; // `strings` id (0: absent) → events

std::vector<AttributionValue> topValues(const Counts& counts, std::int64_t minutes, StringNames& names)
{
    std::vector<AttributionValue> values;
    if (minutes <= 0)
        return values;
    std::vector<std::pair<QString, std::int64_t>> named;
    for (const auto& [id, count] : counts)
        named.emplace_back(names(id, QStringLiteral("null")), count);
    std::sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (std::size_t i = 0; i < named.size() && i < TopValues; ++i)
        values.push_back({named[i].first, static_cast<double>(named[i].second) / static_cast<double>(minutes)});
    return values;
}

} // namespace

std::vector<Attribution> computeAttributions(const ApiSeries& series, const CaseDimensions& dimensions,
                                             StringNames& names, const AttributionMinutes& minutes, bool withErrorCode)
{
    enum Side { Baseline, Insight };
    enum Attribute { Principal, Agent, ErrorCode };
    std::array<std::array<Counts, 3>, 2> counts;
    const auto first =
        std::lower_bound(series.events.begin(), series.events.end(), minutes.baselineStart,
                         [](const SeriesEvent& event, std::int64_t minute) { return event.minute < minute; });
    for (auto event = first; event != series.events.end() && event->minute < minutes.insightEnd; ++event) {
        auto& side = counts[event->minute < minutes.insightStart ? Baseline : Insight];
        ++side[Principal][dimensions.identity(event->identity).principal];
        ++side[Agent][event->agent];
        ++side[ErrorCode][event->errorCode];
    }
    const std::int64_t baselineMinutes = minutes.insightStart - minutes.baselineStart;
    const std::int64_t insightMinutes = minutes.insightEnd - minutes.insightStart;
    static const std::array<QString, 3> Names{QStringLiteral("userIdentityArn"), QStringLiteral("userAgent"),
                                              QStringLiteral("errorCode")};
    std::vector<Attribution> attributions;
    for (int attribute = Principal; attribute <= (withErrorCode ? ErrorCode : Agent); ++attribute) {
        attributions.push_back(
            {Names[static_cast<std::size_t>(attribute)],
             topValues(counts[Insight][static_cast<std::size_t>(attribute)], insightMinutes, names),
             topValues(counts[Baseline][static_cast<std::size_t>(attribute)], baselineMinutes, names)});
    }
    return attributions;
}

} // namespace Trailscope::Core::Insights
