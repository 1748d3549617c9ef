#include "fieldindex.h"

#include "casedb/fieldpostings.h"

#include <QStringList>

#include <cmath>
#include <cstdlib>

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

// The bucket of a bound, widened by one (a CAST to an integer rounds) and a little more (a double's last bits).
std::int64_t numberBucket(double bound, int direction)
{
    // An infinite bound: every number on its side, none past it (an empty BETWEEN, low above high).
    if (std::isinf(bound) && bound > 0)
        return direction < 0 ? 0 : -1;
    if (std::isinf(bound) || std::isnan(bound))
        return direction < 0 ? LowestFieldNumberValue : LowestFieldNumberValue - 1;
    const double widened = bound + direction * (1 + std::abs(bound) * 1e-12);
    return fieldNumberValue(widened);
}

} // namespace

std::optional<double> numberOf(std::string_view text)
{
    const std::string copy(text);
    if (copy.empty() || copy.find_first_not_of("+-0123456789.eE") != std::string::npos)
        return std::nullopt;
    char* end = nullptr;
    const double number = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || std::isnan(number))
        return std::nullopt;
    return number;
}

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
    if (!test.onString.empty() && test.lookup) {
        sql += " AND f.value IN (SELECT 0 UNION ALL SELECT id FROM strings WHERE " + test.onString;
        for (const std::string& text : test.lookupTexts)
            sql += " UNION ALL SELECT ts_field_hash(" + text + ")";
        sql += ")";
    } else if (!test.onString.empty()) {
        // `value` in the condition is the string's (the innermost table), not the posting's. A string held by its
        // hash has no text here: the record decides.
        sql += " AND (f.value = 0 OR f.value >= " + std::to_string(HashedFieldValueBase) + " OR (SELECT " +
               test.onString + " FROM strings WHERE id = f.value))";
    } else if (test.numbers)
        sql += " AND f.value >= 0";
    if (!test.onString.empty() || test.numbers) {
        // Numbers are negative values, in order (fieldNumberValue): a range of the primary key.
        sql += " UNION ALL " + events + "f.path IN (" + paths + ") AND f.value";
        if (test.numbers)
            sql += " BETWEEN " + std::to_string(numberBucket(test.numbers->first, -1)) + " AND " +
                   std::to_string(numberBucket(test.numbers->second, +1));
        else
            sql += " < 0";
    }
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

std::string sureNumbers(const std::string& eventRowid, const FieldPathPattern& pattern,
                        std::pair<double, double> numbers)
{
    if (!covers(pattern))
        return {};
    // The stored path as the records spell it: the part as CloudTrail names it (a Lake column is lower case), each
    // key as the query does.
    std::string text;
    for (const std::string_view part : IndexedFieldParts)
        if (part.size() == pattern.front().key.size() &&
            QString::fromUtf8(part).compare(QString::fromStdString(pattern.front().key), Qt::CaseInsensitive) == 0)
            text = part;
    for (std::size_t i = 1; i < pattern.size(); ++i) {
        const FieldPathStep& step = pattern[i];
        if (step.kind != FieldPathStep::Kind::Key || step.key.empty() ||
            step.key.find_first_of(".[]'") != std::string::npos)
            return {};
        text += "." + step.key;
    }
    if (text.empty() || text.find('.') == std::string::npos)
        return {};
    // A CAST to an integer truncates and clamps at the 64-bit limits: within one of a bound, or near a limit, the
    // record decides. Past the margin every value in the range compares as its number does.
    constexpr double Limit = 9.0e18;
    const auto inside = [](double bound, int direction) { return bound + direction * (1 + std::abs(bound) * 1e-12); };
    const double low = std::isinf(numbers.first) ? -Limit : std::max(-Limit, inside(numbers.first, +1));
    const double high = std::isinf(numbers.second) ? Limit : std::min(Limit, inside(numbers.second, -1));
    if (!(low < high))
        return {};
    // The buckets wholly inside: past the one holding each end.
    const std::int64_t first = fieldNumberValue(low) + 1, last = fieldNumberValue(high) - 1;
    if (first > last)
        return {};
    const std::string spec = sqlString(encodeFieldPathPattern(pattern));
    return "(" + eventRowid +
           " IN (SELECT p.event FROM field_postings f, ts_postings(f.events) p WHERE f.path = (SELECT id FROM "
           "field_paths WHERE path = " +
           sqlString(text) +
           " AND NOT dotted AND NOT composite AND (SELECT count(*) FROM field_paths WHERE "
           "ts_field_path(path, " +
           spec + ")) = 1) AND f.value BETWEEN " + std::to_string(first) + " AND " + std::to_string(last) + "))";
}

