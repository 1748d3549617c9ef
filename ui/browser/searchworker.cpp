#include "searchworker.h"

#include "common/errortext.h"

#include "browser/eventtablemodel.h"
#include "casedb/caseschema.h"
#include "query/eventsort.h"
#include "query/searchfunctions.h"

#include <QElapsedTimer>

namespace Trailscope::Ui {

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;

namespace {

// The row set the last search loaded into temp.browse_set, and the starred filter, as one scope.
SearchScope scopeOf(const SearchRequest& request)
{
    SearchScope scope;
    if (request.rowSet)
        scope.rowSetTable = "temp.browse_set";
    scope.starredOnly = request.starredOnly;
    return scope;
}

constexpr int FirstChunk = 2000;
constexpr int LaterChunk = 100000;

} // namespace

std::vector<const FieldDef*> sidebarFacetFields()
{
    std::vector<const FieldDef*> fields;
    for (const char* name : {"eventName", "eventSource", "user", "identityType", "account", "region", "ip", "errorCode",
                             "readOnly", "category"})
        if (const FieldDef* field = findField(QString::fromLatin1(name)))
            fields.push_back(field);
    return fields;
}

SearchWorker::SearchWorker(std::shared_ptr<std::atomic<quint64>> latestGeneration, QObject* parent)
    : QObject(parent), m_latest(std::move(latestGeneration))
{}

SearchWorker::~SearchWorker()
{
    if (m_db.handle())
        sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
}

bool SearchWorker::outdated() const
{
    return m_latest->load(std::memory_order_relaxed) != m_current;
}

void SearchWorker::openCase(const QString& path)
{
    auto db = CaseSchema::open(path, CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        Q_EMIT caseFailed(path, ErrorText::describe(db.error()));
        return;
    }
    m_db = std::move(*db);
    // A superseded search also stops a whole-case scan its free text started (which runs on other threads).
    m_db.setKeepGoing([this] { return !outdated(); });
    CaseSummary summary;
    summary.path = path;
    summary.events = m_db.queryInt("SELECT count(*) FROM events").value_or(0);
    summary.lastEventRow = m_db.queryInt("SELECT max(id) FROM event_rows").value_or(0);
    summary.oldest = m_db.queryInt("SELECT min(time) FROM events");
    summary.newest = m_db.queryInt("SELECT max(time) FROM events");
    for (const CaseSchema::IndexDef& index : CaseSchema::missingIndexes(m_db))
        summary.missingIndexes << QString::fromUtf8(index.name.data(), static_cast<qsizetype>(index.name.size()));
    Q_EMIT caseOpened(summary);
}

void SearchWorker::run(quint64 generation, const SearchRequest& request)
{
    m_current = generation;
    if (outdated())
        return;
    if (!m_db.handle()) {
        Q_EMIT searchFailed(generation, tr("No case is open."));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    // A search superseded by a newer one stops inside SQLite too, not only between steps.
    m_scan.active = false;
    sqlite3_progress_handler(
        m_db.handle(), 20000, [](void* self) -> int { return static_cast<SearchWorker*>(self)->stepScan() ? 0 : 1; },
        this);
    if (request.rowSet && !loadRowSet(request))
        return;
    CompiledSearch compiled = compileSearch(*request.search, scopeOf(request));
    beginScan(request, compiled);
    if (request.sortField) {
        qint64 matched = 0;
        if (!collectSorted(request, compiled, matched))
            return;
        emitStatistics(request, compiled);
        if (!outdated())
            Q_EMIT searchFinished(generation, matched, static_cast<double>(timer.nsecsElapsed()) / 1e6);
        return;
    }
    auto search = EventSearch::create(m_db, std::move(compiled), request.options);
    if (!search) {
        Q_EMIT searchFailed(generation, ErrorText::describe(search.error()));
        return;
    }
    const auto first = search->page(std::nullopt, FirstChunk);
    if (!first) {
        if (!outdated())
            Q_EMIT searchFailed(generation, ErrorText::describe(first.error()));
        return;
    }
    RowIdList ids;
    ids.reserve(static_cast<qsizetype>(first->size()));
    for (const EventKey& key : *first)
        ids << key.rowId;
    const bool complete = static_cast<int>(first->size()) < FirstChunk;
    Q_EMIT rowIdsReady(generation, ids, complete);
    emitStatistics(request, search->compiled());
    qint64 matched = ids.size();
    if (!complete) {
        enterScanPass(ScanPass::Rows);
        std::optional<EventKey> after = first->back();
        for (;;) {
            if (outdated())
                return;
            auto page = search->page(after, LaterChunk);
            if (!page) {
                if (!outdated())
                    Q_EMIT searchFailed(generation, ErrorText::describe(page.error()));
                return;
            }
            RowIdList chunk;
            chunk.reserve(static_cast<qsizetype>(page->size()));
            for (const EventKey& key : *page)
                chunk << key.rowId;
            matched += chunk.size();
            const bool last = static_cast<int>(page->size()) < LaterChunk;
            Q_EMIT rowIdsReady(generation, chunk, last);
            if (last)
                break;
            after = page->back();
        }
    }
    if (!outdated())
        Q_EMIT searchFinished(generation, matched, static_cast<double>(timer.nsecsElapsed()) / 1e6);
}

bool SearchWorker::collectSorted(const SearchRequest& request, const CompiledSearch& compiled, qint64& matched)
{
    const FieldDef* field = request.sortField;
    RowIdList chunk;
    bool first = true;
    const auto sorted =
        forEachEventSortedBy(m_db, compiled, request.options, *field, request.sortDescending, [&](std::int64_t rowId) {
            chunk << rowId;
            if (chunk.size() == (first ? FirstChunk : LaterChunk)) {
                matched += chunk.size();
                Q_EMIT rowIdsReady(m_current, chunk, false);
                chunk.clear();
                first = false;
            }
            return !outdated();
        });
    if (!sorted || outdated()) {
        if (!outdated())
            Q_EMIT searchFailed(m_current, ErrorText::describe(sorted.error()));
        return false;
    }
    matched += chunk.size();
    Q_EMIT rowIdsReady(m_current, chunk, true);
    return true;
}

bool SearchWorker::loadRowSet(const SearchRequest& request)
{
    if (m_loadedRowSet == request.rowSet)
        return true; // the same set as the previous search: already loaded
    // Temporary tables live in the connection's own temp database, which a read-only case connection may write.
    auto status = m_db.exec("CREATE TEMP TABLE IF NOT EXISTS browse_set(id INTEGER PRIMARY KEY); "
                            "DELETE FROM temp.browse_set; BEGIN");
    if (status) {
        Sql::Statement insert = m_db.prepare("INSERT OR IGNORE INTO temp.browse_set(id) VALUES (?1)");
        for (const std::int64_t id : *request.rowSet) {
            insert.bind(1, id);
            if (insert.exec() != SQLITE_DONE) {
                status = std::unexpected(m_db.error(QStringLiteral("loading a result set")));
                break;
            }
        }
        status = status ? m_db.exec("COMMIT") : (void(m_db.exec("ROLLBACK")), status);
    }
    if (!status) {
        m_loadedRowSet.reset();
        Q_EMIT searchFailed(m_current, ErrorText::describe(status.error()));
        return false;
    }
    m_loadedRowSet = request.rowSet;
    return true;
}

void SearchWorker::locate(quint64 generation, const SearchRequest& request, std::int64_t timeMs)
{
    if (generation != m_latest->load() || !m_db.handle())
        return;
    SearchOptions before = request.options;
    if (request.options.order == SortOrder::NewestFirst)
        before.start = std::max(before.start.value_or(timeMs), timeMs);
    else
        before.end = std::min(before.end.value_or(timeMs), timeMs);
    SearchScope scope = scopeOf(request);
    if (request.rowSet != m_loadedRowSet)
        scope.rowSetTable.clear(); // only the set the last search loaded is in temp.browse_set
    auto count = countEvents(m_db, compileSearch(*request.search, scope), before);
    if (count)
        Q_EMIT located(generation, *count);
}

void SearchWorker::emitStatistics(const SearchRequest& request, const CompiledSearch& compiled)
{
    if (outdated())
        return;
    enterScanPass(ScanPass::Timeline);
    auto histogram = computeHistogram(m_db, compiled, request.options);
    if (!histogram) {
        if (!outdated())
            Q_EMIT searchFailed(m_current, ErrorText::describe(histogram.error()));
        return;
    }
    SeriesCounts extra;
    for (const SeriesSearch& series : request.extraSeries) {
        // An extra series counts events of the current window matching its own search (not narrowed by the scope:
        // a series says how often something happened, starred or not).
        std::vector<std::int64_t> counts;
        if (auto perBucket = countPerBucket(m_db, compileSearch(*series.search), request.options, *histogram))
            counts = std::move(*perBucket);
        extra << counts;
    }
    if (outdated())
        return;
    Q_EMIT histogramReady(m_current, *histogram, extra);
    enterScanPass(ScanPass::Facets);
    auto facets = computeFacets(m_db, compiled, request.options, sidebarFacetFields());
    if (outdated())
        return;
    if (!facets) {
        Q_EMIT searchFailed(m_current, ErrorText::describe(facets.error()));
        return;
    }
    Q_EMIT facetsReady(m_current, *facets);
}

void SearchWorker::beginScan(const SearchRequest& request, const CompiledSearch& compiled)
{
    m_scan = {};
    if (!compiled.readsRawRecords)
        return;
    // The events of the time range bound what one pass examines (the index answers this at once).
    std::string sql = "SELECT count(*) FROM events WHERE 1";
    if (request.options.start)
        sql += " AND time >= " + std::to_string(*request.options.start);
    if (request.options.end)
        sql += " AND time < " + std::to_string(*request.options.end);
    m_scan.total = m_db.queryInt(sql).value_or(0);
    m_scan.active = m_scan.total > 0;
    if (m_scan.active)
        // A scan may take seconds before its first match: empty the table now rather than leave the previous
        // search's rows standing as if they matched.
        Q_EMIT rowIdsReady(m_current, {}, false);
    enterScanPass(ScanPass::Rows);
}

void SearchWorker::enterScanPass(ScanPass pass)
{
    if (!m_scan.active)
        return;
    const std::int64_t examined = m_db.examinedEvents()->load(std::memory_order_relaxed);
    m_scan.passDone[static_cast<std::size_t>(m_scan.pass)] = examined - m_scan.passBase;
    m_scan.pass = pass;
    m_scan.passBase = examined - m_scan.passDone[static_cast<std::size_t>(pass)];
    m_scan.sinceReport.start();
    Q_EMIT scanProgress(m_current, pass, m_scan.passDone[static_cast<std::size_t>(pass)], m_scan.total);
}

bool SearchWorker::stepScan()
{
    if (outdated())
        return false;
    if (m_scan.active && m_scan.sinceReport.elapsed() >= 100) {
        m_scan.sinceReport.start();
        const std::int64_t examined = m_db.examinedEvents()->load(std::memory_order_relaxed) - m_scan.passBase;
        Q_EMIT scanProgress(m_current, m_scan.pass, std::min<qint64>(examined, m_scan.total), m_scan.total);
    }
    return true;
}

} // namespace Trailscope::Ui
