#include "fieldindex.h"

namespace Trailscope::Core::Query::FieldIndex {

namespace {

// An SQL string literal; the spec is bytes of keys the query wrote.
std::string sqlString(std::string_view text)
{
    std::string sql = "'";
    for (const char c : text) {
        sql += c;
        if (c == '\'')
            sql += '\'';
    }
    sql += '\'';
    return sql;
}

} // namespace

bool covers(const FieldPathPattern& pattern)
{
    return !pattern.empty() && pattern.front().kind == FieldPathStep::Kind::Key &&
           isIndexedFieldPart(pattern.front().key);
}

std::string candidates(const std::string& eventRowid, const FieldPathPattern& pattern, const ValueTest& test)
{
    const std::string paths =
        "SELECT id FROM field_paths WHERE ts_field_path(path, " + sqlString(encodeFieldPathPattern(pattern)) + ")";
    std::string sql = "(" + eventRowid + " IN (SELECT event FROM field_values WHERE path IN (" + paths + ")";
    if (!test.onString.empty())
        sql += " AND value IN (SELECT 0 UNION ALL SELECT id FROM strings WHERE " + test.onString + ")";
    // Path 0: events whose leaves the index did not all keep.
    sql += " UNION ALL SELECT event FROM field_values WHERE path = 0 AND value = 0";
    if (test.compositeCanMatch)
        // A constant condition: SQLite tests it once and reads event_rows only when it holds.
        sql += " UNION ALL SELECT id FROM event_rows WHERE EXISTS (" + paths + " AND composite)";
    sql += "))";
    return sql;
}

} // namespace Trailscope::Core::Query::FieldIndex
