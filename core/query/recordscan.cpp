#include "recordscan.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"

#include <algorithm>
#include <atomic>
#include <bit>
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
                                                        std::atomic<std::int64_t>* examined)
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
            if (examined)
                examined->fetch_add(read, std::memory_order_relaxed);
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

} // namespace Trailscope::Core::Query