std::optional<PathValues> PathValues::load(Sql::Database& db, const std::vector<std::pair<std::string, bool>>& keys)
{
    // Held in memory for the statement, 4 bytes per event of the case: past this many the records are read instead.
    constexpr std::size_t MaxEvents = 16'000'000;
    FieldPathPattern pattern;
    for (const auto& [key, exact] : keys)
        pattern.push_back({FieldPathStep::Kind::Key, key});
    if (!covers(pattern))
        return std::nullopt;
    const auto complete = db.queryInt(
        "SELECT ifnull((SELECT value FROM meta WHERE key = 'field_index_through'), 0) >= "
        "ifnull((SELECT max(id) FROM event_rows), 0) AND NOT EXISTS (SELECT 1 FROM field_postings WHERE path = 0)");
    if (!complete || *complete != 1)
        return std::nullopt;
    auto paths = db.prepare("SELECT id, path, composite, dotted FROM field_paths WHERE ts_field_path(path, ?1)");
    paths.bindText(1, encodeFieldPathPattern(pattern));
    PathValues values;
    std::int64_t pathId = 0;
    int status = SQLITE_ERROR;
    while (paths.isValid() && (status = paths.step()) == SQLITE_ROW) {
        if (pathId != 0 || paths.columnInt(2) != 0 || paths.columnInt(3) != 0)
            return std::nullopt; // two spellings, or an object or array, or an ambiguous key
        pathId = paths.columnInt(0);
        // Without dotted keys the text splits into the keys; a map key must be spelled as asked.
        const QStringList parts = paths.columnQString(1).split(u'.');
        if (parts.size() != static_cast<qsizetype>(keys.size()))
            return std::nullopt;
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i].second && parts[static_cast<qsizetype>(i)].toStdString() != keys[i].first)
                return std::nullopt;
    }
    if (status != SQLITE_DONE)
        return std::nullopt; // an error is no answer: the records decide
    if (pathId == 0)
        return values; // no event has a value there
    const auto lastEvent = db.queryInt("SELECT ifnull(max(id), 0) FROM event_rows");
    if (!lastEvent || std::uint64_t(*lastEvent) >= MaxEvents)
        return std::nullopt;
    values.m_valueOf.assign(std::size_t(*lastEvent) + 1, 0);
    auto lists = db.prepare("SELECT f.value, s.value, f.events FROM field_postings f LEFT JOIN strings s ON s.id = "
                            "f.value WHERE f.path = ?1");
    lists.bind(1, pathId);
    status = SQLITE_ERROR;
    while (lists.isValid() && (status = lists.step()) == SQLITE_ROW) {
        const std::int64_t value = lists.columnInt(0);
        if (value <= 0)
            return std::nullopt; // a number or boolean: typed, not text
        // A value's rows follow each other (the key is path, value, first): one entry for them all.
        const bool hashed = value >= HashedFieldValueBase;
        if (values.m_values.empty() || values.m_lastValue != value || hashed) {
            values.m_values.push_back(Value{hashed ? std::string() : std::string(lists.columnText(1)), hashed});
            values.m_lastValue = value;
        }
        const auto entry = static_cast<std::uint32_t>(values.m_values.size());
        const auto events = FieldPostings::decode(lists.columnBlob(2));
        if (!events)
            return std::nullopt;
        for (const std::int64_t event : *events) {
            if (event <= 0 || event > *lastEvent)
                return std::nullopt;
            std::uint32_t& slot = values.m_valueOf[std::size_t(event)];
            if (slot != 0)
                return std::nullopt; // two values in one event (an array on the way, a repeated key)
            slot = entry;
        }
    }
    if (status != SQLITE_DONE)
        return std::nullopt;
    return values;
}

} // namespace Trailscope::Core::Query::FieldIndex
