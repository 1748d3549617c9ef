#include "recordsplitter.h"

#include <simdjson.h>

#include <emmintrin.h>

#include <algorithm>
#include <cstring>

namespace Trailscope::Core {

namespace {

constexpr std::size_t MaxKeyCapture = 32;
// Past this the simdjson index (~4 bytes per input byte, kept per thread) costs more memory than it saves time.
constexpr std::size_t MaxIndexedDocument = 4u << 20;
static_assert(RecordSplitter::WholePadding >= simdjson::SIMDJSON_PADDING);
constexpr std::string_view TrailDocumentStart = "{\"Records\":[";

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The offset just past `expected` after optional white space from `at`, or npos.
std::size_t expect(std::string_view text, std::size_t at, char expected)
{
    while (at < text.size() && isJsonSpace(text[at]))
        ++at;
    return at < text.size() && text[at] == expected ? at + 1 : std::string_view::npos;
}

struct Cut
{
    std::size_t offset, length;
    bool isObject;
};

// Every element of the Records array of a one-line trail document, or false when simdjson refuses the document
// or anything but white space follows the array.
bool cutRecords(std::string_view content, std::size_t capacity, std::vector<Cut>& cuts)
{
    thread_local simdjson::ondemand::parser parser;
    simdjson::ondemand::document document;
    simdjson::ondemand::array records;
    if (parser.iterate(content.data(), content.size(), capacity).get(document) != simdjson::SUCCESS ||
        document["Records"].get_array().get(records) != simdjson::SUCCESS)
        return false;
    std::size_t end = TrailDocumentStart.size();
    for (auto element : records) {
        simdjson::ondemand::value value;
        simdjson::ondemand::json_type type;
        std::string_view raw;
        if (element.get(value) != simdjson::SUCCESS || value.type().get(type) != simdjson::SUCCESS ||
            simdjson::to_json_string(value).get(raw) != simdjson::SUCCESS)
            return false;
        while (!raw.empty() && isJsonSpace(raw.back()))
            raw.remove_suffix(1);
        const auto offset = static_cast<std::size_t>(raw.data() - content.data());
        cuts.push_back(Cut{offset, raw.size(), type == simdjson::ondemand::json_type::object});
        end = offset + raw.size();
    }
    end = expect(content, end, ']');
    if (end != std::string_view::npos)
        end = expect(content, end, '}');
    if (end == std::string_view::npos)
        return false;
    return std::all_of(content.begin() + static_cast<std::ptrdiff_t>(end), content.end(), isJsonSpace);
}

// Index of the next '"' or '\\' at or after `from`, or size. SSE2 is in every x86-64, so no -march is needed.
std::size_t findQuoteOrBackslash(const char* data, std::size_t from, std::size_t size)
{
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    std::size_t i = from;
    for (; i + 16 <= size; i += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const int mask =
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)));
        if (mask != 0)
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
    for (; i < size; ++i)
        if (data[i] == '"' || data[i] == '\\')
            return i;
    return size;
}

bool isByteOrderMarkByte(char c, std::uint64_t position)
{
    static constexpr unsigned char Bom[] = {0xEF, 0xBB, 0xBF};
    return static_cast<unsigned char>(c) == Bom[position];
}

bool isValueStart(char c)
{
    return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

} // namespace

RecordSplitter::RecordSplitter(std::size_t maxRecordBytes, Callback onRecord)
    : m_maxRecordBytes(maxRecordBytes), m_onRecord(std::move(onRecord))
{}

Result<void> RecordSplitter::structureError(QString what) const
{
    auto error = fail(ErrorCode::InvalidJson, std::move(what));
    error.error().record = m_inRecord || m_expectElement ? m_recordIndex : -1;
    error.error().line = m_line;
    return error;
}

bool RecordSplitter::isRecordContainer() const
{
    return m_containerDepth != 0 && m_stack.size() == m_containerDepth && m_expectElement;
}

void RecordSplitter::startRecord(std::size_t i)
{
    m_inRecord = true;
    m_recordOffset = m_chunkOffset + i;
    m_recordLine = m_line;
    m_recordTooLarge = false;
    m_carry.clear();
}

