#include "searchsql.h"

#include "casedb/caseschema.h"
#include "query/fieldindex.h"
#include "query/searchfunctions.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace Trailscope::Core::Query {

Q_LOGGING_CATEGORY(logQuery, "trailscope.query", QtWarningMsg)

namespace {

// `*` for GLOB; the characters GLOB gives a meaning to are bracketed.
QString globPattern(const Pattern& pattern)
{
    QString glob;
    for (qsizetype i = 0; i < pattern.pieces.size(); ++i) {
        if (i > 0)
            glob += u'*';
        for (const QChar c : pattern.pieces[i]) {
            if (c == u'*' || c == u'?' || c == u'[')
                glob += u'[' + QString(c) + u']';
            else
                glob += c;
        }
    }
    return glob;
}

QString likePattern(const Pattern& pattern)
{
    QString like;
    for (qsizetype i = 0; i < pattern.pieces.size(); ++i) {
        if (i > 0)
            like += u'%';
        for (const QChar c : pattern.pieces[i]) {
            if (c == u'%' || c == u'_' || c == u'\\')
                like += u'\\';
            like += c;
        }
    }
    return like;
}

// "?N"; snprintf because GCC 12 at -O3 sees a false overlap (-Wrestrict) in `"?" + std::to_string(n)`.
std::string placeholder(std::size_t number)
{
    char text[24];
    std::snprintf(text, sizeof text, "?%zu", number);
    return text;
}

bool isStringStorage(Storage storage)
{
    return storage == Storage::EventString || storage == Storage::IdentityString || storage == Storage::TlsString ||
           storage == Storage::ResourceType;
}

class Compiler
{
public:
    CompiledSearch compile(const SearchNode& root)
    {
        m_out.where = node(root);
        return std::move(m_out);
    }

private:
    std::string bind(SqlParameter parameter)
    {
        m_out.parameters.push_back(std::move(parameter));
        return placeholder(m_out.parameters.size());
    }
    std::string bindText(const QString& text) { return bind(SqlParameter::ofText(text)); }
    std::string bindInt(std::int64_t value) { return bind(SqlParameter::ofInteger(value)); }

    std::string node(const SearchNode& n)
    {
        switch (n.kind) {
        case SearchNode::Kind::All:
            return "1";
        case SearchNode::Kind::And:
        case SearchNode::Kind::Or: {
            // Conditions that read raw records go last: AND and OR stop at the first deciding operand.
            std::vector<std::string> cheap, raw;
            const bool rawBefore = m_out.readsRawRecords;
            for (const SearchNode& child : n.children) {
                m_out.readsRawRecords = false;
                std::string sql = node(child);
                (m_out.readsRawRecords ? raw : cheap).push_back(std::move(sql));
            }
            m_out.readsRawRecords = rawBefore || !raw.empty();
            cheap.insert(cheap.end(), raw.begin(), raw.end());
            std::string sql = "(";
            for (std::size_t i = 0; i < cheap.size(); ++i) {
                if (i > 0)
                    sql += n.kind == SearchNode::Kind::And ? " AND " : " OR ";
                sql += cheap[i];
            }
            return sql + ")";
        }
        case SearchNode::Kind::Not:
            // A missing field leaves its condition NULL; counting NULL as "no match" lets `-f:v` match events
            // that lack f.
            return "NOT ifnull(" + node(n.children.front()) + ", 0)";
        case SearchNode::Kind::Text:
            m_out.readsRawRecords = true;
            // By id alone: past the first few thousand records the case is scanned once for the pattern
            // (searchfunctions.cpp), and the events_time index then answers each row without reading it.
            return "ts_raw_text(e.id, " + bindText(n.pattern.toText()) + ")";
        case SearchNode::Kind::Field:
            return field(n);
        case SearchNode::Kind::Json:
            return json(*n.json);
        }
        return "0";
    }

