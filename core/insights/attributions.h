#pragma once

#include "insights/apiactivity.h"
#include "insights/casedimensions.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Insights {

struct AttributionValue
{
    QString value;      ///< "null" for events without it (AWS writes errorCode "null" for calls that succeeded)
    double average = 0; ///< its events per minute
};

/// The top values of one attribute during an insight and during its baseline.
struct Attribution
{
    QString attribute; ///< userIdentityArn, userAgent or errorCode
    std::vector<AttributionValue> insight, baseline;
};

/// The minutes an attribution compares: the baseline [baselineStart, insightStart), the insight
/// [insightStart, insightEnd).
struct AttributionMinutes
{
    std::int64_t baselineStart = 0, insightStart = 0, insightEnd = 0;
};

/// At most five values per attribute and side, by events per minute, most first (ties by value); userIdentityArn,
/// userAgent, and errorCode unless `withErrorCode` is false (error-rate insights are about one code).
std::vector<Attribution> computeAttributions(const ApiSeries& series, const CaseDimensions& dimensions,
                                             StringNames& names, const AttributionMinutes& minutes, bool withErrorCode);

} // namespace Trailscope::Core::Insights
