#include "searchvalues.h"

#include "util/eventtime.h"

#include <QString>

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
#include <string>

namespace Trailscope::Core::Query {

namespace {

constexpr std::int64_t MsPerSecond = 1000;
constexpr std::int64_t MsPerMinute = 60 * MsPerSecond;
constexpr std::int64_t MsPerHour = 60 * MsPerMinute;
constexpr std::int64_t MsPerDay = 24 * MsPerHour;

// Reads exactly `count` digits at `pos`.
bool digits(QStringView text, qsizetype pos, int count, int& out)
{
    if (pos + count > text.size())
        return false;
    int value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        value = value * 10 + (c - u'0');
    }
    out = value;
    return true;
}

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysIn(int year, int month)
{
    static constexpr int Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : Days[month - 1];
}

std::int64_t dayStart(int year, int month, int day)
{
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * MsPerDay;
}

// Parses `Z`, `+HH`, `+HH:MM`, `+HHMM` at pos up to the end; minutes east of UTC.
std::optional<int> zoneOffset(QStringView text, qsizetype pos)
{
    if (pos == text.size())
        return 0;
    const char16_t sign = text[pos].unicode();
    if ((sign == u'Z' || sign == u'z') && pos + 1 == text.size())
        return 0;
    if (sign != u'+' && sign != u'-')
        return std::nullopt;
    int hours = 0, minutes = 0;
    if (!digits(text, pos + 1, 2, hours) || hours > 23)
        return std::nullopt;
    qsizetype next = pos + 3;
    if (next < text.size()) {
        if (text[next] == u':')
            ++next;
        if (!digits(text, next, 2, minutes) || next + 2 != text.size() || minutes > 59)
            return std::nullopt;
    }
    return (sign == u'-' ? -1 : 1) * (hours * 60 + minutes);
}

} // namespace

std::optional<TimeSpan> parseTimeSpan(QStringView text)
{
    int year = 0, month = 1, day = 1;
    if (!digits(text, 0, 4, year))
        return std::nullopt;
    if (text.size() == 4)
        return TimeSpan{dayStart(year, 1, 1), dayStart(year + 1, 1, 1)};
    if (text[4] != u'-' || !digits(text, 5, 2, month) || month < 1 || month > 12)
        return std::nullopt;
    if (text.size() == 7)
        return TimeSpan{dayStart(year, month, 1),
                        month == 12 ? dayStart(year + 1, 1, 1) : dayStart(year, month + 1, 1)};
    if (text[7] != u'-' || !digits(text, 8, 2, day) || day < 1 || day > daysIn(year, month))
        return std::nullopt;
    const std::int64_t midnight = dayStart(year, month, day);
    if (text.size() == 10)
        return TimeSpan{midnight, midnight + MsPerDay};
    const char16_t separator = text[10].unicode();
    if (separator != u'T' && separator != u't' && separator != u' ')
        return std::nullopt;
    // Hour, then optional minute, second and fraction; the last one written sets the unit.
    int hour = 0, minute = 0, second = 0;
    if (!digits(text, 11, 2, hour) || hour > 23)
        return std::nullopt;
    std::int64_t offset = hour * MsPerHour;
    std::int64_t unit = MsPerHour;
    qsizetype pos = 13;
    if (pos < text.size() && text[pos] == u':') {
        if (!digits(text, pos + 1, 2, minute) || minute > 59)
            return std::nullopt;
        offset += minute * MsPerMinute;
        unit = MsPerMinute;
        pos += 3;
        if (pos < text.size() && text[pos] == u':') {
            if (!digits(text, pos + 1, 2, second) || second > 59)
                return std::nullopt;
            offset += second * MsPerSecond;
            unit = MsPerSecond;
            pos += 3;
            if (pos < text.size() && (text[pos] == u'.' || text[pos] == u',')) {
                ++pos;
                const qsizetype start = pos;
                std::int64_t millis = 0;
                int scale = 100;
                while (pos < text.size() && text[pos].isDigit() && text[pos].unicode() < 128) {
                    millis += static_cast<std::int64_t>(text[pos].unicode() - u'0') * scale;
                    scale /= 10;
                    ++pos;
                }
                if (pos == start)
                    return std::nullopt;
                offset += millis;
                unit = 1; // CloudTrail keeps milliseconds at most, so a fraction names one instant
            }
        }
    }
    const auto zone = zoneOffset(text, pos);
    if (!zone)
        return std::nullopt;
    const std::int64_t start = midnight + offset - *zone * MsPerMinute;
    return TimeSpan{start, start + unit};
}

