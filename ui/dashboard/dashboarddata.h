#pragma once

#include "detect/detectionrule.h"
#include "insights/activityseries.h"
#include "insights/activitytables.h"
#include "insights/attributions.h"
#include "insights/firstseen.h"
#include "insights/insightfinder.h"
#include "util/error.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace Trailscope::Ui {

/// The who/what/where tables the dashboard shows, in the order of its tabs (the job computes exactly these).
inline constexpr Core::Insights::ActivityDimension DashboardDimensions[] = {
    Core::Insights::ActivityDimension::Principal,
    Core::Insights::ActivityDimension::AccessKey,
    Core::Insights::ActivityDimension::SourceIp,
    Core::Insights::ActivityDimension::UserAgent,
    Core::Insights::ActivityDimension::Region,
    Core::Insights::ActivityDimension::Account,
    Core::Insights::ActivityDimension::PrincipalEventSource,
};

/// Where a finding comes from: computed here from the events, or an Insights event AWS delivered.
enum class FindingOrigin { Trailscope, Aws };

/// One episode as the dashboard lists it: ours (a Start/End pair not yet written as records) or AWS's (its Start and
/// End records joined by sharedEventID). Value type, made on the dashboard's worker.
struct DashboardFinding
{
    FindingOrigin origin = FindingOrigin::Trailscope;
    Core::Insights::InsightType type = Core::Insights::InsightType::ApiCallRate;
    QString eventSource, eventName, errorCode, account, region;
    std::int64_t start = 0, end = 0; ///< UTC epoch ms, end exclusive (AWS's End eventTime, or Start's when none)
    bool ended = true;
    double baselineAverage = 0; ///< calls (or errors) per minute in the baseline
    double insightAverage = 0;  ///< per minute over the episode (AWS: the End's, else the Start's)
    std::int64_t baselineMinutes = 0;
    QString principal; ///< the top userIdentityArn of the episode
    QString sourceIp;  ///< the top sourceIPAddress of the episode's events (ours: counted here; AWS's: the same)
    std::vector<Core::Insights::Attribution> attributions; ///< over the whole episode
    Core::Insights::FindingSeries series;                  ///< ours only: per minute around the episode

    std::int64_t durationMinutes() const { return (end - start) / 60000; }
    /// How far above the baseline the episode went in calls: the measure of the "worst" episode of a card.
    double excess() const
    {
        return (insightAverage - baselineAverage) * static_cast<double>(std::max<std::int64_t>(durationMinutes(), 1));
    }
};

/// Everything the dashboard shows of a case at one moment, computed off the GUI thread.
struct DashboardData
{
    QString casePath;
    std::int64_t caseEvents = 0; ///< events of the case when computed: the dashboard is current while this holds
    std::optional<std::int64_t> caseStart, caseEnd;
    Core::Insights::Sensitivity sensitivity = Core::Insights::Sensitivity::Medium;
    std::vector<DashboardFinding> findings; ///< ours then AWS's, each oldest first
    Core::Insights::FirstSeenActivity firstSeen;
    std::map<Core::Insights::ActivityDimension, std::vector<Core::Insights::ActivityRow>> tables;
    std::vector<Core::Detect::Finding> detections; ///< the case's rules that fired (detect/rulestore.h), in rule order
    int rulesRun = 0, rulesOff = 0, ownRules = 0;
    QStringList rulesNotLoaded; ///< the case's rules that did not load: `id: reason`
    double milliseconds = 0;
    std::optional<Core::Error> error; ///< set when the computation failed; the rest is then empty
};

/// One principal's activity, for the who/what/where drill-down: its APIs, source IPs and regions as who/what/where
/// tables under a search for the principal, and its calls and errors per hour or day. Computed off the GUI thread.
struct PrincipalActivity
{
    QString casePath;
    QString principal;
    std::vector<Core::Insights::ActivityRow> apis, sourceIps, regions;
    Core::Insights::ActivitySeries series;
    std::optional<Core::Error> error;

    std::int64_t events() const;
    std::int64_t errors() const;
    std::optional<std::int64_t> first() const;
    std::optional<std::int64_t> last() const;
};

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Ui::DashboardData)
Q_DECLARE_METATYPE(Trailscope::Ui::PrincipalActivity)
