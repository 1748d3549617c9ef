#pragma once

#include "browser/searchrequest.h"

#include "casedb/analyststore.h"

#include <QObject>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace Trailscope::Ui {

class SearchWorker;
class RowWorker;
class AnalystWorker;

/// The open case as the window sees it: two worker threads (searches; rows and records) behind a GUI-thread API.
/// Only the newest search's results are forwarded; older ones are stopped and dropped.
class CaseSession : public QObject
{
    Q_OBJECT

public:
    explicit CaseSession(QObject* parent = nullptr);
    ~CaseSession() override;

    void openCase(const QString& path);
    bool isOpen() const { return !m_summary.path.isEmpty(); }
    const CaseSummary& summary() const { return m_summary; }

    /// Starts a search, superseding any running one; returns its generation.
    quint64 search(const SearchRequest& request);
    const SearchRequest& currentRequest() const { return m_request; }
    void fetchRows(quint64 token, const RowIdList& rowIds);
    void fetchRecord(std::int64_t rowId);
    void setColourRules(const QStringList& expressions);
    // The analyst's marks and saved searches, written by the analyst worker.
    void setStarred(std::int64_t eventRowId, bool starred);
    /// Stars all of them on the analyst worker's thread (one transaction); starredLoaded follows.
    void starEvents(const QList<std::int64_t>& eventRowIds);
    void setNote(std::int64_t eventRowId, const QString& note);
    void readMark(std::int64_t eventRowId);
    void saveSearch(const QString& name, const QString& text);
    void removeSavedSearch(std::int64_t id);
    const QSet<std::int64_t>& starred() const { return m_starred; }

    /// Asks what another process may have changed in the case; answered by caseProbed().
    void probeCase();

    /// Finds the row where events at `timeMs` begin in the current search's order; answered by located().
    void locate(std::int64_t timeMs);

Q_SIGNALS:
    void caseOpened(const Trailscope::Ui::CaseSummary& summary);
    void caseFailed(const QString& path, const QString& message);
    void searchStarted();
    /// `reset`: the first chunk of a new search (replace the rows); otherwise append.
    void rowIdsReady(const Trailscope::Ui::RowIdList& rowIds, bool reset, bool complete);
    void histogramReady(const Trailscope::Core::Query::Histogram& histogram,
                        const Trailscope::Ui::SeriesCounts& extraSeries);
    void facetsReady(const Trailscope::Ui::FacetList& facets);
    void searchFailed(const QString& message);
    void searchFinished(qint64 matched, double milliseconds);
    /// A search that reads raw records: `examined` of `total` events of the time range in one of its passes.
    void scanProgress(Trailscope::Ui::ScanPass pass, qint64 examined, qint64 total);
    void rowsReady(quint64 token, const Trailscope::Ui::EventRowList& rows, const QList<int>& rules);
    void recordReady(std::int64_t rowId, const QByteArray& record);
    void recordFailed(std::int64_t rowId, const QString& message);
    void located(qint64 row);
    void caseProbed(std::int64_t lastEventRow, bool importRunning);
    void starredLoaded(const QSet<std::int64_t>& eventRowIds);
    void markChanged(std::int64_t eventRowId, bool starred, const QString& note);
    void savedSearchesChanged(const QList<Trailscope::Core::SavedItem>& items);
    void analystFailed(const QString& message);

    // Internal: queued requests to the workers.
    void requestOpen(const QString& path);
    void requestProbe();
    void requestSearch(quint64 generation, const Trailscope::Ui::SearchRequest& request);
    void requestRows(quint64 token, const Trailscope::Ui::RowIdList& rowIds);
    void requestRecord(std::int64_t rowId);
    void requestColourRules(const QStringList& expressions);
    void requestSetStarred(std::int64_t eventRowId, bool starred);
    void requestStarEvents(const QList<std::int64_t>& eventRowIds);
    void requestSetNote(std::int64_t eventRowId, const QString& note);
    void requestReadMark(std::int64_t eventRowId);
    void requestSaveSearch(const QString& name, const QString& text);
    void requestRemoveSavedSearch(std::int64_t id);
    void requestLocate(quint64 generation, const Trailscope::Ui::SearchRequest& request, std::int64_t timeMs);

private:
    void connectWorkers();

    QThread m_searchThread, m_rowThread, m_analystThread;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    SearchWorker* m_searchWorker = nullptr;
    RowWorker* m_rowWorker = nullptr;
    AnalystWorker* m_analystWorker = nullptr;
    QSet<std::int64_t> m_starred;
    std::optional<QString> m_pendingAnalystFailure; ///< said once the case has opened
    CaseSummary m_summary;
    SearchRequest m_request;
    quint64 m_generation = 0;
    bool m_firstChunkSeen = false;
};

} // namespace Trailscope::Ui
