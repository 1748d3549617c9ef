#include "contentdecoder.h"

#include <libdeflate.h>
#include <zlib.h>

#include <memory>
#include <vector>

namespace Trailscope::Core {

namespace {

constexpr std::size_t OutputChunk = 1u << 20;
constexpr std::size_t FastPathMaxContent = 64u << 20;

Result<std::uint64_t> checkLimits(std::uint64_t produced, std::size_t storedSize, const DecodeLimits& limits)
{
    if (produced > limits.maxContentBytes)
        return fail(ErrorCode::DecompressionBomb,
                    QStringLiteral("expands beyond %1 bytes").arg(limits.maxContentBytes));
    if (produced > limits.ratioFloor && produced > limits.maxRatio * storedSize)
        return fail(ErrorCode::DecompressionBomb, QStringLiteral("expands more than %1:1").arg(limits.maxRatio));
    return produced;
}

std::uint32_t gzipTrailerSize(std::span<const char> stored)
{
    const auto* tail = reinterpret_cast<const unsigned char*>(stored.data() + stored.size() - 4);
    return std::uint32_t(tail[0]) | std::uint32_t(tail[1]) << 8 | std::uint32_t(tail[2]) << 16 |
           std::uint32_t(tail[3]) << 24;
}

// libdeflate inflates twice as fast as zlib but only whole buffers: worth it for the common small single-member file.
std::optional<Result<std::uint64_t>> tryWholeBuffer(std::span<const char> stored, const DecodeLimits& limits,
                                                    const ContentDecoder::Sink& sink)
{
    if (stored.size() < 18)
        return std::nullopt;
    const std::uint32_t expected = gzipTrailerSize(stored);
    if (expected > FastPathMaxContent || !checkLimits(expected, stored.size(), limits))
        return std::nullopt;
    thread_local std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> decompressor(
        libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
    thread_local std::vector<char> buffer;
    buffer.resize(std::max<std::size_t>(expected, 1));
    std::size_t consumed = 0;
    std::size_t produced = 0;
    const auto status = libdeflate_gzip_decompress_ex(decompressor.get(), stored.data(), stored.size(), buffer.data(),
                                                      buffer.size(), &consumed, &produced);
    if (status != LIBDEFLATE_SUCCESS || consumed != stored.size() || produced != expected)
        return std::nullopt; // several members, or damaged: zlib tells exactly what is wrong
    if (produced > 0 && !sink(std::string_view(buffer.data(), produced)))
        return Result<std::uint64_t>(produced);
    return Result<std::uint64_t>(produced);
}

} // namespace

bool ContentDecoder::isGzip(std::span<const char> stored)
{
    return stored.size() >= 2 && static_cast<unsigned char>(stored[0]) == 0x1f &&
           static_cast<unsigned char>(stored[1]) == 0x8b;
}

Result<std::uint64_t> ContentDecoder::decode(std::span<const char> stored, const DecodeLimits& limits, const Sink& sink)
{
    if (isGzip(stored))
        return decodeGzip(stored, limits, sink);
    std::size_t offset = 0;
    while (offset < stored.size()) {
        const std::size_t length = std::min(OutputChunk * 4, stored.size() - offset);
        if (!sink(std::string_view(stored.data() + offset, length)))
            break;
        offset += length;
    }
    return stored.size();
}

Result<std::uint64_t> ContentDecoder::decodeGzip(std::span<const char> stored, const DecodeLimits& limits,
                                                 const Sink& sink)
{
    if (auto whole = tryWholeBuffer(stored, limits, sink))
        return *whole;

    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return fail(ErrorCode::CorruptGzip, QStringLiteral("cannot initialise zlib"));
    const std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&stream, &inflateEnd);
    std::vector<char> output(OutputChunk);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
    stream.avail_in = static_cast<uInt>(stored.size());
    std::uint64_t produced = 0;
    for (;;) {
        stream.next_out = reinterpret_cast<Bytef*>(output.data());
        stream.avail_out = static_cast<uInt>(output.size());
        const int status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t got = output.size() - stream.avail_out;
        if (got > 0) {
            produced += got;
            if (auto limited = checkLimits(produced, stored.size(), limits); !limited)
                return limited;
            if (!sink(std::string_view(output.data(), got)))
                return produced;
        }
        if (status == Z_STREAM_END) {
            // Concatenated gzip members are one file to gunzip; anything else after the end is ignored.
            if (stream.avail_in >= 2 && isGzip({reinterpret_cast<const char*>(stream.next_in), stream.avail_in})) {
                inflateReset(&stream);
                continue;
            }
            return produced;
        }
        if (status == Z_OK)
            continue;
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            return fail(ErrorCode::TruncatedGzip,
                        QStringLiteral("gzip stream ends early after %1 bytes of content").arg(produced));
        return fail(ErrorCode::CorruptGzip, QStringLiteral("corrupt gzip data after %1 bytes of content: %2")
                                                .arg(produced)
                                                .arg(QString::fromUtf8(stream.msg ? stream.msg : "unknown error")));
    }
}

} // namespace Trailscope::Core
