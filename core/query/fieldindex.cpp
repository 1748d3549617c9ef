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
    const std::string events = "SELECT p.event FROM field_postings f, ts_postings(f.events) p WHERE ";
    std::string sql = "(" + eventRowid + " IN (" + events + "f.path IN (" + paths + ")";
    if (!test.onString.empty())
        sql += " AND f.value IN (SELECT 0 UNION ALL SELECT id FROM strings WHERE " + test.onString + ")";
    // Path 0: events whose leaves the index did not all keep; past field_index_through: events an import has not
    // indexed yet (or died before indexing).
    sql += " UNION ALL " + events + "f.path = 0";
    sql += " UNION ALL SELECT id FROM event_rows WHERE id > ifnull((SELECT value FROM meta WHERE key = "
           "'field_index_through'), 0)";
    if (test.compositeCanMatch)
        // A constant condition: SQLite tests it once and reads event_rows only when it holds.
        sql += " UNION ALL SELECT id FROM event_rows WHERE EXISTS (" + paths + " AND composite)";
    sql += "))";
    return sql;
}

} // namespace Trailscope::Core::Query::FieldIndex
