#pragma once

#include "util/error.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Trailscope::Core::Query {

/// A set of event row ids, as bits: what a whole-case scan found.
class EventSet
{
public:
    explicit EventSet(std::int64_t through) : m_through(through), m_bits(std::size_t(through / 64 + 1)) {}

    /// The last event id the set speaks for: a later one was stored after the scan.
    std::int64_t through() const { return m_through; }
    bool contains(std::int64_t id) const
    {
        return id >= 0 && id <= m_through && (m_bits[std::size_t(id / 64)] >> (id % 64) & 1) != 0;
    }
    std::int64_t size() const;

private:
    friend class RecordScan;
    std::int64_t m_through;
    std::vector<std::uint64_t> m_bits;
};

/// What a whole-case scan (RecordScan) reports as it goes, and asks before each range of events.
struct ScanProgress
{
    std::atomic<std::int64_t>* examined = nullptr; ///< each record read counts once (a search's progress)
    std::function<bool()> keepGoing;               ///< false stops the scan: ErrorCode::Cancelled
};

/// Reads every event's raw record of a case once, in storage order, on several threads (each with a connection
/// of its own), and keeps the events a test accepts. A free-text search over most of a case goes this way rather
/// than record by record in time order: each file is decoded once, and on all cores.
class RecordScan
{
public:
    /// Says whether a record is wanted; called from several threads at once.
    using Test = std::function<bool(std::string_view record)>;

    using Progress = ScanProgress;

    static Result<std::shared_ptr<const EventSet>> run(const QString& casePath, const Test& test, int threads = 0,
                                                       const Progress& progress = {});

    /// As run(), once per case, its content and `question` (what `test` asks, as text) in the whole process: the
    /// connections of one window (rows, timeline, facets) ask the same question at once, and one scan answers all;
    /// a caller arriving while it runs waits for it (and scans itself if that one's caller stops it). The last few
    /// answers are kept.
    static Result<std::shared_ptr<const EventSet>> shared(const QString& casePath, const std::string& question,
                                                          const Test& test, const Progress& progress = {});
};

} // namespace Trailscope::Core::Query
