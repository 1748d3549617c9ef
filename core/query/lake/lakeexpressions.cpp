#include "translator.h"

#include "casedb/caseschema.h"
#include "query/fieldindex.h"
#include "query/searchsql.h"
#include "query/searchvalues.h"
#include "util/eventtime.h"

#include <limits>
#include <tuple>

namespace Trailscope::Core::Query::Lake {

namespace {

bool isTime(ValueType type)
{
    return type == ValueType::Timestamp || type == ValueType::Date;
}

bool isStringStorage(const LakeField* field)
{
    return field && (field->storage == LakeStorage::EventString || field->storage == LakeStorage::IdentityString ||
                     field->storage == LakeStorage::TlsString);
}

} // namespace

std::optional<FieldPathPattern> Translator::recordPath(const Value& value)
{
    if (!value.raw || !value.raw->onRecord ||
        value.sql != "ts_event_get(" + value.raw->base + ", " +
                         quoteString(QString::fromStdString(encodeSteps(value.raw->steps))) + ")")
        return std::nullopt;
    FieldPathPattern pattern;
    for (const JsonStep& step : value.raw->steps) {
        if (step.kind == JsonStep::Kind::Index)
            pattern.push_back({FieldPathStep::Kind::AnyIndex, {}});
        else
            pattern.push_back({FieldPathStep::Kind::Key, step.name});
    }
    return pattern;
}

Value Translator::predicate(const Expr& e, const Scope& scope)
{
    const bool before = m_filter;
    m_filter = true;
    Value value = expr(e, scope);
    m_filter = before;
    return value;
}

Value Translator::expr(const Expr& e, const Scope& scope)
{
    // Only AND and OR keep a filter context (NULL and false both drop the row); anything else sees values.
    const bool filter = m_filter;
    const bool keepsFilter =
        e.kind == Expr::Kind::Binary && (e.text == QLatin1String("and") || e.text == QLatin1String("or"));
    m_filter = filter && keepsFilter;
    Value value;
    switch (e.kind) {
    case Expr::Kind::Null:
    case Expr::Kind::Boolean:
    case Expr::Kind::Number:
    case Expr::Kind::String:
    case Expr::Kind::TypedLiteral:
        value = literal(e);
        break;
    case Expr::Kind::Interval: {
        const Value amount = literal(e.args.front());
        bool ok = false;
        const double number = (amount.literal ? *amount.literal : QString::fromStdString(amount.sql)).toDouble(&ok);
        if (!ok)
            fail(e.pos, QStringLiteral("an interval needs a number"));
        value = make(std::to_string(static_cast<std::int64_t>(number)), ValueType::Interval);
        value.intervalUnit = e.text;
        value.constant = true;
        break;
    }
    case Expr::Kind::Name:
        value = name(e, scope);
        break;
    case Expr::Kind::Star:
        fail(e.pos, QStringLiteral("'*' is only a select item or count(*)"));
        break;
    case Expr::Kind::Unary: {
        const Value operand = expr(e.args.front(), scope);
        if (e.text == QLatin1String("not")) {
            value = make("(NOT " + operand.sql + ")", ValueType::Boolean);
        } else {
            std::string sql = "("; // piece by piece: see inStrings()
            sql.append(e.text.toStdString()).append(operand.sql).append(")");
            value = make(sql, operand.type);
            value.constant = operand.constant;
        }
        break;
    }
    case Expr::Kind::Binary:
        if (e.text == QLatin1String("and") || e.text == QLatin1String("or")) {
            const Value a = expr(e.args[0], scope);
            const Value b = expr(e.args[1], scope);
            value = make("(" + a.sql + (e.text == QLatin1String("and") ? " AND " : " OR ") + b.sql + ")",
                         ValueType::Boolean);
        } else if (e.text == QLatin1String("+") || e.text == QLatin1String("-") || e.text == QLatin1String("*") ||
                   e.text == QLatin1String("/") || e.text == QLatin1String("%") || e.text == QLatin1String("||")) {
            value = arithmetic(e, scope);
        } else {
            value = comparison(e, scope, filter);
        }
        break;
    case Expr::Kind::IsNull: {
        const Value operand = expr(e.args.front(), scope);
        // A string column is NULL exactly when its id is.
        const std::string tested = operand.field && operand.field->storage == LakeStorage::EventString
                                       ? operand.rowAlias + "." + std::string(operand.field->column)
                                       : operand.sql;
        value = make("(" + tested + (e.negated ? " IS NOT NULL)" : " IS NULL)"), ValueType::Boolean);
        if (e.negated)
            if (auto indexed = fieldIndexed(operand, {}, filter, value.sql))
                value.sql = *indexed;
        break;
    }
    case Expr::Kind::IsDistinct: {
        Value a = expr(e.args[0], scope);
        Value b = expr(e.args[1], scope);
        coerce(a, b, e.pos);
        value = make("(" + a.sql + (e.negated ? " IS " : " IS NOT ") + b.sql + ")", ValueType::Boolean);
        break;
    }
    case Expr::Kind::Between: {
        Value x = expr(e.args[0], scope);
        Value low = expr(e.args[1], scope);
        Value high = expr(e.args[2], scope);
        Value x2 = x;
        coerce(x, low, e.pos);
        coerce(x2, high, e.pos);
        value = make("(" + x.sql + (e.negated ? " NOT BETWEEN " : " BETWEEN ") + low.sql + " AND " + high.sql + ")",
                     ValueType::Boolean);
        break;
    }
    case Expr::Kind::InList:
        value = inList(e, scope, filter);
        break;
    case Expr::Kind::InQuery: {
        const Value x = expr(e.args.front(), scope);
        const QueryResult sub = subquery(*e.query, scope);
        if (sub.columns.size() != 1)
            fail(e.pos, QStringLiteral("the query after IN must return one column"));
        std::string left = x.sql;
        if (!sub.columns.empty() && isTime(sub.columns.front().type) && x.type == ValueType::Text)
            left = "ts_time(" + left + ")";
        value = make("(" + left + (e.negated ? " NOT IN (" : " IN (") + sub.sql + "))", ValueType::Boolean);
        break;
    }
    case Expr::Kind::Like:
        value = like(e, scope, filter);
        break;
    case Expr::Kind::Function:
        value = function(e, scope);
        break;
    case Expr::Kind::Case:
        value = caseExpr(e, scope);
        break;
    case Expr::Kind::Cast:
        value = cast(e, scope);
        break;
    case Expr::Kind::Subquery: {
        const QueryResult sub = subquery(*e.query, scope);
        if (sub.columns.size() != 1)
            fail(e.pos, QStringLiteral("a subquery used as a value must return one column"));
        value = make("(" + sub.sql + ")", sub.columns.empty() ? ValueType::Unknown : sub.columns.front().type);
        break;
    }
    case Expr::Kind::Exists:
        value = make(std::string(e.negated ? "(NOT EXISTS (" : "(EXISTS (") + subquery(*e.query, scope).sql + "))",
                     ValueType::Boolean);
        break;
    case Expr::Kind::Subscript:
        value = subscript(e, scope);
        break;
    case Expr::Kind::Field:
        value = fieldAccess(e, scope);
        break;
    case Expr::Kind::Array: {
        std::string items;
        for (const Expr& item : e.args) {
            Value v = expr(item, scope);
            if (isTime(v.type))
                v.sql = "ts_iso(" + v.sql + ")";
            items += (items.empty() ? "" : ", ") + v.sql;
        }
        value = make("json_array(" + items + ")", ValueType::Json);
        break;
    }
    }
    m_filter = filter;
    return value;
}

Translator::QueryResult Translator::subquery(const QueryExpr& q, const Scope& scope)
{
    const bool filter = m_filter;
    m_filter = false;
    ++m_expressionQueries;
    QueryResult result = query(q, &scope);
    --m_expressionQueries;
    m_filter = filter;
    return result;
}

Value Translator::literal(const Expr& e)
{
    Value value;
    value.constant = true;
    switch (e.kind) {
    case Expr::Kind::Null:
        value.sql = "NULL";
        break;
    case Expr::Kind::Boolean:
        value.sql = e.text == QLatin1String("true") ? "1" : "0";
        value.type = ValueType::Boolean;
        value.booleanLiteral = true;
        break;
    case Expr::Kind::Number:
        value.sql = e.text.toStdString();
        value.type = e.text.contains(u'.') || e.text.contains(u'e', Qt::CaseInsensitive) ? ValueType::Double
                                                                                         : ValueType::Integer;
        break;
    case Expr::Kind::String:
        value.sql = quoteString(e.text);
        value.type = ValueType::Text;
        value.literal = e.text;
        break;
    case Expr::Kind::TypedLiteral:
        return timeLiteral(e.args.front().text, e.args.front().pos,
                           e.text == QLatin1String("date") ? ValueType::Date : ValueType::Timestamp);
    default:
        fail(e.pos, QStringLiteral("expected a literal"));
        break;
    }
    return value;
}

Value Translator::timeLiteral(const QString& text, const SourcePos& pos, ValueType type)
{
    const QString trimmed = text.trimmed();
    std::optional<std::int64_t> ms = parseEventTime(trimmed.toStdString());
    if (!ms)
        if (const auto span = parseTimeSpan(trimmed))
            ms = span->start;
    if (!ms) {
        fail(pos, QStringLiteral("'%1' is not a time (write it like '2026-02-21 23:00:00' or '2026-02-21')").arg(text));
        return make("NULL", type);
    }
    if (type == ValueType::Date)
        *ms -= ((*ms % 86'400'000) + 86'400'000) % 86'400'000;
    Value value = make(std::to_string(*ms), type);
    value.constant = true;
    return value;
}

// Lake compares times with string literals and string booleans with boolean literals; SQLite compares neither.
void Translator::coerce(Value& a, Value& b, const SourcePos& pos)
{
    for (int pass = 0; pass < 2; ++pass) {
        Value& x = pass == 0 ? a : b;
        Value& y = pass == 0 ? b : a;
        if (isTime(x.type) && y.literal) {
            y = timeLiteral(*y.literal, pos, ValueType::Timestamp);
        } else if (isTime(x.type) && (y.type == ValueType::Text || y.type == ValueType::Unknown) && !y.constant &&
                   !isTime(y.type)) {
            y = make("ts_time(" + y.sql + ")", ValueType::Timestamp);
        } else if (x.type == ValueType::Boolean && !x.booleanLiteral && y.literal) {
            const QString text = y.literal->toLower();
            if (text == QLatin1String("true") || text == QLatin1String("false"))
                y = make(text == QLatin1String("true") ? "1" : "0", ValueType::Boolean);
        } else if ((x.type == ValueType::Text || x.type == ValueType::Unknown) && !x.booleanLiteral &&
                   y.booleanLiteral) {
            // String-typed booleans (sessionCredentialFromConsole) and values read from records hold "true"/"false".
            Value text = make(y.sql == "1" ? "'true'" : "'false'", ValueType::Text);
            text.literal = QString::fromLatin1(y.sql == "1" ? "true" : "false");
            text.constant = true;
            y = text;
        }
    }
}

std::optional<std::string> Translator::indexedCondition(const Value& column, const std::string& valueCondition,
                                                        bool equality, bool filter) const
{
    if (!filter || !isStringStorage(column.field))
        return std::nullopt;
    const std::string ids = "SELECT id FROM strings WHERE " + valueCondition;
    const std::string col(column.field->column);
    switch (column.field->storage) {
    case LakeStorage::EventString: {
        // eventName and eventSource through events_name_time (see CaseSchema::nameKey and sourceMatch).
        if (col == "source")
            return CaseSchema::sourceMatch(column.rowAlias, "source IN (" + ids + ")");
        // A context column (region, account, userAgent, …): the contexts that hold the value, one lookup per event.
        if (CaseSchema::isContextColumn(col))
            return "(" + column.rowAlias + ".context IN (SELECT id FROM event_contexts WHERE " + col + " IN (" + ids +
                   ")))";
        const std::string stored = col == "name" ? CaseSchema::nameKey(column.rowAlias) : column.rowAlias + "." + col;
        return equality ? "(" + stored + " = (" + ids + "))" : "(" + stored + " IN (" + ids + "))";
    }
    case LakeStorage::IdentityString:
        return "(" + column.rowAlias + ".identity IN (SELECT id FROM identities WHERE " + col + " IN (" + ids + ")))";
    case LakeStorage::TlsString:
        return "(" + column.rowAlias + ".tls IN (SELECT id FROM tls_profiles WHERE " + col + " IN (" + ids + ")))";
    default:
        return std::nullopt;
    }
}

std::optional<IndexedField> Translator::indexedFieldOf(const Value& value)
{
    if (value.indexed)
        return value.indexed;
    if (auto path = recordPath(value))
        // Lake compares an object or array by its JSON text, so a composite path can match anything.
        return IndexedField{std::move(*path), value.raw->base, true, true};
    return std::nullopt;
}

std::optional<std::string> Translator::fieldIndexed(const Value& column, const std::string& onString, bool filter,
                                                    const std::string& exact, std::vector<std::string> lookupTexts,
                                                    std::optional<std::pair<double, double>> numbers) const
{
    if (!filter)
        return std::nullopt;
    const auto field = indexedFieldOf(column);
    if (!field || !FieldIndex::covers(field->path))
        return std::nullopt;
    const bool lookup = !lookupTexts.empty();
    const FieldIndex::ValueTest test{field->exactStrings ? onString : std::string(), field->compositeCanMatch, lookup,
                                     field->numeric ? numbers : std::nullopt, std::move(lookupTexts)};
    const std::string candidates = FieldIndex::candidates(field->eventRowid, field->path, test);
    // A number well inside the range needs no record: its bucket says it.
    const std::string sure =
        test.numbers ? FieldIndex::sureNumbers(field->eventRowid, field->path, *test.numbers) : std::string();
    if (!sure.empty())
        return "(" + candidates + " AND (" + sure + " OR " + exact + "))";
    return "(" + candidates + " AND " + exact + ")";
}

// eventID, requestID or sharedEventID equal to a literal, compared with the stored form (16 bytes for a canonical
// UUID) instead of converting every row's ID back to text; eventID through its prefix index (eventIdMatch).
std::optional<std::string> Translator::storedIdEquality(const Value& column, const Value& literal) const
{
    if (!column.field || column.field->storage != LakeStorage::EventId || !literal.literal ||
        literal.type != ValueType::Text)
        return std::nullopt;
    const QByteArray uuid = compactUuid(*literal.literal);
    const std::string value = uuid.isEmpty() ? literal.sql : "X'" + uuid.toHex().toStdString() + "'";
    const std::string stored = column.rowAlias + "." + std::string(column.field->column);
    if (std::string_view(column.field->column) == "event_id")
        return CaseSchema::eventIdMatch(stored, value);
    return "(" + stored + " = " + value + ")";
}

namespace {

// The numbers a field compared with a number literal can hold where the comparison holds: `field op literal`, or
// `literal op field` when `fieldOnRight`. nullopt when the other side is no number literal or op no ordering.
std::optional<std::pair<double, double>> numberRange(const std::string& op, const Value& other, bool fieldOnRight)
{
    if (!other.constant || (other.type != ValueType::Integer && other.type != ValueType::Double))
        return std::nullopt;
    const auto number = FieldIndex::numberOf(other.sql);
    if (!number)
        return std::nullopt;
    constexpr double Infinity = std::numeric_limits<double>::infinity();
    std::string ordering = op;
    if (fieldOnRight && (op[0] == '<' || op[0] == '>') && op != "<>")
        ordering[0] = op[0] == '<' ? '>' : '<';
    if (ordering == "=")
        return std::pair{*number, *number};
    if (ordering == ">" || ordering == ">=")
        return std::pair{*number, Infinity};
    if (ordering == "<" || ordering == "<=")
        return std::pair{-Infinity, *number};
    return std::nullopt;
}

} // namespace

Value Translator::comparison(const Expr& e, const Scope& scope, bool filter)
{
    Value a = expr(e.args[0], scope);
    Value b = expr(e.args[1], scope);
    const Value rawA = a, rawB = b;
    coerce(a, b, e.pos);
    const std::string op = e.text.toStdString();
    if (op == "=" && filter) {
        if (auto stored = storedIdEquality(a, b))
            return make(*stored, ValueType::Boolean);
        if (auto stored = storedIdEquality(b, a))
            return make(*stored, ValueType::Boolean);
    }
    if (op == "=") {
        // In a filter, equality with a literal on a string column looks the string up once and uses the index.
        if (b.literal && b.type == ValueType::Text)
            if (auto indexed = indexedCondition(a, CaseSchema::stringValueIs(b.sql), true, filter))
                return make(*indexed, ValueType::Boolean);
        if (a.literal && a.type == ValueType::Text)
            if (auto indexed = indexedCondition(b, CaseSchema::stringValueIs(a.sql), true, filter))
                return make(*indexed, ValueType::Boolean);
    }
    const std::string exact = "(" + a.sql + " " + op + " " + b.sql + ")";
    // A nested field compared with anything is NULL where the field is absent; equal to a string literal, it is
    // that string (or a number or boolean, which the index keeps by path only).
    for (const auto& [field, other, converted] : {std::tuple{&rawA, &b, &a}, std::tuple{&rawB, &a, &b}}) {
        // coerce() may convert the field (to a time): still NULL where it is absent, but its text no longer decides.
        const bool stringEquality =
            op == "=" && other->literal && other->type == ValueType::Text && field->sql == converted->sql;
        const auto numbers = numberRange(op, *other, field == &rawB);
        if (auto indexed =
                fieldIndexed(*field, stringEquality ? CaseSchema::stringValueIs(other->sql) : "", filter, exact,
                             stringEquality ? std::vector{other->sql} : std::vector<std::string>{}, numbers))
            return make(*indexed, ValueType::Boolean);
    }
    return make(exact, ValueType::Boolean);
}

namespace {

// Over `strings`: value among the SQL text expressions `items`, whose hashes are `hashes`, through strings_value.
// Appended piece by piece: GCC 12 at -O3 sees a false overlap (-Wrestrict) in `"(" + std::string&&`.
std::string inStrings(const std::string& hashes, const std::string& items)
{
    std::string sql = "(ts_hash(value) IN (";
    sql.append(hashes).append(") AND +value IN (").append(items).append("))"); // `+`: see stringValueIs()
    return sql;
}

} // namespace

Value Translator::inList(const Expr& e, const Scope& scope, bool filter)
{
    Value x = expr(e.args.front(), scope);
    std::string items, hashes;
    std::vector<std::string> itemTexts;
    std::vector<std::string> idMatches; // eventID and the like: one stored-form equality per item
    bool allLiterals = true;
    for (std::size_t i = 1; i < e.args.size(); ++i) {
        Value item = expr(e.args[i], scope);
        Value probe = x;
        coerce(probe, item, e.args[i].pos);
        allLiterals = allLiterals && item.literal && item.type == ValueType::Text;
        if (auto match = filter && !e.negated ? storedIdEquality(x, item) : std::nullopt)
            idMatches.push_back(std::move(*match));
        items += (items.empty() ? "" : ", ") + item.sql;
        itemTexts.push_back(item.sql);
        hashes += (hashes.empty() ? "" : ", ") + CaseSchema::stringHashOf(item.sql);
    }
    if (!idMatches.empty() && idMatches.size() == e.args.size() - 1) {
        // OR of indexed equalities: SQLite answers each through the index (a multi-index OR).
        std::string any;
        for (const std::string& match : idMatches)
            any += (any.empty() ? "(" : " OR ") + match;
        return make(any + ")", ValueType::Boolean);
    }
    if (!e.negated && allLiterals)
        if (auto indexed = indexedCondition(x, inStrings(hashes, items), false, filter))
            return make(*indexed, ValueType::Boolean);
    const std::string exact = "(" + x.sql + (e.negated ? " NOT IN (" : " IN (") + items + "))";
    const bool lookup = !e.negated && allLiterals;
    if (auto indexed = fieldIndexed(x, lookup ? inStrings(hashes, items) : "", filter, exact,
                                    lookup ? std::move(itemTexts) : std::vector<std::string>{}))
        return make(*indexed, ValueType::Boolean);
    return make(exact, ValueType::Boolean);
}

Value Translator::like(const Expr& e, const Scope& scope, bool filter)
{
    const Value x = expr(e.args[0], scope);
    const Value pattern = expr(e.args[1], scope);
    const std::string escape = e.args.size() > 2 ? ", " + expr(e.args[2], scope).sql : std::string();
    if (!e.negated && pattern.constant)
        if (auto indexed = indexedCondition(x, "ts_like(value, " + pattern.sql + escape + ")", false, filter))
            return make(*indexed, ValueType::Boolean);
    const std::string call = "ts_like(" + x.sql + ", " + pattern.sql + escape + ")";
    const std::string exact = e.negated ? "(NOT " + call + ")" : call;
    const std::string onString = !e.negated && pattern.constant ? "ts_like(value, " + pattern.sql + escape + ")" : "";
    if (auto indexed = fieldIndexed(x, onString, filter, exact))
        return make(*indexed, ValueType::Boolean);
    return make(exact, ValueType::Boolean);
}

Value Translator::arithmetic(const Expr& e, const Scope& scope)
{
    Value a = expr(e.args[0], scope);
    Value b = expr(e.args[1], scope);
    const std::string op = e.text.toStdString();
    // time ± interval
    if ((op == "+" || op == "-") && b.type == ValueType::Interval && (isTime(a.type) || a.literal)) {
        if (a.literal)
            a = timeLiteral(*a.literal, e.args[0].pos, ValueType::Timestamp);
        return make("ts_date_add('" + b.intervalUnit.toStdString() + "', " + (op == "-" ? "-" : "") + b.sql + ", " +
                        a.sql + ")",
                    a.type);
    }
    if (op == "+" && a.type == ValueType::Interval && isTime(b.type))
        return make("ts_date_add('" + a.intervalUnit.toStdString() + "', " + a.sql + ", " + b.sql + ")", b.type);
    if (a.type == ValueType::Interval || b.type == ValueType::Interval)
        fail(e.pos, QStringLiteral("intervals only add to or subtract from times"));
    if (op == "-" && isTime(a.type) && isTime(b.type)) // a difference of times, in milliseconds
        return make("(" + a.sql + " - " + b.sql + ")", ValueType::Integer);
    if (op == "||") {
        for (Value* v : {&a, &b})
            if (isTime(v->type))
                v->sql = "ts_iso(" + v->sql + ")";
        Value value = make("(" + a.sql + " || " + b.sql + ")", ValueType::Text);
        value.constant = a.constant && b.constant;
        return value;
    }
    // Integer division truncates in both Trino and SQLite.
    Value value =
        make("(" + a.sql + " " + op + " " + b.sql + ")",
             a.type == ValueType::Double || b.type == ValueType::Double ? ValueType::Double : ValueType::Unknown);
    value.constant = a.constant && b.constant;
    return value;
}

Value Translator::caseExpr(const Expr& e, const Scope& scope)
{
    std::string sql = "CASE";
    std::optional<Value> operand;
    if (e.operand) {
        operand = expr(*e.operand, scope);
        sql += " " + operand->sql;
    }
    ValueType type = ValueType::Unknown;
    for (std::size_t i = 0; i + 1 < e.args.size(); i += 2) {
        Value when = operand ? expr(e.args[i], scope) : predicate(e.args[i], scope);
        if (operand) {
            Value probe = *operand;
            coerce(probe, when, e.args[i].pos);
        }
        // A WHEN condition drops NULL like a filter does, but the CASE as a whole is a value.
        Value then = expr(e.args[i + 1], scope);
        if (i == 0)
            type = then.type;
        sql += " WHEN " + when.sql + " THEN " + then.sql;
    }
    if (e.elseExpr)
        sql += " ELSE " + expr(*e.elseExpr, scope).sql;
    return make(sql + " END", type);
}

Value Translator::cast(const Expr& e, const Scope& scope)
{
    const Value x = expr(e.args.front(), scope);
    Value value = castValue(e, x);
    // A cast of a nested field is NULL where the field is absent; of an object's JSON text it may be anything.
    if (auto field = indexedFieldOf(x); field && !value.literal && !value.constant)
        value.indexed = IndexedField{std::move(field->path), field->eventRowid, true, false,
                                     value.type == ValueType::Integer || value.type == ValueType::Double};
    return value;
}

Value Translator::castValue(const Expr& e, Value x)
{
    const QString type = e.text;
    if (type.startsWith(QLatin1String("varchar")) || type == QLatin1String("char") || type == QLatin1String("string")) {
        if (isTime(x.type))
            return make("ts_iso(" + x.sql + ")", ValueType::Text);
        if (x.type == ValueType::Boolean)
            return make("CASE " + x.sql + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END", ValueType::Text);
        return make("CAST(" + x.sql + " AS TEXT)", ValueType::Text);
    }
    if (type == QLatin1String("bigint") || type == QLatin1String("integer") || type == QLatin1String("int") ||
        type == QLatin1String("smallint") || type == QLatin1String("tinyint"))
        return make("CAST(" + x.sql + " AS INTEGER)", ValueType::Integer);
    if (type == QLatin1String("double") || type == QLatin1String("real") || type.startsWith(QLatin1String("decimal")) ||
        type == QLatin1String("double precision"))
        return make("CAST(" + x.sql + " AS REAL)", ValueType::Double);
    if (type == QLatin1String("boolean"))
        return make("CASE WHEN lower(" + x.sql + ") IN ('true', '1') THEN 1 WHEN lower(" + x.sql +
                        ") IN ('false', '0') THEN 0 END",
                    ValueType::Boolean);
    if (type.startsWith(QLatin1String("timestamp")) || type == QLatin1String("date")) {
        const ValueType target = type == QLatin1String("date") ? ValueType::Date : ValueType::Timestamp;
        if (x.literal)
            return timeLiteral(*x.literal, e.args.front().pos, target);
        std::string sql = isTime(x.type) ? x.sql : "ts_time(" + x.sql + ")";
        if (target == ValueType::Date)
            sql = "ts_date_trunc('day', " + sql + ")";
        return make(sql, target);
    }
    if (type == QLatin1String("json"))
        return make(x.sql, ValueType::Json);
    fail(e.pos, QStringLiteral("CAST to %1 is not supported").arg(type));
    return x;
}

Value Translator::extendPath(Value base, JsonStep step, const SourcePos& pos)
{
    if (!base.raw) {
        if (base.type != ValueType::Json && base.type != ValueType::Unknown && base.type != ValueType::Text) {
            fail(pos, QStringLiteral("this value has no fields or elements"));
            return base;
        }
        base.raw = RawPath{false, base.sql, {}};
    }
    base.raw->steps.push_back(std::move(step));
    const std::string spec = quoteString(QString::fromStdString(encodeSteps(base.raw->steps)));
    Value value = make((base.raw->onRecord ? "ts_event_get(" : "ts_json_path(") + base.raw->base + ", " + spec + ")");
    value.raw = base.raw;
    value.rowAlias = base.rowAlias;
    return value;
}

Value Translator::subscript(const Expr& e, const Scope& scope)
{
    Value base = expr(e.args[0], scope);
    const Expr& index = e.args[1];
    if (index.kind == Expr::Kind::Number && !index.text.contains(u'.')) {
        const qint64 n = index.text.toLongLong();
        if (n < 1)
            fail(index.pos, QStringLiteral("SQL array indices start at 1"));
        return extendPath(std::move(base), {JsonStep::Kind::Index, {}, n - 1}, index.pos);
    }
    if (index.kind == Expr::Kind::String)
        return extendPath(std::move(base), {JsonStep::Kind::Key, index.text.toStdString(), 0}, index.pos);
    return make("ts_element_at(" + base.sql + ", " + expr(index, scope).sql + ")");
}

Value Translator::fieldAccess(const Expr& e, const Scope& scope)
{
    Value base = expr(e.args.front(), scope);
    return extendPath(std::move(base), {JsonStep::Kind::Field, e.text.toStdString(), 0}, e.pos);
}

} // namespace Trailscope::Core::Query::Lake
