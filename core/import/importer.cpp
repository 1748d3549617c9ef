#include "importer.h"

#include "casedb/coverage.h"
#include "casedb/importlock.h"
#include "import/filedecoder.h"
#include "util/boundedqueue.h"
#include "util/logging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <sys/resource.h>

#include <pthread.h>

#include <algorithm>
#include <thread>

namespace Trailscope::Core {

namespace {

// Memory in flight, bounded so peak RSS stays far below 1 GiB whatever the input: compressed sources waiting for a
// parser, and parsed events (~2 KB each with their text) waiting for the writer. When the writer sets the pace (an
// append into a big case) both queues stay full, so their size is peak RSS: 48 MB is still ~300,000 events of gzip.
constexpr std::size_t UnitQueueBytes = 48u << 20;
constexpr std::size_t BatchQueueEvents = 32768;
// The walker reads far ahead of the parse workers (its queue holds 96 MB). On two cores it would take CPU from the
// parse thread, which sets the pace, so it runs at a lower priority and reads while a core is free: measured on the
// sparse workload, 7.8 -> 7.2-7.5 s until searchable.
constexpr int WalkerNiceness = 10;

QString optionsJson(const ImportOptions& options)
{
    QJsonObject object;
    const ImportScope& scope = options.scope;
    if (scope.since)
        object[QStringLiteral("since")] = QString::number(*scope.since);
    if (scope.until)
        object[QStringLiteral("until")] = QString::number(*scope.until);
    if (!scope.accounts.isEmpty())
        object[QStringLiteral("accounts")] = QJsonArray::fromStringList(scope.accounts);
    if (!scope.regions.isEmpty())
        object[QStringLiteral("regions")] = QJsonArray::fromStringList(scope.regions);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

int workerCount(const ImportOptions& options)
{
    if (options.workers > 0)
        return options.workers;
    return std::max(1, QThread::idealThreadCount() - 1);
}

} // namespace

Importer::Importer(QString casePath) : m_casePath(std::move(casePath)) {}

Result<void> Importer::completeIndexes(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    if (CaseSchema::missingIndexes(*db).empty())
        return {};
    auto writable = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
    if (!writable)
        return std::unexpected(writable.error());
    for (const CaseSchema::IndexDef& index : CaseSchema::missingIndexes(*writable))
        if (auto built = writable->exec(index.sql); !built)
            return built;
    return {};
}

namespace {

/// One import's threads and queues: a walker reading sources, parse workers, and the calling thread as the writer.
class ImportPipeline
{
public:
    ImportPipeline(CaseWriter& writer, const QString& casePath, const ImportOptions& options,
                   const std::atomic<bool>& cancel)
        : m_writer(writer), m_options(options), m_cancel(cancel),
          m_known(writer.knownStoredFiles(), writer.knownContentFiles()), m_nextFileId(writer.nextFileId()),
          m_dictionaries(writer.evidenceDictionary(), writer.nextEvidenceDictionaryId(), options.dictionarySamples),
          m_walker(
              options.scope,
              [this](SourceUnit&& unit) {
                  // Hashed here, on a thread with time to spare, rather than on the parse thread that sets the pace.
                  unit.storedSha256 =
                      sha256(std::string_view(unit.stored.constData(), static_cast<std::size_t>(unit.stored.size())));
                  const auto cost = static_cast<std::size_t>(unit.stored.size());
                  return m_units.push(std::move(unit), cost);
              },
              [this](const Error& error) { handOverUnreadable(error); }, cancel)
    {
        m_walker.excludeCase(casePath); // a case made beside its trail is in the folder being walked
        m_progress.phase = QStringLiteral("reading");
    }

    /// Runs until every source is written (or the import is cancelled or fails); returns the writer's status.
    Result<void> run(const Importer::ProgressCallback& progress)
    {
        std::thread walker([this] {
            pthread_setname_np(pthread_self(), "ts-walk"); // names show in top and perf
            lowerPriority(WalkerNiceness);
            m_walker.walk(m_options.paths);
            m_units.close();
        });
        std::vector<std::thread> workers;
        m_workersLeft = workerCount(m_options);
        for (int i = m_workersLeft; i > 0; --i)
            workers.emplace_back([this] { parseUnits(); });
        Result<void> status = writeBatches(progress);
        walker.join();
        for (std::thread& worker : workers)
            worker.join();
        if (status)
            status = m_writer.commit();
        for (std::int64_t i = 0; i < m_skipped; ++i)
            m_writer.countSkippedFile();
        return status;
    }

