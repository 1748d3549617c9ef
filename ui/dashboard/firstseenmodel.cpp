#include "firstseenmodel.h"

#include <QDateTime>

namespace Trailscope::Ui {

using Core::Insights::FirstSeenKind;

FirstSeenModel::FirstSeenModel(QObject* parent) : QAbstractTableModel(parent) {}

QString FirstSeenModel::kindLabel(FirstSeenKind kind)
{
    switch (kind) {
    case FirstSeenKind::Principal:
        return tr("Principal");
    case FirstSeenKind::AccessKey:
        return tr("Access key");
    case FirstSeenKind::SourceIp:
        return tr("Source IP");
    case FirstSeenKind::UserAgent:
        return tr("User agent");
    case FirstSeenKind::Region:
        return tr("Region");
    }
    return {};
}

void FirstSeenModel::setItems(std::vector<Core::Insights::FirstSeen> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const Core::Insights::FirstSeen* FirstSeenModel::itemAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_items[static_cast<std::size_t>(row)] : nullptr;
}

int FirstSeenModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int FirstSeenModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FirstSeenModel::data(const QModelIndex& index, int role) const
{
    const Core::Insights::FirstSeen* item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item || role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(item->time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Kind:
        return kindLabel(item->kind);
    case Value:
        return item->value;
    case FirstEvent:
        return QString(item->eventSource + QLatin1Char(' ') + item->eventName);
    }
    return {};
}

QVariant FirstSeenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("First event (UTC)");
    case Kind:
        return tr("Kind");
    case Value:
        return tr("Value");
    case FirstEvent:
        return tr("Its first call");
    }
    return {};
}

} // namespace Trailscope::Ui
