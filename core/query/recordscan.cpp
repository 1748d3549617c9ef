#include "recordscan.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"

#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <bit>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

namespace Trailscope::Core::Query {

std::int64_t EventSet::size() const
{
    std::int64_t count = 0;
    for (const std::uint64_t word : m_bits)
        count += std::popcount(word);
    return count;
}

Result<std::shared_ptr<const EventSet>> RecordScan::run(const QString& casePath, const Test& test, int threads,
                                                        const Progress& progress)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    const auto through = db->queryInt("SELECT ifnull(max(id), 0) FROM event_rows");
    if (!through)
        return std::unexpected(db->error(QStringLiteral("listing the events to scan")));
    auto set = std::make_shared<EventSet>(*through);
    // Ranges of row ids: an import stores events in file order, so each range reads a run of files, each decoded
    // once (a file across two ranges is decoded by both).
    constexpr std::int64_t RangeEvents = 16384;
    const std::int64_t ranges = *through / RangeEvents + 1;
    if (threads <= 0)
        threads = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    threads = int(std::clamp<std::int64_t>(threads, 1, ranges));

    std::atomic<std::int64_t> nextRange{0};
    std::atomic<bool> failed{false};
    std::mutex merge;
    std::optional<Error> firstError;
    const auto stop = [&](const Error& error) {
        failed = true;
        std::lock_guard lock(merge);
        if (!firstError)
            firstError = error;
    };
    const auto work = [&] {
        auto connection = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        if (!connection)
            return stop(connection.error());
        auto rows =
            connection->prepare("SELECT id, file_id, offset, length FROM event_rows WHERE id >= ?1 AND id < ?2");
        // A few hundred files: what a range of mostly ordered events needs decoded at once.
        RawRecordReader reader(*connection, 8u << 20);
        std::vector<std::int64_t> found;
        std::int64_t read = 0;
        for (std::int64_t range; !failed && (range = nextRange.fetch_add(1)) < ranges;) {
            if (progress.keepGoing && !progress.keepGoing())
                return stop(Error{ErrorCode::Cancelled, QStringLiteral("scan stopped"), casePath});
            rows.reset();
            rows.bind(1, range * RangeEvents).bind(2, (range + 1) * RangeEvents);
            int status = SQLITE_ERROR;
            while (rows.isValid() && (status = rows.step()) == SQLITE_ROW) {
                const auto record = reader.recordView(rows.columnInt(1), std::uint64_t(rows.columnInt(2)),
                                                      std::uint64_t(rows.columnInt(3)));
                if (!record)
                    return stop(record.error());
                if (test(*record))
                    found.push_back(rows.columnInt(0));
                ++read;
            }
            if (progress.examined)
                progress.examined->fetch_add(read, std::memory_order_relaxed);
            read = 0;
            if (status != SQLITE_DONE)
                return stop(connection->error(QStringLiteral("listing the events to scan")));
        }
        std::lock_guard lock(merge);
        for (const std::int64_t id : found)
            set->m_bits[std::size_t(id / 64)] |= std::uint64_t(1) << (id % 64);
    };
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back(work);
    work();
    for (std::thread& helper : helpers)
        helper.join();
    if (firstError)
        return std::unexpected(*firstError);
    return set;
}

namespace {

using Answer = Result<std::shared_ptr<const EventSet>>;

// Scans by what identifies their answer: the case file, its content (the fingerprint of its source files, which
// every import changes) and last event id, and the question.
struct SharedScans
{
    static constexpr std::size_t Kept = 8;
    std::mutex mutex;
    std::vector<std::pair<std::string, std::shared_future<Answer>>> scans; // oldest first
};

SharedScans& sharedScans()
{
    static SharedScans scans;
    return scans;
}

Result<std::string> caseIdentity(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    auto row = db->prepare("SELECT ifnull((SELECT value FROM meta WHERE key = 'content_sha256'), ''), "
                           "ifnull((SELECT max(id) FROM event_rows), 0)");
    if (!row.isValid() || row.step() != SQLITE_ROW)
        return std::unexpected(db->error(QStringLiteral("reading the case to scan")));
    const QString canonical = QFileInfo(casePath).canonicalFilePath();
    return canonical.toStdString() + '\n' + std::string(row.columnText(0)) + '\n' + std::to_string(row.columnInt(1));
}

} // namespace

Result<std::shared_ptr<const EventSet>> RecordScan::shared(const QString& casePath, const std::string& question,
                                                           const Test& test, const Progress& progress)
{
    const auto identity = caseIdentity(casePath);
    if (!identity)
        return std::unexpected(identity.error());
    const std::string key = *identity + '\n' + question;
    SharedScans& scans = sharedScans();
    for (;;) {
        std::promise<Answer> promise;
        std::shared_future<Answer> waiting;
        {
            std::lock_guard lock(scans.mutex);
            for (const auto& [held, answer] : scans.scans)
                if (held == key)
                    waiting = answer;
            if (!waiting.valid()) {
                if (scans.scans.size() == SharedScans::Kept)
                    scans.scans.erase(scans.scans.begin());
                scans.scans.emplace_back(key, promise.get_future().share());
            }
        }
        if (waiting.valid()) {
            Answer answer = waiting.get();
            // Stopped by the caller that ran it, not by ours: scan again (its entry is gone).
            if (!answer && answer.error().code == ErrorCode::Cancelled && (!progress.keepGoing || progress.keepGoing()))
                continue;
            return answer;
        }
        Answer answer = run(casePath, test, 0, progress);
        if (!answer) {
            // A failure is not kept: the next caller tries again.
            std::lock_guard lock(scans.mutex);
            std::erase_if(scans.scans, [&](const auto& held) { return held.first == key; });
        }
        promise.set_value(answer);
        return answer;
    }
}

} // namespace Trailscope::Core::Query
