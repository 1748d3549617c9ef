#include "rawrecordreader.h"

#include "import/contentdecoder.h"
#include "import/parsedevent.h"

#include <simdjson.h>

namespace Trailscope::Core {

RawRecordReader::RawRecordReader(Sql::Database& db, std::size_t cacheBytes)
    : m_db(db), m_cacheBytes(cacheBytes),
      m_eventLocation(db.prepare("SELECT file_id, offset, length FROM events WHERE id = ?1")),
      m_fileBlob(db.prepare("SELECT pack_id, pack_offset, stored_size, encoding FROM source_files WHERE id = ?1"))
{}

Result<const RawRecordReader::DecodedFile*> RawRecordReader::decodedFile(std::int64_t fileId)
{
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        if (it->fileId == fileId) {
            m_cache.splice(m_cache.begin(), m_cache, it);
            return &m_cache.front();
        }
    }
    m_fileBlob.bind(1, fileId);
    if (m_fileBlob.step() != SQLITE_ROW || m_fileBlob.columnIsNull(0)) {
        m_fileBlob.reset();
        return fail(ErrorCode::CorruptCase, QStringLiteral("no evidence kept for source file %1").arg(fileId));
    }
    DecodedFile decoded;
    decoded.fileId = fileId;
    decoded.encoding = static_cast<int>(m_fileBlob.columnInt(3));
    const auto stored = evidence(m_fileBlob.columnInt(0), m_fileBlob.columnInt(1), m_fileBlob.columnInt(2));
    m_fileBlob.reset();
    if (!stored)
        return std::unexpected(stored.error());
    const auto status = ContentDecoder::decode(*stored, DecodeLimits{}, [&](std::string_view chunk) {
        decoded.content.append(chunk);
        return true;
    });
    // Evidence of a truncated or damaged file decodes up to the damage, which is where its stored events are.
    if (!status && decoded.content.empty())
        return std::unexpected(status.error());
    m_cache.push_front(std::move(decoded));
    std::size_t total = 0;
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        total += it->content.size();
        if (total > m_cacheBytes && it != m_cache.begin()) {
            m_cache.erase(it, m_cache.end());
            break;
        }
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

Result<std::string> RawRecordReader::storedBytes(std::int64_t fileId)
{
    m_fileBlob.bind(1, fileId);
    if (m_fileBlob.step() != SQLITE_ROW || m_fileBlob.columnIsNull(0)) {
        m_fileBlob.reset();
        return fail(ErrorCode::CorruptCase, QStringLiteral("no evidence kept for source file %1").arg(fileId));
    }
    const std::int64_t pack = m_fileBlob.columnInt(0), offset = m_fileBlob.columnInt(1), size = m_fileBlob.columnInt(2);
    m_fileBlob.reset();
    return evidence(pack, offset, size);
}

Result<std::string> RawRecordReader::record(std::int64_t fileId, std::uint64_t offset, std::uint64_t length)
{
    const auto file = decodedFile(fileId);
    if (!file)
        return std::unexpected(file.error());
    const std::string& content = (*file)->content;
    if (offset + length > content.size())
        return fail(ErrorCode::CorruptCase, QStringLiteral("event location outside source file %1").arg(fileId));
    const std::string_view slice = std::string_view(content).substr(offset, length);
    if ((*file)->encoding != static_cast<int>(RecordEncoding::LookupEvents))
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
