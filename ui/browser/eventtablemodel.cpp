#include "eventtablemodel.h"

#include "browser/casesession.h"
#include "browser/searchterm.h"
#include "query/eventcolumns.h"

#include "util/eventtime.h"

#include <QApplication>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QTimeZone>
#include <QTimer>

#include <cmath>
#include <limits>

namespace Trailscope::Ui {

using Core::Query::EventRow;

namespace {

constexpr int FetchBlock = 100;   // rows requested around a missing one
constexpr int MaxRequest = 600;   // rows per request: the newest wants only
constexpr int CachedRows = 60000; // display rows kept

// A small filled star, drawn once: no icon theme is guaranteed on a bare Debian desktop.
QPixmap starIcon()
{
    static const QPixmap star = [] {
        const qreal scale = qApp ? qApp->devicePixelRatio() : 1.0;
        QPixmap pixmap(QSize(14, 14) * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QPolygonF points;
        for (int i = 0; i < 10; ++i) {
            const double radius = i % 2 ? 2.8 : 6.6;
            const double angle = M_PI / 5 * i - M_PI / 2;
            points << QPointF(7 + radius * std::cos(angle), 7.3 + radius * std::sin(angle));
        }
        painter.setPen(QPen(QColor(160, 110, 0), 0.8));
        painter.setBrush(QColor(245, 185, 20));
        painter.drawPolygon(points);
        return pixmap;
    }();
    return star;
}

QColor tint(const QColor& base, const QColor& accent, double amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + accent.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + accent.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + accent.blueF() * amount));
}

} // namespace

EventTableModel::EventTableModel(CaseSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session), m_cache(CachedRows)
{
    connect(session, &CaseSession::rowIdsReady, this, &EventTableModel::onRowIds);
    connect(session, &CaseSession::rowsReady, this, &EventTableModel::onRowsReady);
    connect(session, &CaseSession::markChanged, this,
            [this](std::int64_t eventRowId, bool, const QString&) { onMarkChanged(eventRowId); });
    connect(session, &CaseSession::starredLoaded, this, [this] {
        if (!m_rowIds.isEmpty())
            Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), {Qt::DecorationRole});
    });
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowIds.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventTableModel::columnTitle(int column)
{
    const auto columns = Core::Query::eventColumns();
    if (column < 0 || column >= static_cast<int>(columns.size()))
        return {};
    return QCoreApplication::translate("EventTableModel", columns[static_cast<std::size_t>(column)].title);
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == TimeColumn) {
        const QString zone =
            m_utc ? QStringLiteral("UTC")
                  : QString::fromLatin1(
                        QTimeZone::systemTimeZone().abbreviation(QDateTime::currentDateTime()).toLatin1());
        return tr("Event time (%1)").arg(zone);
    }
    return columnTitle(section);
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowIds.size())
        return {};
    const std::int64_t rowId = m_rowIds.at(index.row());
    if (role == RowIdRole)
        return QVariant::fromValue<qint64>(rowId);
    if (role == StarredRole)
        return m_session->starred().contains(rowId);
    if (role == Qt::DecorationRole && index.column() == TimeColumn)
        return m_session->starred().contains(rowId) ? QVariant(starIcon()) : QVariant();
    const DisplayRow* shown = m_cache.object(rowId);
    if (role == LoadedRole)
        return shown != nullptr;
    if (!shown) {
        if (role == Qt::DisplayRole) {
            want(index.row());
            return index.column() == TimeColumn ? QVariant(QStringLiteral("…")) : QVariant();
        }
        return {};
    }
    const EventRow* row = &shown->row;
    switch (role) {
    case Qt::DisplayRole:
        return display(*row, index.column());
    case Qt::ToolTipRole:
        if (const QString note = integrityNote(rowId); !note.isEmpty() && index.column() == NameColumn)
            return tr("Its log file failed validation: %1").arg(note);
        return display(*row, index.column());
    case Qt::BackgroundRole:
        return background(*shown);
    case ColourRuleRole:
        return shown->rule;
    case IntegrityRole:
        return integrityNote(rowId);
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !integrityNote(rowId).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case EventTimeRole:
        return row->time ? QVariant::fromValue<qint64>(*row->time) : QVariant();
    case SearchTermRole:
        return searchTerm(*row, index.column());
    default:
        return {};
    }
}

