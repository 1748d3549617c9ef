#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace Trailscope::Core::Detect {

/// Where a rule comes from: shipped CIS alarms and Trailscope's own, SigmaHQ rules, or the analyst's.
enum class RuleSource { Cis, Trailscope, Sigma, User };

/// `cis`, `trailscope`, `sigma`, `user`: the names the CLI's JSON uses.
QString ruleSourceName(RuleSource source);

/// What every rule carries into its findings (DRL 1.1 asks to keep a Sigma rule's id, title, author and references).
struct RuleInfo
{
    QString id;
    QString title;
    QString level; ///< informational, low, medium, high, critical
    QString description;
    QString author;
    QStringList tags;
    QStringList references;
    RuleSource source = RuleSource::Trailscope;
    QString path; ///< the file it was loaded from; empty for shipped rules
};

/// A CloudWatch-style metric filter with its alarm: `pattern` (a `{…}` JSON filter pattern) counted in periods of
/// `windowMinutes` minutes aligned to the epoch, as a CloudWatch alarm's period; a period holding at least
/// `threshold` matching events is in alarm. The count is over the whole case, every account and region together,
/// as CloudTrail delivers one trail (an organization's too) into one log group.
struct MetricFilterRule
{
    RuleInfo info;
    QString pattern;
    int threshold = 1;
    int windowMinutes = 5;
};

/// One period of a metric-filter rule that reached its threshold.
struct FindingWindow
{
    std::int64_t start = 0; ///< UTC epoch ms, inclusive
    std::int64_t end = 0;   ///< exclusive
    std::int64_t count = 0;
};

/// What one rule found over a case: the events of every period in alarm (metric filters) or every matching event
/// (Sigma), oldest first.
struct Finding
{
    RuleInfo rule;
    std::int64_t count = 0;
    std::int64_t first = 0, last = 0; ///< UTC epoch ms of the first and last event; 0 when they have no time
    QStringList eventIds;
    std::vector<std::int64_t> eventRows; ///< the events' row ids, in the same order
    std::vector<FindingWindow> windows;  ///< metric filters only
};

} // namespace Trailscope::Core::Detect
