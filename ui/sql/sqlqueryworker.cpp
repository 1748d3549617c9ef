#include "sqlqueryworker.h"

#include "common/errortext.h"

#include "casedb/analyststore.h"
#include "casedb/caseschema.h"
#include "export/resultwriter.h"
#include "query/lake/lakequery.h"
#include "query/lake/laketokenizer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>

namespace Trailscope::Ui {

using Core::Query::Lake::LakeQuery;
using Core::Query::Lake::PreparedQuery;
using Core::Query::Lake::QueryProgress;

namespace {

const QString QueryKind = QStringLiteral("query");
constexpr int HistoryLimit = 200;
constexpr qint64 ProgressIntervalMs = 150;
constexpr qsizetype MaxEventSet = 1'000'000;

int eventIdColumnOf(const PreparedQuery& query)
{
    for (std::size_t i = 0; i < query.columns.size(); ++i)
        if (query.columns[i].name.compare(QLatin1String("eventID"), Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return -1;
}

SqlError sqlError(const Core::Error& error)
{
    SqlError result;
    result.message = ErrorText::withoutPlace(error);
    if (error.line > 0 && error.column > 0) {
        result.line = static_cast<int>(error.line);
        result.column = static_cast<int>(error.column);
    }
    return result;
}

// An eventID as the case stores it: the 16 bytes of a canonical lowercase UUID, else the text.
QByteArray storedEventId(const QString& eventId, bool& isBlob)
{
    static const auto isHex = [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); };
    isBlob = eventId.size() == 36;
    for (qsizetype i = 0; isBlob && i < eventId.size(); ++i)
        isBlob = (i == 8 || i == 13 || i == 18 || i == 23) ? eventId[i] == u'-' : isHex(eventId[i]);
    if (!isBlob)
        return eventId.toUtf8();
    QString hex = eventId;
    return QByteArray::fromHex(hex.remove(u'-').toLatin1());
}

} // namespace

struct SqlQueryWorker::OpenStatement
{
    PreparedQuery query;
    bool done = false;
    double milliseconds = 0;
};

SqlQueryWorker::SqlQueryWorker(std::shared_ptr<std::atomic<quint64>> stopStamp, QObject* parent)
    : QObject(parent), m_stop(std::move(stopStamp))
{}

SqlQueryWorker::~SqlQueryWorker() = default;

bool SqlQueryWorker::stopped() const
{
    return m_stop->load() != m_active;
}

bool SqlQueryWorker::begin(quint64 stamp)
{
    m_active = stamp;
    m_progressClock.start();
    return m_lake && !stopped();
}

bool SqlQueryWorker::onProgress(const QueryProgress& progress)
{
    if (progress.counting && m_progressClock.isValid() && m_progressClock.elapsed() >= ProgressIntervalMs) {
        m_progressClock.start();
        Q_EMIT this->progress(m_active, progress.examined, progress.total, progress.bounded);
    }
    return !stopped();
}

void SqlQueryWorker::openCase(const QString& path)
{
    closeCase();
    auto lake = LakeQuery::open(path);
    if (!lake) {
        Q_EMIT caseFailed(ErrorText::describe(lake.error()));
        return;
    }
    m_lake = std::move(*lake);
    // Whatever runs stops as soon as the console's stamp moves past the request's; statements count the events they
    // examine, so that the console shows how far they have got against the case's events.
    m_lake->setProgressHandler([this](const QueryProgress& progress) { return onProgress(progress); }, true);
    // The console's case clock: now() is the newest event, so "the last 24 hours" means something on old logs.
    m_lake->setNow(m_lake->newestEventTime());

    SqlKeyPathList keyPaths;
    // Cases imported before key paths were collected have no table: completion then offers the schema only.
    auto rows = m_lake->connection().database().prepare(
        "SELECT path, events FROM key_paths ORDER BY events DESC, path LIMIT 20000");
    if (rows.isValid())
        while (rows.step() == SQLITE_ROW)
            keyPaths.append({rows.columnQString(0), rows.columnInt(1)});

    SqlSavedQueryList saved;
    QStringList history;
    auto store = Core::AnalystStore::open(path);
    if (store) {
        m_store = std::make_unique<Core::AnalystStore>(std::move(*store));
        if (const auto items = m_store->savedItems(QueryKind))
            for (const Core::SavedItem& item : *items)
                saved.append({item.id, item.name, item.text});
        if (const auto texts = m_store->history(QueryKind, HistoryLimit))
            for (const QString& text : *texts)
                history << text;
    } else {
        Q_EMIT storeFailed(ErrorText::describe(store.error()));
    }
    Q_EMIT caseOpened(keyPaths, saved, history);
}

void SqlQueryWorker::closeCase()
{
    m_statements.clear();
    m_lake.reset();
    m_store.reset();
}

void SqlQueryWorker::run(quint64 stamp, const QString& text)
{
    m_statements.clear();
    m_runId = stamp;
    if (!begin(stamp))
        return;
    QElapsedTimer clock;
    clock.start();
    if (m_store) {
        if (auto added = m_store->addHistory(QueryKind, text.trimmed()); !added)
            Q_EMIT storeFailed(ErrorText::describe(added.error()));
        else if (const auto texts = m_store->history(QueryKind, HistoryLimit))
            Q_EMIT historyChanged(QStringList(texts->begin(), texts->end()));
    }
    auto prepared = m_lake->prepare(text);
    if (!prepared) {
        if (!stopped())
            Q_EMIT runFailed(stamp, sqlError(prepared.error()));
        return;
    }
    const double prepareMs = static_cast<double>(clock.nsecsElapsed()) / 1e6 / static_cast<double>(prepared->size());
    SqlStatementList infos;
    for (PreparedQuery& query : *prepared) {
        SqlStatementInfo info;
        info.text = query.text;
        info.line = query.pos.line;
        info.column = query.pos.column;
        for (const auto& column : query.columns)
            info.columns << column.name;
        info.eventIdColumn = eventIdColumnOf(query);
        infos << info;
        auto open = std::make_unique<OpenStatement>();
        open->query = std::move(query);
        open->milliseconds = prepareMs;
        m_statements.push_back(std::move(open));
    }
    Q_EMIT statementsPrepared(stamp, infos);
    for (std::size_t i = 0; i < m_statements.size(); ++i) {
        SqlRowList rows;
        bool complete = false, interrupted = false;
        fetchInto(*m_statements[i], FirstBatch, rows, complete, interrupted);
        if (interrupted)
            return; // stopped, or fetchInto reported the error
        Q_EMIT rowsReady(stamp, static_cast<int>(i), rows, complete, false, m_statements[i]->milliseconds);
    }
    Q_EMIT runFinished(stamp, static_cast<double>(clock.nsecsElapsed()) / 1e6);
}

void SqlQueryWorker::fetchInto(OpenStatement& statement, int count, SqlRowList& rows, bool& complete, bool& failed)
{
    QElapsedTimer clock;
    clock.start();
    complete = statement.done;
    failed = false;
    QJsonArray row;
    while (!statement.done && rows.size() < count) {
        const auto next = m_lake->next(statement.query, row);
        if (!next) {
            statement.done = true;
            failed = true;
            if (!stopped())
                Q_EMIT runFailed(m_runId, sqlError(next.error()));
            break;
        }
        if (!*next) {
            statement.done = true;
            break;
        }
        rows.append(row);
    }
    complete = statement.done;
    statement.milliseconds += static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void SqlQueryWorker::fetch(quint64 stamp, quint64 runId, int index, int count)
{
    if (runId != m_runId || index < 0 || static_cast<std::size_t>(index) >= m_statements.size())
        return;
    OpenStatement& statement = *m_statements[static_cast<std::size_t>(index)];
    if (!begin(stamp)) {
        // Stopped before it began: the result ends where it is.
        statement.done = true;
        Q_EMIT rowsReady(runId, index, {}, true, true, statement.milliseconds);
        return;
    }
    SqlRowList rows;
    bool complete = false, failed = false;
    fetchInto(statement, count, rows, complete, failed);
    Q_EMIT rowsReady(runId, index, rows, complete, failed && stopped(), statement.milliseconds);
}

std::optional<std::int64_t> SqlQueryWorker::rowIdOf(const QString& eventId)
{
    bool isBlob = false;
    const QByteArray stored = storedEventId(eventId, isBlob);
    auto statement = m_lake->connection().database().prepare(
        "SELECT id FROM events WHERE " + Core::CaseSchema::eventIdMatch("event_id", "?1") + " LIMIT 1");
    if (isBlob)
        statement.bindBlob(1, stored.constData(), static_cast<std::size_t>(stored.size()));
    else
        statement.bindText(1, std::string_view(stored.constData(), static_cast<std::size_t>(stored.size())));
    if (statement.step() != SQLITE_ROW)
        return std::nullopt;
    return statement.columnInt(0);
}

void SqlQueryWorker::resolveEvent(quint64 job, const QString& eventId)
{
    if (!m_lake)
        return;
    m_active = m_stop->load(); // a single indexed lookup: not subject to Stop
    Q_EMIT eventResolved(job, rowIdOf(eventId).value_or(0));
}

void SqlQueryWorker::collectEventSet(quint64 stamp, quint64 job, const QString& statement, int eventIdColumn)
{
    if (!begin(stamp))
        return;
    auto prepared = m_lake->prepare(statement);
    if (!prepared || prepared->size() != 1) {
        Q_EMIT jobFailed(job, prepared ? tr("expected one statement") : ErrorText::describe(prepared.error()));
        return;
    }
    QList<std::int64_t> rowIds;
    QSet<std::int64_t> seen;
    QJsonArray row;
    bool truncated = false;
    while (true) {
        const auto next = m_lake->next(prepared->front(), row);
        if (!next) {
            if (!stopped())
                Q_EMIT jobFailed(job, ErrorText::describe(next.error()));
            return;
        }
        if (!*next)
            break;
        if (stopped())
            return;
        const QString eventId = row.at(eventIdColumn).toString();
        if (eventId.isEmpty())
            continue;
        if (const auto rowId = rowIdOf(eventId); rowId && !seen.contains(*rowId)) {
            seen.insert(*rowId);
            rowIds << *rowId;
            if (rowIds.size() >= MaxEventSet) {
                truncated = true;
                break;
            }
        }
    }
    Q_EMIT eventSetReady(job, rowIds, truncated);
}

void SqlQueryWorker::exportResult(quint64 stamp, quint64 job, const QString& statement, const QString& path,
                                  SqlExportFormat format)
{
    if (!begin(stamp))
        return;
    auto prepared = m_lake->prepare(statement);
    if (!prepared || prepared->size() != 1) {
        Q_EMIT jobFailed(job, prepared ? tr("expected one statement") : ErrorText::describe(prepared.error()));
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT jobFailed(job, file.errorString());
        return;
    }
    Core::Export::ResultWriter writer(format == SqlExportFormat::Csv ? Core::Export::Format::Csv
                                                                     : Core::Export::Format::Json,
                                      [&file](const QByteArray& bytes) { return file.write(bytes) == bytes.size(); });
    QStringList columns;
    for (const auto& column : prepared->front().columns)
        columns << column.name;
    bool ok = writer.begin(columns);
    qint64 rows = 0;
    QJsonArray row;
    while (ok) {
        const auto next = m_lake->next(prepared->front(), row);
        if (!next) {
            file.cancelWriting();
            if (!stopped())
                Q_EMIT jobFailed(job, ErrorText::describe(next.error()));
            return;
        }
        if (!*next)
            break;
        ok = writer.row(row);
        ++rows;
    }
    if (!ok || !writer.finish() || !file.commit()) {
        Q_EMIT jobFailed(job, file.errorString());
        return;
    }
    Q_EMIT exportFinished(job, path, rows);
}

void SqlQueryWorker::emitSaved()
{
    SqlSavedQueryList saved;
    if (const auto items = m_store->savedItems(QueryKind))
        for (const Core::SavedItem& item : *items)
            saved.append({item.id, item.name, item.text});
    Q_EMIT savedQueriesChanged(saved);
}

void SqlQueryWorker::saveQuery(const QString& name, const QString& text)
{
    if (!m_store)
        return;
    if (auto saved = m_store->saveItem(QueryKind, name, text); !saved)
        Q_EMIT storeFailed(ErrorText::describe(saved.error()));
    emitSaved();
}

void SqlQueryWorker::removeSavedQuery(qint64 id)
{
    if (!m_store)
        return;
    if (auto removed = m_store->removeItem(id); !removed)
        Q_EMIT storeFailed(ErrorText::describe(removed.error()));
    emitSaved();
}

} // namespace Trailscope::Ui
