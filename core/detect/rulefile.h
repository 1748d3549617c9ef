#pragma once

#include "detect/detectionrule.h"
#include "detect/sigmarule.h"

#include <QByteArray>

#include <expected>
#include <variant>

namespace Trailscope::Core::Detect {

/// A rule as one file holds it: a Sigma rule, or one of Trailscope's metric-filter rule files (YAML with
/// `filterPattern`, `threshold`, `periodMinutes` beside Sigma's `id`, `title`, `level`, `description`, `author`,
/// `tags`, `references`; README › Detections).
using ParsedRule = std::variant<MetricFilterRule, SigmaRule>;

const RuleInfo& ruleInfoOf(const ParsedRule& rule);

/// Parses a metric-filter rule file: every key known, `id` and `filterPattern` present, the pattern parsed by the
/// search bar's filter-pattern parser, `threshold` ≥ 1, `periodMinutes` from 1 to 1440. Its source is User.
std::expected<MetricFilterRule, RuleProblem> parseMetricFilterRule(const QByteArray& yaml, const QString& path = {});

/// The rule as a metric-filter rule file: what parseMetricFilterRule() reads back to the same rule (a shipped rule
/// shown, or copied to become the analyst's own).
QByteArray metricFilterRuleYaml(const MetricFilterRule& rule);

/// A metric-filter rule file when the YAML has `filterPattern`, else a Sigma rule.
std::expected<ParsedRule, RuleProblem> parseRuleText(const QByteArray& yaml, const QString& path = {});

} // namespace Trailscope::Core::Detect
