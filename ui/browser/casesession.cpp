#include "casesession.h"

#include "browser/analystworker.h"
#include "browser/rowworker.h"
#include "browser/searchworker.h"

namespace Trailscope::Ui {

namespace {

void registerTypes()
{
    qRegisterMetaType<SearchRequest>();
    qRegisterMetaType<CaseSummary>();
    qRegisterMetaType<Core::Query::Histogram>();
    qRegisterMetaType<FacetList>();
    qRegisterMetaType<RowIdList>();
    qRegisterMetaType<EventRowList>();
    qRegisterMetaType<SeriesCounts>();
    qRegisterMetaType<ScanPass>();
    qRegisterMetaType<std::int64_t>("std::int64_t");
    qRegisterMetaType<QSet<std::int64_t>>();
    qRegisterMetaType<QList<Core::SavedItem>>();
}

} // namespace

CaseSession::CaseSession(QObject* parent) : QObject(parent), m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    registerTypes();
    m_searchWorker = new SearchWorker(m_latest);
    m_rowWorker = new RowWorker;
    m_analystWorker = new AnalystWorker;
    m_searchWorker->moveToThread(&m_searchThread);
    m_rowWorker->moveToThread(&m_rowThread);
    m_analystWorker->moveToThread(&m_analystThread);
    connect(&m_analystThread, &QThread::finished, m_analystWorker, &QObject::deleteLater);
    m_analystThread.setObjectName(QStringLiteral("ts-analyst"));
    connect(&m_searchThread, &QThread::finished, m_searchWorker, &QObject::deleteLater);
    connect(&m_rowThread, &QThread::finished, m_rowWorker, &QObject::deleteLater);
    m_searchThread.setObjectName(QStringLiteral("ts-search"));
    m_rowThread.setObjectName(QStringLiteral("ts-rows"));
    connectWorkers();
    m_searchThread.start();
    m_rowThread.start();
    m_analystThread.start();
}

CaseSession::~CaseSession()
{
    // Stops a running search at its next step so the thread can finish.
    m_latest->fetch_add(1);
    m_searchThread.quit();
    m_rowThread.quit();
    m_analystThread.quit();
    m_searchThread.wait();
    m_rowThread.wait();
    m_analystThread.wait();
}

