#include "rawrecordreader.h"

#include "record/contentdecoder.h"
#include "record/parsedevent.h"

#include <simdjson.h>

namespace Trailscope::Core {

RawRecordReader::RawRecordReader(Sql::Database& db, std::size_t cacheBytes)
    : m_db(db), m_cacheBytes(cacheBytes),
      m_eventLocation(db.prepare("SELECT file_id, offset, length FROM events WHERE id = ?1")),
      m_fileBlob(db.prepare("SELECT pack_id, pack_offset, stored_size, encoding, evidence_format, "
                            "ifnull(evidence_dictionary, 0) FROM source_file_rows WHERE id = ?1")),
      m_dictionaryBlob(db.prepare("SELECT data FROM evidence_dictionaries WHERE id = ?1"))
{}

Result<RawRecordReader::StoredEvidence> RawRecordReader::storedEvidence(std::int64_t fileId)
{
    m_fileBlob.bind(1, fileId);
    if (m_fileBlob.step() != SQLITE_ROW || m_fileBlob.columnIsNull(0)) {
        m_fileBlob.reset();
        return fail(ErrorCode::CorruptCase, QStringLiteral("no evidence kept for source file %1").arg(fileId));
    }
    StoredEvidence stored;
    stored.encoding = static_cast<int>(m_fileBlob.columnInt(3));
    stored.format = static_cast<EvidenceFormat>(m_fileBlob.columnInt(4));
    stored.dictionary = m_fileBlob.columnInt(5);
    const std::int64_t pack = m_fileBlob.columnInt(0), offset = m_fileBlob.columnInt(1), size = m_fileBlob.columnInt(2);
    m_fileBlob.reset();
    auto bytes = evidence(pack, offset, size);
    if (!bytes)
        return std::unexpected(bytes.error());
    stored.bytes = std::move(*bytes);
    return stored;
}

Result<const EvidenceDictionary*> RawRecordReader::dictionary(std::int64_t id)
{
    if (id == 0)
        return nullptr; // compressed without one
    if (const auto found = m_dictionaries.find(id); found != m_dictionaries.end())
        return found->second.get();
    m_dictionaryBlob.bind(1, id);
    std::shared_ptr<const EvidenceDictionary> loaded;
    if (m_dictionaryBlob.step() == SQLITE_ROW)
        loaded = EvidenceDictionary::load(id, std::string(m_dictionaryBlob.columnBlob(0)));
    m_dictionaryBlob.reset();
    if (!loaded)
        return fail(ErrorCode::CorruptCase, QStringLiteral("evidence dictionary %1 is missing or damaged").arg(id));
    return m_dictionaries.emplace(id, std::move(loaded)).first->second.get();
}

Result<std::uint64_t> RawRecordReader::decode(const StoredEvidence& stored, const ContentDecoder::Sink& sink)
{
    if (stored.format == EvidenceFormat::Gzip)
        return ContentDecoder::decode(stored.bytes, DecodeLimits{}, sink);
    if (stored.format != EvidenceFormat::Zstd)
        return fail(ErrorCode::CorruptCase, QStringLiteral("evidence in an unknown format"));
    const auto used = dictionary(stored.dictionary);
    if (!used)
        return std::unexpected(used.error());
    return m_decompressor.decode(stored.bytes, *used, sink);
}

Result<std::uint64_t> RawRecordReader::content(std::int64_t fileId, const ContentDecoder::Sink& sink)
{
    const auto stored = storedEvidence(fileId);
    if (!stored)
        return std::unexpected(stored.error());
    return decode(*stored, sink);
}

Result<const RawRecordReader::DecodedFile*> RawRecordReader::decodedFile(std::int64_t fileId)
{
    // Found by id, not by walking the list: a scan asks once per event, and the cache holds thousands of files.
    if (const auto found = m_cached.find(fileId); found != m_cached.end()) {
        m_cache.splice(m_cache.begin(), m_cache, found->second);
        return &m_cache.front();
    }
    const auto stored = storedEvidence(fileId);
    if (!stored)
        return std::unexpected(stored.error());
    DecodedFile decoded;
    decoded.fileId = fileId;
    decoded.encoding = stored->encoding;
    if (stored->format == EvidenceFormat::Zstd) {
        // Decoded straight into place: a scan reads every file once, and a copy through a buffer cost a tenth of it.
        const auto used = dictionary(stored->dictionary);
        if (!used)
            return std::unexpected(used.error());
        if (auto whole = m_decompressor.decodeWhole(stored->bytes, *used, m_cacheBytes)) {
            if (!*whole)
                return std::unexpected(whole->error());
            decoded.content = std::move(**whole);
            return remember(std::move(decoded));
        }
    }
    bool tooLarge = false;
    const auto status = decode(*stored, [&](std::string_view chunk) {
        if (decoded.content.size() + chunk.size() > m_cacheBytes) {
            tooLarge = true; // read slice by slice instead, never holding the whole content
            return false;
        }
        decoded.content.append(chunk);
        return true;
    });
    if (tooLarge) {
        m_uncached.insert(fileId);
        return fail(ErrorCode::MemberTooLarge, QStringLiteral("source file %1 is larger than the cache").arg(fileId));
    }
    // Evidence of a truncated or damaged file decodes up to the damage, which is where its stored events are.
    if (!status && decoded.content.empty())
        return std::unexpected(status.error());
    return remember(std::move(decoded));
}

const RawRecordReader::DecodedFile* RawRecordReader::remember(DecodedFile&& decoded)
{
    m_cachedBytes += decoded.content.size();
    m_cache.push_front(std::move(decoded));
    m_cached[m_cache.front().fileId] = m_cache.begin();
    while (m_cachedBytes > m_cacheBytes && m_cache.size() > 1) { // the least recently used go first
        m_cachedBytes -= m_cache.back().content.size();
        m_cached.erase(m_cache.back().fileId);
        m_cache.pop_back();
    }
    return &m_cache.front();
}

Result<std::string> RawRecordReader::evidence(std::int64_t packId, std::int64_t offset, std::int64_t size)
{
    // Incremental blob I/O reads just this file's bytes out of a pack of many.
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(m_db.handle(), "main", "source_blobs", "data", packId, 0, &blob) != SQLITE_OK) {
        sqlite3_blob_close(blob);
        return fail(ErrorCode::CorruptCase, QStringLiteral("evidence pack %1 is missing").arg(packId));
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    const int status = sqlite3_blob_read(blob, bytes.data(), static_cast<int>(size), static_cast<int>(offset));
    sqlite3_blob_close(blob);
    if (status != SQLITE_OK)
        return fail(ErrorCode::CorruptCase, QStringLiteral("evidence pack %1 is shorter than recorded").arg(packId));
    return bytes;
}

Result<std::string_view> RawRecordReader::sliceOf(const DecodedFile& file, std::uint64_t offset, std::uint64_t length)
{
    if (offset + length > file.content.size())
        return fail(ErrorCode::CorruptCase, QStringLiteral("event location outside source file %1").arg(file.fileId));
    return std::string_view(file.content).substr(offset, length);
}

Result<std::string> RawRecordReader::record(std::int64_t fileId, std::uint64_t offset, std::uint64_t length)
{
    if (!m_uncached.contains(fileId)) {
        const auto file = decodedFile(fileId);
        if (file) {
            const auto slice = sliceOf(**file, offset, length);
            if (!slice)
                return std::unexpected(slice.error());
            return unwrap(*slice, (*file)->encoding);
        }
        if (!m_uncached.contains(fileId))
            return std::unexpected(file.error());
    }
    return streamedRecord(fileId, offset, length);
}

Result<std::string_view> RawRecordReader::recordView(std::int64_t fileId, std::uint64_t offset, std::uint64_t length)
{
    if (!m_uncached.contains(fileId)) {
        const auto file = decodedFile(fileId);
        if (file && (*file)->encoding != static_cast<int>(RecordEncoding::LookupEvents))
            return sliceOf(**file, offset, length);
    }
    auto owned = record(fileId, offset, length);
    if (!owned)
        return std::unexpected(owned.error());
    m_viewed = std::move(*owned);
    return std::string_view(m_viewed);
}

Result<std::string> RawRecordReader::streamedRecord(std::int64_t fileId, std::uint64_t offset, std::uint64_t length)
{
    const auto stored = storedEvidence(fileId);
    if (!stored)
        return std::unexpected(stored.error());
    const int encoding = stored->encoding;
    // Decode up to the record's end and keep only its bytes: a 50 MB trail file never sits in memory decoded.
    std::string slice;
    std::uint64_t position = 0;
    (void)decode(*stored, [&](std::string_view chunk) {
        const std::uint64_t chunkEnd = position + chunk.size();
        if (chunkEnd > offset && position < offset + length) {
            const std::uint64_t from = std::max(offset, position) - position;
            const std::uint64_t to = std::min(offset + length, chunkEnd) - position;
            slice.append(chunk.substr(from, to - from));
        }
        position = chunkEnd;
        return position < offset + length;
    });
    if (slice.size() != length)
        return fail(ErrorCode::CorruptCase, QStringLiteral("event location outside source file %1").arg(fileId));
    return unwrap(slice, encoding);
}

Result<std::string> RawRecordReader::unwrap(std::string_view slice, int encoding)
{
    if (encoding != static_cast<int>(RecordEncoding::LookupEvents))
        return std::string(slice);
    simdjson::dom::parser parser;
    std::string_view inner;
    if (parser.parse(slice.data(), slice.size())["CloudTrailEvent"].get_string().get(inner) != simdjson::SUCCESS)
        return fail(ErrorCode::CorruptCase, QStringLiteral("lookup-events item without CloudTrailEvent"));
    return std::string(inner);
}

Result<std::string> RawRecordReader::eventRecord(std::int64_t eventRowId)
{
    m_eventLocation.bind(1, eventRowId);
    if (m_eventLocation.step() != SQLITE_ROW) {
        m_eventLocation.reset();
        return fail(ErrorCode::CorruptCase, QStringLiteral("no event %1").arg(eventRowId));
    }
    const std::int64_t fileId = m_eventLocation.columnInt(0);
    const auto offset = static_cast<std::uint64_t>(m_eventLocation.columnInt(1));
    const auto length = static_cast<std::uint64_t>(m_eventLocation.columnInt(2));
    m_eventLocation.reset();
    return record(fileId, offset, length);
}

} // namespace Trailscope::Core