std::optional<IpAddress> parseIpAddress(std::string_view text)
{
    if (text.empty() || text.size() > 45)
        return std::nullopt;
    IpAddress address;
    address.v4 = text.find(':') == std::string_view::npos;
    if (address.v4) {
        // Dotted quads only, each part decimal: anonymised logs write `10.0.0.07`, which is 7, not octal as
        // inet_aton would read it; short and hexadecimal forms are not addresses here.
        int part = 0, digits = 0, value = 0;
        for (const char c : text) {
            if (c == '.') {
                if (digits == 0 || part == 3)
                    return std::nullopt;
                address.bytes[static_cast<std::size_t>(part++)] = static_cast<std::uint8_t>(value);
                digits = value = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                ++digits;
                if (value > 255)
                    return std::nullopt;
            } else {
                return std::nullopt;
            }
        }
        if (digits == 0 || part != 3)
            return std::nullopt;
        address.bytes[3] = static_cast<std::uint8_t>(value);
        return address;
    }
    const std::string terminated(text);
    if (inet_pton(AF_INET6, terminated.c_str(), address.bytes.data()) != 1)
        return std::nullopt;
    return address;
}

std::optional<IpNetwork> IpNetwork::parse(std::string_view text)
{
    const std::size_t slash = text.find('/');
    const auto address = parseIpAddress(text.substr(0, slash));
    if (!address)
        return std::nullopt;
    IpNetwork network;
    network.base = *address;
    const int maxBits = address->v4 ? 32 : 128;
    network.prefixBits = maxBits;
    if (slash != std::string_view::npos) {
        const std::string_view bits = text.substr(slash + 1);
        int prefix = -1;
        const auto [end, error] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
        if (bits.empty() || error != std::errc() || end != bits.data() + bits.size() || prefix < 0 || prefix > maxBits)
            return std::nullopt;
        network.prefixBits = prefix;
    }
    // Host bits are ignored rather than refused: `10.1.2.3/8` means 10.0.0.0/8, as most tools read it.
    for (int bit = network.prefixBits; bit < maxBits; ++bit)
        network.base.bytes[static_cast<std::size_t>(bit / 8)] &= static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
    return network;
}

bool IpNetwork::contains(const IpAddress& address) const
{
    if (address.v4 != base.v4)
        return false;
    const int fullBytes = prefixBits / 8;
    if (std::memcmp(address.bytes.data(), base.bytes.data(), static_cast<std::size_t>(fullBytes)) != 0)
        return false;
    const int rest = prefixBits % 8;
    if (rest == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xffu << (8 - rest));
    return (address.bytes[static_cast<std::size_t>(fullBytes)] & mask) ==
           base.bytes[static_cast<std::size_t>(fullBytes)];
}

bool IpNetwork::contains(std::string_view address) const
{
    const auto parsed = parseIpAddress(address);
    return parsed && contains(*parsed);
}

std::optional<EventVersion> parseEventVersion(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    bool majorOk = false, minorOk = true;
    EventVersion version;
    version.major = (dot < 0 ? text : text.left(dot)).toInt(&majorOk);
    if (dot >= 0)
        version.minor = text.mid(dot + 1).toInt(&minorOk);
    if (!majorOk || !minorOk || version.major < 0 || version.minor < 0 || (dot >= 0 && dot + 1 == text.size()))
        return std::nullopt;
    return version;
}

std::optional<bool> parseBoolean(QStringView text)
{
    if (text.compare(u"true", Qt::CaseInsensitive) == 0)
        return true;
    if (text.compare(u"false", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

} // namespace Trailscope::Core::Query
