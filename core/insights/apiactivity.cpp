#include "apiactivity.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace Trailscope::Core::Insights {

namespace {

constexpr std::int64_t MinuteMs = 60000;

struct SeriesKeyHash
{
    std::size_t operator()(const SeriesKey& key) const
    {
        std::size_t hash = static_cast<std::size_t>(key.type);
        for (const std::int64_t part : {key.account, key.region, key.source, key.name, key.errorCode})
            hash = hash * 1000003u ^ std::hash<std::int64_t>()(part);
        return hash;
    }
};

class SeriesCollector
{
public:
    void add(const SeriesKey& key, const SeriesEvent& event)
    {
        const auto [found, added] = m_index.try_emplace(key, m_series.size());
        if (added)
            m_series.push_back({key, {}, {}});
        m_series[found->second].events.push_back(event);
    }

    // Rows come in storage order, which is roughly but not exactly time order.
    std::vector<ApiSeries> finish()
    {
        for (ApiSeries& series : m_series) {
            std::stable_sort(series.events.begin(), series.events.end(),
                             [](const SeriesEvent& a, const SeriesEvent& b) { return a.minute < b.minute; });
            for (const SeriesEvent& event : series.events) {
                if (series.counts.empty() || series.counts.back().minute != event.minute)
                    series.counts.push_back({event.minute, 0});
                ++series.counts.back().count;
            }
        }
        return std::move(m_series);
    }

private:
    std::unordered_map<SeriesKey, std::size_t, SeriesKeyHash> m_index;
    std::vector<ApiSeries> m_series;
};

std::int64_t floorMinute(std::int64_t ms)
{
    return ms >= 0 ? ms / MinuteMs : -((-ms + MinuteMs - 1) / MinuteMs);
}

} // namespace

Result<ApiActivity> readApiActivity(Sql::Database& db, const CaseDimensions& dimensions, const InsightOptions& options)
{
    ApiActivity activity;
    activity.fromMinute = options.since ? floorMinute(*options.since) : std::numeric_limits<std::int32_t>::min();
    activity.untilMinute = options.until ? floorMinute(*options.until) : std::numeric_limits<std::int32_t>::max();
    const std::int64_t keepFrom = activity.fromMinute - BaselineMinutes;
    // The whole table in storage order (`+time`: not through the time index, which would cost a row lookup per event):
    // every account and region's first minute is needed, however late `since` is.
    auto rows = db.prepare("SELECT time, context, ifnull(source, 0), name, ifnull(error_code, 0), ifnull(identity, 0), "
                           "ifnull(ip, 0) FROM event_rows WHERE time IS NOT NULL AND +time < ?1");
    rows.bind(1, activity.untilMinute * MinuteMs);
    SeriesCollector collector;
    int status;
    while ((status = rows.step()) == SQLITE_ROW) {
        const ContextFacts& context = dimensions.context(rows.columnInt(1));
        if (context.insightRecord)
            continue;
        const std::int64_t minute = floorMinute(rows.columnInt(0));
        const auto [span, added] = activity.spans.try_emplace({context.account, context.region}, minute, minute);
        if (!added) {
            span->second.first = std::min(span->second.first, minute);
            span->second.last = std::max(span->second.last, minute);
        }
        if (minute < keepFrom)
            continue;
        const std::int64_t errorCode = rows.columnInt(4);
        SeriesKey key{InsightType::ApiCallRate, context.account,   context.region,
                      rows.columnInt(2),        rows.columnInt(3), 0};
        const SeriesEvent event{minute, rows.columnInt(5), context.agent, errorCode, rows.columnInt(6)};
        if (context.management && context.write)
            collector.add(key, event);
        if (errorCode != 0 && (context.management || (options.includeDataEvents && context.data))) {
            key.type = InsightType::ApiErrorRate;
            key.errorCode = errorCode;
            collector.add(key, event);
        }
    }
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("counting API calls per minute")));
    activity.series = collector.finish();
    return activity;
}

} // namespace Trailscope::Core::Insights
