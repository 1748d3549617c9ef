#pragma once

#include "insights/firstseen.h"

#include <QAbstractTableModel>

namespace Trailscope::Ui {

/// Principals, access keys, source IPs, user agents and regions first seen after the case's first day, oldest first.
class FirstSeenModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Kind, Value, FirstEvent, ColumnCount };

    explicit FirstSeenModel(QObject* parent = nullptr);

    void setItems(std::vector<Core::Insights::FirstSeen> items);
    const Core::Insights::FirstSeen* itemAt(int row) const;
    static QString kindLabel(Core::Insights::FirstSeenKind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Core::Insights::FirstSeen> m_items;
};

} // namespace Trailscope::Ui