bool RecordSplitter::finishRecord(std::string_view chunk, std::size_t i)
{
    m_inRecord = false;
    RecordSlice slice;
    slice.offset = m_recordOffset;
    slice.length = m_chunkOffset + i + 1 - m_recordOffset;
    slice.index = m_recordIndex++;
    slice.line = m_recordLine;
    slice.tooLarge = m_recordTooLarge || slice.length > m_maxRecordBytes;
    if (!slice.tooLarge) {
        if (m_recordOffset >= m_chunkOffset) {
            slice.json = chunk.substr(m_recordOffset - m_chunkOffset, slice.length);
        } else {
            m_carry.append(chunk.data(), i + 1);
            slice.json = m_carry;
        }
    }
    const bool goOn = m_onRecord(slice);
    m_carry.clear();
    return goOn;
}

bool RecordSplitter::emitNonObject()
{
    RecordSlice slice;
    slice.offset = m_chunkOffset;
    slice.index = m_recordIndex++;
    slice.line = m_line;
    slice.notAnObject = true;
    return m_onRecord(slice);
}

void RecordSplitter::carryRecord(std::string_view chunk, std::size_t from)
{
    if (m_recordTooLarge)
        return;
    const std::size_t pending = m_carry.size() + (chunk.size() - from);
    if (pending > m_maxRecordBytes) {
        m_recordTooLarge = true;
        m_carry.clear();
        m_carry.shrink_to_fit();
        return;
    }
    m_carry.append(chunk.data() + from, chunk.size() - from);
}

void RecordSplitter::onKeyFinished()
{
    m_capturingKey = false;
    m_lastKey = m_key;
    m_key.clear();
}

bool RecordSplitter::openValue(char c, std::size_t i)
{
    const std::size_t depth = m_stack.size();
    const bool element = isRecordContainer();
    if (element)
        m_expectElement = false;
    if (depth == 0) {
        if (c == '{') {
            startRecord(i);
            m_recordDepth = 0;
            m_recordIsTopObject = true;
            m_keyExpected = true;
        } else {
            m_containerDepth = 1;
            m_expectElement = true;
            if (m_shape == DocumentShape::Unknown)
                m_shape = DocumentShape::Array;
        }
        m_stack.push_back(c == '{' ? Frame::Object : Frame::Array);
        return true;
    }
    if (depth == 1 && m_afterColon && m_recordIsTopObject && m_inRecord && c == '[' &&
        (m_lastKey == "Records" || m_lastKey == "Events")) {
        // The top-level object is an envelope, not a record: its array holds the records.
        m_inRecord = false;
        m_recordIsTopObject = false;
        m_carry.clear();
        m_shape = m_lastKey == "Records" ? DocumentShape::RecordsEnvelope : DocumentShape::EventsEnvelope;
        m_containerDepth = 2;
        m_expectElement = true;
        m_afterColon = false;
        m_stack.push_back(Frame::Array);
        return true;
    }
    m_afterColon = false;
    if (element) {
        if (c == '{') {
            startRecord(i);
            m_recordDepth = depth;
            m_recordIsTopObject = false;
        } else if (!emitNonObject()) {
            return false;
        }
    }
    m_stack.push_back(c == '{' ? Frame::Object : Frame::Array);
    return true;
}

bool RecordSplitter::closeContainer(char c, std::string_view chunk, std::size_t i)
{
    const Frame expected = c == '}' ? Frame::Object : Frame::Array;
    if (m_stack.empty() || m_stack.back() != expected) {
        m_error = QStringLiteral("unexpected '%1' at byte %2").arg(QLatin1Char(c)).arg(m_chunkOffset + i);
        return false;
    }
    m_stack.pop_back();
    const std::size_t depth = m_stack.size();
    m_afterColon = false;
    if (c == ']' && m_containerDepth != 0 && depth + 1 == m_containerDepth) {
        m_containerDepth = 0;
        m_expectElement = false;
    }
    if (m_inRecord && depth == m_recordDepth) {
        if (m_recordIsTopObject && m_shape == DocumentShape::Unknown)
            m_shape = DocumentShape::Objects;
        if (!m_recordIsTopObject || m_shape == DocumentShape::Objects)
            return finishRecord(chunk, i);
        m_inRecord = false; // a top-level object after an envelope or array: ignored
    }
    return true;
}

