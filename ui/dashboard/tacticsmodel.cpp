#include "tacticsmodel.h"

#include "dashboard/detectionsmodel.h"
#include "detect/attacklabels.h"

#include <QLocale>

#include <map>

namespace Trailscope::Ui {

TacticsModel::TacticsModel(QObject* parent) : QAbstractTableModel(parent) {}

void TacticsModel::setFindings(const std::vector<Core::Detect::Finding>& findings)
{
    beginResetModel();
    m_rows.clear();
    Row all{QString(), tr("All tactics"), QString(), 0, 0};
    Row none{DetectionsModel::NoTactic, tr("No ATT&CK tactic"), QString(), 0, 0};
    std::vector<Row> tactics; // in the order attackLabels() gives: the matrix's, unknown ones last
    for (const Core::Detect::Finding& finding : findings) {
        ++all.rules;
        all.events += finding.count;
        const auto labels = Core::Detect::attackLabels(finding.rule.tags);
        if (labels.tactics.isEmpty()) {
            ++none.rules;
            none.events += finding.count;
        }
        for (const Core::Detect::AttackTactic& tactic : labels.tactics) {
            auto row = std::find_if(tactics.begin(), tactics.end(), [&](const Row& r) { return r.tag == tactic.tag; });
            if (row == tactics.end())
                row = tactics.insert(tactics.end(), Row{tactic.tag, tactic.name, tactic.id, 0, 0});
            ++row->rules;
            row->events += finding.count;
        }
    }
    // The matrix's order across findings, not the order the findings first named them.
    const auto& order = Core::Detect::attackTactics();
    const auto rank = [&](const Row& row) {
        const auto known = std::find_if(order.begin(), order.end(),
                                        [&](const Core::Detect::AttackTactic& t) { return t.tag == row.tag; });
        return known == order.end() ? order.size() : std::size_t(known - order.begin());
    };
    std::stable_sort(tactics.begin(), tactics.end(), [&](const Row& a, const Row& b) { return rank(a) < rank(b); });
    m_rows.push_back(all);
    m_rows.insert(m_rows.end(), tactics.begin(), tactics.end());
    if (none.rules > 0)
        m_rows.push_back(none);
    endResetModel();
}

int TacticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TacticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TacticsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == TagRole)
        return row.tag;
    if (role == Qt::ToolTipRole && !row.id.isEmpty())
        return tr("ATT&CK tactic %1").arg(row.id);
    if (role == Qt::TextAlignmentRole && index.column() != Tactic)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Tactic:
        return row.id.isEmpty() ? row.name : QStringLiteral("%1 (%2)").arg(row.name, row.id);
    case Rules:
        return row.rules;
    case Events:
        return QLocale().toString(row.events);
    }
    return {};
}

QVariant TacticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Tactic:
        return tr("Tactic");
    case Rules:
        return tr("Rules Fired");
    case Events:
        return tr("Events");
    }
    return {};
}

} // namespace Trailscope::Ui
