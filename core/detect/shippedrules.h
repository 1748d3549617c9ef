#pragma once

#include "detect/detectionrule.h"

#include <vector>

namespace Trailscope::Core::Detect {

/// The metric-filter rules Trailscope ships: the CIS AWS Foundations CloudWatch alarms with the exact filter patterns
/// Security Hub prescribes (CloudWatch.1–14, CIS 4.15), then Trailscope's own burst and tampering alarms.
const std::vector<MetricFilterRule>& shippedRules();

} // namespace Trailscope::Core::Detect
