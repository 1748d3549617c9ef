#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace Trailscope::Core {

/// Parses the timestamp forms real CloudTrail producers write: `2026-02-21T18:04:05Z`, a space instead of `T`,
/// fractional seconds of any length, `Z` or a numeric offset (absent = UTC). Returns UTC epoch milliseconds.
std::optional<std::int64_t> parseEventTime(std::string_view text);

/// ISO-8601 UTC with milliseconds and `Z`, the one text form Trailscope prints.
QString formatEventTime(std::int64_t epochMs);

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

} // namespace Trailscope::Core
