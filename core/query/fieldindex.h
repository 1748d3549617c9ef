#pragma once

#include "record/fieldleaves.h"

#include <optional>
#include <string>

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
    /// value at all (a presence test). Numbers and booleans are candidates whatever it says.
    std::string onString;
    /// Whether an object or array at the path could satisfy the condition (Lake compares their JSON text; a filter
    /// pattern never matches one): then, where the path is composite in any event, every event is a candidate.
    bool compositeCanMatch = false;
};

/// An SQL condition on `eventRowid` (e.g. `e.id`) that holds for every event whose record may satisfy `test` at
/// `pattern`, events with more leaves than the index keeps included. `pattern` must be covered.
std::string candidates(const std::string& eventRowid, const FieldPathPattern& pattern, const ValueTest& test);

} // namespace FieldIndex

} // namespace Trailscope::Core::Query
