#pragma once

#include "casedb/sqlite.h"
#include "detect/detectionrule.h"
#include "detect/sigmarule.h"

#include <QStringList>

#include <vector>

namespace Trailscope::Core::Detect {

/// A rule file that was not loaded, and why.
struct UnsupportedRule
{
    QString path;
    QString id; ///< the rule's `id:` when the file has one
    RuleProblem problem;
};

/// The rules one detection run applies.
struct RuleSet
{
    std::vector<MetricFilterRule> metricFilters;
    std::vector<SigmaRule> sigma;
    std::vector<UnsupportedRule> unsupported;

    std::size_t loaded() const { return metricFilters.size() + sigma.size(); }
};

/// The shipped metric-filter rules.
RuleSet shippedRuleSet();

/// Adds the rules of `paths` (files, and folders searched recursively for *.yml and *.yaml, in path order): Sigma
/// rules and metric-filter rule files (detect/rulefile.h); each file is loaded whole or listed in `unsupported` with
/// the reason.
void loadRuleFiles(const QStringList& paths, RuleSet& into);

/// Runs every rule over the case at `casePath` (open as `db`) and returns the rules that found something, in rule
/// order. Metric filters run as compiled searches. A Sigma rule whose tests on eventSource/eventName, on the
/// identity's type, ARN or issuer type, or on the user agent decide it reads only the records of the events whose
/// API, identity or context row it may match (event_names, identities, event_contexts hold those strings exactly);
/// the other rules share one scan of every record.
Result<std::vector<Finding>> runDetections(const QString& casePath, Sql::Database& db, const RuleSet& rules);

} // namespace Trailscope::Core::Detect
