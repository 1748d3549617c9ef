#pragma once

#include "util/error.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace Trailscope::Core {

/// How a source lays out its records; decided by the splitter from the first bytes of structure.
enum class DocumentShape {
    Unknown,
    RecordsEnvelope, ///< `{"Records":[...]}`: trail files, Event history downloads
    EventsEnvelope,  ///< `{"Events":[{"CloudTrailEvent":"..."}]}`: `aws cloudtrail lookup-events`
    Array,           ///< a bare JSON array of records, as attack-simulation tools write
    Objects,         ///< one or more top-level objects: a single record, JSON Lines, EventBridge envelopes
};

/// One record found in the content stream, not yet parsed.
struct RecordSlice
{
    std::string_view json;    ///< exact bytes of the element; empty when `tooLarge` or `notAnObject`
    std::uint64_t offset = 0; ///< content offset of the first byte
    std::uint64_t length = 0; ///< byte length, also when the bytes were not kept
    std::int64_t index = 0;   ///< zero-based position among the records of the file
    std::int64_t line = 1;    ///< one-based line where the record starts
    bool tooLarge = false;
    bool notAnObject = false;
};

/// Streams through JSON content and cuts it into records without parsing them, so a 50 MB trail file never
/// needs more memory than one record and a malformed record costs only itself. Tracks strings, escapes and
/// nesting only; validating each record is the parser's job.
class RecordSplitter
{
public:
    using Callback = std::function<bool(const RecordSlice&)>; ///< return false to stop

    RecordSplitter(std::size_t maxRecordBytes, Callback onRecord);

    /// Feeds the next chunk of content. An error means the structure is broken beyond the current record.
    Result<void> feed(std::string_view chunk);
    /// Call after the last chunk: reports a record or document left open (a truncated file).
    Result<void> finish();

    /// The same cut for a whole document in one buffer with `capacity` bytes allocated, through simdjson's SIMD
    /// structural index instead of the byte loop when it is a one-line CloudTrail file (`{"Records":[...]}` and
    /// nothing after it), which cuts ~3x faster; anything else, and any document simdjson refuses, goes through
    /// feed() so bad records are reported one by one. Call instead of feed(), on a fresh splitter.
    Result<void> feedWhole(std::string_view content, std::size_t capacity);
    /// Bytes feedWhole() wants allocated past the content.
    static constexpr std::size_t WholePadding = 64;

    DocumentShape shape() const { return m_shape; }
    /// Whether feedWhole() cut the document through simdjson's index rather than the byte loop.
    bool cutByIndex() const { return m_cutByIndex; }
    std::int64_t recordCount() const { return m_recordIndex; }
    bool stopped() const { return m_stopped; }

private:
    enum class Frame : char { Object, Array };

    void processChunk(std::string_view chunk, std::size_t& i);
    bool scanRecordBody(std::string_view chunk, std::size_t& i);
    bool handleStructural(char c, std::string_view chunk, std::size_t i);
    bool openValue(char c, std::size_t i);
    bool closeContainer(char c, std::string_view chunk, std::size_t i);
    void startRecord(std::size_t i);
    bool finishRecord(std::string_view chunk, std::size_t i);
    bool emitNonObject();
    void carryRecord(std::string_view chunk, std::size_t from);
    bool isRecordContainer() const;
    void onKeyFinished();
    Result<void> structureError(QString what) const;
    bool cutTrailDocument(std::string_view content, std::size_t capacity);

    std::size_t m_maxRecordBytes;
    Callback m_onRecord;
    DocumentShape m_shape = DocumentShape::Unknown;
    std::vector<Frame> m_stack;
    std::uint64_t m_chunkOffset = 0;
    std::int64_t m_line = 1;
    std::int64_t m_recordIndex = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_stopped = false;
    bool m_cutByIndex = false;
    QString m_error;

    // The record being cut.
    bool m_inRecord = false;
    std::size_t m_recordDepth = 0;
    std::uint64_t m_recordOffset = 0;
    std::int64_t m_recordLine = 1;
    bool m_recordTooLarge = false;
    bool m_recordIsTopObject = false;
    std::string m_carry;

    // Records containers: a top-level array, or the Records/Events array of an envelope.
    std::size_t m_containerDepth = 0; ///< depth of the elements of the active records array, 0 = none
    bool m_expectElement = false;

    // Keys of a top-level object, to recognise an envelope.
    bool m_capturingKey = false;
    bool m_keyExpected = false;
    std::string m_key;
    std::string m_lastKey;
    bool m_afterColon = false;
};

} // namespace Trailscope::Core