    // A condition on an interned column: ids are found in `strings`, then compared as integers. `domain`, where
    // known, lists the ids the column can hold (a small table's column): a match ignoring case then reads only
    // those strings rather than all of them (the strings_value hash cannot fold case).
    std::string stringMatch(const std::string& column, const Pattern& pattern, bool caseInsensitive,
                            const std::string& domain = {})
    {
        if (pattern.isAny())
            return column + " IS NOT NULL";
        const std::string among = domain.empty() ? std::string() : "id IN (" + domain + ") AND ";
        if (!pattern.hasWildcard()) {
            if (!caseInsensitive)
                return column + " = (SELECT id FROM strings WHERE " +
                       CaseSchema::stringValueIs(bindText(pattern.literal())) + ")";
            return column + " IN (SELECT id FROM strings WHERE " + among + "value = " + bindText(pattern.literal()) +
                   " COLLATE NOCASE)";
        }
        if (caseInsensitive)
            return column + " IN (SELECT id FROM strings WHERE " + among + "value LIKE " +
                   bindText(likePattern(pattern)) + " ESCAPE '\\')";
        // strings_value is on a hash, so a wildcard reads every string (fast: they are distinct values, not events).
        return column + " IN (SELECT id FROM strings WHERE value GLOB " + bindText(globPattern(pattern)) + ")";
    }

    // A condition on columns of the event context, as the contexts that meet it: one integer lookup per event
    // instead of a subquery per event through the view (readOnly:false on 1M events 393 -> 90 ms for the timeline).
    static std::string onContext(const std::string& condition)
    {
        return "e.context IN (SELECT id FROM event_contexts WHERE " + condition + ")";
    }

    // Applies a condition on a column to the table the field lives in.
    template <typename Condition>
    std::string onStorage(const FieldDef& f, Condition condition)
    {
        const std::string column(f.column);
        switch (f.storage) {
        case Storage::IdentityString:
            return "e.identity IN (SELECT id FROM identities WHERE " + condition(column) + ")";
        case Storage::TlsString:
            return onContext("tls IN (SELECT id FROM tls_profiles WHERE " + condition(column) + ")");
        case Storage::ResourceType:
            return "EXISTS (SELECT 1 FROM resources r WHERE r.event = e.id AND " + condition("r." + column) + ")";
        default:
            // eventName and eventSource are looked up through events_name_time (see CaseSchema::nameKey).
            if (column == "name")
                return condition(CaseSchema::nameKey("e"));
            if (column == "source")
                return CaseSchema::sourceMatch("e", condition("source"));
            if (CaseSchema::isContextColumn(column))
                return onContext(condition(column));
            return condition("e." + column);
        }
    }

    // The ids a string field's column can hold, where they sit in a small table (see stringMatch); else empty.
    static std::string domainOf(const FieldDef& f)
    {
        const std::string column(f.column);
        switch (f.storage) {
        case Storage::IdentityString:
            return "SELECT " + column + " FROM identities";
        case Storage::TlsString:
            return "SELECT " + column + " FROM tls_profiles";
        case Storage::EventString:
            if (column == "source")
                return "SELECT source FROM event_names";
            if (CaseSchema::isContextColumn(column))
                return "SELECT " + column + " FROM event_contexts";
            return {};
        default:
            return {};
        }
    }

    std::string presence(const FieldDef& f)
    {
        if (f.storage == Storage::EventVersion)
            return onContext("version_major IS NOT NULL");
        if (f.storage == Storage::EventString && !CaseSchema::isContextColumn(f.column))
            return "e." + std::string(f.column) + " IS NOT NULL";
        return onStorage(f, [](const std::string& column) { return column + " IS NOT NULL"; });
    }

