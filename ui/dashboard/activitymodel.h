#pragma once

#include "insights/activitytables.h"

#include <QAbstractTableModel>

namespace Trailscope::Ui {

/// One who/what/where table (principals, access keys, source IPs, …): count, error ratio, distinct APIs, first and
/// last seen per value; sortable in memory (a table holds a value per principal or address, not per event).
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Value, EventSource, Events, Errors, ErrorRatio, DistinctApis, First, Last, ColumnCount };

    explicit ActivityModel(QObject* parent = nullptr);

    void setRows(Core::Insights::ActivityDimension dimension, std::vector<Core::Insights::ActivityRow> rows);
    Core::Insights::ActivityDimension dimension() const { return m_dimension; }
    const Core::Insights::ActivityRow* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString dimensionLabel(Core::Insights::ActivityDimension dimension);

private:
    Core::Insights::ActivityDimension m_dimension = Core::Insights::ActivityDimension::Principal;
    std::vector<Core::Insights::ActivityRow> m_rows;
    int m_sortColumn = Events;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Trailscope::Ui
