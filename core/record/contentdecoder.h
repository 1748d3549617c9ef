#pragma once

#include "util/error.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

namespace Trailscope::Core {

/// Limits that stop a decompression bomb before it fills memory or disk.
struct DecodeLimits
{
    std::uint64_t maxRatio = 100;               ///< content bytes per stored byte
    std::uint64_t ratioFloor = 1u << 20;        ///< the ratio is checked only past this many content bytes
    std::uint64_t maxContentBytes = 4ull << 30; ///< per file or archive member
};

/// Turns the stored bytes of a source (gzip, possibly several members, or plain text) into its content, handing it
/// to `sink` in chunks. Chunks already handed over stay valid input even when a later part turns out corrupt, so
/// the good records before a truncation are kept.
class ContentDecoder
{
public:
    using Sink = std::function<bool(std::string_view chunk)>; ///< return false to stop early

    static bool isGzip(std::span<const char> stored);

    /// Returns the number of content bytes produced, or why decoding stopped.
    static Result<std::uint64_t> decode(std::span<const char> stored, const DecodeLimits& limits, const Sink& sink);

private:
    static Result<std::uint64_t> decodeGzip(std::span<const char> stored, const DecodeLimits& limits, const Sink& sink);
};

} // namespace Trailscope::Core