    ImportProgress& progress() { return m_progress; }
    const InputWalker& walker() const { return m_walker; }

    /// Reports at most every 100 ms unless forced.
    void report(const Importer::ProgressCallback& progress, bool force)
    {
        if (!progress || (!force && m_sinceReport.isValid() && m_sinceReport.elapsed() < 100))
            return;
        m_sinceReport.start();
        const ImportCounts& counts = m_writer.counts();
        ImportProgress& p = m_progress;
        p.filesDone = counts.files + m_skipped;
        p.events = counts.events;
        p.rejected = counts.rejected;
        p.bytesTotal = m_walker.totalBytes();
        p.bytesDone = m_bytesDone;
        p.seconds = m_clock.elapsed() / 1000.0;
        p.eventsPerSecond = p.seconds > 0 ? counts.events / p.seconds : 0;
        p.etaSeconds = p.bytesDone > 0 && p.bytesTotal >= p.bytesDone
                           ? p.seconds * double(p.bytesTotal - p.bytesDone) / p.bytesDone
                           : -1;
        progress(p);
    }

private:
    // Files that cannot even be read travel as a batch without events, so the writer records them too. The batch
    // queue stays open until the workers finish, which is after the walker.
    void handOverUnreadable(const Error& error)
    {
        EventBatch batch;
        batch.file = std::make_shared<SourceFile>();
        batch.file->path = error.path;
        batch.file->member = error.member;
        batch.rejected.push_back(error);
        std::vector<EventBatch> group;
        group.push_back(std::move(batch));
        m_batches.push(std::move(group));
    }

    // On Linux the nice value is per thread: PRIO_PROCESS with 0 applies to the calling thread only. A low-priority
    // import (beside an open window) runs its threads 10 levels lower still.
    void lowerPriority(int niceness) const
    {
        niceness += m_options.lowPriority ? 10 : 0;
        if (niceness > 0)
            (void)setpriority(PRIO_PROCESS, 0, std::min(niceness, 19));
    }

    // A parse worker. Small trail files travel to the writer in groups: one hand-over per ~2,000 events.
    void parseUnits()
    {
        pthread_setname_np(pthread_self(), "ts-parse");
        lowerPriority(0);
        std::vector<EventBatch> group;
        std::size_t groupEvents = 0;
        const auto handOver = [&] {
            if (group.empty())
                return;
            m_batches.push(std::move(group), groupEvents);
            group = {};
            groupEvents = 0;
        };
        const auto collect = [&](EventBatch&& batch) {
            groupEvents += batch.events.size() + 1;
            group.push_back(std::move(batch));
            if (groupEvents >= FileDecoder::EventsPerBatch)
                handOver();
        };
        FileDecoder decoder(m_known, m_writer.interner(), m_nextFileId, m_dictionaries, collect, m_cancel);
        while (auto unit = m_units.pop()) {
            const auto size = static_cast<std::uint64_t>(unit->stored.size());
            if (!m_cancel && !decoder.process(std::move(*unit)))
                ++m_skipped;
            m_bytesDone += size;
        }
        handOver();
        if (--m_workersLeft == 0)
            m_batches.close();
    }

    Result<void> writeBatches(const Importer::ProgressCallback& progress)
    {
        Result<void> status;
        qint64 busyNs = 0;
        QElapsedTimer busy;
        bool reserved = false;
        while (auto group = m_batches.pop()) {
            busy.start();
            if (!reserved && m_walker.totalBytes() > 0) {
                // The walker lists (and sizes) every source before handing over the first one; only an error about
                // a missing path can come earlier.
                m_writer.reserveEvents(static_cast<std::size_t>(m_walker.totalBytes() / 150)); // ~130 gzip B/event
                reserved = true;
            }
            for (const EventBatch& batch : *group) {
                if (status && !m_cancel)
                    status = m_writer.write(batch);
            }
            if (!status)
                m_units.close(); // no point parsing what cannot be written; drain what is in flight
            busyNs += busy.nsecsElapsed();
            report(progress, false);
        }
        qCInfo(logImport, "writer busy %.2f s of %.2f s", busyNs / 1e9, m_clock.elapsed() / 1000.0);
        return status;
    }

    CaseWriter& m_writer;
    const ImportOptions& m_options;
    const std::atomic<bool>& m_cancel;
    KnownFiles m_known;
    std::atomic<std::int64_t> m_nextFileId;
    EvidenceDictionaryTrainer m_dictionaries;
    std::atomic<std::uint64_t> m_bytesDone{0};
    std::atomic<std::int64_t> m_skipped{0};
    std::atomic<int> m_workersLeft{0};
    BoundedQueue<SourceUnit> m_units{UnitQueueBytes};
    BoundedQueue<std::vector<EventBatch>> m_batches{BatchQueueEvents};
    InputWalker m_walker;
    ImportProgress m_progress;
    QElapsedTimer m_sinceReport;
    QElapsedTimer m_clock = startedClock();

