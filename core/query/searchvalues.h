#pragma once

#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace Trailscope::Core::Query {

/// The instants a time value names, [start, end) in UTC epoch milliseconds.
struct TimeSpan
{
    std::int64_t start = 0;
    std::int64_t end = 0;
};

/// Parses a time as an analyst types it: `2026`, `2026-02`, `2026-02-21`, `2026-02-21T18`, `2026-02-21T18:05`,
/// `2026-02-21T18:05:03`, `2026-02-21T18:05:03.250`, with `T` or a space, and `Z` or `±HH[:MM]` after a time of day.
/// No zone means UTC. The span is the whole unit written: a day, an hour, a second.
std::optional<TimeSpan> parseTimeSpan(QStringView text);

/// An IPv4 or IPv6 address in network byte order; IPv4 uses the first four bytes.
struct IpAddress
{
    std::array<std::uint8_t, 16> bytes{};
    bool v4 = false;
};

/// An IPv4 dotted quad (parts decimal, leading zeroes allowed) or an IPv6 address; nullopt for anything else
/// (service names, comma lists, zone suffixes, inet_aton's short and octal forms).
std::optional<IpAddress> parseIpAddress(std::string_view text);

/// An IPv4 or IPv6 network. The families stay apart: `10.0.0.0/8` does not cover `::ffff:10.1.2.3`.
struct IpNetwork
{
    IpAddress base;
    int prefixBits = 0; ///< 0..32 for IPv4, 0..128 for IPv6

    /// `10.0.0.0/8`, `2001:db8::/32`, or one address (`/32` or `/128` implied). Host bits are cleared.
    static std::optional<IpNetwork> parse(std::string_view text);
    bool contains(const IpAddress& address) const;
    bool contains(std::string_view address) const;
};

/// An eventVersion as numbers: `1.08` → (1, 8), `1.10` → (1, 10), `2` → (2, 0).
struct EventVersion
{
    int major = 0;
    int minor = 0;
};
std::optional<EventVersion> parseEventVersion(QStringView text);

/// `true`/`false` in any case.
std::optional<bool> parseBoolean(QStringView text);

} // namespace Trailscope::Core::Query
