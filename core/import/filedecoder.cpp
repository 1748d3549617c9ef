#include "filedecoder.h"

#include "record/contentdecoder.h"
#include "util/gzip.h"
#include "util/sha256.h"

#include <algorithm>

namespace Trailscope::Core {

namespace {

constexpr std::uint64_t WholeContentLimit = 64u << 20;

std::uint64_t estimatedContentSize(const QByteArray& stored)
{
    if (!ContentDecoder::isGzip(stored) || stored.size() < 18)
        return static_cast<std::uint64_t>(stored.size());
    const auto* tail = reinterpret_cast<const unsigned char*>(stored.constData() + stored.size() - 4);
    return std::uint64_t(tail[0]) | std::uint64_t(tail[1]) << 8 | std::uint64_t(tail[2]) << 16 |
           std::uint64_t(tail[3]) << 24;
}

SourceRank rankOf(const SourceFile& file)
{
    switch (file.shape) {
    case DocumentShape::EventsEnvelope:
        return SourceRank::Abridged;
    case DocumentShape::RecordsEnvelope: {
        const QString name = (file.member.isEmpty() ? file.path : file.member).section(u'/', -1);
        if (name.startsWith(QLatin1String("event_history"), Qt::CaseInsensitive))
            return SourceRank::Abridged;
        if (file.key.folder == S3Key::Folder::CloudTrail || file.key.folder == S3Key::Folder::Insight ||
            looksLikeTrailFileName(name.toStdString()))
            return SourceRank::TrailFile;
        return SourceRank::FullRecords;
    }
    default:
        return SourceRank::FullRecords;
    }
}

} // namespace

KnownFiles::KnownFiles(std::map<Sha256, KnownFile> stored, std::map<Sha256, KnownFile> content)
    : m_stored(std::move(stored)), m_content(std::move(content))
{}

std::optional<KnownFile> KnownFiles::byStoredHash(const Sha256& digest) const
{
    std::lock_guard lock(m_mutex);
    if (const auto found = m_stored.find(digest); found != m_stored.end())
        return found->second;
    return std::nullopt;
}

bool KnownFiles::claimContent(const Sha256& digest)
{
    std::lock_guard lock(m_mutex);
    if (m_content.contains(digest))
        return true;
    return !m_claimed.insert(digest).second;
}

FileDecoder::FileDecoder(KnownFiles& known, Interner& interner, std::atomic<std::int64_t>& nextFileId,
                         EvidenceDictionaryTrainer& dictionaries, BatchSink sink, const std::atomic<bool>& cancel)
    : m_known(known), m_interner(interner), m_nextFileId(nextFileId), m_dictionaries(dictionaries),
      m_sink(std::move(sink)), m_cancel(cancel)
{}

// A damaged file, or one too large to hold decoded, keeps its stored bytes (gzip as they came, plain text gzipped):
// nothing of it is lost, however little of it decodes.
void FileDecoder::keepStoredBytes(const QByteArray& stored)
{
    m_file->evidenceFormat = EvidenceFormat::Gzip;
    m_file->evidenceIsOriginal = ContentDecoder::isGzip(stored);
    m_file->evidence = m_file->evidenceIsOriginal ? stored : gzipCompress(stored);
    m_file->dictionary = nullptr;
}

// A file decoded whole keeps its content as zstd: smaller than the gzip it came in and three times faster to read
// back. The digest files hash the content, which stays byte for byte; the gzip framing is not evidence.
void FileDecoder::keepContent(const QByteArray& stored)
{
    m_dictionaries.offer(m_content);
    auto dictionary = m_dictionaries.current();
    auto compressed = m_compressor.compress(m_content, dictionary.get());
    if (!compressed) {
        keepStoredBytes(stored);
        return;
    }
    m_file->evidenceFormat = EvidenceFormat::Zstd;
    m_file->evidenceIsOriginal = false;
    m_file->evidence = std::move(*compressed);
    m_file->dictionary = std::move(dictionary);
}

void FileDecoder::flush(bool last)
{
    m_batch.file = m_file;
    m_batch.firstOfFile = !m_sentFirst;
    m_batch.lastOfFile = last;
    m_sentFirst = true;
    m_interner.resolve(m_batch);
    m_sink(std::move(m_batch));
    m_batch = EventBatch();
}

void FileDecoder::decide(DocumentShape shape)
{
    if (m_file->shape == shape)
        return;
    m_file->shape = shape;
    m_file->encoding = shape == DocumentShape::EventsEnvelope ? RecordEncoding::LookupEvents : RecordEncoding::Json;
    m_file->rank = rankOf(*m_file);
}

void FileDecoder::chooseEncoding(DocumentShape shape, const RecordSlice& first)
{
    // `aws cloudtrail lookup-events` items written one per line (plaso, scripts) or as a bare array (`jq .Events`)
    // are read like the members of an Events envelope: the record is the CloudTrailEvent string.
    if ((shape == DocumentShape::Objects || shape == DocumentShape::Array) && isLookupEventsItem(first.json))
        m_file->encoding = RecordEncoding::LookupEvents;
}

void FileDecoder::summarizeFile()
{
    if (m_timesFromStamp > 0) {
        const QString records =
            m_timesFromStamp == 1 ? QStringLiteral("1 record") : QStringLiteral("%1 records").arg(m_timesFromStamp);
        m_batch.warnings.push_back(
            Error{ErrorCode::TimeFromTimestamp, QStringLiteral("%1 without eventTime: the time is their @timestamp (a "
                                                               "Logstash or Elastic export); kept as they were")
                                                    .arg(records)});
    }
    // A JSON file none of whose objects is a CloudTrail record (a labels or metadata file beside the logs) is one
    // problem of the file, not one per line.
    const bool onlyNotRecords =
        m_file->records > 1 && !m_sentFirst && m_batch.events.empty() &&
        static_cast<std::int64_t>(m_batch.rejected.size()) == m_file->records &&
        std::all_of(m_batch.rejected.begin(), m_batch.rejected.end(),
                    [](const Error& rejected) { return rejected.code == ErrorCode::NotARecord; });
    if (onlyNotRecords) {
        m_batch.rejected.clear();
        m_batch.rejected.push_back(
            Error{ErrorCode::NotARecord, QStringLiteral("not CloudTrail: none of its %1 JSON objects has CloudTrail "
                                                        "record fields (eventTime, eventName, eventSource, ...)")
                                             .arg(m_file->records)});
    }
}

void FileDecoder::fileError(const Error& error)
{
    m_batch.rejected.push_back(error);
}

bool FileDecoder::process(SourceUnit&& unit)
{
    const std::string_view stored(unit.stored.constData(), static_cast<std::size_t>(unit.stored.size()));
    m_file = std::make_shared<SourceFile>();
    m_file->path = unit.path;
    m_file->member = unit.member;
    m_file->key = unit.key;
    m_file->storedSha256 = unit.storedSha256 ? *unit.storedSha256 : sha256(stored);
    m_sentFirst = false;
    m_batch = EventBatch();
    // Empty files all share one hash, yet each is its own mistake to report, so none is taken for a copy.
    const bool empty = unit.stored.isEmpty();
    const auto known =
        empty ? decltype(m_known.byStoredHash(m_file->storedSha256))() : m_known.byStoredHash(m_file->storedSha256);
    if (known && known->complete)
        return false;
    m_file->id = known ? known->id : m_nextFileId++;
    m_file->resumed = known.has_value();
    m_file->rank = rankOf(*m_file);

    m_timesFromStamp = 0;
    RecordSplitter splitter(MaxRecordBytes, [&](const RecordSlice& slice) {
        decide(splitter.shape());
        if (slice.index == 0)
            chooseEncoding(splitter.shape(), slice);
        const std::size_t before = m_batch.events.size();
        m_parser.parse(slice, m_file->encoding, m_batch);
        if (m_batch.events.size() > before && (m_batch.events.back().flags & FlagTimeFromTimestamp))
            ++m_timesFromStamp;
        if (m_batch.events.size() >= EventsPerBatch)
            flush(false);
        return !m_cancel.load(std::memory_order_relaxed);
    });
    Sha256Hasher hasher;
    std::optional<Error> problem;
    const bool digestOnly = unit.key.folder == S3Key::Folder::Digest;
    bool whole = estimatedContentSize(unit.stored) <= WholeContentLimit;
    if (!whole)
        keepStoredBytes(unit.stored); // its first events travel to the writer before the end is decoded
    m_content.clear();
    const auto decoded = ContentDecoder::decode(stored, DecodeLimits{}, [&](std::string_view chunk) {
        hasher.add(chunk);
        m_file->contentSize += chunk.size();
        if ((whole || digestOnly) && m_content.size() + chunk.size() > WholeContentLimit) {
            if (digestOnly) {
                // A digest file is a few kilobytes; this one is not, and is not kept whole in memory.
                problem = Error{ErrorCode::RecordTooLarge, QStringLiteral("digest file larger than 64 MiB")};
                return false;
            }
            // The gzip trailer gave the size of the last member only, or lied: stream the rest as a big file.
            whole = false;
            keepStoredBytes(unit.stored);
            if (auto fed = splitter.feed(m_content); !fed) {
                problem = fed.error();
                return false;
            }
            m_content.clear();
        }
        if (whole || digestOnly) {
            m_content.append(chunk);
            return true;
        }
        if (auto fed = splitter.feed(chunk); !fed) {
            problem = fed.error();
            return false;
        }
        return !m_cancel.load(std::memory_order_relaxed);
    });
    if (!decoded)
        problem = decoded.error();
    m_file->contentSha256 = hasher.finish();
    if (whole && !digestOnly) {
        // Small files are decoded first so a copy already in the case is skipped before any parsing.
        if (!problem && !known && !empty && m_known.claimContent(m_file->contentSha256))
            return false;
        if (problem)
            keepStoredBytes(unit.stored);
        else
            keepContent(unit.stored);
        m_content.reserve(m_content.size() + RecordSplitter::WholePadding);
        if (auto fed = splitter.feedWhole(m_content, m_content.capacity()); !fed && !problem)
            problem = fed.error();
    }
    if (whole && digestOnly) {
        if (problem)
            keepStoredBytes(unit.stored);
        else
            keepContent(unit.stored);
    }
    if (!digestOnly && !problem) {
        if (auto finished = splitter.finish(); !finished)
            problem = finished.error();
        else if (splitter.shape() == DocumentShape::Unknown)
            problem = Error{ErrorCode::NoRecords, QStringLiteral("no JSON content")};
    }
    decide(splitter.shape());
    m_file->records = splitter.recordCount();
    if (problem)
        fileError(*problem);
    summarizeFile();
    m_content.clear();
    if (m_content.capacity() > WholeContentLimit)
        m_content.shrink_to_fit();
    flush(true);
    return true;
}

} // namespace Trailscope::Core
