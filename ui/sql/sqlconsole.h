#pragma once

#include "sql/sqlexport.h"
#include "sql/sqlqueryworker.h"

#include <QPointer>
#include <QSet>
#include <QThread>
#include <QWidget>

#include <atomic>
#include <cstdint>
#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QStackedLayout;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace Trailscope::Ui {

class SqlEditor;
class SqlResultModel;
class SqlResultView;

/// The SQL console: editor tabs over the case's Lake SQL, a library (sample queries, saved queries, history) and a
/// tab of results per statement. Queries run on a worker thread with a LakeQuery of their own; the grid fetches rows
/// in batches as it scrolls; Stop interrupts whatever runs. Saved queries and history live in the case.
class SqlConsole : public QWidget
{
    Q_OBJECT

public:
    explicit SqlConsole(QWidget* parent = nullptr);
    ~SqlConsole() override;

    /// Opens the case for queries (again, after an import, to pick up new key paths); clearCase() closes it.
    void setCase(const QString& casePath);
    void clearCase();
    QString casePath() const { return m_casePath; }

    /// Opens `text` in a new editor tab called `title`.
    SqlEditor* openQuery(const QString& title, const QString& text);
    SqlEditor* currentEditor() const;
    /// Runs the current editor's selection, or all of it (Ctrl+Enter).
    void run();
    /// Interrupts the running query, fetch or export at once.
    void stop();
    bool isBusy() const;

    int resultCount() const;
    SqlResultView* resultView(int index) const;
    /// The statement of the result shown, for File › Export…; empty when there is none.
    QString currentResultStatement() const;
    /// Writes all rows of result `index` to `path` (the statement runs again on the worker, streaming).
    void exportResult(int index, const QString& path, SqlExportFormat format);
    /// Opens the events of result `index` (its eventID column) in the browser as a set of row ids.
    void openResultEvents(int index);
    /// Saves the current editor's text under `name` in the case.
    void saveCurrentQuery(const QString& name);
    const SqlSavedQueryList& savedQueries() const { return m_saved; }
    const QStringList& history() const { return m_history; }
    QString statusText() const;

Q_SIGNALS:
    /// An eventID cell was clicked: the event's row id in the case.
    void openEventRequested(std::int64_t eventRowId);
    /// "Open in browser" on a result with an eventID column: the row ids of its events, in result order.
    void openEventSetRequested(const QList<std::int64_t>& eventRowIds);
    /// The case is open for queries (its key paths, saved queries and history have arrived).
    void caseReady();
    /// A run ended: every statement's first rows are shown, it failed, or it was stopped.
    void runEnded();
    void exportEnded(const QString& path, bool ok);
    /// "Export…" in a result's context menu: File › Export… with this statement's result as the scope.
    void exportRequested(const QString& statement);

    // Internal: queued requests to the worker.
    void requestOpen(const QString& path);
    void requestClose();
    void requestRun(quint64 stamp, const QString& text);
    void requestFetch(quint64 stamp, quint64 runId, int index, int count);
    void requestResolve(quint64 job, const QString& eventId);
    void requestEventSet(quint64 stamp, quint64 job, const QString& statement, int eventIdColumn);
    void requestExport(quint64 stamp, quint64 job, const QString& statement, const QString& path,
                       Trailscope::Ui::SqlExportFormat format);
    void requestSave(const QString& name, const QString& text);
    void requestRemove(qint64 id);

private:
    void buildUi();
    void connectWorker();
    quint64 nextStamp();
    void setBusy(bool busy, const QString& message = {});
    void setStatus(const QString& message, bool error = false);
    void updateActions();
    void fillLibrary();
    void onStatementsPrepared(quint64 runId, const SqlStatementList& statements);
    void onRowsReady(quint64 runId, int index, const SqlRowList& rows, bool complete, bool stopped,
                     double milliseconds);
    void onRunFailed(quint64 runId, const SqlError& error);
    void onProgress(quint64 stamp, qint64 examined, qint64 total, bool bounded);
    void onLibraryActivated(QTreeWidgetItem* item);
    void showLibraryMenu(const QPoint& pos);
    void askExport(SqlExportFormat format);
    void askSave();
    SqlEditor* addEditor(const QString& title, const QString& text);
    void closeEditor(int index);

    QThread m_thread;
    SqlQueryWorker* m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_stop;
    quint64 m_stamp = 0;
    quint64 m_runId = 0;
    quint64 m_job = 0;
    bool m_running = false;
    QSet<int> m_fetching; // results waiting for more rows
    quint64 m_resolveJob = 0;
    bool m_jobRunning = false;
    QString m_casePath;
    bool m_caseReady = false;
    int m_untitled = 0;

    // The run on display: where its text came from, to place errors.
    QPointer<SqlEditor> m_runEditor;
    int m_runOffset = 0;
    QString m_runText;

    QStringList m_keyPaths;
    SqlSavedQueryList m_saved;
    QStringList m_history;

    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_csvAction = nullptr;
    QAction* m_jsonAction = nullptr;
    QAction* m_eventsAction = nullptr;
    QTabWidget* m_editors = nullptr;
    QTreeWidget* m_library = nullptr;
    QTreeWidgetItem* m_samplesItem = nullptr;
    QTreeWidgetItem* m_savedItem = nullptr;
    QTreeWidgetItem* m_historyItem = nullptr;
    QTabWidget* m_results = nullptr;
    QStackedLayout* m_resultsStack = nullptr;
    QLabel* m_placeholder = nullptr;
    QString m_noResultsReason; // shown when a run left no results
    QProgressBar* m_busy = nullptr;
    QString m_busyMessage; // what the console is busy with, before how far it has got
    QLabel* m_status = nullptr;
};

} // namespace Trailscope::Ui