bool RecordSplitter::handleStructural(char c, std::string_view chunk, std::size_t i)
{
    switch (c) {
    case '{':
    case '[':
        return openValue(c, i);
    case '}':
    case ']':
        return closeContainer(c, chunk, i);
    case ':':
        if (m_stack.size() == 1)
            m_afterColon = true;
        return true;
    case ',':
        if (m_stack.size() == 1 && m_recordIsTopObject)
            m_keyExpected = true;
        if (m_containerDepth != 0 && m_stack.size() == m_containerDepth)
            m_expectElement = true;
        m_afterColon = false;
        return true;
    default:
        break;
    }
    if (m_stack.empty()) {
        m_error = QStringLiteral("not JSON: unexpected '%1' at byte %2")
                      .arg(QLatin1Char(c >= 0x20 && c < 0x7f ? c : '?'))
                      .arg(m_chunkOffset + i);
        return false;
    }
    if (isValueStart(c)) {
        if (isRecordContainer()) {
            m_expectElement = false;
            if (!emitNonObject())
                return false;
        }
        m_afterColon = false;
    }
    return true;
}

bool RecordSplitter::scanRecordBody(std::string_view chunk, std::size_t& i)
{
    // Deep inside a record only strings and brackets matter: a tight loop without the envelope bookkeeping.
    // Stops (returning true) at the chunk's end, inside a string that runs past it, or at the closer that
    // leaves these levels, which the general path then handles.
    const std::size_t minDepth = m_recordDepth + (m_recordIsTopObject ? 2 : 1);
    const char* data = chunk.data();
    const std::size_t size = chunk.size();
    while (i < size) {
        const char c = data[i];
        if (c == '"') {
            std::size_t next = i + 1;
            for (;;) {
                next = findQuoteOrBackslash(data, next, size);
                if (next >= size) {
                    m_inString = true;
                    i = size;
                    return true;
                }
                if (data[next] == '"')
                    break;
                if (next + 1 >= size) { // a backslash ending the chunk escapes the first byte of the next
                    m_inString = true;
                    m_escape = true;
                    i = size;
                    return true;
                }
                next += 2;
            }
            i = next + 1;
            continue;
        }
        if (c == '{' || c == '[') {
            m_stack.push_back(c == '{' ? Frame::Object : Frame::Array);
        } else if (c == '}' || c == ']') {
            if (m_stack.size() <= minDepth)
                return true;
            if (m_stack.back() != (c == '}' ? Frame::Object : Frame::Array)) {
                m_error = QStringLiteral("unexpected '%1' at byte %2").arg(QLatin1Char(c)).arg(m_chunkOffset + i);
                return false;
            }
            m_stack.pop_back();
        } else if (c == '\n') {
            ++m_line;
        }
        ++i;
    }
    return true;
}

