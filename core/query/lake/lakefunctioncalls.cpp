#include "lakefunctioncatalogue.h"
#include "translator.h"

#include <QHash>

namespace Trailscope::Core::Query::Lake {

namespace {

bool isTime(ValueType type)
{
    return type == ValueType::Timestamp || type == ValueType::Date;
}

// Trino's variance and standard deviation aggregates and the functions of ours they are (stddev and variance are the
// sample ones).
std::string spreadFunction(const QString& name)
{
    static const QHash<QString, std::string> Functions{
        {QStringLiteral("stddev"), "ts_stddev_samp"},    {QStringLiteral("stddev_samp"), "ts_stddev_samp"},
        {QStringLiteral("stddev_pop"), "ts_stddev_pop"}, {QStringLiteral("variance"), "ts_var_samp"},
        {QStringLiteral("var_samp"), "ts_var_samp"},     {QStringLiteral("var_pop"), "ts_var_pop"},
    };
    return Functions.value(name);
}

// Trino's time field functions and the part each reads.
QString timePartOf(const QString& name)
{
    static const QHash<QString, QString> Parts{
        {QStringLiteral("year"), QStringLiteral("year")},
        {QStringLiteral("quarter"), QStringLiteral("quarter")},
        {QStringLiteral("month"), QStringLiteral("month")},
        {QStringLiteral("week"), QStringLiteral("week")},
        {QStringLiteral("week_of_year"), QStringLiteral("week")},
        {QStringLiteral("day"), QStringLiteral("day")},
        {QStringLiteral("day_of_month"), QStringLiteral("day")},
        {QStringLiteral("day_of_week"), QStringLiteral("day_of_week")},
        {QStringLiteral("dow"), QStringLiteral("day_of_week")},
        {QStringLiteral("day_of_year"), QStringLiteral("day_of_year")},
        {QStringLiteral("doy"), QStringLiteral("day_of_year")},
        {QStringLiteral("hour"), QStringLiteral("hour")},
        {QStringLiteral("minute"), QStringLiteral("minute")},
        {QStringLiteral("second"), QStringLiteral("second")},
        {QStringLiteral("millisecond"), QStringLiteral("millisecond")},
    };
    return Parts.value(name);
}

// MySQL-style date_format specifiers (Trino's) as strftime's.
QString strftimeFormat(QString format)
{
    format.replace(QLatin1String("%i"), QLatin1String("%M")).replace(QLatin1String("%s"), QLatin1String("%S"));
    format.replace(QLatin1String("%T"), QLatin1String("%H:%M:%S")).replace(QLatin1String("%f"), QLatin1String("%f"));
    format.replace(QLatin1String("%k"), QLatin1String("%H")).replace(QLatin1String("%h"), QLatin1String("%I"));
    return format;
}

} // namespace

Value Translator::aggregate(const Expr& e, const QString& name, const Scope& scope)
{
    if (!e.over)
        m_aggregate = true;
    const bool star = !e.args.empty() && e.args.front().kind == Expr::Kind::Star;
    std::optional<std::string> filter;
    if (e.elseExpr)
        filter = predicate(e.elseExpr->args.front(), scope).sql;
    std::vector<Value> args;
    for (const Expr& arg : e.args)
        if (arg.kind != Expr::Kind::Star)
            args.push_back(name == QLatin1String("count_if") ? predicate(arg, scope) : expr(arg, scope));
    const auto needs = [&](std::size_t count, std::size_t most = 0) {
        if (args.size() < count)
            fail(e.pos, QStringLiteral("%1() needs %2 argument(s)").arg(name).arg(count));
        else if (most > 0 && args.size() > most)
            fail(e.pos, QStringLiteral("%1() takes at most %2 arguments").arg(name).arg(most));
        return args.size() >= count && (most == 0 || args.size() <= most);
    };
    const auto filtered = [&](const std::string& sql) {
        return filter ? "CASE WHEN " + *filter + " THEN " + sql + " END" : sql;
    };
    const std::string distinct = e.distinct ? "DISTINCT " : "";
    Value value;
    if (name == QLatin1String("count")) {
        value = make(star || args.empty() ? (filter ? "count(" + filtered("1") + ")" : "count(*)")
                                          : "count(" + distinct + filtered(args.front().sql) + ")",
                     ValueType::Integer);
    } else if (name == QLatin1String("count_if")) {
        if (needs(1))
            value = make("count(CASE WHEN " + args.front().sql + (filter ? " AND " + *filter : "") + " THEN 1 END)",
                         ValueType::Integer);
    } else if (name == QLatin1String("approx_distinct")) {
        if (needs(1))
            value = make("count(DISTINCT " + filtered(args.front().sql) + ")", ValueType::Integer);
    } else if (name == QLatin1String("array_agg")) {
        if (needs(1)) {
            std::string item = args.front().sql;
            if (isTime(args.front().type))
                item = "ts_iso(" + item + ")";
            value = make("json_group_array(" + distinct + filtered(item) + ")", ValueType::Json);
        }
    } else if (name == QLatin1String("string_agg") || name == QLatin1String("listagg") ||
               name == QLatin1String("group_concat")) {
        if (needs(1))
            value = make("group_concat(" + distinct + filtered(args.front().sql) +
                             (args.size() > 1 ? ", " + args[1].sql : std::string()) + ")",
                         ValueType::Text);
    } else if (name == QLatin1String("bool_and") || name == QLatin1String("every") ||
               name == QLatin1String("bool_or")) {
        if (needs(1))
            value = make(std::string(name == QLatin1String("bool_or") ? "max(" : "min(") + "CASE WHEN " +
                             args.front().sql + " THEN 1 WHEN NOT " + args.front().sql + " THEN 0 END)",
                         ValueType::Boolean);
    } else if (name == QLatin1String("max_by") || name == QLatin1String("min_by")) {
        // Rows the filter drops get no y, and a row without y never counts. Over a window, the variant that keeps
        // the frame's rows (sliding frames drop them again).
        if (needs(2, 3)) {
            std::string sql = "ts_" + name.toStdString() + (e.over ? "_window(" : "(");
            const bool list = args.size() > 2; // a JSON array of the n best x, printed as array_agg prints
            sql += list && isTime(args[0].type) ? "ts_iso(" + args[0].sql + ")" : args[0].sql;
            sql += ", " + filtered(args[1].sql) + (list ? ", " + args[2].sql : std::string()) + ")";
            value = make(sql, list ? ValueType::Json : args[0].type);
        }
    } else if (name == QLatin1String("approx_percentile")) {
        if (args.size() == 3)
            fail(e.pos, QStringLiteral("approx_percentile() with weights is not supported"));
        else if (needs(2, 2))
            value = make("ts_percentile(" + filtered(args[0].sql) + ", " + args[1].sql + ")",
                         args[1].type == ValueType::Json ? ValueType::Json : args[0].type);
    } else if (const std::string spread = spreadFunction(name); !spread.empty()) {
        if (needs(1, 1))
            value = make(spread + "(" + distinct + filtered(args.front().sql) + ")", ValueType::Double);
    } else {
        // sum, avg, min, max, total, arbitrary/any_value (any row's value: max)
        const QString sqlName =
            name == QLatin1String("arbitrary") || name == QLatin1String("any_value") ? QStringLiteral("max") : name;
        if (needs(1)) {
            const ValueType type = sqlName == QLatin1String("min") || sqlName == QLatin1String("max")
                                       ? args.front().type
                                       : (name == QLatin1String("avg") ? ValueType::Double : ValueType::Unknown);
            value = make(sqlName.toStdString() + "(" + distinct + filtered(args.front().sql) + ")", type);
        }
    }
    if (e.over)
        value.sql += window(e, scope);
    return value;
}

Value Translator::function(const Expr& e, const Scope& scope)
{
    const QString name = e.text.toLower();
    const LakeFunction* known = findLakeFunction(name);
    if (known && known->kind == LakeFunctionKind::Aggregate)
        return aggregate(e, name, scope);
    if (e.elseExpr)
        fail(e.pos, QStringLiteral("FILTER only applies to aggregate functions"));
    if (known && known->kind == LakeFunctionKind::Window) {
        if (!e.over)
            fail(e.pos, QStringLiteral("%1() needs an OVER (…) window").arg(name));
        std::string args;
        for (const Expr& arg : e.args)
            args += (args.empty() ? "" : ", ") + expr(arg, scope).sql;
        return make(name.toStdString() + "(" + args + ")" + (e.over ? window(e, scope) : ""));
    }
    if (e.over)
        fail(e.pos, QStringLiteral("%1() is not a window function").arg(name));
    if (e.distinct)
        fail(e.pos, QStringLiteral("DISTINCT only applies to aggregate functions"));

    // Time without arguments: fixed for the whole query, as Trino's.
    if (name == QLatin1String("now") || name == QLatin1String("current_timestamp") ||
        name == QLatin1String("localtimestamp")) {
        Value value = make(std::to_string(m_now), ValueType::Timestamp);
        value.constant = true;
        return value;
    }
    if (name == QLatin1String("current_date")) {
        Value value = make(std::to_string(m_now - m_now % 86'400'000), ValueType::Date);
        value.constant = true;
        return value;
    }

    std::vector<Value> args;
    for (const Expr& arg : e.args) {
        if (arg.kind == Expr::Kind::Star) {
            fail(arg.pos, QStringLiteral("'*' is only an argument of count()"));
            continue;
        }
        args.push_back(expr(arg, scope));
    }
    const auto needs = [&](std::size_t low, std::size_t high) {
        if (args.size() < low || args.size() > high) {
            fail(e.pos, low == high ? QStringLiteral("%1() takes %2 argument(s)").arg(name).arg(low)
                                    : QStringLiteral("%1() takes %2 to %3 arguments").arg(name).arg(low).arg(high));
            return false;
        }
        return true;
    };
    const auto timeArg = [&](std::size_t i) {
        Value& v = args[i];
        if (isTime(v.type))
            return v.sql;
        if (v.literal)
            return timeLiteral(*v.literal, e.args[i].pos, ValueType::Timestamp).sql;
        return "ts_time(" + v.sql + ")";
    };
    const auto call = [&](const char* sqlName, ValueType type) {
        std::string sql = std::string(sqlName) + "(";
        for (std::size_t i = 0; i < args.size(); ++i)
            sql += (i > 0 ? ", " : "") + args[i].sql;
        return make(sql + ")", type);
    };

    if (name == QLatin1String("element_at")) {
        if (!needs(2, 2))
            return make("NULL");
        const Expr& key = e.args[1];
        if (key.kind == Expr::Kind::Number && !key.text.contains(u'.') && key.text.toLongLong() > 0)
            return extendPath(args[0], {JsonStep::Kind::Index, {}, key.text.toLongLong() - 1}, key.pos);
        if (key.kind == Expr::Kind::String)
            return extendPath(args[0], {JsonStep::Kind::Key, key.text.toStdString(), 0}, key.pos);
        return call("ts_element_at", ValueType::Unknown);
    }
    if (name == QLatin1String("json_extract_scalar") || name == QLatin1String("json_extract")) {
        if (!needs(2, 2))
            return make("NULL");
        const bool scalar = name == QLatin1String("json_extract_scalar");
        Value value = scalar ? call("ts_json_scalar", ValueType::Text) : call("ts_json_value", ValueType::Json);
        // Under a nested field, a literal JSON path leads to a nested path of its own: NULL where that is absent.
        // json_extract_scalar gives a string leaf as it is and NULL for an object or array; json_extract gives JSON.
        auto field = indexedFieldOf(args[0]);
        const auto steps = e.args[1].kind == Expr::Kind::String && field && field->exactStrings
                               ? parseJsonPath(e.args[1].text.toStdString())
                               : std::nullopt;
        if (steps) {
            for (const JsonStep& step : *steps)
                field->path.push_back(step.kind == JsonStep::Kind::Index
                                          ? FieldPathStep{FieldPathStep::Kind::AnyIndex, {}}
                                          : FieldPathStep{FieldPathStep::Kind::Key, step.name});
            value.indexed = IndexedField{std::move(field->path), field->eventRowid, !scalar, scalar};
        }
        return value;
    }
    if (name == QLatin1String("json_format"))
        return needs(1, 1) ? make(args[0].sql, ValueType::Text) : make("NULL");
    if (name == QLatin1String("json_parse"))
        return needs(1, 1) ? make("json(" + args[0].sql + ")", ValueType::Json) : make("NULL");
    if (name == QLatin1String("json_array_get")) {
        if (!needs(2, 2))
            return make("NULL");
        return make("ts_json_path(" + args[0].sql + ", '[' || (" + args[1].sql + ") || ']')");
    }
    if (name == QLatin1String("json_array_contains") || name == QLatin1String("contains"))
        return needs(2, 2) ? call("ts_contains", ValueType::Boolean) : make("NULL");
    if (name == QLatin1String("json_size") && args.size() == 2) {
        // Trino's json_size(json, json_path): the elements or keys of the value at the path, 0 for a scalar there,
        // NULL where the path leads nowhere.
        const std::string at = "ts_json_value(" + args[0].sql + ", " + args[1].sql + ")";
        return make("CASE WHEN " + at + " IS NULL THEN NULL ELSE ifnull(ts_cardinality(" + at + "), 0) END",
                    ValueType::Integer);
    }
    if (name == QLatin1String("cardinality") || name == QLatin1String("json_size"))
        return needs(1, 1) ? call("ts_cardinality", ValueType::Integer) : make("NULL");
    if (name == QLatin1String("map_keys"))
        return needs(1, 1) ? call("ts_map_keys", ValueType::Json) : make("NULL");
    if (name == QLatin1String("array_join"))
        return needs(2, 3) ? call("ts_array_join", ValueType::Text) : make("NULL");
    if (name == QLatin1String("split"))
        return needs(2, 2) ? call("ts_split", ValueType::Json) : make("NULL");
    if (name == QLatin1String("split_part"))
        return needs(3, 3) ? call("ts_split_part", ValueType::Text) : make("NULL");
    if (name == QLatin1String("regexp_like"))
        return needs(2, 2) ? call("ts_regexp_like", ValueType::Boolean) : make("NULL");
    if (name == QLatin1String("regexp_extract"))
        return needs(2, 3) ? call("ts_regexp_extract", ValueType::Text) : make("NULL");
    if (name == QLatin1String("regexp_replace"))
        return needs(2, 3) ? call("ts_regexp_replace", ValueType::Text) : make("NULL");
    if (name == QLatin1String("starts_with"))
        return needs(2, 2) ? call("ts_starts_with", ValueType::Boolean) : make("NULL");
    if (name == QLatin1String("strpos") || name == QLatin1String("position"))
        return needs(2, 2) ? call("instr", ValueType::Integer) : make("NULL");
    if (name == QLatin1String("concat")) {
        std::string sql;
        for (Value& arg : args)
            sql += (sql.empty() ? "" : " || ") + (isTime(arg.type) ? "ts_iso(" + arg.sql + ")" : arg.sql);
        return make(args.empty() ? "''" : "(" + sql + ")", ValueType::Text);
    }
    if (name == QLatin1String("if"))
        return needs(2, 3) ? make("iif(" + args[0].sql + ", " + args[1].sql + ", " +
                                      (args.size() > 2 ? args[2].sql : std::string("NULL")) + ")",
                                  args[1].type)
                           : make("NULL");
    if (name == QLatin1String("try"))
        return needs(1, 1) ? args[0] : make("NULL");
    if (name == QLatin1String("greatest") || name == QLatin1String("least")) {
        Value value =
            call(name == QLatin1String("greatest") ? "max" : "min", args.empty() ? ValueType::Unknown : args[0].type);
        return value;
    }
    if (name == QLatin1String("coalesce") || name == QLatin1String("nullif"))
        return call(name == QLatin1String("coalesce") ? "coalesce" : "nullif",
                    args.empty() ? ValueType::Unknown : args[0].type);
    if (name == QLatin1String("length") || name == QLatin1String("lower") || name == QLatin1String("upper") ||
        name == QLatin1String("trim") || name == QLatin1String("ltrim") || name == QLatin1String("rtrim") ||
        name == QLatin1String("replace") || name == QLatin1String("substr") || name == QLatin1String("substring"))
        return call(name.toLatin1().constData(),
                    name == QLatin1String("length") ? ValueType::Integer : ValueType::Text);
    if (name == QLatin1String("ceiling"))
        return call("ceil", ValueType::Unknown);
    if (name == QLatin1String("rand"))
        return call("random", ValueType::Unknown);

    // Time functions over epoch milliseconds.
    if (name == QLatin1String("date_trunc")) {
        if (!needs(2, 2))
            return make("NULL");
        return make("ts_date_trunc(" + args[0].sql + ", " + timeArg(1) + ")",
                    args[1].type == ValueType::Date ? ValueType::Date : ValueType::Timestamp);
    }
    if (name == QLatin1String("date_add")) {
        if (!needs(3, 3))
            return make("NULL");
        return make("ts_date_add(" + args[0].sql + ", " + args[1].sql + ", " + timeArg(2) + ")",
                    args[2].type == ValueType::Date ? ValueType::Date : ValueType::Timestamp);
    }
    if (name == QLatin1String("date_diff")) {
        if (!needs(3, 3))
            return make("NULL");
        return make("ts_date_diff(" + args[0].sql + ", " + timeArg(1) + ", " + timeArg(2) + ")", ValueType::Integer);
    }
    if (name == QLatin1String("from_iso8601_timestamp") || name == QLatin1String("from_iso8601_date") ||
        name == QLatin1String("date")) {
        if (!needs(1, 1))
            return make("NULL");
        const ValueType type = name == QLatin1String("from_iso8601_timestamp") ? ValueType::Timestamp : ValueType::Date;
        if (args[0].literal)
            return timeLiteral(*args[0].literal, e.args[0].pos, type);
        const std::string time = timeArg(0);
        return make(type == ValueType::Date ? "ts_date_trunc('day', " + time + ")" : time, type);
    }
    if (name == QLatin1String("to_iso8601"))
        return needs(1, 1) ? make("ts_iso(" + timeArg(0) + ")", ValueType::Text) : make("NULL");
    if (name == QLatin1String("to_unixtime"))
        return needs(1, 1) ? make("(" + timeArg(0) + " / 1000.0)", ValueType::Double) : make("NULL");
    if (name == QLatin1String("from_unixtime"))
        return needs(1, 1) ? make("CAST(" + args[0].sql + " * 1000 AS INTEGER)", ValueType::Timestamp) : make("NULL");
    if (name == QLatin1String("date_format")) {
        if (!needs(2, 2))
            return make("NULL");
        const QString format = args[1].literal ? strftimeFormat(*args[1].literal) : QString();
        if (!args[1].literal)
            fail(e.args[1].pos, QStringLiteral("date_format needs a literal format"));
        return make("strftime(" + quoteString(format) + ", " + timeArg(0) + " / 1000.0, 'unixepoch')", ValueType::Text);
    }
    if (const QString part = timePartOf(name); !part.isEmpty()) {
        if (!needs(1, 1))
            return make("NULL");
        return make("ts_time_part('" + part.toStdString() + "', " + timeArg(0) + ")", ValueType::Integer);
    }
    // Anything else is SQLite's own function of that name; the query connection's allow-list decides.
    return call(name.toLatin1().constData(), ValueType::Unknown);
}

} // namespace Trailscope::Core::Query::Lake
