#pragma once

#include "casedb/sqlite.h"
#include "insights/baselinewindow.h"
#include "insights/casedimensions.h"
#include "insights/insightoptions.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace Trailscope::Core::Insights {

enum class InsightType { ApiCallRate, ApiErrorRate };

/// One series: an API (event source + name) of an account and region, and for error rates one error code; all
/// ids into `strings` (0 for absent).
struct SeriesKey
{
    InsightType type = InsightType::ApiCallRate;
    std::int64_t account = 0, region = 0, source = 0, name = 0, errorCode = 0;

    bool operator==(const SeriesKey&) const = default;
};

/// One event of a series, as its attributions need it.
struct SeriesEvent
{
    std::int64_t minute = 0;
    std::int64_t identity = 0; ///< identities row
    std::int64_t agent = 0;    ///< `strings` id
    std::int64_t errorCode = 0;
    std::int64_t ip = 0; ///< `strings` id of sourceIPAddress
};

struct ApiSeries
{
    SeriesKey key;
    std::vector<SeriesEvent> events; ///< ascending by minute
    std::vector<MinuteCount> counts; ///< the events per minute, minutes without any left out
};

/// The first and last minute the case holds for an account and region (any event, not only the counted ones).
struct MinuteSpan
{
    std::int64_t first = 0, last = 0;
};

/// Every series the insights look at, from one pass over the case's events.
struct ApiActivity
{
    std::vector<ApiSeries> series;
    std::map<std::pair<std::int64_t, std::int64_t>, MinuteSpan> spans; ///< by (account, region)
    std::int64_t fromMinute = 0;                                       ///< findings start in [fromMinute, untilMinute)
    std::int64_t untilMinute = 0;

    const MinuteSpan& spanOf(const SeriesKey& key) const { return spans.at({key.account, key.region}); }
};

/// Counts write management events per API (ApiCallRate) and management events with an errorCode per API and code
/// (ApiErrorRate; data events too when the options say so) per minute, per account and region. Insights records
/// are not activity. Events from BaselineMinutes before `since` on are kept, so findings there have their baseline.
Result<ApiActivity> readApiActivity(Sql::Database& db, const CaseDimensions& dimensions, const InsightOptions& options);

} // namespace Trailscope::Core::Insights