void RecordSplitter::processChunk(std::string_view chunk, std::size_t& i)
{
    const char* data = chunk.data();
    const std::size_t size = chunk.size();
    while (i < size) {
        if (!m_inString && m_inRecord && m_stack.size() >= m_recordDepth + (m_recordIsTopObject ? 2u : 1u)) {
            if (!scanRecordBody(chunk, i)) {
                m_stopped = true;
                return;
            }
            if (i >= size || m_inString)
                continue;
            // At the closer that leaves the record body: fall through to the general path.
        }
        if (m_inString) {
            if (m_escape) {
                m_escape = false;
                ++i;
                continue;
            }
            const std::size_t next = findQuoteOrBackslash(data, i, size);
            if (m_capturingKey && m_key.size() < MaxKeyCapture)
                m_key.append(data + i, std::min(next, size) - i);
            if (next >= size) {
                i = size;
                return;
            }
            if (data[next] == '\\') {
                m_escape = true;
                i = next + 1;
                continue;
            }
            m_inString = false;
            if (m_capturingKey)
                onKeyFinished();
            i = next + 1;
            continue;
        }
        const char c = data[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '\n') {
            ++m_line;
            ++i;
            continue;
        }
        if (c == '"') {
            const bool key = m_stack.size() == 1 && m_recordIsTopObject && m_keyExpected;
            if (!handleStructural(c, chunk, i)) {
                m_stopped = true;
                return;
            }
            m_inString = true;
            m_keyExpected = false;
            m_capturingKey = key;
            m_key.clear();
            ++i;
            continue;
        }
        if (m_chunkOffset + i < 3 && m_stack.empty() && isByteOrderMarkByte(c, m_chunkOffset + i)) {
            ++i; // a UTF-8 byte order mark, possibly split across chunks
            continue;
        }
        if (!handleStructural(c, chunk, i)) {
            m_stopped = true;
            return;
        }
        ++i;
    }
}

Result<void> RecordSplitter::feed(std::string_view chunk)
{
    if (m_stopped)
        return m_error.isEmpty() ? Result<void>() : structureError(m_error);
    std::size_t i = 0;
    processChunk(chunk, i);
    if (m_stopped)
        return m_error.isEmpty() ? Result<void>() : structureError(m_error);
    if (m_inRecord) {
        const std::size_t from = m_recordOffset >= m_chunkOffset ? m_recordOffset - m_chunkOffset : 0;
        carryRecord(chunk, from);
    }
    m_chunkOffset += chunk.size();
    return {};
}

Result<void> RecordSplitter::feedWhole(std::string_view content, std::size_t capacity)
{
    if (cutTrailDocument(content, capacity))
        return m_stopped && !m_error.isEmpty() ? structureError(m_error) : Result<void>();
    return feed(content);
}

bool RecordSplitter::cutTrailDocument(std::string_view content, std::size_t capacity)
{
    // Only what the byte loop would cut the same way: from a fresh start, on one line (record line numbers stay 1),
    // with simdjson's padding available.
    if (m_chunkOffset != 0 || m_stopped || !content.starts_with(TrailDocumentStart) ||
        content.size() > MaxIndexedDocument || capacity < content.size() + simdjson::SIMDJSON_PADDING ||
        std::memchr(content.data(), '\n', content.size()) != nullptr)
        return false;
    std::vector<Cut> cuts;
    cuts.reserve(content.size() / 512);
    if (!cutRecords(content, capacity, cuts))
        return false;
    m_shape = DocumentShape::RecordsEnvelope;
    m_chunkOffset = content.size();
    m_cutByIndex = true;
    for (const Cut& cut : cuts) {
        RecordSlice slice;
        slice.index = m_recordIndex++;
        if (cut.isObject) {
            slice.offset = cut.offset;
            slice.length = cut.length;
            slice.tooLarge = cut.length > m_maxRecordBytes;
            if (!slice.tooLarge)
                slice.json = content.substr(cut.offset, cut.length);
        } else {
            slice.notAnObject = true; // located as the byte loop does: at the start of the chunk
        }
        if (!m_onRecord(slice)) {
            m_stopped = true;
            break;
        }
    }
    return true;
}

Result<void> RecordSplitter::finish()
{
    if (m_stopped)
        return m_error.isEmpty() ? Result<void>() : structureError(m_error);
    if (m_inString || !m_stack.empty()) {
        const QString what = m_inRecord ? QStringLiteral("content ends inside record %1").arg(m_recordIndex)
                                        : QStringLiteral("content ends before the JSON document is closed");
        auto error = fail(ErrorCode::InvalidJson, what);
        error.error().record = m_inRecord ? m_recordIndex : -1;
        error.error().line = m_line;
        return error;
    }
    if (m_shape == DocumentShape::Unknown && m_chunkOffset == 0)
        return fail(ErrorCode::NotJson, QStringLiteral("empty file"));
    return {};
}

} // namespace Trailscope::Core