    std::string field(const SearchNode& n)
    {
        const FieldDef& f = *n.field;
        const Pattern& pattern = n.pattern;
        if (pattern.isAny() && f.storage != Storage::ResourceArn)
            return presence(f);
        // The parser decodes every value it accepts; a hand-built node without one matches nothing.
        const bool decoded = (f.storage != Storage::EventTime || n.time) &&
                             (f.storage != Storage::EventVersion || n.version) &&
                             (f.storage != Storage::EventFlag || n.boolean);
        Q_ASSERT(decoded);
        if (!decoded) {
            qCWarning(logQuery) << "search node for" << QLatin1String(f.name) << "without a decoded value";
            return "0";
        }
        switch (f.storage) {
        case Storage::EventTime: {
            const TimeSpan& span = *n.time;
            switch (n.compare) {
            case Compare::Match: {
                const std::string from = bindInt(span.start);
                return "(e.time >= " + from + " AND e.time < " + bindInt(span.end) + ")";
            }
            case Compare::Greater:
                return "e.time >= " + bindInt(span.end);
            case Compare::GreaterEqual:
                return "e.time >= " + bindInt(span.start);
            case Compare::Less:
                return "e.time < " + bindInt(span.start);
            case Compare::LessEqual:
                return "e.time < " + bindInt(span.end);
            }
            return "0";
        }
        case Storage::EventVersion: {
            static constexpr const char* Operators[] = {" = ", " < ", " <= ", " > ", " >= "};
            const std::string major = bindInt(n.version->major);
            return onContext("(version_major, ifnull(version_minor, 0))" +
                             std::string(Operators[static_cast<int>(n.compare)]) + "(" + major + ", " +
                             bindInt(n.version->minor) + ")");
        }
        case Storage::EventFlag:
            return onContext(std::string(f.column) + " = " + bindInt(*n.boolean ? 1 : 0));
        case Storage::EventCompactId:
            return compactIdMatch("e." + std::string(f.column), pattern.literal());
        case Storage::ResourceArn:
            return resource(pattern);
        default:
            break;
        }
        if (n.boolean) // true/false kept as strings (mfaAuthenticated, sessionCredentialFromConsole)
            return onStorage(f, [&](const std::string& column) {
                return stringMatch(column, Pattern{{*n.boolean ? QStringLiteral("true") : QStringLiteral("false")}},
                                   true);
            });
        if (n.network)
            return "e." + std::string(f.column) + " IN (SELECT id FROM strings WHERE " +
                   network(pattern.literal(), n.network->base.v4) + ")";
        return onStorage(
            f, [&](const std::string& column) { return stringMatch(column, pattern, f.caseInsensitive, domainOf(f)); });
    }

    std::string compactIdMatch(const std::string& column, const QString& text)
    {
        const QByteArray uuid = compactUuid(text);
        const std::string value = uuid.isEmpty() ? bindText(text) : bind(SqlParameter::ofBlob(uuid));
        if (column == "e.event_id")
            return CaseSchema::eventIdMatch(column, value);
        return column + " = " + value;
    }

    // Candidate strings are narrowed by their text before each is parsed as an address: an IPv4 address starts with
    // a digit, an IPv6 one has a ':'. Text prefixes cannot go further, as `10.0.0.07` is `10.0.0.7`.
    std::string network(const QString& typed, bool v4)
    {
        const std::string check = "ts_ip_in(value, " + bindText(typed) + ")";
        return v4 ? "value >= '0' AND value < ':' AND " + check : "instr(value, ':') > 0 AND " + check;
    }

    // A resource matches by its full ARN, by the name after the ARN's last '/' or ':', or, for an ARNPrefix
    // (S3 data events), when the value starts with the prefix.
    std::string resource(const Pattern& pattern)
    {
        if (pattern.isAny())
            return "EXISTS (SELECT 1 FROM resources r WHERE r.event = e.id AND r.arn IS NOT NULL)";
        if (pattern.hasWildcard()) {
            const std::string glob = bindText(globPattern(pattern));
            return "e.id IN (SELECT r.event FROM resources r WHERE r.arn IN (SELECT id FROM strings WHERE value GLOB " +
                   glob + " OR ts_arn_name(value) GLOB " + glob + "))";
        }
        const QString literal = pattern.literal();
        const std::string value = bindText(literal);
        std::string sql = "e.id IN (SELECT r.event FROM resources r WHERE r.arn = (SELECT id FROM strings WHERE " +
                          CaseSchema::stringValueIs(value) + ")";
        if (!literal.contains(u'/') && !literal.contains(u':'))
            sql += " UNION SELECT r.event FROM resources r WHERE r.arn IN (SELECT id FROM strings WHERE instr(value, " +
                   value + ") > 0 AND ts_arn_name(value) = " + value + ")";
        // Each prefix of the value is one probe of strings_value; ARN prefixes are few.
        const std::string prefixes =
            "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < length(" + value +
            ")) SELECT substr(" + value + ", 1, k) AS prefix FROM n";
        sql += " UNION SELECT r.event FROM resources r WHERE r.arn_is_prefix = 1 AND r.arn IN (SELECT s.id FROM (" +
               prefixes + ") p JOIN strings s ON " + CaseSchema::stringHashOf("s.value") + " = " +
               CaseSchema::stringHashOf("p.prefix") + " AND +s.value = p.prefix))";
        return sql;
    }

