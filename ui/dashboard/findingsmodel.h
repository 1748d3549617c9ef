#pragma once

#include "dashboard/dashboarddata.h"

#include <QAbstractTableModel>

namespace Trailscope::Ui {

/// The dashboard's findings, ours and AWS's: one row per episode, sortable by any column (a few hundred rows at
/// most, sorted in memory).
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Start,
        Origin,
        Type,
        Api,
        ErrorCode,
        Principal,
        SourceIp,
        Region,
        Account,
        Baseline,
        Insight,
        Minutes,
        ColumnCount
    };
    /// The row's index into findings() (stable across sorting).
    static constexpr int FindingIndexRole = Qt::UserRole + 1;

    explicit FindingsModel(QObject* parent = nullptr);

    void setFindings(std::vector<DashboardFinding> findings);
    const std::vector<DashboardFinding>& findings() const { return m_findings; }
    /// The finding a row shows, nullptr for none.
    const DashboardFinding* findingAt(int row) const;
    /// The row showing findings()[index], -1 if none.
    int rowOf(std::size_t index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString typeLabel(const DashboardFinding& finding);
    static QString originLabel(FindingOrigin origin);

private:
    static QString cellText(const DashboardFinding& finding, int column);
    static QVariant sortKey(const DashboardFinding& finding, int column);

    std::vector<DashboardFinding> m_findings;
    std::vector<std::size_t> m_order; // row → index into m_findings
    int m_sortColumn = Start;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace Trailscope::Ui
