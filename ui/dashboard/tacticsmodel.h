#pragma once

#include "detect/detectionrule.h"

#include <QAbstractTableModel>

#include <vector>

namespace Trailscope::Ui {

/// The detection findings counted per ATT&CK tactic (from their rules' tags), in the matrix's order: a first row for
/// every finding, then one per tactic that has findings, then the findings whose rules name no tactic. A finding
/// whose rule names several tactics counts under each.
class TacticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Tactic, Rules, Events, ColumnCount };
    /// The tactic's tag (`defense-evasion`), DetectionsModel::NoTactic, or empty for the first row (every finding).
    static constexpr int TagRole = Qt::UserRole + 1;

    explicit TacticsModel(QObject* parent = nullptr);

    void setFindings(const std::vector<Core::Detect::Finding>& findings);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString tag, name, id;
        int rules = 0;
        qint64 events = 0;
    };
    std::vector<Row> m_rows;
};

} // namespace Trailscope::Ui
