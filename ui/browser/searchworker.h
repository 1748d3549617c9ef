#pragma once

#include "browser/searchrequest.h"

#include "casedb/sqlite.h"

#include <QElapsedTimer>
#include <QObject>

#include <array>

#include <atomic>
#include <memory>

namespace Trailscope::Ui {

/// Runs searches on a read-only connection of its own, on the thread it lives on. Each request carries a
/// generation; when a newer one is posted, the running search stops at its next step (or inside SQLite, through the
/// progress handler) and its results are never sent.
class SearchWorker : public QObject
{
    Q_OBJECT

public:
    explicit SearchWorker(std::shared_ptr<std::atomic<quint64>> latestGeneration, QObject* parent = nullptr);
    ~SearchWorker() override;

public Q_SLOTS:
    void openCase(const QString& path);
    void run(quint64 generation, const Trailscope::Ui::SearchRequest& request);
    /// The row at which events at or before `timeMs` start in the request's order (newest first: how many are
    /// newer; oldest first: how many are older than `timeMs`).
    void locate(quint64 generation, const Trailscope::Ui::SearchRequest& request, std::int64_t timeMs);

Q_SIGNALS:
    void caseOpened(const Trailscope::Ui::CaseSummary& summary);
    void caseFailed(const QString& path, const QString& message);
    /// Row ids in display order, in chunks; the first chunk comes before the statistics so the table fills first.
    void rowIdsReady(quint64 generation, const Trailscope::Ui::RowIdList& rowIds, bool complete);
    void histogramReady(quint64 generation, const Trailscope::Core::Query::Histogram& histogram,
                        const Trailscope::Ui::SeriesCounts& extraSeries);
    void facetsReady(quint64 generation, const Trailscope::Ui::FacetList& facets);
    void searchFailed(quint64 generation, const QString& message);
    void searchFinished(quint64 generation, qint64 matched, double milliseconds);
    void located(quint64 generation, qint64 row);
    /// How far a search that reads raw records (free text, unmapped `{…}` selectors) has got in one of its passes:
    /// `examined` of the `total` events in the time range. Sent at most every ~100 ms while a pass runs.
    void scanProgress(quint64 generation, Trailscope::Ui::ScanPass pass, qint64 examined, qint64 total);

private:
    bool outdated() const;
    /// All matching row ids ordered by a column's value: one sorting statement instead of keyset pages.
    bool collectSorted(const SearchRequest& request, const Core::Query::CompiledSearch& compiled, qint64& matched);
    /// Loads the request's row set into a temporary table of this connection (the case itself stays untouched).
    bool loadRowSet(const SearchRequest& request);
    void emitStatistics(const SearchRequest& request, const Core::Query::CompiledSearch& compiled);
    /// Starts progress reporting for a search that reads raw records (no-op for one that does not).
    void beginScan(const SearchRequest& request, const Core::Query::CompiledSearch& compiled);
    void enterScanPass(ScanPass pass);
    /// Called from SQLite's progress handler: reports progress, and whether to stop.
    bool stepScan();

    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_current = 0;
    Core::Sql::Database m_db;
    std::shared_ptr<const QList<std::int64_t>> m_loadedRowSet;
    struct Scan
    {
        bool active = false;
        qint64 total = 0;
        ScanPass pass = ScanPass::Rows;
        std::int64_t passBase = 0;              ///< the connection's examined counter when the pass (re)started
        std::array<std::int64_t, 3> passDone{}; ///< events examined by each pass so far
        QElapsedTimer sinceReport;
    } m_scan;
};

/// The facet fields the sidebar shows, in order.
std::vector<const Core::Query::FieldDef*> sidebarFacetFields();

} // namespace Trailscope::Ui
