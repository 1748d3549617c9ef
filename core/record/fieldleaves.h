#pragma once

#include "record/eventbatch.h"

#include <simdjson.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Trailscope::Core {

/// The nested parts of a record whose leaves the field index holds (FieldIndex in query/ reads it). Every other
/// part is either a column already or is read from the evidence.
constexpr std::array<std::string_view, 4> IndexedFieldParts{"requestParameters", "responseElements",
                                                            "additionalEventData", "serviceEventDetails"};

/// The field index keeps a number (JSON number leaf) as a negative value: its bucket in order, each 1/16 of a binary
/// octave wide (-0 with +0), so a range question reads only the buckets it spans. Strings are positive (`strings`
/// ids), booleans 0.
std::int64_t fieldNumberValue(double number);
inline constexpr std::int64_t LowestFieldNumberValue = -65536;

/// A string an import saw once (in one event: most request IDs, object keys, session names) keeps no `strings` row:
/// the field index holds it by this hash instead, in [HashedFieldValueBase, 2 * HashedFieldValueBase), above every
/// `strings` id and stored in 6 bytes. Stable across versions and machines (FNV-1a, the case keeps it), and the SQL
/// function ts_field_hash(text) gives the same. An equality looks up the literal's hash as well as its id (a value
/// first seen once and again in a later import has both); a collision only adds a candidate, which the record
/// itself then rejects.
std::int64_t hashedFieldValue(std::string_view text);
inline constexpr std::int64_t HashedFieldValueBase = std::int64_t(1) << 46;

/// Whether `top` names one of IndexedFieldParts, whatever its case (the parser reads record keys in any case).
bool isIndexedFieldPart(std::string_view top);

/// One step of a path as a query asks for it.
struct FieldPathStep
{
    enum class Kind {
        Key,      ///< an object member, compared ignoring ASCII case (a superset of an exact match)
        AnyIndex, ///< an array item, any position
        AnyMember ///< any object member or array item (a filter pattern's `.*` and `[*]`)
    };
    Kind kind = Kind::Key;
    std::string key;
};
using FieldPathPattern = std::vector<FieldPathStep>;

/// Whether a stored path (`requestParameters.items[*].instanceId`: the part's name, `.key` per member, `[*]` per
/// array item) can be where `pattern` leads. A key holding `.` or `[*]` reads like several steps, so the answer
/// is a superset: what the index finds is always checked again on the record itself.
bool fieldPathMatches(std::string_view path, const FieldPathPattern& pattern);

/// The pattern as one string (what the SQL function `ts_field_path(path, spec)` receives), and back; nullopt when
/// `spec` is not one.
std::string encodeFieldPathPattern(const FieldPathPattern& pattern);
std::optional<FieldPathPattern> decodeFieldPathPattern(std::string_view spec);

/// Collects the scalar leaves of a record's nested parts into its batch for the field index. One per parser.
class FieldLeafCollector
{
public:
    /// At most this many leaves an event: past it the event is marked truncated and every indexed query reads it.
    static constexpr std::size_t MaxLeavesPerEvent = 4096;

    /// Starts `event`: its leaves are appended to the batch from here.
    void begin(ParsedEvent& event, EventBatch& batch);
    /// Adds the leaves of the part `top` (a member of the record) with the value `value`.
    void collect(std::string_view top, simdjson::dom::element value, ParsedEvent& event, EventBatch& batch);
    /// Ends `event`.
    void end(ParsedEvent& event, EventBatch& batch);

private:
    void walk(simdjson::dom::element value, bool dotted, ParsedEvent& event, EventBatch& batch);
    std::uint32_t pathIndex(EventBatch& batch, bool composite, bool dotted);

    const EventBatch* m_batch = nullptr;
    std::size_t m_batchPaths = 0;
    std::unordered_map<std::string, std::uint32_t> m_paths; // path -> index into the batch's fieldPaths
    std::string m_path;
};

} // namespace Trailscope::Core
