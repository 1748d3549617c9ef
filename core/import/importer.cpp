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

#include <pthread.h>
#include <thread>

namespace Trailscope::Core {

namespace {

// Memory in flight, bounded so peak RSS stays far below 1 GiB whatever the input: compressed sources waiting for a
// parser, and parsed events (~2 KB each with their text) waiting for the writer.
constexpr std::size_t UnitQueueBytes = 96u << 20;
constexpr std::size_t BatchQueueEvents = 32768;

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

Result<ImportSummary> Importer::run(const ImportOptions& options, const ProgressCallback& progress,
                                    const std::atomic<bool>& cancel)
{
    QElapsedTimer clock;
    clock.start();
    ImportLock lock(m_casePath);
    if (!lock.tryAcquire())
        return std::unexpected(
            Error(ErrorCode::CaseBusy, QStringLiteral("another import into this case is running"), m_casePath));
    auto opened = CaseWriter::open(m_casePath);
    if (!opened)
        return std::unexpected(opened.error());
    CaseWriter& writer = **opened;
    if (writer.hasEvents()) {
        // A crash may have left indexes unbuilt; appending keeps them live, so build them first.
        if (auto built = writer.buildIndexes(CaseSchema::missingIndexes(writer.database())); !built)
            return std::unexpected(built.error());
    }
    if (auto session = writer.beginSession(options.paths, optionsJson(options)); !session)
        return std::unexpected(session.error());

    ImportSummary summary;
    ImportProgress snapshot;
    snapshot.bytesTotal = InputWalker::totalBytes(options.paths);
    writer.reserveEvents(static_cast<std::size_t>(snapshot.bytesTotal / 150)); // ~130 gzip bytes per event
    snapshot.phase = QStringLiteral("reading");
    KnownFiles known(writer.knownStoredFiles(), writer.knownContentFiles());
    std::atomic<std::int64_t> nextFileId(writer.nextFileId());
    std::atomic<std::uint64_t> bytesDone(0);
    std::atomic<std::int64_t> skipped(0);
    BoundedQueue<SourceUnit> units(UnitQueueBytes);
    BoundedQueue<std::vector<EventBatch>> batches(BatchQueueEvents);

    InputWalker walker(
        options.scope,
        [&](SourceUnit&& unit) {
            const auto cost = static_cast<std::size_t>(unit.stored.size());
            return units.push(std::move(unit), cost);
        },
        [&](const Error& error) {
            // Files that cannot even be read travel as a batch without events, so the writer records them too.
            // The batch queue stays open until the workers finish, which is after the walker.
            EventBatch batch;
            batch.file = std::make_shared<SourceFile>();
            batch.file->path = error.path;
            batch.file->member = error.member;
            batch.rejected.push_back(error);
            std::vector<EventBatch> group;
            group.push_back(std::move(batch));
            batches.push(std::move(group));
        },
        cancel);
    std::thread walkerThread([&] {
        pthread_setname_np(pthread_self(), "ts-walk"); // names show in top and perf
        walker.walk(options.paths);
        units.close();
    });
    std::vector<std::thread> workers;
    std::atomic<int> workersLeft(workerCount(options));
    for (int i = workersLeft.load(); i > 0; --i) {
        workers.emplace_back([&] {
            pthread_setname_np(pthread_self(), "ts-parse");
            // Small trail files travel to the writer in groups: one hand-over per ~2,000 events, not per file.
            std::vector<EventBatch> group;
            std::size_t groupEvents = 0;
            const auto handOver = [&] {
                if (group.empty())
                    return;
                batches.push(std::move(group), groupEvents);
                group = {};
                groupEvents = 0;
            };
            FileDecoder decoder(
                known, writer.interner(), nextFileId,
                [&](EventBatch&& batch) {
                    groupEvents += batch.events.size() + 1;
                    group.push_back(std::move(batch));
                    if (groupEvents >= FileDecoder::EventsPerBatch)
                        handOver();
                },
                cancel);
            while (auto unit = units.pop()) {
                const auto size = static_cast<std::uint64_t>(unit->stored.size());
                if (!cancel && !decoder.process(std::move(*unit)))
                    ++skipped;
                bytesDone += size;
            }
            handOver();
            if (--workersLeft == 0)
                batches.close();
        });
    }

    Result<void> status;
    QElapsedTimer lastReport;
    lastReport.start();
    const auto report = [&](bool force) {
        if (!progress || (!force && lastReport.elapsed() < 100))
            return;
        lastReport.restart();
        const ImportCounts& counts = writer.counts();
        snapshot.filesDone = counts.files + skipped;
        snapshot.events = counts.events;
        snapshot.rejected = counts.rejected;
        snapshot.bytesDone = bytesDone;
        snapshot.seconds = clock.elapsed() / 1000.0;
        snapshot.eventsPerSecond = snapshot.seconds > 0 ? counts.events / snapshot.seconds : 0;
        snapshot.etaSeconds =
            snapshot.bytesDone > 0 && snapshot.bytesTotal >= snapshot.bytesDone
                ? snapshot.seconds * double(snapshot.bytesTotal - snapshot.bytesDone) / snapshot.bytesDone
                : -1;
        progress(snapshot);
    };
    qint64 writeNs = 0;
    QElapsedTimer writeTimer;
    while (auto group = batches.pop()) {
        writeTimer.start();
        for (const EventBatch& batch : *group) {
            if (status && !cancel)
                status = writer.write(batch);
        }
        writeNs += writeTimer.nsecsElapsed();
        report(false);
    }
    qCInfo(logImport, "writer busy %.2f s of %.2f s", writeNs / 1e9, clock.elapsed() / 1000.0);
    if (!status || cancel)
        units.close();
    walkerThread.join();
    for (std::thread& worker : workers)
        worker.join();
    if (status)
        status = writer.commit();
    for (std::int64_t i = 0; i < skipped; ++i)
        writer.countSkippedFile();

    if (status && !cancel) {
        snapshot.phase = QStringLiteral("indexing");
        report(true);
        const auto searchable = CaseSchema::searchableIndexes();
        qCInfo(logImport, "events stored after %.2f s", clock.elapsed() / 1000.0);
        status = writer.buildIndexes({searchable.begin(), searchable.end()}, &cancel);
        summary.searchableSeconds = clock.elapsed() / 1000.0;
        qCInfo(logImport, "searchable after %.2f s", summary.searchableSeconds);
        if (status && options.buildIndexes)
            status = writer.buildIndexes(CaseSchema::missingIndexes(writer.database()), &cancel);
        qCInfo(logImport, "indexes built after %.2f s", clock.elapsed() / 1000.0);
        if (status && !cancel)
            status = rebuildCoverage(writer.database());
        qCInfo(logImport, "coverage after %.2f s", clock.elapsed() / 1000.0);
    }
    // Decided once, after the last phase that can be interrupted, so the summary and the session agree. An index
    // build stopped by the signal is not a failure: the next import or `info` finishes it.
    summary.cancelled = cancel;
    if (!status && summary.cancelled && status.error().code == ErrorCode::Cancelled)
        status = {};
    const ImportCounts& counts = writer.counts();
    summary.counts = counts;
    summary.rejected = writer.rejected();
    summary.warnings = writer.warnings();
    summary.outOfScopeFiles = walker.outOfScope();
    summary.ignoredFiles = walker.ignored();
    const QString finalStatus = !status             ? QStringLiteral("failed")
                                : summary.cancelled ? QStringLiteral("cancelled")
                                                    : QStringLiteral("complete");
    if (auto finished = writer.finishSession(finalStatus); !finished && status)
        status = finished;
    summary.seconds = clock.elapsed() / 1000.0;
    snapshot.phase = QStringLiteral("done");
    report(true);
    if (!status)
        return std::unexpected(status.error());
    return summary;
}

} // namespace Trailscope::Core
