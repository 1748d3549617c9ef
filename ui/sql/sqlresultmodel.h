#pragma once

#include "sql/sqlqueryworker.h"

#include <QAbstractTableModel>

#include <vector>

namespace Trailscope::Ui {

/// One statement's result for the grid: the rows fetched so far, more asked of the worker in batches as the view
/// scrolls (canFetchMore/fetchMore), never the whole result at once. data() only reads what has arrived.
class SqlResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< the cell as a QJsonValue
        EventIdRole,                  ///< the eventID of an eventID cell, else empty
    };
    static constexpr int BatchSize = 500;

    explicit SqlResultModel(const SqlStatementInfo& statement, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const SqlStatementInfo& statement() const { return m_statement; }
    /// Appends a batch from the worker; `complete`: the statement has no more rows.
    void appendRows(const SqlRowList& rows, bool complete, bool stopped, double milliseconds);
    /// No more rows will come (Stop, an error, a new run).
    void finish(bool stopped);
    bool isComplete() const { return m_complete; }
    bool isStopped() const { return m_stopped; }
    bool isFetching() const { return m_fetching; }
    double milliseconds() const { return m_milliseconds; }
    const QJsonArray& rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }

Q_SIGNALS:
    /// The view wants `count` more rows.
    void fetchRequested(int count);
    /// Rows arrived or the result ended: the header text changes.
    void progressChanged();

private:
    SqlStatementInfo m_statement;
    std::vector<QJsonArray> m_rows;
    bool m_complete = false;
    bool m_stopped = false;
    bool m_fetching = true; // the first batch is on its way with the run
    double m_milliseconds = 0;
};

} // namespace Trailscope::Ui
