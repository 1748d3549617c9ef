#include "findingsmodel.h"

#include <QDateTime>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

QString minuteText(std::int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString rate(double perMinute)
{
    return QString::number(perMinute, 'g', perMinute < 0.01 ? 2 : 3);
}

} // namespace

FindingsModel::FindingsModel(QObject* parent) : QAbstractTableModel(parent) {}

QString FindingsModel::typeLabel(const DashboardFinding& finding)
{
    return finding.type == Core::Insights::InsightType::ApiCallRate ? tr("Call rate") : tr("Error rate");
}

QString FindingsModel::originLabel(FindingOrigin origin)
{
    return origin == FindingOrigin::Trailscope ? tr("Trailscope") : tr("AWS");
}

void FindingsModel::setFindings(std::vector<DashboardFinding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    m_order.resize(m_findings.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = i;
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

const DashboardFinding* FindingsModel::findingAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_findings[m_order[static_cast<std::size_t>(row)]] : nullptr;
}

int FindingsModel::rowOf(std::size_t index) const
{
    const auto it = std::find(m_order.begin(), m_order.end(), index);
    return it == m_order.end() ? -1 : static_cast<int>(it - m_order.begin());
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    const DashboardFinding* finding = index.isValid() ? findingAt(index.row()) : nullptr;
    if (!finding)
        return {};
    if (role == FindingIndexRole)
        return QVariant::fromValue(static_cast<qulonglong>(m_order[static_cast<std::size_t>(index.row())]));
    if (role == Qt::TextAlignmentRole && index.column() >= Baseline)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Minutes && !finding->ended)
        return tr("Still unusual where the case's events stop: only its start is known.");
    if (role == Qt::ToolTipRole && index.column() == Baseline)
        return tr("Average per minute over %n minute(s) of baseline", nullptr,
                  static_cast<int>(finding->baselineMinutes));
    return role == Qt::DisplayRole ? cellText(*finding, index.column()) : QVariant();
}

QString FindingsModel::cellText(const DashboardFinding& finding, int column)
{
    switch (column) {
    case Start:
        return minuteText(finding.start);
    case Origin:
        return originLabel(finding.origin);
    case Type:
        return typeLabel(finding);
    case Api:
        return finding.eventSource + QLatin1Char(' ') + finding.eventName;
    case ErrorCode:
        return finding.errorCode;
    case Principal:
        return finding.principal;
    case SourceIp:
        return finding.sourceIp;
    case Region:
        return finding.region;
    case Account:
        return finding.account;
    case Baseline:
        return rate(finding.baselineAverage);
    case Insight:
        return rate(finding.insightAverage);
    case Minutes:
        return finding.ended ? QString::number(finding.durationMinutes()) : tr("%1+").arg(finding.durationMinutes());
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Start:
        return tr("Start (UTC)");
    case Origin:
        return tr("Origin");
    case Type:
        return tr("Type");
    case Api:
        return tr("API");
    case ErrorCode:
        return tr("Error code");
    case Principal:
        return tr("Principal");
    case SourceIp:
        return tr("Source IP");
    case Region:
        return tr("Region");
    case Account:
        return tr("Account");
    case Baseline:
        return tr("Baseline/min");
    case Insight:
        return tr("Insight/min");
    case Minutes:
        return tr("Minutes");
    }
    return {};
}

QVariant FindingsModel::sortKey(const DashboardFinding& finding, int column)
{
    switch (column) {
    case Start:
        return QVariant::fromValue(static_cast<qlonglong>(finding.start));
    case Baseline:
        return finding.baselineAverage;
    case Insight:
        return finding.insightAverage;
    case Minutes:
        return QVariant::fromValue(static_cast<qlonglong>(finding.durationMinutes()));
    default:
        return cellText(finding, column);
    }
}

void FindingsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::size_t> previous = m_order;
    std::vector<std::pair<QVariant, std::size_t>> keyed;
    keyed.reserve(m_order.size());
    for (const std::size_t i : m_order)
        keyed.emplace_back(sortKey(m_findings[i], column), i);
    std::stable_sort(keyed.begin(), keyed.end(), [order](const auto& a, const auto& b) {
        const QPartialOrdering c = QVariant::compare(a.first, b.first);
        return order == Qt::AscendingOrder ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    });
    for (std::size_t row = 0; row < keyed.size(); ++row)
        m_order[row] = keyed[row].second;
    QModelIndexList after;
    for (const QModelIndex& index : before) {
        const std::size_t finding = previous[static_cast<std::size_t>(index.row())];
        after << createIndex(rowOf(finding), index.column());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace Trailscope::Ui