    // Filter-pattern conditions on a property the case keeps in a column use the column; the raw record decides
    // only where the column cannot (NOT EXISTS vs null, numbers, IS TRUE), and then only for the rows the column
    // lets through. Matching is case-sensitive, as CloudWatch's is.
    std::string json(const JsonCondition& c)
    {
        using Op = JsonCondition::Op;
        using Type = JsonCondition::ValueType;
        const auto raw = [&] {
            m_out.readsRawRecords = true;
            return "ts_raw_json(e.id, " + bindText(QString::fromUtf8(c.toSpec())) + ", e.file_id, e.offset, e.length)";
        };
        const FieldDef* f = c.hasWildcardStep() ? nullptr : fieldForJsonPath(c.plainPath());
        const bool equality = c.op == Op::Equal || c.op == Op::NotEqual;
        if (f && f->storage == Storage::EventFlag) {
            const std::string column(f->column);
            const bool literalBoolean = c.valueType == Type::String && !c.pattern.hasWildcard() &&
                                        (c.pattern.literal() == u"true" || c.pattern.literal() == u"false");
            if (c.op == Op::Equal && literalBoolean)
                return onContext(column + " = " + bindInt(c.pattern.literal() == u"true" ? 1 : 0));
            if (c.op == Op::IsTrue || c.op == Op::IsFalse) {
                const std::string value = bindInt(c.op == Op::IsTrue ? 1 : 0);
                return "(" + onContext(column + " = " + value) + " AND " + raw() + ")";
            }
            if (c.op == Op::NotExists || c.op == Op::IsNull)
                return "(" + onContext(column + " IS NULL") + " AND " + raw() + ")";
            return raw();
        }
        if (f && f->storage == Storage::EventCompactId && c.op == Op::Equal && c.valueType == Type::String &&
            !c.pattern.hasWildcard()) {
            const std::string column = "e." + std::string(f->column);
            // A synthesized eventID (flag 2) is not in the record.
            const std::string synthetic = f->column == "event_id" ? " AND " + onContext("(flags & 2) = 0") : "";
            return "(" + compactIdMatch(column, c.pattern.literal()) + synthetic + ")";
        }
        if (!f || !isStringStorage(f->storage)) {
            if (auto indexed = fieldIndexed(c, raw()))
                return *indexed;
            return raw();
        }
        const std::string present = presence(*f);
        if (c.op == Op::NotExists || c.op == Op::IsNull)
            return "(NOT ifnull(" + present + ", 0) AND " + raw() + ")";
        if (!equality || c.valueType == Type::Number)
            return "(" + present + " AND " + raw() + ")";
        std::string match = onStorage(*f, [&](const std::string& column) {
            if (c.valueType == Type::Regex)
                return column + " IN (SELECT id FROM strings WHERE ts_regexp(value, " + bindText(c.text) + "))";
            return stringMatch(column, c.pattern, false);
        });
        if (c.op == Op::Equal)
            return match;
        return "(" + present + " AND NOT ifnull(" + match + ", 0))";
    }

