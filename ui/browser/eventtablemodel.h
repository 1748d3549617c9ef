#pragma once

#include "query/fieldtable.h"

#include "browser/searchrequest.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QColor>
#include <QHash>

#include <memory>
#include <unordered_map>

namespace Trailscope::Ui {

class CaseSession;

/// The event table: the current search's row ids in display order, the display rows fetched lazily in batches by
/// the session's row worker. data() never blocks: a row not yet read shows a placeholder and is requested; the
/// most recently wanted rows are fetched first, so a fast scroll does not queue every page it passed.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        NameColumn,
        UserColumn,
        SourceColumn,
        ResourceTypeColumn,
        ResourceNameColumn,
        RegionColumn,
        SourceIpColumn,
        ErrorCodeColumn,
        ReadOnlyColumn,
        AccountColumn,
        EventIdColumn,
        ColumnCount
    };
    enum Role {
        RowIdRole = Qt::UserRole + 1, ///< the event's row id in the case
        EventTimeRole,                ///< UTC epoch ms, or an invalid QVariant
        LoadedRole,                   ///< whether the row's values have arrived
        SearchTermRole,               ///< a search-bar term matching this cell's value ("" when none)
        StarredRole,                  ///< whether the analyst starred the event
        ColourRuleRole,               ///< index of the first enabled colouring rule it matches, or -1
        IntegrityRole,                ///< what validation said of the event's log file; empty when nothing
    };

    explicit EventTableModel(CaseSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Times shown in UTC (default) or in the local zone; the header names the zone.
    void setUtc(bool utc);
    bool isUtc() const { return m_utc; }
    std::int64_t rowIdAt(int row) const;
    /// The row showing `rowId`, or -1.
    int rowOfRowId(std::int64_t rowId) const;
    bool isComplete() const { return m_complete; }
    /// Drops every row (a new case).
    void clear();
    /// Colours of the enabled colouring rules, in the order the session's row worker evaluates them; rows are read
    /// again so each carries its rule.
    void setRuleColours(const QList<QColor>& colours);
    /// The source files a validation could not vouch for (file id → what it said): their events get a warning
    /// mark by the event name and the reason as its tooltip. Null: no marks.
    void setFlaggedFiles(std::shared_ptr<const std::unordered_map<std::int64_t, QString>> flagged);
    /// A colour per event (the key each of a credential story's events was done with): those rows are tinted with
    /// it, over any colouring rule. Null: none.
    void setRowColours(std::shared_ptr<const std::unordered_map<std::int64_t, QColor>> colours);
    bool hasRowColours() const { return m_rowColours != nullptr; }
    /// What validation said of the log file `rowId` came from, when its row has been read; empty otherwise.
    QString integrityNote(std::int64_t rowId) const;

    /// Event history's name for a column, for the column chooser and exports.
    static QString columnTitle(int column);
    /// The search field a column shows, which the sort orders by; nullptr for the time column (the search's order).
    static const Core::Query::FieldDef* fieldOfColumn(int column);

Q_SIGNALS:
    /// Rows were replaced by a new search's first chunk.
    void rowsReset();

private:
    void onRowIds(const RowIdList& rowIds, bool reset, bool complete);
    void onRowsReady(quint64 token, const EventRowList& rows, const QList<int>& rules);
    void onMarkChanged(std::int64_t eventRowId);
    void want(int row) const;
    void flushWanted() const;
    QVariant display(const Core::Query::EventRow& row, int column) const;
    struct DisplayRow
    {
        Core::Query::EventRow row;
        int rule = -1; ///< the first colouring rule it matches
    };
    QVariant background(const DisplayRow& row) const;
    QString searchTerm(const Core::Query::EventRow& row, int column) const;

    CaseSession* m_session;
    RowIdList m_rowIds;
    bool m_complete = true;
    bool m_utc = true;
    mutable QCache<std::int64_t, DisplayRow> m_cache;
    QList<QColor> m_ruleColours;
    std::shared_ptr<const std::unordered_map<std::int64_t, QString>> m_flaggedFiles;
    std::shared_ptr<const std::unordered_map<std::int64_t, QColor>> m_rowColours;
    mutable QList<std::int64_t> m_wanted;          // in the order first wanted
    mutable QHash<std::int64_t, int> m_wantedRows; // the same ids → their row
    mutable QHash<std::int64_t, int> m_inFlight;   // requested, not yet arrived → their row
    quint64 m_epoch = 0;                           // bumped whenever rows are replaced
    mutable quint64 m_requestEpoch = 0;
    mutable quint64 m_token = 0;
    mutable bool m_flushScheduled = false;
};

} // namespace Trailscope::Ui
