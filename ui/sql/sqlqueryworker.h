#pragma once

#include "sql/sqlexport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace Trailscope::Core {
class AnalystStore;
namespace Query::Lake {
class LakeQuery;
struct PreparedQuery;
struct QueryProgress;
} // namespace Query::Lake
} // namespace Trailscope::Core

namespace Trailscope::Ui {

/// One statement of a run, as prepared: its text, where it starts in the run's text and its result columns.
struct SqlStatementInfo
{
    QString text;
    int line = 1, column = 1;
    QStringList columns;
    int eventIdColumn = -1; ///< a column named eventID, whose cells open the event
};
using SqlStatementList = QList<SqlStatementInfo>;
using SqlRowList = QList<QJsonArray>;

/// A query error at a place of the run's text (line 0: no place).
struct SqlError
{
    QString message;
    int line = 0, column = 0;
};

struct SqlKeyPath
{
    QString path; ///< `requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp`
    qint64 events = 0;
};
using SqlKeyPathList = QList<SqlKeyPath>;

struct SqlSavedQuery
{
    qint64 id = 0;
    QString name, text;
};
using SqlSavedQueryList = QList<SqlSavedQuery>;

/// Runs Lake SQL for the SQL console on the thread it lives on, with a LakeQuery and an AnalystStore of its own.
/// Statements of the latest run stay open and are stepped in batches as the result grid asks for rows. Every request
/// carries the stop stamp the console had when it sent it; when the console bumps the shared stamp (Stop, a new
/// run), whatever runs is interrupted inside SQLite through the progress handler and its replies are not sent.
class SqlQueryWorker : public QObject
{
    Q_OBJECT

public:
    explicit SqlQueryWorker(std::shared_ptr<std::atomic<quint64>> stopStamp, QObject* parent = nullptr);
    ~SqlQueryWorker() override;

    static constexpr int FirstBatch = 200;

public Q_SLOTS:
    void openCase(const QString& path);
    void closeCase();
    /// Prepares every statement of `text` (run id = `stamp`), sends their columns, then each one's first rows.
    void run(quint64 stamp, const QString& text);
    /// Up to `count` more rows of statement `index` of run `runId`.
    void fetch(quint64 stamp, quint64 runId, int index, int count);
    /// The events row id of an eventID value (0 when the case has no such event).
    void resolveEvent(quint64 job, const QString& eventId);
    /// Runs the statement again and resolves every eventID of column `eventIdColumn` to its row id.
    void collectEventSet(quint64 stamp, quint64 job, const QString& statement, int eventIdColumn);
    /// Runs the statement again and writes all its rows to `path`.
    void exportResult(quint64 stamp, quint64 job, const QString& statement, const QString& path,
                      Trailscope::Ui::SqlExportFormat format);
    void saveQuery(const QString& name, const QString& text);
    void removeSavedQuery(qint64 id);

Q_SIGNALS:
    void caseOpened(const Trailscope::Ui::SqlKeyPathList& keyPaths, const Trailscope::Ui::SqlSavedQueryList& saved,
                    const QStringList& history);
    void caseFailed(const QString& message);
    void statementsPrepared(quint64 runId, const Trailscope::Ui::SqlStatementList& statements);
    /// `milliseconds`: the statement's time so far (prepare share and stepping); `stopped`: interrupted by Stop.
    void rowsReady(quint64 runId, int index, const Trailscope::Ui::SqlRowList& rows, bool complete, bool stopped,
                   double milliseconds);
    void runFailed(quint64 runId, const Trailscope::Ui::SqlError& error);
    /// How far the statement of request `stamp` has got (a run, a fetch, an export or an event set), a few times a
    /// second while it runs: event rows examined and the case's events; `bounded`: it examines each event at most
    /// once, so examined / total is a share of the case. Only statements that count events report.
    void progress(quint64 stamp, qint64 examined, qint64 total, bool bounded);
    void runFinished(quint64 runId, double milliseconds);
    void eventResolved(quint64 job, std::int64_t rowId);
    void eventSetReady(quint64 job, const QList<std::int64_t>& rowIds, bool truncated);
    void exportFinished(quint64 job, const QString& path, qint64 rows);
    void jobFailed(quint64 job, const QString& message);
    void savedQueriesChanged(const Trailscope::Ui::SqlSavedQueryList& saved);
    void historyChanged(const QStringList& history);
    void storeFailed(const QString& message);

private:
    struct OpenStatement;
    bool stopped() const;
    bool begin(quint64 stamp);
    /// From within a running statement: whether to go on; reports progress now and then.
    bool onProgress(const Core::Query::Lake::QueryProgress& progress);
    void fetchInto(OpenStatement& statement, int count, SqlRowList& rows, bool& complete, bool& stopped);
    std::optional<std::int64_t> rowIdOf(const QString& eventId);
    void emitSaved();

    std::shared_ptr<std::atomic<quint64>> m_stop;
    quint64 m_active = 0; // the stamp of the request being served
    quint64 m_runId = 0;
    std::unique_ptr<Core::Query::Lake::LakeQuery> m_lake;
    std::unique_ptr<Core::AnalystStore> m_store;
    std::vector<std::unique_ptr<OpenStatement>> m_statements;
    QElapsedTimer m_progressClock; // since the request began or progress was last reported
};

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Ui::SqlStatementList)
Q_DECLARE_METATYPE(Trailscope::Ui::SqlRowList)
Q_DECLARE_METATYPE(Trailscope::Ui::SqlError)
Q_DECLARE_METATYPE(Trailscope::Ui::SqlKeyPathList)
Q_DECLARE_METATYPE(Trailscope::Ui::SqlSavedQueryList)
Q_DECLARE_METATYPE(Trailscope::Ui::SqlExportFormat)
