#include "rulelistmodel.h"

#include "dashboard/detectionsmodel.h"
#include "detect/rulefile.h"
#include "detect/shippedrules.h"

namespace Trailscope::Ui {

RuleListModel::RuleListModel(QObject* parent) : QAbstractTableModel(parent) {}

void RuleListModel::setRules(const Core::Detect::CaseRules& rules)
{
    beginResetModel();
    m_entries.clear();
    for (const Core::Detect::MetricFilterRule& rule : Core::Detect::shippedRules())
        m_entries.push_back({rule.info.id,
                             rule.info.source,
                             rule.info.level,
                             rule.info.title,
                             Core::Detect::metricFilterRuleYaml(rule),
                             false,
                             rules.isEnabled(rule.info.id),
                             {}});
    for (const Core::Detect::StoredRule& stored : rules.rules) {
        Entry entry{stored.ruleId, Core::Detect::RuleSource::User, {}, {}, stored.text,
                    true,          rules.isEnabled(stored.ruleId), {}};
        const auto parsed = Core::Detect::parseRuleText(stored.text);
        if (parsed) {
            const Core::Detect::RuleInfo& info = Core::Detect::ruleInfoOf(*parsed);
            entry.source = info.source;
            entry.level = info.level;
            entry.title = info.title;
        } else {
            entry.problem = Core::Detect::describeProblem(parsed.error());
        }
        m_entries.push_back(std::move(entry));
    }
    endResetModel();
}

const RuleListModel::Entry* RuleListModel::entryAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_entries[static_cast<std::size_t>(row)] : nullptr;
}

int RuleListModel::rowOf(const QString& ruleId) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].id == ruleId)
            return static_cast<int>(i);
    }
    return -1;
}

int RuleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RuleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const
{
    const Entry* entry = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!entry)
        return {};
    if (role == Qt::CheckStateRole && index.column() == On)
        return entry->enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole)
        return entry->problem.isEmpty() ? entry->title : tr("Does not load: %1").arg(entry->problem);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case On:
        return {};
    case Source:
        return entry->own && entry->source == Core::Detect::RuleSource::Sigma
                   ? tr("Sigma (own)")
                   : DetectionsModel::sourceLabel(entry->source);
    case Level:
        return entry->level;
    case Rule:
        return entry->id;
    case Title:
        return entry->problem.isEmpty() ? entry->title : tr("(does not load: %1)").arg(entry->problem);
    }
    return {};
}

bool RuleListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != On || role != Qt::CheckStateRole)
        return false;
    Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled == entry.enabled)
        return true;
    entry.enabled = enabled;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT enabledToggled(entry.id, enabled);
    return true;
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == On)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case On:
        return tr("On");
    case Source:
        return tr("Source");
    case Level:
        return tr("Level");
    case Rule:
        return tr("Rule");
    case Title:
        return tr("Title");
    }
    return {};
}

} // namespace Trailscope::Ui