QVariant EventTableModel::display(const EventRow& row, int column) const
{
    const auto columns = Core::Query::eventColumns();
    if (column < 0 || column >= static_cast<int>(columns.size()))
        return {};
    if (column == TimeColumn) {
        // The one column whose text depends on the view: UTC or the local zone.
        if (!row.time)
            return tr("(no time)");
        if (m_utc)
            return Core::formatEventTime(*row.time).replace(QLatin1Char('T'), QLatin1Char(' '));
        return QDateTime::fromMSecsSinceEpoch(*row.time).toLocalTime().toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    }
    return columns[static_cast<std::size_t>(column)].text(row);
}

QVariant EventTableModel::background(const DisplayRow& row) const
{
    if (m_rowColours) {
        const auto found = m_rowColours->find(row.row.rowId);
        if (found != m_rowColours->end() && found->second.isValid())
            return tint(QApplication::palette().color(QPalette::Base), found->second, 0.3);
    }
    if (row.rule < 0 || row.rule >= m_ruleColours.size())
        return {};
    // A tint of the palette's base rather than the rule's colour itself keeps text readable in light and dark modes.
    return tint(QApplication::palette().color(QPalette::Base), m_ruleColours.at(row.rule), 0.3);
}

void EventTableModel::setFlaggedFiles(std::shared_ptr<const std::unordered_map<std::int64_t, QString>> flagged)
{
    m_flaggedFiles = std::move(flagged);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn),
                           {Qt::DecorationRole, Qt::ToolTipRole, IntegrityRole});
}

