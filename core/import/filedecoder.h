#pragma once

#include "casedb/casewriter.h"
#include "import/evidencetrainer.h"
#include "import/inputwalker.h"
#include "record/eventbatch.h"
#include "record/recordparser.h"

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <set>

namespace Trailscope::Core {

/// The source files a case already holds, shared by the parse workers of one import.
class KnownFiles
{
public:
    KnownFiles(std::map<Sha256, KnownFile> stored, std::map<Sha256, KnownFile> content);

    /// The stored copy of these bytes, if any.
    std::optional<KnownFile> byStoredHash(const Sha256& digest) const;
    /// True when this content is already complete in the case or was claimed by another file of this import.
    bool claimContent(const Sha256& digest);

private:
    mutable std::mutex m_mutex;
    std::map<Sha256, KnownFile> m_stored, m_content;
    std::set<Sha256> m_claimed;
};

/// Turns one source unit into event batches: hashes, decodes, splits and parses it, and decides how much the
/// copy is to be trusted. One per worker thread.
class FileDecoder
{
public:
    using BatchSink = std::function<void(EventBatch&&)>;

    FileDecoder(KnownFiles& known, Interner& interner, std::atomic<std::int64_t>& nextFileId,
                EvidenceDictionaryTrainer& dictionaries, BatchSink sink, const std::atomic<bool>& cancel);

    /// Returns false when the unit was skipped because the case already holds it.
    bool process(SourceUnit&& unit);

    static constexpr std::size_t MaxRecordBytes = 4u << 20;
    static constexpr std::size_t EventsPerBatch = 2048;

private:
    void flush(bool last);
    void decide(DocumentShape shape);
    void chooseEncoding(DocumentShape shape, const RecordSlice& first);
    void summarizeFile();
    void fileError(const Error& error);
    void keepStoredBytes(const QByteArray& stored);
    void keepContent(const QByteArray& stored);

    KnownFiles& m_known;
    Interner& m_interner;
    std::atomic<std::int64_t>& m_nextFileId;
    EvidenceDictionaryTrainer& m_dictionaries;
    EvidenceCompressor m_compressor;
    BatchSink m_sink;
    const std::atomic<bool>& m_cancel;
    RecordParser m_parser;
    std::shared_ptr<SourceFile> m_file;
    EventBatch m_batch;
    bool m_sentFirst = false;
    std::int64_t m_timesFromStamp = 0; ///< events of the file whose time is their @timestamp
    std::string m_content;
};

} // namespace Trailscope::Core
