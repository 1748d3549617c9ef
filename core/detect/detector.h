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

/// Adds the Sigma rules of `paths` (files, and folders searched recursively for *.yml and *.yaml, in path order);
/// each file is loaded whole or listed in `unsupported` with the reason.
void loadSigmaRules(const QStringList& paths, RuleSet& into);

/// Runs every rule over the case at `casePath` (open as `db`) and returns the rules that found something, in rule
/// order. Metric filters run as compiled searches; a Sigma rule reads the records of the events whose eventSource and
/// eventName it can match (event_names, then events_name_time), or, when its tests do not narrow those, takes part in
/// one scan of every record shared by all such rules.
Result<std::vector<Finding>> runDetections(const QString& casePath, Sql::Database& db, const RuleSet& rules);

} // namespace Trailscope::Core::Detect
