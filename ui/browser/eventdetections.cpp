#include "eventdetections.h"

#include "detect/attacklabels.h"

namespace Trailscope::Ui {

namespace {

QString labelOf(const Core::Detect::RuleInfo& rule)
{
    const Core::Detect::AttackLabels attack = Core::Detect::attackLabels(rule.tags);
    QStringList tactics;
    for (const Core::Detect::AttackTactic& tactic : attack.tactics)
        tactics << tactic.name;
    QString label = rule.id + u' ' + rule.title;
    if (!tactics.isEmpty())
        label += QStringLiteral(" \u00b7 ") + tactics.join(QStringLiteral(", "));
    if (!attack.techniques.isEmpty())
        label += QStringLiteral(" (") + attack.techniques.join(QStringLiteral(", ")) + u')';
    return label;
}

} // namespace

std::shared_ptr<const EventDetections> EventDetections::of(const std::vector<Core::Detect::Finding>& findings)
{
    auto detections = std::make_shared<EventDetections>();
    for (const Core::Detect::Finding& finding : findings) {
        const int label = static_cast<int>(detections->labels.size());
        detections->labels << labelOf(finding.rule);
        for (const std::int64_t row : finding.eventRows)
            detections->byEvent[row].append(label);
    }
    return detections;
}

QStringList EventDetections::labelsOf(std::int64_t eventRowId) const
{
    QStringList labels;
    for (const int label : byEvent.value(eventRowId))
        labels << this->labels.at(label);
    return labels;
}

} // namespace Trailscope::Ui