    // The condition `exact` on a nested field through the field index's candidates (FieldIndex), nullopt when it
    // does not cover the path or cannot narrow the condition (NOT EXISTS and IS NULL hold where the leaf is absent).
    std::optional<std::string> fieldIndexed(const JsonCondition& c, const std::string& exact)
    {
        using Op = JsonCondition::Op;
        using Type = JsonCondition::ValueType;
        FieldPathPattern pattern;
        for (const JsonStep& step : c.path) {
            switch (step.kind) {
            case JsonStep::Kind::Key:
                pattern.push_back({FieldPathStep::Kind::Key, step.key.toStdString()});
                break;
            case JsonStep::Kind::Index:
                pattern.push_back({FieldPathStep::Kind::AnyIndex, {}});
                break;
            case JsonStep::Kind::AnyMember:
                pattern.push_back({FieldPathStep::Kind::AnyMember, {}});
                break;
            }
        }
        if (!FieldIndex::covers(pattern) || c.op == Op::IsNull || c.op == Op::NotExists)
            return std::nullopt;
        // What a string leaf must be (numbers and booleans are always candidates); empty: any leaf at the path.
        std::string onString;
        std::vector<std::string> lookupTexts; // the one string an equality accepts
        bool lookup = false;
        if (c.op == Op::Equal && c.valueType == Type::String && !c.pattern.hasWildcard()) {
            lookupTexts.push_back(bindText(c.pattern.literal()));
            onString = CaseSchema::stringValueIs(lookupTexts.back());
            lookup = true;
        } else if (c.op == Op::Equal && c.valueType == Type::String) {
            onString = "value GLOB " + bindText(globPattern(c.pattern));
        } else if (c.op == Op::Equal && c.valueType == Type::Number) {
            lookupTexts.push_back(bindText(c.text)); // a string equals a number as the same text
            onString = CaseSchema::stringValueIs(lookupTexts.back());
            lookup = true;
        } else if (c.op == Op::Equal && c.valueType == Type::Regex) {
            onString = "ts_regexp(value, " + bindText(c.text) + ")";
        } else if (c.op != Op::NotEqual) {
            onString = "0"; // an ordering or IS TRUE/FALSE: numbers and booleans only, no string
            lookup = true;
        }
        // Only numbers in range can satisfy an ordering or an equality with a number (IS TRUE/FALSE: none can).
        std::optional<std::pair<double, double>> numbers;
        constexpr double Infinity = std::numeric_limits<double>::infinity();
        if (c.valueType == Type::Number) {
            if (c.op == Op::Equal)
                numbers = std::pair{c.number, c.number};
            else if (c.op == Op::Greater || c.op == Op::GreaterEqual)
                numbers = std::pair{c.number, Infinity};
            else if (c.op == Op::Less || c.op == Op::LessEqual)
                numbers = std::pair{-Infinity, c.number};
        } else if (c.op == Op::IsTrue || c.op == Op::IsFalse) {
            numbers = std::pair{Infinity, -Infinity}; // an empty range: no bucket
        }
        // A filter pattern never matches an object or array.
        const std::string candidates = FieldIndex::candidates(
            "e.id", pattern, FieldIndex::ValueTest{onString, false, lookup, numbers, std::move(lookupTexts)});
        // A number well inside an ordering's range needs no record (an equality or IS TRUE/FALSE gets none).
        const std::string sure = numbers ? FieldIndex::sureNumbers("e.id", pattern, *numbers) : std::string();
        if (!sure.empty())
            return "(" + candidates + " AND (" + sure + " OR " + exact + "))";
        return "(" + candidates + " AND " + exact + ")";
    }

    CompiledSearch m_out;
};

} // namespace

void bindParameter(Sql::Statement& statement, int index, const SqlParameter& parameter)
{
    switch (parameter.type) {
    case SqlParameter::Type::Integer:
        statement.bind(index, parameter.integer);
        break;
    case SqlParameter::Type::Text:
        statement.bindText(
            index, std::string_view(parameter.bytes.constData(), static_cast<std::size_t>(parameter.bytes.size())));
        break;
    case SqlParameter::Type::Blob:
        statement.bindBlob(index, parameter.bytes.constData(), static_cast<std::size_t>(parameter.bytes.size()));
        break;
    }
}

QByteArray compactUuid(const QString& text)
{
    static const QString Hex = QStringLiteral("0123456789abcdef");
    if (text.size() != 36)
        return {};
    QByteArray bytes;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == u'-') || (!dash && !Hex.contains(text[i])))
            return {};
    }
    return QByteArray::fromHex(QString(text).remove(u'-').toLatin1());
}

CompiledSearch withinWindow(const CompiledSearch& search, const SearchOptions& options)
{
    CompiledSearch scoped = search;
    if (options.start) {
        scoped.parameters.push_back(SqlParameter::ofInteger(*options.start));
        scoped.where = "(" + scoped.where + ") AND e.time >= " + placeholder(scoped.parameters.size());
    }
    if (options.end) {
        scoped.parameters.push_back(SqlParameter::ofInteger(*options.end));
        scoped.where = "(" + scoped.where + ") AND e.time < " + placeholder(scoped.parameters.size());
    }
    return scoped;
}

CompiledSearch compileSearch(const SearchNode& root)
{
    return Compiler().compile(root);
}

CompiledSearch compileSearch(const SearchNode& root, const SearchScope& scope)
{
    CompiledSearch compiled = compileSearch(root);
    if (!scope.rowSetTable.empty())
        compiled.where = "(" + compiled.where + ") AND e.id IN (SELECT id FROM " + scope.rowSetTable + ")";
    if (scope.starredOnly)
        compiled.where = "(" + compiled.where + ") AND e.id IN (SELECT event FROM analyst_marks WHERE starred = 1)";
    return compiled;
}

Result<EventSearch> EventSearch::create(Sql::Database& db, const SearchNode& root, const SearchOptions& options)
{
    return create(db, compileSearch(root), options);
}

