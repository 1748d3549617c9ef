#pragma once

#include "detect/detectionrule.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace Trailscope::Ui {

/// Which detection findings each event is in, for the detail pane: one label per rule that fired (id, title and its
/// ATT&CK tactics and techniques), and per event row id the labels' indexes. Built once per dashboard result.
struct EventDetections
{
    QStringList labels;
    QHash<std::int64_t, QList<int>> byEvent;

    static std::shared_ptr<const EventDetections> of(const std::vector<Core::Detect::Finding>& findings);
    /// The labels of an event, in rule order; empty when no rule matched it.
    QStringList labelsOf(std::int64_t eventRowId) const;
};

} // namespace Trailscope::Ui
