#include "activityseries.h"

#include "query/searchfunctions.h"

#include <map>

namespace Trailscope::Core::Insights {

namespace {

std::int64_t floorTo(std::int64_t time, std::int64_t step)
{
    const std::int64_t remainder = time % step;
    return time - (remainder < 0 ? remainder + step : remainder);
}

} // namespace

Result<ActivitySeries> computeActivitySeries(Sql::Database& db, const Query::CompiledSearch& search,
                                             const Query::SearchOptions& options)
{
    if (auto registered = Query::registerSearchFunctions(db); !registered)
        return std::unexpected(registered.error());
    const Query::CompiledSearch scoped = Query::withinWindow(search, options);
    // Hourly counts in SQL (a few thousand rows at most for a case's span), folded to days here when too many.
    auto rows = db.prepare("SELECT e.time - (e.time % 3600000), count(*), count(e.error_code) FROM events e WHERE "
                           "e.time IS NOT NULL AND e.time >= 0 AND (" +
                           scoped.where + ") GROUP BY 1 ORDER BY 1");
    if (!rows.isValid())
        return fail(ErrorCode::Sqlite, rows.prepareError());
    for (std::size_t i = 0; i < scoped.parameters.size(); ++i)
        Query::bindParameter(rows, static_cast<int>(i) + 1, scoped.parameters[i]);
    std::map<std::int64_t, ActivityBucket> hours;
    int status;
    while ((status = rows.step()) == SQLITE_ROW) {
        const std::int64_t hour = rows.columnInt(0);
        hours[hour] = {hour, rows.columnInt(1), rows.columnInt(2)};
    }
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("counting events per hour")));
    ActivitySeries series;
    if (hours.empty())
        return series;
    const std::int64_t first = hours.begin()->first, last = hours.rbegin()->first;
    series.bucketMs = (last - first) / ActivitySeries::Hour + 1 > ActivitySeries::MaxHourlyBuckets
                          ? ActivitySeries::Day
                          : ActivitySeries::Hour;
    const std::int64_t start = floorTo(first, series.bucketMs);
    const std::size_t count = static_cast<std::size_t>((floorTo(last, series.bucketMs) - start) / series.bucketMs + 1);
    series.buckets.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        series.buckets[i].start = start + static_cast<std::int64_t>(i) * series.bucketMs;
    for (const auto& [hour, bucket] : hours) {
        ActivityBucket& into = series.buckets[static_cast<std::size_t>((hour - start) / series.bucketMs)];
        into.events += bucket.events;
        into.errors += bucket.errors;
    }
    return series;
}

} // namespace Trailscope::Core::Insights