Result<EventSearch> EventSearch::create(Sql::Database& db, CompiledSearch compiled, const SearchOptions& options)
{
    if (auto registered = registerSearchFunctions(db); !registered)
        return std::unexpected(registered.error());
    EventSearch search;
    search.m_db = &db;
    search.m_options = options;
    search.m_compiled = std::move(compiled);
    const bool newestFirst = options.order == SortOrder::NewestFirst;
    const std::string direction = newestFirst ? " DESC" : " ASC";
    const std::string after = newestFirst ? " < " : " > ";
    std::size_t next = search.m_compiled.parameters.size();
    const auto parameter = [&] { return placeholder(++next); };
    // Placeholders are numbered in statement order; the binding in run() follows the same order.
    std::string window;
    if (options.start)
        window += " AND e.time >= " + parameter();
    if (options.end)
        window += " AND e.time < " + parameter();
    const std::string base = "SELECT e.id, e.time FROM events e WHERE " + search.m_compiled.where;
    const std::size_t keyParameters = next;
    const std::string timeKey = parameter();
    const std::string idKey = parameter();
    const std::string timedLimit = parameter();
    search.m_timedSql = base + " AND e.time IS NOT NULL" + window + " AND (e.time, e.id)" + after + "(" + timeKey +
                        ", " + idKey + ") ORDER BY e.time" + direction + ", e.id" + direction + " LIMIT " + timedLimit;
    next = keyParameters;
    const std::string untimedId = parameter();
    const std::string untimedLimit = parameter();
    search.m_untimedSql = base + " AND e.time IS NULL AND e.id" + after + untimedId + " ORDER BY e.id" + direction +
                          " LIMIT " + untimedLimit;
    qCDebug(logQuery).noquote() << "search SQL:" << QString::fromStdString(search.m_timedSql);
    search.m_timed = db.prepare(search.m_timedSql);
    if (!search.m_timed.isValid())
        return fail(ErrorCode::Sqlite, search.m_timed.prepareError());
    // Events without a time are outside every window.
    if (!options.start && !options.end) {
        search.m_untimed = db.prepare(search.m_untimedSql);
        if (!search.m_untimed.isValid())
            return fail(ErrorCode::Sqlite, search.m_untimed.prepareError());
    }
    return search;
}

Result<void> EventSearch::run(Sql::Statement& statement, bool timed, const std::optional<EventKey>& after, int limit,
                              std::vector<EventKey>& out)
{
    const bool newestFirst = m_options.order == SortOrder::NewestFirst;
    const std::int64_t sentinel =
        newestFirst ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    int index = 0;
    for (const SqlParameter& parameter : m_compiled.parameters)
        bindParameter(statement, ++index, parameter);
    if (timed) {
        if (m_options.start)
            statement.bind(++index, *m_options.start);
        if (m_options.end)
            statement.bind(++index, *m_options.end);
        statement.bind(++index, after ? *after->time : sentinel);
    }
    statement.bind(++index, after ? after->rowId : sentinel);
    statement.bind(++index, static_cast<std::int64_t>(limit > 0 ? limit - static_cast<int>(out.size()) : -1));
    int status = SQLITE_ROW;
    while ((status = statement.step()) == SQLITE_ROW) {
        EventKey key;
        key.rowId = statement.columnInt(0);
        if (!statement.columnIsNull(1))
            key.time = statement.columnInt(1);
        out.push_back(key);
    }
    statement.reset();
    if (status != SQLITE_DONE)
        return std::unexpected(m_db->error(QStringLiteral("running a search")));
    return {};
}

Result<std::vector<EventKey>> EventSearch::page(const std::optional<EventKey>& after, int limit)
{
    std::vector<EventKey> out;
    const bool newestFirst = m_options.order == SortOrder::NewestFirst;
    // Newest first: timed events, then those without a time; oldest first the other way round.
    const bool timedFirst = newestFirst;
    const bool startTimed = after ? after->time.has_value() : timedFirst;
    const bool hasUntimed = m_untimed.isValid();
    for (int phase = 0; phase < 2; ++phase) {
        const bool timed = phase == 0 ? startTimed : !startTimed;
        if (phase == 1 && startTimed != timedFirst)
            break; // the cursor is already in the second phase
        if (!timed && !hasUntimed)
            continue;
        const std::optional<EventKey> cursor = phase == 0 ? after : std::nullopt;
        if (auto status = run(timed ? m_timed : m_untimed, timed, cursor, limit, out); !status)
            return std::unexpected(status.error());
        if (limit > 0 && static_cast<int>(out.size()) >= limit)
            break;
    }
    return out;
}

} // namespace Trailscope::Core::Query