void CaseSession::connectWorkers()
{
    connect(this, &CaseSession::requestOpen, m_searchWorker, &SearchWorker::openCase);
    connect(this, &CaseSession::requestOpen, m_rowWorker, &RowWorker::openCase);
    connect(this, &CaseSession::requestSearch, m_searchWorker, &SearchWorker::run);
    connect(this, &CaseSession::requestRows, m_rowWorker, &RowWorker::fetchRows);
    connect(this, &CaseSession::requestRecord, m_rowWorker, &RowWorker::fetchRecord);
    connect(this, &CaseSession::requestColourRules, m_rowWorker, &RowWorker::setColourRules);
    connect(this, &CaseSession::requestProbe, m_rowWorker, &RowWorker::probeCase);
    connect(m_rowWorker, &RowWorker::caseProbed, this, &CaseSession::caseProbed);
    connect(this, &CaseSession::requestLocate, m_searchWorker, &SearchWorker::locate);
    connect(this, &CaseSession::requestOpen, m_analystWorker, &AnalystWorker::openCase);
    connect(this, &CaseSession::requestSetStarred, m_analystWorker, &AnalystWorker::setStarred);
    connect(this, &CaseSession::requestStarEvents, m_analystWorker, &AnalystWorker::starEvents);
    connect(this, &CaseSession::requestSetNote, m_analystWorker, &AnalystWorker::setNote);
    connect(this, &CaseSession::requestReadMark, m_analystWorker, &AnalystWorker::readMark);
    connect(this, &CaseSession::requestSaveSearch, m_analystWorker, &AnalystWorker::saveSearch);
    connect(this, &CaseSession::requestRemoveSavedSearch, m_analystWorker, &AnalystWorker::removeSavedSearch);
    connect(m_analystWorker, &AnalystWorker::starredLoaded, this, [this](const QSet<std::int64_t>& starred) {
        m_starred = starred;
        Q_EMIT starredLoaded(starred);
    });
    connect(m_analystWorker, &AnalystWorker::markChanged, this,
            [this](std::int64_t eventRowId, bool starred, const QString& note) {
                if (starred)
                    m_starred.insert(eventRowId);
                else
                    m_starred.remove(eventRowId);
                Q_EMIT markChanged(eventRowId, starred, note);
            });
    connect(m_analystWorker, &AnalystWorker::savedSearchesChanged, this, &CaseSession::savedSearchesChanged);
    // The analyst worker opens the case on its own connection: its complaint waits until the case has opened, and
    // is dropped when the case could not be (the case's own failure says it all).
    connect(m_analystWorker, &AnalystWorker::failed, this, [this](const QString& message) {
        if (isOpen())
            Q_EMIT analystFailed(message);
        else
            m_pendingAnalystFailure = message;
    });
    connect(m_searchWorker, &SearchWorker::located, this, [this](quint64 generation, qint64 row) {
        if (generation == m_generation)
            Q_EMIT located(row);
    });

    connect(m_searchWorker, &SearchWorker::caseOpened, this, [this](const CaseSummary& summary) {
        m_summary = summary;
        Q_EMIT caseOpened(summary);
        if (const auto pending = std::exchange(m_pendingAnalystFailure, std::nullopt))
            Q_EMIT analystFailed(*pending);
    });
    connect(m_searchWorker, &SearchWorker::caseFailed, this, [this](const QString& path, const QString& message) {
        m_pendingAnalystFailure.reset();
        Q_EMIT caseFailed(path, message);
    });
    connect(m_searchWorker, &SearchWorker::rowIdsReady, this,
            [this](quint64 generation, const RowIdList& rowIds, bool complete) {
                if (generation != m_generation)
                    return;
                const bool reset = !m_firstChunkSeen;
                m_firstChunkSeen = true;
                Q_EMIT rowIdsReady(rowIds, reset, complete);
            });
    connect(m_searchWorker, &SearchWorker::histogramReady, this,
            [this](quint64 generation, const Core::Query::Histogram& histogram, const SeriesCounts& extra) {
                if (generation == m_generation)
                    Q_EMIT histogramReady(histogram, extra);
            });
    connect(m_searchWorker, &SearchWorker::facetsReady, this, [this](quint64 generation, const FacetList& facets) {
        if (generation == m_generation)
            Q_EMIT facetsReady(facets);
    });
    connect(m_searchWorker, &SearchWorker::searchFailed, this, [this](quint64 generation, const QString& message) {
        if (generation == m_generation)
            Q_EMIT searchFailed(message);
    });
    connect(m_searchWorker, &SearchWorker::scanProgress, this,
            [this](quint64 generation, ScanPass pass, qint64 examined, qint64 total) {
                if (generation == m_generation)
                    Q_EMIT scanProgress(pass, examined, total);
            });
    connect(m_searchWorker, &SearchWorker::searchFinished, this,
            [this](quint64 generation, qint64 matched, double milliseconds) {
                if (generation == m_generation)
                    Q_EMIT searchFinished(matched, milliseconds);
            });
    connect(m_rowWorker, &RowWorker::rowsReady, this, &CaseSession::rowsReady);
    connect(m_rowWorker, &RowWorker::recordReady, this, &CaseSession::recordReady);
    connect(m_rowWorker, &RowWorker::recordFailed, this, &CaseSession::recordFailed);
}

void CaseSession::openCase(const QString& path)
{
    const QString target = path; // `path` may be m_summary.path itself (opening the open case again)
    m_summary = {};
    m_pendingAnalystFailure.reset();
    m_starred.clear();
    m_generation = m_latest->fetch_add(1) + 1; // whatever ran belongs to the previous case
    Q_EMIT requestOpen(target);
}

quint64 CaseSession::search(const SearchRequest& request)
{
    m_request = request;
    m_generation = m_latest->fetch_add(1) + 1;
    m_firstChunkSeen = false;
    Q_EMIT searchStarted();
    Q_EMIT requestSearch(m_generation, request);
    return m_generation;
}

void CaseSession::fetchRows(quint64 token, const RowIdList& rowIds)
{
    Q_EMIT requestRows(token, rowIds);
}

void CaseSession::fetchRecord(std::int64_t rowId)
{
    Q_EMIT requestRecord(rowId);
}

void CaseSession::setStarred(std::int64_t eventRowId, bool starred)
{
    Q_EMIT requestSetStarred(eventRowId, starred);
}

void CaseSession::starEvents(const QList<std::int64_t>& eventRowIds)
{
    Q_EMIT requestStarEvents(eventRowIds);
}

void CaseSession::setNote(std::int64_t eventRowId, const QString& note)
{
    Q_EMIT requestSetNote(eventRowId, note);
}

void CaseSession::readMark(std::int64_t eventRowId)
{
    Q_EMIT requestReadMark(eventRowId);
}

void CaseSession::saveSearch(const QString& name, const QString& text)
{
    Q_EMIT requestSaveSearch(name, text);
}

void CaseSession::removeSavedSearch(std::int64_t id)
{
    Q_EMIT requestRemoveSavedSearch(id);
}

void CaseSession::setColourRules(const QStringList& expressions)
{
    Q_EMIT requestColourRules(expressions);
}

void CaseSession::probeCase()
{
    Q_EMIT requestProbe();
}

void CaseSession::locate(std::int64_t timeMs)
{
    Q_EMIT requestLocate(m_generation, m_request, timeMs);
}

} // namespace Trailscope::Ui