void EventTableModel::setRowColours(std::shared_ptr<const std::unordered_map<std::int64_t, QColor>> colours)
{
    if (!colours && !m_rowColours)
        return;
    m_rowColours = std::move(colours);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

QString EventTableModel::integrityNote(std::int64_t rowId) const
{
    if (!m_flaggedFiles || m_flaggedFiles->empty())
        return {};
    const DisplayRow* shown = m_cache.object(rowId);
    if (!shown)
        return {};
    const auto found = m_flaggedFiles->find(shown->row.fileId);
    return found == m_flaggedFiles->end() ? QString() : found->second;
}

void EventTableModel::setRuleColours(const QList<QColor>& colours)
{
    m_ruleColours = colours;
    // The rule of every cached row may have changed: read the shown rows again, dropping replies in flight.
    m_cache.clear();
    m_inFlight.clear();
    ++m_token;
    if (!m_rowIds.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString EventTableModel::searchTerm(const EventRow& row, int column) const
{
    const auto columns = Core::Query::eventColumns();
    if (column <= TimeColumn || column >= static_cast<int>(columns.size()))
        return {};
    const Core::Query::EventColumn& shown = columns[static_cast<std::size_t>(column)];
    const QString value = shown.text(row);
    return value.isEmpty() ? QString() : fieldTerm(Core::Query::fieldOf(shown), value);
}

void EventTableModel::setUtc(bool utc)
{
    if (utc == m_utc)
        return;
    m_utc = utc;
    Q_EMIT headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
    if (!m_rowIds.isEmpty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), {Qt::DisplayRole});
}

std::int64_t EventTableModel::rowIdAt(int row) const
{
    return row >= 0 && row < m_rowIds.size() ? m_rowIds.at(row) : -1;
}

int EventTableModel::rowOfRowId(std::int64_t rowId) const
{
    return static_cast<int>(m_rowIds.indexOf(rowId));
}

void EventTableModel::clear()
{
    beginResetModel();
    m_rowIds.clear();
    m_cache.clear();
    m_wanted.clear();
    m_wantedRows.clear();
    ++m_epoch;
    m_complete = true;
    endResetModel();
}

void EventTableModel::onMarkChanged(std::int64_t eventRowId)
{
    const int row = rowOfRowId(eventRowId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, TimeColumn), index(row, TimeColumn), {Qt::DecorationRole, StarredRole});
}

void EventTableModel::onRowIds(const RowIdList& rowIds, bool reset, bool complete)
{
    m_complete = complete;
    if (reset) {
        beginResetModel();
        m_rowIds = rowIds;
        m_wanted.clear();
        m_wantedRows.clear();
        ++m_epoch;
        endResetModel();
        Q_EMIT rowsReset();
        return;
    }
    if (rowIds.isEmpty())
        return;
    const int first = static_cast<int>(m_rowIds.size());
    beginInsertRows({}, first, first + static_cast<int>(rowIds.size()) - 1);
    m_rowIds += rowIds;
    endInsertRows();
}

void EventTableModel::want(int row) const
{
    const int start = row - row % FetchBlock;
    const int end = std::min<int>(start + FetchBlock, static_cast<int>(m_rowIds.size()));
    for (int i = start; i < end; ++i) {
        const std::int64_t rowId = m_rowIds.at(i);
        if (m_inFlight.contains(rowId) || m_wantedRows.contains(rowId) || m_cache.contains(rowId))
            continue;
        m_wantedRows.insert(rowId, i);
        m_wanted << rowId;
    }
    if (m_wanted.size() > 4 * MaxRequest) {
        // Rows scrolled past long ago: forget them; they are wanted again if they come back into view.
        for (qsizetype i = 0; i < m_wanted.size() - MaxRequest; ++i)
            m_wantedRows.remove(m_wanted.at(i));
        m_wanted.remove(0, m_wanted.size() - MaxRequest);
    }
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QTimer::singleShot(0, this, [this] { flushWanted(); });
    }
}

void EventTableModel::flushWanted() const
{
    m_flushScheduled = false;
    if (!m_inFlight.isEmpty() || m_wanted.isEmpty())
        return; // one request at a time; the reply sends the next
    const qsizetype take = std::min<qsizetype>(m_wanted.size(), MaxRequest);
    RowIdList request = m_wanted.mid(m_wanted.size() - take);
    // Older wants beyond the newest batch were scrolled past; they are asked again if shown again.
    for (const std::int64_t rowId : request)
        m_inFlight.insert(rowId, m_wantedRows.value(rowId, -1));
    m_wanted.clear();
    m_wantedRows.clear();
    m_requestEpoch = m_epoch;
    m_session->fetchRows(++m_token, request);
}

void EventTableModel::onRowsReady(quint64 token, const EventRowList& rows, const QList<int>& rules)
{
    if (token != m_token)
        return;
    int first = std::numeric_limits<int>::max(), last = -1;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const EventRow& row = rows.at(i);
        m_cache.insert(row.rowId, new DisplayRow{row, rules.value(i, -1)});
        const int position = m_inFlight.value(row.rowId, -1);
        if (position >= 0) {
            first = std::min(first, position);
            last = std::max(last, position);
        }
    }
    m_inFlight.clear();
    // Positions are those of the request's time; after a reset the view repaints from the cache anyway.
    if (last >= 0 && m_requestEpoch == m_epoch && last < m_rowIds.size())
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    flushWanted();
}

const Core::Query::FieldDef* EventTableModel::fieldOfColumn(int column)
{
    const auto columns = Core::Query::eventColumns();
    if (column <= TimeColumn || column >= static_cast<int>(columns.size()))
        return nullptr;
    return &Core::Query::fieldOf(columns[static_cast<std::size_t>(column)]);
}

} // namespace Trailscope::Ui