    static QElapsedTimer startedClock()
    {
        QElapsedTimer clock;
        clock.start();
        return clock;
    }
};

// Builds the indexes and the derived tables once every event is stored; records when the case became searchable.
Result<void> finishCase(CaseWriter& writer, const ImportOptions& options, const std::atomic<bool>& cancel,
                        const QElapsedTimer& clock, ImportSummary& summary)
{
    const auto searchable = CaseSchema::searchableIndexes();
    qCInfo(logImport, "events stored after %.2f s", clock.elapsed() / 1000.0);
    writer.startSortingFieldRows(); // beside the searchable index, which sorts on one core
    Result<void> status = writer.buildIndexes({searchable.begin(), searchable.end()}, &cancel);
    summary.searchableSeconds = clock.elapsed() / 1000.0;
    qCInfo(logImport, "searchable after %.2f s", summary.searchableSeconds);
    // Held in memory until here (nested-field queries read the records of uncovered events meanwhile).
    if (status)
        status = writer.buildFieldIndex();
    if (status)
        status = writer.commit();
    qCInfo(logImport, "field index built after %.2f s", clock.elapsed() / 1000.0);
    if (status && options.buildIndexes)
        status = writer.buildIndexes(CaseSchema::missingIndexes(writer.database()), &cancel);
    qCInfo(logImport, "indexes built after %.2f s", clock.elapsed() / 1000.0);
    if (status && !cancel)
        status = rebuildCoverage(writer.database());
    return status;
}

} // namespace

Result<ImportSummary> Importer::run(const ImportOptions& options, const ProgressCallback& progress,
                                    const std::atomic<bool>& cancel)
{
    QElapsedTimer clock;
    clock.start();
    ImportLock lock(m_casePath);
    if (auto acquired = lock.tryAcquire(); !acquired)
        return std::unexpected(acquired.error());
    auto opened = CaseWriter::open(m_casePath);
    if (!opened)
        return std::unexpected(opened.error());
    CaseWriter& writer = **opened;
    if (writer.hasEvents()) {
        // A crash may have left indexes unbuilt; appending keeps them live, so build them first.
        if (auto built = writer.buildIndexes(CaseSchema::missingIndexes(writer.database())); !built)
            return std::unexpected(built.error());
        if (auto indexed = writer.indexUncoveredFields(); !indexed)
            return std::unexpected(indexed.error());
    }
    if (auto session = writer.beginSession(options.paths, optionsJson(options)); !session)
        return std::unexpected(session.error());

    ImportSummary summary;
    ImportPipeline pipeline(writer, m_casePath, options, cancel);
    Result<void> status = pipeline.run(progress);
    if (status && !cancel) {
        pipeline.progress().phase = QStringLiteral("indexing");
        pipeline.report(progress, true);
        status = finishCase(writer, options, cancel, clock, summary);
    }
    // Decided once, after the last phase that can be interrupted, so the summary and the session agree. An index
    // build stopped by the signal is not a failure: the next import or `info` finishes it.
    summary.cancelled = cancel;
    if (!status && summary.cancelled && status.error().code == ErrorCode::Cancelled)
        status = {};
    summary.counts = writer.counts();
    summary.rejected = writer.rejected();
    summary.warnings = writer.warnings();
    summary.conflicts = writer.conflicts();
    summary.outOfScopeFiles = pipeline.walker().outOfScope();
    summary.ignoredFiles = pipeline.walker().ignored();
    summary.ignored = pipeline.walker().ignoredSources();
    const QString finalStatus = !status             ? QStringLiteral("failed")
                                : summary.cancelled ? QStringLiteral("cancelled")
                                                    : QStringLiteral("complete");
    if (auto finished = writer.finishSession(finalStatus); !finished && status)
        status = finished;
    // Fold the write-ahead log into the case so the file alone is the whole case (copies, header checks); readers
    // still open (the window) may keep part of it, which the next checkpoint takes.
    (void)writer.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    summary.seconds = clock.elapsed() / 1000.0;
    pipeline.progress().phase = QStringLiteral("done");
    pipeline.report(progress, true);
    if (!status)
        return std::unexpected(status.error());
    return summary;
}

} // namespace Trailscope::Core
