#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace Trailscope::Core::FieldPostings {

/// The events of one (path, value) of the field index as stored in field_postings.events: ascending row ids, the
/// first as a varint and each next as its varint distance from the one before (LEB128, 7 bits a byte). A value
/// a few events share costs a byte or two per event, not a row of its own.
std::string encode(std::span<const std::int64_t> ascendingEvents);
/// nullopt when `bytes` is not such a list.
std::optional<std::vector<std::int64_t>> decode(std::string_view bytes);

/// Registers the table-valued function `ts_postings(events)`: one row (`event`) per event of an encoded list, so
/// that `SELECT p.event FROM field_postings f, ts_postings(f.events) p WHERE …` lists the events of the rows.
bool registerModule(sqlite3* handle);

} // namespace Trailscope::Core::FieldPostings
