#pragma once

#include "casedb/sqlite.h"
#include "record/fieldleaves.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Trailscope::Core::Query {

/// The one way a query asks the field index (field_paths, field_postings; see CaseSchema) which events can hold a
/// value at a nested path. Lake SQL, filter patterns and the rule engines all go through here, and all use it the
/// same way: the candidates narrow the events, and the exact condition on the record itself still decides, so an
/// answer through the index is the answer without it, only sooner.
namespace FieldIndex {

/// Whether the index covers `pattern`: it starts at one of IndexedFieldParts.
bool covers(const FieldPathPattern& pattern);

/// What a condition asks of the values at the path.
struct ValueTest
{
    /// SQL over `value` (a `strings` row's text) true for every string the condition could accept; empty for any
    /// string (and, with `numbers` unset too, any value at all: a presence test). Booleans are candidates whatever
    /// it says; numbers unless `numbers` excludes them.
    std::string onString;
    /// Whether an object or array at the path could satisfy the condition (Lake compares their JSON text; a filter
    /// pattern never matches one): then, where the path is composite in any event, every event is a candidate.
    bool compositeCanMatch = false;
    /// Whether `onString` finds its strings through the strings_value index (an equality, IN): then the matching
    /// ids are looked up once. Otherwise (LIKE, GLOB, a regex) each distinct value at the path is tested, which
    /// for most paths is far fewer than all strings of the case, and every string held by its hash is a candidate.
    bool lookup = false;
    /// Where only JSON numbers within [first, second] can satisfy the condition (an ordering or equality with a
    /// number); unset: every number is a candidate. The bounds may be infinite; they are widened by one, for a CAST's
    /// rounding, before the buckets are chosen.
    std::optional<std::pair<double, double>> numbers;
    /// With `lookup`: the SQL text expressions (literals, parameters) that `onString` accepts and nothing else, whose
    /// hashes find the strings held by hash (hashedFieldValue). None: no string held by hash can match.
    std::vector<std::string> lookupTexts = {};
};

/// The number a literal's SQL text stands for, when it is a plain decimal number (10000000, -2.5, 1e7).
std::optional<double> numberOf(std::string_view text);

/// An SQL condition on `eventRowid` (e.g. `e.id`) that holds for every event whose record may satisfy `test` at
/// `pattern`, events with more leaves than the index keeps included. `pattern` must be covered.
std::string candidates(const std::string& eventRowid, const FieldPathPattern& pattern, const ValueTest& test);

/// An SQL condition on `eventRowid` that holds only for events the index alone shows `CAST(value AS INTEGER or
/// REAL)` within `numbers` for (the bounds exclusive or not: a margin of one is kept from each): a number in a bucket
/// well inside the range, at the one stored path that is `pattern` (plain keys only, no other spelling, no dotted
/// key). A query then reads the records of the boundary buckets only. Empty where it cannot say (array steps,
/// an equality, a range narrower than a bucket).
std::string sureNumbers(const std::string& eventRowid, const FieldPathPattern& pattern,
                        std::pair<double, double> numbers);

/// The string at one nested path of every event, from the index alone, where that is exactly what reading each record
/// gives (a projection or GROUP BY of a nested field then reads no record, but for the strings the index holds by
/// hash: those few events say so, and their records are read). load() says nullopt unless the index
/// covers every event, none has more leaves than it keeps, and exactly one stored path (or none) can be the one
/// asked for, never an object, array, number or boolean, without a key holding '.' or '[', and with one value per
/// event. Keys: each key of the path, and whether it must be spelled exactly (a map key) rather than in any case.
class PathValues
{
public:
    static std::optional<PathValues> load(Sql::Database& db, const std::vector<std::pair<std::string, bool>>& keys);
    struct Value
    {
        std::string text;
        bool inRecordOnly = false; ///< a string held by its hash: read the record for it
    };
    /// The event's string there, nullptr where it has none (NULL).
    const Value* at(std::int64_t event) const
    {
        if (event <= 0 || std::uint64_t(event) >= m_valueOf.size() || m_valueOf[std::size_t(event)] == 0)
            return nullptr;
        return &m_values[m_valueOf[std::size_t(event)] - 1];
    }

private:
    std::vector<Value> m_values;          // each distinct value once
    std::vector<std::uint32_t> m_valueOf; // per event id: 1 + its index in m_values, 0 for none
    std::int64_t m_lastValue = 0;
};

} // namespace FieldIndex

} // namespace Trailscope::Core::Query
