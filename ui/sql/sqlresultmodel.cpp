#include "sqlresultmodel.h"

#include "export/resultwriter.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Trailscope::Ui {

namespace {

constexpr qsizetype MaxCellText = 400; // the grid shows a line; the tooltip and exports have the whole value

} // namespace

SqlResultModel::SqlResultModel(const SqlStatementInfo& statement, QObject* parent)
    : QAbstractTableModel(parent), m_statement(statement)
{}

int SqlResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SqlResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_statement.columns.size());
}

QVariant SqlResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonValue value = m_rows[static_cast<std::size_t>(index.row())].at(index.column());
    const bool eventId = index.column() == m_statement.eventIdColumn && value.isString();
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = Core::Export::cellText(value);
        return text.size() > MaxCellText ? text.left(MaxCellText) + u'…' : text;
    }
    case Qt::ToolTipRole: {
        const QString text = Core::Export::cellText(value);
        if (eventId)
            return tr("Click to open this event in the browser");
        return text.size() > 60 ? text.left(4000) : QVariant();
    }
    case Qt::TextAlignmentRole:
        return value.isDouble() ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        if (eventId)
            return QGuiApplication::palette().color(QPalette::Link);
        if (value.isNull())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (eventId) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        return {};
    case ValueRole:
        return QVariant::fromValue(value);
    case EventIdRole:
        return eventId ? value.toString() : QString();
    default:
        return {};
    }
}

QVariant SqlResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_statement.columns.size())
        return {};
    return m_statement.columns.at(section);
}

bool SqlResultModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_complete && !m_fetching;
}

void SqlResultModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    Q_EMIT fetchRequested(BatchSize);
}

void SqlResultModel::appendRows(const SqlRowList& rows, bool complete, bool stopped, double milliseconds)
{
    m_fetching = false;
    m_milliseconds = milliseconds;
    if (!rows.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
        m_rows.insert(m_rows.end(), rows.begin(), rows.end());
        endInsertRows();
    }
    m_complete = m_complete || complete || stopped;
    m_stopped = m_stopped || stopped;
    Q_EMIT progressChanged();
}

void SqlResultModel::finish(bool stopped)
{
    if (m_complete)
        return;
    m_fetching = false;
    m_complete = true;
    m_stopped = stopped;
    Q_EMIT progressChanged();
}

} // namespace Trailscope::Ui
