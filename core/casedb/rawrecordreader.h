#pragma once

#include "casedb/sqlite.h"
#include "record/contentdecoder.h"
#include "record/evidencecodec.h"

#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace Trailscope::Core {

/// Reads events back from the evidence kept in the case: the source file's stored bytes, decoded and sliced at the
/// event's location. Keeps the most recently decoded files, so reading events in storage order decodes each once; a
/// file whose content exceeds the cache is decoded up to each requested record instead, keeping only its bytes.
class RawRecordReader
{
public:
    explicit RawRecordReader(Sql::Database& db, std::size_t cacheBytes = 64u << 20);

    /// The record exactly as it appeared in its source (for lookup-events, the CloudTrailEvent string unescaped).
    Result<std::string> eventRecord(std::int64_t eventRowId);
    Result<std::string> record(std::int64_t fileId, std::uint64_t offset, std::uint64_t length);
    /// The same without a copy: a view into the decoded file, valid until the next call on this reader.
    Result<std::string_view> recordView(std::int64_t fileId, std::uint64_t offset, std::uint64_t length);
    /// The source file's content as the case keeps it (what the digest files hash), handed over in chunks.
    Result<std::uint64_t> content(std::int64_t fileId, const ContentDecoder::Sink& sink);

private:
    struct DecodedFile
    {
        std::int64_t fileId = 0;
        int encoding = 0;
        std::string content;
    };

    Result<const DecodedFile*> decodedFile(std::int64_t fileId);
    const DecodedFile* remember(DecodedFile&& decoded);
    static Result<std::string_view> sliceOf(const DecodedFile& file, std::uint64_t offset, std::uint64_t length);
    struct StoredEvidence
    {
        std::string bytes;
        int encoding = 0;
        EvidenceFormat format = EvidenceFormat::Gzip;
        std::int64_t dictionary = 0; ///< 0: none
    };
    Result<StoredEvidence> storedEvidence(std::int64_t fileId);
    Result<std::string> evidence(std::int64_t packId, std::int64_t offset, std::int64_t size);
    Result<std::uint64_t> decode(const StoredEvidence& stored, const ContentDecoder::Sink& sink);
    Result<const EvidenceDictionary*> dictionary(std::int64_t id); ///< nullptr for 0 (none)
    Result<std::string> streamedRecord(std::int64_t fileId, std::uint64_t offset, std::uint64_t length);
    static Result<std::string> unwrap(std::string_view slice, int encoding);

    Sql::Database& m_db;
    std::size_t m_cacheBytes;
    std::list<DecodedFile> m_cache;                                              // most recent first
    std::unordered_map<std::int64_t, std::list<DecodedFile>::iterator> m_cached; // m_cache by file id
    std::size_t m_cachedBytes = 0;                                               // decoded bytes in m_cache
    std::string m_viewed;                        // what recordView() returned when it had to be copied
    std::unordered_set<std::int64_t> m_uncached; // files whose content exceeds the cache: read slice by slice
    Sql::Statement m_eventLocation, m_fileBlob, m_dictionaryBlob;
    std::unordered_map<std::int64_t, std::shared_ptr<const EvidenceDictionary>> m_dictionaries;
    EvidenceDecompressor m_decompressor;
};

} // namespace Trailscope::Core
