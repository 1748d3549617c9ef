#include "activitymodel.h"

#include <QDateTime>

#include <algorithm>
#include <tuple>

namespace Trailscope::Ui {

namespace {

using Core::Insights::ActivityDimension;
using Core::Insights::ActivityRow;

QString timeText(const std::optional<std::int64_t>& epochMs)
{
    return epochMs ? QDateTime::fromMSecsSinceEpoch(*epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
}

} // namespace

ActivityModel::ActivityModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ActivityModel::dimensionLabel(ActivityDimension dimension)
{
    switch (dimension) {
    case ActivityDimension::Principal:
        return tr("Principals");
    case ActivityDimension::AccessKey:
        return tr("Access keys");
    case ActivityDimension::SourceIp:
        return tr("Source IPs");
    case ActivityDimension::UserAgent:
        return tr("User agents");
    case ActivityDimension::Region:
        return tr("Regions");
    case ActivityDimension::Account:
        return tr("Accounts");
    case ActivityDimension::PrincipalEventSource:
        return tr("Principal + event source");
    case ActivityDimension::Api:
        return tr("APIs");
    }
    return {};
}

void ActivityModel::setRows(ActivityDimension dimension, std::vector<ActivityRow> rows)
{
    beginResetModel();
    m_dimension = dimension;
    m_rows = std::move(rows);
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

const ActivityRow* ActivityModel::rowAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    const ActivityRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    if (role == Qt::TextAlignmentRole && index.column() >= Events && index.column() <= DistinctApis)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == ErrorRatio || index.column() == Errors))
        return tr("%1 of %2 events carry an errorCode").arg(row->errors).arg(row->events);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Value:
        return row->value;
    case EventSource:
        return row->eventSource;
    case Events:
        return QVariant::fromValue(static_cast<qlonglong>(row->events));
    case Errors:
        return QVariant::fromValue(static_cast<qlonglong>(row->errors));
    case ErrorRatio:
        return QStringLiteral("%1 %").arg(row->errorRatio() * 100, 0, 'f', 1);
    case DistinctApis:
        return QVariant::fromValue(static_cast<qlonglong>(row->distinctApis));
    case First:
        return timeText(row->first);
    case Last:
        return timeText(row->last);
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Value:
        return dimensionLabel(m_dimension);
    case EventSource:
        return tr("Event source");
    case Events:
        return tr("Events");
    case Errors:
        return tr("Errors");
    case ErrorRatio:
        return tr("Error %");
    case DistinctApis:
        return tr("APIs");
    case First:
        return tr("First seen (UTC)");
    case Last:
        return tr("Last seen (UTC)");
    }
    return {};
}

void ActivityModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const auto less = [column](const ActivityRow& a, const ActivityRow& b) {
        switch (column) {
        case EventSource:
            return std::tie(a.eventSource, a.value) < std::tie(b.eventSource, b.value);
        case Events:
            return std::tie(a.events, a.value) < std::tie(b.events, b.value);
        case Errors:
            return std::tie(a.errors, a.value) < std::tie(b.errors, b.value);
        case ErrorRatio:
            return std::make_tuple(a.errorRatio(), a.errors, a.value) <
                   std::make_tuple(b.errorRatio(), b.errors, b.value);
        case DistinctApis:
            return std::tie(a.distinctApis, a.value) < std::tie(b.distinctApis, b.value);
        case First:
            return std::tie(a.first, a.value) < std::tie(b.first, b.value);
        case Last:
            return std::tie(a.last, a.value) < std::tie(b.last, b.value);
        default:
            return std::tie(a.value, a.eventSource) < std::tie(b.value, b.eventSource);
        }
    };
    if (order == Qt::AscendingOrder)
        std::stable_sort(m_rows.begin(), m_rows.end(), less);
    else
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [&less](const ActivityRow& a, const ActivityRow& b) { return less(b, a); });
    // No persistent indexes to move: the view's selection is cleared by a sort (the table is read, not edited).
    const QModelIndexList persistent = persistentIndexList();
    changePersistentIndexList(persistent, QModelIndexList(persistent.size()));
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace Trailscope::Ui
