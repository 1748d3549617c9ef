#pragma once

#include "casedb/sqlite.h"
#include "query/searchast.h"

#include <string_view>

namespace Trailscope::Core::Query {

/// Registers on `db` the SQL functions compiled searches call (re-registering replaces them):
/// - `ts_raw_text(event_rowid, pattern)`: the raw record contains the pattern (`*` wildcards, ASCII case ignored);
/// - `ts_raw_json(event_rowid, spec)`: the raw record satisfies a filter-pattern condition (JsonCondition::toSpec);
/// - `ts_ip_in(text, network)`: the text is an IP address inside the network (`10.0.0.0/8`, `2001:db8::/32`);
/// - `ts_arn_name(text)`: what follows the last '/' or ':' of an ARN (the whole text when there is neither);
/// - `ts_regexp(text, expression)`: the expression (Perl-compatible) matches somewhere in the text.
/// The raw-record functions read each event back from the evidence (RawRecordReader, on a read-only connection of
/// their own to the same case): they scan, so a compiled search places them after every indexed condition.
/// Each event they read counts in db.examinedEvents(), which a caller's progress handler can watch.
/// Re-registering expires the connection's prepared statements (SQLite re-prepares them), so do it between runs.
Result<void> registerSearchFunctions(Sql::Database& db);

/// `*`-pattern match of a whole value; ASCII case ignored when `caseInsensitive`.
bool matchesPattern(std::string_view text, const Pattern& pattern, bool caseInsensitive);

/// Whether a raw record (the JSON text) satisfies a filter-pattern condition, by CloudWatch's rules: a selector
/// that reaches an object or array does not match; `!=` needs the property; `[*]`/`.*` match when any member does.
bool evaluateJsonCondition(std::string_view record, const JsonCondition& condition);

} // namespace Trailscope::Core::Query
