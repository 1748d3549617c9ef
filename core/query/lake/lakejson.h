#pragma once

#include <simdjson.h>

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_context;

namespace Trailscope::Core::Query::Lake {

/// One step into a JSON value: a struct field (key compared ignoring case, as Lake's nested names), a map key
/// (exact, as element_at and json paths), or an array index (0-based).
struct JsonStep
{
    enum class Kind { Field, Key, Index };
    Kind kind = Kind::Field;
    std::string name;
    std::int64_t index = 0;
};

using JsonSteps = std::vector<JsonStep>;

/// The steps as the text the SQL functions receive: a JSON array of ".field", "=key" and index numbers.
/// Appends `text` to `out` as a JSON string (quoted, with `"`, `\\` and control characters escaped).
void appendJsonString(std::string& out, std::string_view text);

std::string encodeSteps(const JsonSteps& steps);
std::optional<JsonSteps> decodeSteps(std::string_view spec);

/// A Trino JSON path (`$.a.b`, `$["a b"]`, `$.list[0]`) as exact-key steps; nullopt when it is not one.
std::optional<JsonSteps> parseJsonPath(std::string_view path);

/// Follows the steps from `value`; nullopt when a step finds nothing. An exact field match wins over one that
/// differs in case.
std::optional<simdjson::dom::element> walk(simdjson::dom::element value, const JsonSteps& steps);

/// Sets an SQLite result by Lake's conventions: strings as text, integers and reals as numbers, booleans as the
/// text "true"/"false" (so `= true` and `= 'true'` compare alike), null as NULL, objects and arrays as JSON text.
void setResult(sqlite3_context* context, simdjson::dom::element value);
/// As json_extract_scalar: scalars as text (numbers as written), NULL for objects, arrays and null.
void setScalarText(sqlite3_context* context, simdjson::dom::element value);

} // namespace Trailscope::Core::Query::Lake
