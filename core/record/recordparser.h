#pragma once

#include "record/eventbatch.h"

#include <memory>

namespace Trailscope::Core {

/// Hash of a record with insignificant whitespace removed: equal for the same record however it was printed.
std::uint64_t contentHashOf(std::string_view json);

/// Whether `json` is an `aws cloudtrail lookup-events` item: an object with a `CloudTrailEvent` string.
bool isLookupEventsItem(std::string_view json);

/// Parses record slices into typed columns with simdjson. One instance per thread: it owns parser buffers.
class RecordParser
{
public:
    RecordParser();
    ~RecordParser();
    RecordParser(const RecordParser&) = delete;
    RecordParser& operator=(const RecordParser&) = delete;

    /// Appends the event of `slice` to `batch`, or a rejection/warning naming the record. `encoding` says whether
    /// slices are records or lookup-events items.
    void parse(const RecordSlice& slice, RecordEncoding encoding, EventBatch& batch);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Trailscope::Core
