#pragma once

#include <cstdint>
#include <vector>

namespace Trailscope::Core {

/// A field-index row an import holds until CaseWriter::buildFieldIndex() stores it, in 16 bytes: one leaf of one
/// event (path 0, value 0: an event with more leaves than the index keeps).
struct FieldRow
{
    std::uint32_t path, event;
    std::int64_t value;

    friend bool operator<(const FieldRow& a, const FieldRow& b)
    {
        if (a.path != b.path)
            return a.path < b.path;
        return a.value != b.value ? a.value < b.value : a.event < b.event;
    }
};

/// Sorts the rows by (path, value, event): the order field_postings is keyed in, so its B-tree grows at its end.
/// Two halves on two threads, then one merge.
void sortFieldRows(std::vector<FieldRow>& rows);

/// Puts sorted rows back in order after some of them got a new value at or above `from` (every such value is new, and
/// every other row's value is below it): those rows are moved out, sorted, and merged back from the end, in one pass
/// and with room for them alone.
void reorderRevaluedFieldRows(std::vector<FieldRow>& rows, std::int64_t from);

} // namespace Trailscope::Core
