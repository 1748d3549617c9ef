#pragma once

#include "casedb/sqlite.h"
#include "detect/detectionrule.h"
#include "query/searchast.h"

#include <optional>
#include <vector>

namespace Trailscope::Core::Detect {

/// The events of one matching run: row id, time and eventID, oldest first.
struct MatchedEvent
{
    std::int64_t row = 0;
    std::optional<std::int64_t> time;
    QString eventId;
};

/// Parses a metric filter's pattern with the search bar's filter-pattern parser (the one implementation); the error
/// says where the pattern is wrong.
Result<Query::SearchNode> parseRulePattern(const MetricFilterRule& rule);

/// The events a parsed pattern matches, through the compiled search (indexed columns, the field index, the raw record
/// last), oldest first. Needs registerSearchFunctions() on `db`.
Result<std::vector<MatchedEvent>> matchPattern(Sql::Database& db, const Query::SearchNode& pattern);

/// The finding of a metric-filter rule over its matching events: the periods of `windowMinutes` (aligned to the epoch)
/// holding at least `threshold` of them; nothing when none does. Events without a time belong to no period.
std::optional<Finding> alarmFinding(const MetricFilterRule& rule, const std::vector<MatchedEvent>& events);

/// matchPattern() then alarmFinding().
Result<std::optional<Finding>> evaluateMetricFilter(Sql::Database& db, const MetricFilterRule& rule);

} // namespace Trailscope::Core::Detect
