#include "evidencecodec.h"

#include <zdict.h>
#include <zstd.h>

#include <numeric>

namespace Trailscope::Core {

namespace {

constexpr std::size_t DictionaryCapacity = 112u
                                           << 10; // zstd's default; 256 KiB measured 2% smaller, twice the training

Error zstdError(const QString& what, std::size_t code)
{
    return Error{ErrorCode::CorruptCase,
                 QStringLiteral("%1: %2").arg(what, QString::fromUtf8(ZSTD_getErrorName(code)))};
}

} // namespace

EvidenceDictionary::EvidenceDictionary(std::int64_t id, std::string bytes) : m_id(id), m_bytes(std::move(bytes)) {}

EvidenceDictionary::~EvidenceDictionary()
{
    ZSTD_freeCDict(m_cdict);
    ZSTD_freeDDict(m_ddict);
}

std::shared_ptr<const EvidenceDictionary> EvidenceDictionary::train(std::int64_t id,
                                                                    const std::vector<std::string>& samples)
{
    std::string joined;
    std::vector<std::size_t> sizes;
    joined.reserve(std::accumulate(samples.begin(), samples.end(), std::size_t(0),
                                   [](std::size_t sum, const std::string& sample) { return sum + sample.size(); }));
    for (const std::string& sample : samples) {
        joined.append(sample);
        sizes.push_back(sample.size());
    }
    // zstd wants about a hundred times the dictionary in samples; fewer give a smaller dictionary, not a failure.
    const std::size_t capacity = std::min(DictionaryCapacity, joined.size() / 16);
    if (samples.size() < 8 || capacity < 1024)
        return nullptr;
    std::string dictionary(capacity, '\0');
    const std::size_t size = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                                   static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size))
        return nullptr;
    dictionary.resize(size);
    return load(id, std::move(dictionary));
}

std::shared_ptr<const EvidenceDictionary> EvidenceDictionary::load(std::int64_t id, std::string bytes)
{
    if (bytes.empty() || ZDICT_getDictID(bytes.data(), bytes.size()) == 0)
        return nullptr;
    return std::shared_ptr<const EvidenceDictionary>(new EvidenceDictionary(id, std::move(bytes)));
}

const ZSTD_CDict_s* EvidenceDictionary::compressionDictionary() const
{
    std::call_once(m_cdictOnce,
                   [this] { m_cdict = ZSTD_createCDict(m_bytes.data(), m_bytes.size(), EvidenceCompressor::Level); });
    return m_cdict;
}

const ZSTD_DDict_s* EvidenceDictionary::decompressionDictionary() const
{
    std::call_once(m_ddictOnce, [this] { m_ddict = ZSTD_createDDict(m_bytes.data(), m_bytes.size()); });
    return m_ddict;
}

EvidenceCompressor::EvidenceCompressor() : m_context(ZSTD_createCCtx()) {}

EvidenceCompressor::~EvidenceCompressor()
{
    ZSTD_freeCCtx(m_context);
}

Result<QByteArray> EvidenceCompressor::compress(std::string_view content, const EvidenceDictionary* dictionary)
{
    ZSTD_CCtx_reset(m_context, ZSTD_reset_session_and_parameters);
    // The frame's checksum catches a damaged page of the case before a record is misread; its size, that the whole
    // content came back.
    ZSTD_CCtx_setParameter(m_context, ZSTD_c_compressionLevel, EvidenceCompressor::Level);
    ZSTD_CCtx_setParameter(m_context, ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_setParameter(m_context, ZSTD_c_contentSizeFlag, 1);
    if (dictionary) {
        if (const ZSTD_CDict* cdict = dictionary->compressionDictionary(); cdict)
            ZSTD_CCtx_refCDict(m_context, cdict);
    }
    QByteArray evidence(static_cast<qsizetype>(ZSTD_compressBound(content.size())), Qt::Uninitialized);
    const std::size_t size = ZSTD_compress2(m_context, evidence.data(), static_cast<std::size_t>(evidence.size()),
                                            content.data(), content.size());
    if (ZSTD_isError(size))
        return std::unexpected(zstdError(QStringLiteral("compressing evidence"), size));
    evidence.truncate(static_cast<qsizetype>(size));
    return evidence;
}

EvidenceDecompressor::EvidenceDecompressor() : m_context(ZSTD_createDCtx()), m_buffer(ZSTD_DStreamOutSize(), '\0') {}

EvidenceDecompressor::~EvidenceDecompressor()
{
    ZSTD_freeDCtx(m_context);
}

Result<std::uint64_t> EvidenceDecompressor::decode(std::span<const char> evidence, const EvidenceDictionary* dictionary,
                                                   const ContentDecoder::Sink& sink)
{
    ZSTD_DCtx_reset(m_context, ZSTD_reset_session_and_parameters);
    if (dictionary) {
        const ZSTD_DDict* ddict = dictionary->decompressionDictionary();
        if (!ddict)
            return fail(ErrorCode::CorruptCase,
                        QStringLiteral("evidence dictionary %1 is damaged").arg(dictionary->id()));
        ZSTD_DCtx_refDDict(m_context, ddict);
    }
    ZSTD_inBuffer input{evidence.data(), evidence.size(), 0};
    std::uint64_t produced = 0;
    std::size_t status = 1;
    while (status != 0) {
        ZSTD_outBuffer output{m_buffer.data(), m_buffer.size(), 0};
        status = ZSTD_decompressStream(m_context, &output, &input);
        if (ZSTD_isError(status))
            return std::unexpected(zstdError(QStringLiteral("reading evidence"), status));
        produced += output.pos;
        if (output.pos > 0 && !sink(std::string_view(m_buffer.data(), output.pos)))
            return produced;
        if (status != 0 && input.pos == input.size && output.pos < output.size)
            return fail(ErrorCode::CorruptCase, QStringLiteral("evidence ends inside its zstd frame"));
    }
    return produced;
}

std::optional<Result<std::string>> EvidenceDecompressor::decodeWhole(std::span<const char> evidence,
                                                                     const EvidenceDictionary* dictionary,
                                                                     std::uint64_t maxBytes)
{
    const unsigned long long size = ZSTD_getFrameContentSize(evidence.data(), evidence.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > maxBytes)
        return std::nullopt;
    const ZSTD_DDict* ddict = nullptr;
    if (dictionary && !(ddict = dictionary->decompressionDictionary()))
        return fail(ErrorCode::CorruptCase, QStringLiteral("evidence dictionary %1 is damaged").arg(dictionary->id()));
    // Written by zstd in place, never zero-filled first (that cost a quarter of reading one record of a file).
    std::string content;
    std::size_t produced = 0;
    content.resize_and_overwrite(size, [&](char* data, std::size_t capacity) {
        produced = ddict
                       ? ZSTD_decompress_usingDDict(m_context, data, capacity, evidence.data(), evidence.size(), ddict)
                       : ZSTD_decompressDCtx(m_context, data, capacity, evidence.data(), evidence.size());
        return ZSTD_isError(produced) ? std::size_t(0) : produced;
    });
    if (ZSTD_isError(produced))
        return std::unexpected(zstdError(QStringLiteral("reading evidence"), produced));
    if (produced != size)
        return fail(ErrorCode::CorruptCase, QStringLiteral("evidence is shorter than its frame says"));
    return content;
}

} // namespace Trailscope::Core
