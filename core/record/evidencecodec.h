#pragma once

#include "record/contentdecoder.h"
#include "util/error.h"

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;
struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace Trailscope::Core {

/// How a source file's evidence is kept in the case.
enum class EvidenceFormat : int {
    Gzip = 0, ///< gzip bytes: the original when the source was gzip (and every file of a schema-5 case)
    Zstd = 1, ///< the decoded content as one zstd frame, with the case's dictionary when it has one
};

/// A zstd dictionary trained on the first source files of a case. CloudTrail files are small (tens of KB) and share
/// most of their text (keys, ARNs, agents), so a dictionary shrinks each one compressed alone: measured on the 1M-event
/// sparse benchmark, 168 B/event as gzip, 106 with a 112 KiB dictionary at level 1.
class EvidenceDictionary
{
public:
    /// nullptr when the samples are too few or too small for zstd to find anything.
    static std::shared_ptr<const EvidenceDictionary> train(std::int64_t id, const std::vector<std::string>& samples);
    /// A dictionary read back from the case; nullptr when zstd does not accept it.
    static std::shared_ptr<const EvidenceDictionary> load(std::int64_t id, std::string bytes);

    ~EvidenceDictionary();
    EvidenceDictionary(const EvidenceDictionary&) = delete;
    EvidenceDictionary& operator=(const EvidenceDictionary&) = delete;

    std::int64_t id() const { return m_id; }
    const std::string& bytes() const { return m_bytes; }
    const ZSTD_CDict_s* compressionDictionary() const;
    const ZSTD_DDict_s* decompressionDictionary() const;

private:
    EvidenceDictionary(std::int64_t id, std::string bytes);

    std::int64_t m_id = 0;
    std::string m_bytes;
    mutable std::once_flag m_cdictOnce,
        m_ddictOnce; // a reader never needs the compression side, nor a writer the other
    mutable ZSTD_CDict_s* m_cdict = nullptr;
    mutable ZSTD_DDict_s* m_ddict = nullptr;
};

/// Compresses whole contents into evidence; one per thread (it keeps its zstd context between files).
class EvidenceCompressor
{
public:
    static constexpr int Level = 1; // 0.8 GB/s with a dictionary; level 3 is no smaller on trail files and 2x slower

    EvidenceCompressor();
    ~EvidenceCompressor();
    EvidenceCompressor(const EvidenceCompressor&) = delete;
    EvidenceCompressor& operator=(const EvidenceCompressor&) = delete;

    Result<QByteArray> compress(std::string_view content, const EvidenceDictionary* dictionary);

private:
    ZSTD_CCtx_s* m_context;
};

/// Reads zstd evidence back, handing the content to `sink` in chunks (it may stop early by returning false).
/// Returns the content bytes produced. `dictionary` must be the one the evidence was compressed with.
class EvidenceDecompressor
{
public:
    EvidenceDecompressor();
    ~EvidenceDecompressor();
    EvidenceDecompressor(const EvidenceDecompressor&) = delete;
    EvidenceDecompressor& operator=(const EvidenceDecompressor&) = delete;

    Result<std::uint64_t> decode(std::span<const char> evidence, const EvidenceDictionary* dictionary,
                                 const ContentDecoder::Sink& sink);
    /// The whole content in one piece, decoded straight into the string (no copy through a buffer), when the frame
    /// records its size and it is at most `maxBytes`; nullopt otherwise (read it through decode() instead).
    std::optional<Result<std::string>> decodeWhole(std::span<const char> evidence, const EvidenceDictionary* dictionary,
                                                   std::uint64_t maxBytes);

private:
    ZSTD_DCtx_s* m_context;
    std::string m_buffer;
};

} // namespace Trailscope::Core
