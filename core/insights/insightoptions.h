#pragma once

#include "insights/insightmodel.h"

#include <cstdint>
#include <optional>

namespace Trailscope::Core::Insights {

/// What a computation of insights looks at.
struct InsightOptions
{
    std::optional<std::int64_t> since; ///< findings that start at or after this instant (UTC epoch ms) ...
    std::optional<std::int64_t> until; ///< ... and before this one; the data after it is not read
    Sensitivity sensitivity = Sensitivity::Medium;
    /// Error-rate insights on data events too (AWS added them in 2025); call-rate insights stay on management events.
    bool includeDataEvents = false;
    std::int64_t minimumBaselineMinutes = DefaultMinimumBaselineMinutes;
};

} // namespace Trailscope::Core::Insights
