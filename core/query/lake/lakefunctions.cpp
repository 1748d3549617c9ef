#include "lakefunctions.h"

#include "casedb/caseschema.h"
#include "casedb/casewriter.h"
#include "casedb/rawrecordreader.h"
#include "casedb/sqlitefunctionvalues.h"
#include "query/eventrecordcache.h"
#include "query/fieldindex.h"
#include "query/lake/lakeaggregates.h"
#include "query/lake/lakejson.h"
#include "query/lake/laketimefunctions.h"

#include <QRegularExpression>

#include <memory>

namespace Trailscope::Core::Query::Lake {

namespace dom = simdjson::dom;

namespace {

using Sql::auxiliary;
using Sql::isNull;
using Sql::qtextOf;
using Sql::resultText;
using Sql::textOf;

const JsonSteps* stepsArgument(sqlite3_context* context, sqlite3_value** argv, int index)
{
    return auxiliary<JsonSteps>(context, index, [&]() -> JsonSteps* {
        auto steps = decodeSteps(textOf(argv[index]));
        return steps ? new JsonSteps(std::move(*steps)) : nullptr;
    });
}

EventRecordCache* recordContext(sqlite3_context* context)
{
    return static_cast<std::shared_ptr<EventRecordCache>*>(sqlite3_user_data(context))->get();
}

void reportError(sqlite3_context* context, const Error& error)
{
    sqlite3_result_error(context, error.detail.toUtf8().constData(), -1);
}

// ts_event_get's path, and the values of every event there once the index alone gives them.
struct EventGetSpec
{
    JsonSteps steps;
    std::optional<FieldIndex::PathValues> values;
    // Loading a path's values takes as long as reading a few thousand records: a statement that asks for fewer
    // (a LIMIT, a check of the index's candidates) reads its records.
    // TRAILSCOPE_FIELD_VALUES_AFTER sets another count (the tests' small cases use 1).
    std::int64_t calls = 0;
    static std::int64_t callsBeforeIndex()
    {
        static const std::int64_t calls = [] {
            bool ok = false;
            const int set = qEnvironmentVariableIntValue("TRAILSCOPE_FIELD_VALUES_AFTER", &ok);
            return ok && set > 0 ? std::int64_t(set) : std::int64_t(4096);
        }();
        return calls;
    }
};

void loadPathValues(sqlite3_context* context, EventGetSpec& spec)
{
    std::vector<std::pair<std::string, bool>> keys;
    for (const JsonStep& step : spec.steps) {
        if (step.kind == JsonStep::Kind::Index)
            return;
        keys.emplace_back(step.name, step.kind == JsonStep::Kind::Key);
    }
    spec.values = FieldIndex::PathValues::load(recordContext(context)->database(), keys);
}

void eventGet(sqlite3_context* context, int, sqlite3_value** argv)
{
    auto* spec = auxiliary<EventGetSpec>(context, 1, [&]() -> EventGetSpec* {
        auto steps = decodeSteps(textOf(argv[1]));
        return steps ? new EventGetSpec{std::move(*steps), std::nullopt} : nullptr;
    });
    if (!spec)
        return sqlite3_result_error(context, "ts_event_get: invalid path", -1);
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    if (++spec->calls == EventGetSpec::callsBeforeIndex())
        loadPathValues(context, *spec);
    const FieldIndex::PathValues::Value* value =
        spec->values ? spec->values->at(sqlite3_value_int64(argv[0])) : nullptr;
    if (spec->values && !(value && value->inRecordOnly))
        return value ? resultText(context, value->text) : sqlite3_result_null(context);
    const auto root = recordContext(context)->json(sqlite3_value_int64(argv[0]));
    if (!root)
        return reportError(context, root.error());
    const auto found = walk(*root, spec->steps);
    if (!found)
        return sqlite3_result_null(context);
    setResult(context, *found);
}

void eventJson(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    const auto text = recordContext(context)->text(sqlite3_value_int64(argv[0]));
    if (!text)
        return reportError(context, text.error());
    resultText(context, *text);
}

// Parses the JSON text of argument 0; false (and a NULL result) when it is NULL or not JSON.
bool parseArgument(sqlite3_context* context, sqlite3_value* value, dom::parser& parser, dom::element& root)
{
    if (isNull(value)) {
        sqlite3_result_null(context);
        return false;
    }
    const std::string_view text = textOf(value);
    if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) {
        sqlite3_result_null(context);
        return false;
    }
    return true;
}

void jsonPath(sqlite3_context* context, int, sqlite3_value** argv)
{
    const JsonSteps* steps = stepsArgument(context, argv, 1);
    if (!steps)
        return sqlite3_result_error(context, "ts_json_path: invalid path", -1);
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    const auto found = walk(root, *steps);
    found ? setResult(context, *found) : sqlite3_result_null(context);
}

template <bool Scalar>
void jsonExtract(sqlite3_context* context, int, sqlite3_value** argv)
{
    const auto* steps = auxiliary<JsonSteps>(context, 1, [&]() -> JsonSteps* {
        auto parsed = parseJsonPath(textOf(argv[1]));
        return parsed ? new JsonSteps(std::move(*parsed)) : nullptr;
    });
    if (!steps)
        return sqlite3_result_error(context, "invalid JSON path", -1);
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    const auto found = walk(root, *steps);
    if (!found)
        return sqlite3_result_null(context);
    if (Scalar)
        return setScalarText(context, *found);
    const std::string json = simdjson::minify(*found);
    resultText(context, json);
}

// element_at(array, n): 1-based, negative from the end; element_at(map, key): exact key.
void elementAt(sqlite3_context* context, int, sqlite3_value** argv)
{
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    JsonSteps steps(1);
    if (sqlite3_value_type(argv[1]) == SQLITE_INTEGER && root.is_array()) {
        std::int64_t index = sqlite3_value_int64(argv[1]);
        const auto size = static_cast<std::int64_t>(root.get_array().value_unsafe().size());
        if (index == 0)
            return sqlite3_result_error(context, "element_at: SQL array indices start at 1", -1);
        index = index > 0 ? index - 1 : size + index;
        steps[0] = {JsonStep::Kind::Index, {}, index};
    } else {
        steps[0] = {JsonStep::Kind::Key, std::string(textOf(argv[1])), 0};
    }
    const auto found = walk(root, steps);
    found ? setResult(context, *found) : sqlite3_result_null(context);
}

void cardinality(sqlite3_context* context, int, sqlite3_value** argv)
{
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    if (root.is_array())
        return sqlite3_result_int64(context, static_cast<std::int64_t>(root.get_array().value_unsafe().size()));
    if (root.is_object())
        return sqlite3_result_int64(context, static_cast<std::int64_t>(root.get_object().value_unsafe().size()));
    sqlite3_result_null(context);
}

void contains(sqlite3_context* context, int, sqlite3_value** argv)
{
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    if (!root.is_array() || isNull(argv[1]))
        return sqlite3_result_null(context);
    const bool numeric = sqlite3_value_type(argv[1]) == SQLITE_INTEGER || sqlite3_value_type(argv[1]) == SQLITE_FLOAT;
    const std::string_view wanted = textOf(argv[1]);
    const dom::array array = root.get_array().value_unsafe(); // named: see the object loop below
    for (const dom::element item : array) {
        if (item.is_string() && !numeric && item.get_string().value_unsafe() == wanted)
            return sqlite3_result_int(context, 1);
        if (numeric && item.is_number() && item.get_double().value_unsafe() == sqlite3_value_double(argv[1]))
            return sqlite3_result_int(context, 1);
        if (item.is_bool() && !numeric && (item.get_bool().value_unsafe() ? "true" : "false") == wanted)
            return sqlite3_result_int(context, 1);
    }
    sqlite3_result_int(context, 0);
}

void mapKeys(sqlite3_context* context, int, sqlite3_value** argv)
{
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    if (!root.is_object())
        return sqlite3_result_null(context);
    std::string out = "[";
    // A named object: iterating the temporary makes GCC 12 at -O3 warn of a dangling tape reference.
    const dom::object object = root.get_object().value_unsafe();
    for (const dom::key_value_pair member : object) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        for (const char c : member.key) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    resultText(context, out + ']');
}

void arrayJoin(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    dom::parser parser;
    dom::element root;
    if (!parseArgument(context, argv[0], parser, root))
        return;
    if (!root.is_array())
        return sqlite3_result_null(context);
    const std::string_view separator = textOf(argv[1]);
    const std::string_view nullText = argc > 2 ? textOf(argv[2]) : std::string_view();
    std::string out;
    bool first = true;
    const dom::array array = root.get_array().value_unsafe(); // named: see the object loop below
    for (const dom::element item : array) {
        if (item.is_null() && argc <= 2)
            continue;
        if (!first)
            out += separator;
        first = false;
        out += item.is_null()     ? std::string(nullText)
               : item.is_string() ? std::string(item.get_string().value_unsafe())
                                  : simdjson::to_string(item);
    }
    resultText(context, out);
}

void storedId(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    const bool blob = sqlite3_value_type(argv[0]) == SQLITE_BLOB;
    const auto* data = static_cast<const char*>(blob ? sqlite3_value_blob(argv[0]) : sqlite3_value_text(argv[0]));
    const std::string text = decodeStoredId(
        std::string_view(data ? data : "", static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))), blob);
    resultText(context, text);
}

// LIKE as Trino: case-sensitive, `%` and `_`, an optional one-character escape.
bool likeMatch(QStringView text, QStringView pattern, QChar escape)
{
    qsizetype t = 0, p = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && !escape.isNull() && pattern[p] == escape && p + 1 < pattern.size()) {
            if (pattern[p + 1] == text[t]) {
                p += 2;
                ++t;
                continue;
            }
        } else if (p < pattern.size() && pattern[p] == u'%') {
            starP = p++;
            starT = t;
            continue;
        } else if (p < pattern.size() && (pattern[p] == u'_' || pattern[p] == text[t])) {
            ++p;
            ++t;
            continue;
        }
        if (starP < 0)
            return false;
        p = starP + 1;
        t = ++starT;
    }
    while (p < pattern.size() && pattern[p] == u'%')
        ++p;
    return p == pattern.size();
}

void like(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    if (isNull(argv[0]) || isNull(argv[1]) || (argc > 2 && isNull(argv[2])))
        return sqlite3_result_null(context);
    const QString escape = argc > 2 ? qtextOf(argv[2]) : QString();
    if (argc > 2 && escape.size() != 1)
        return sqlite3_result_error(context, "LIKE: the escape must be one character", -1);
    sqlite3_result_int(context,
                       likeMatch(qtextOf(argv[0]), qtextOf(argv[1]), escape.isEmpty() ? QChar() : escape[0]) ? 1 : 0);
}

const QRegularExpression* regexArgument(sqlite3_context* context, sqlite3_value** argv)
{
    const auto* regex =
        auxiliary<QRegularExpression>(context, 1, [&] { return new QRegularExpression(qtextOf(argv[1])); });
    return regex && regex->isValid() ? regex : nullptr;
}

void regexpLike(sqlite3_context* context, int, sqlite3_value** argv)
{
    const auto* regex = regexArgument(context, argv);
    if (!regex)
        return sqlite3_result_error(context, "regexp_like: invalid regular expression", -1);
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    sqlite3_result_int(context, regex->match(qtextOf(argv[0])).hasMatch() ? 1 : 0);
}

void regexpExtract(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const auto* regex = regexArgument(context, argv);
    if (!regex)
        return sqlite3_result_error(context, "regexp_extract: invalid regular expression", -1);
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    const auto match = regex->match(qtextOf(argv[0]));
    const int group = argc > 2 ? sqlite3_value_int(argv[2]) : 0;
    if (!match.hasMatch() || group > regex->captureCount())
        return sqlite3_result_null(context);
    resultText(context, match.captured(group));
}

void regexpReplace(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const auto* regex = regexArgument(context, argv);
    if (!regex)
        return sqlite3_result_error(context, "regexp_replace: invalid regular expression", -1);
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    // Trino writes groups as $1; Qt as \1.
    QString replacement = argc > 2 ? qtextOf(argv[2]) : QString();
    static const QRegularExpression Group(QStringLiteral("\\$(\\d)"));
    replacement.replace(Group, QStringLiteral("\\\\1"));
    resultText(context, qtextOf(argv[0]).replace(*regex, replacement));
}

void split(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]) || isNull(argv[1]))
        return sqlite3_result_null(context);
    std::string out = "[";
    const QStringList parts = qtextOf(argv[0]).split(qtextOf(argv[1]));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += ',';
        QString escaped = parts[i];
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        out += '"' + escaped.toStdString() + '"';
    }
    resultText(context, out + ']');
}

void splitPart(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]) || isNull(argv[1]))
        return sqlite3_result_null(context);
    const QStringList parts = qtextOf(argv[0]).split(qtextOf(argv[1]));
    const qsizetype index = sqlite3_value_int64(argv[2]);
    if (index < 1 || index > parts.size())
        return sqlite3_result_null(context);
    resultText(context, parts[index - 1]);
}

void startsWith(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]) || isNull(argv[1]))
        return sqlite3_result_null(context);
    sqlite3_result_int(context, textOf(argv[0]).starts_with(textOf(argv[1])) ? 1 : 0);
}

void releaseRecordCache(void* userData)
{
    delete static_cast<std::shared_ptr<EventRecordCache>*>(userData);
}

using Function = void (*)(sqlite3_context*, int, sqlite3_value**);

struct Definition
{
    const char* name;
    int arguments;
    Function function;
    bool record; ///< reads raw records: not deterministic, gets the shared reader
};

const Definition Definitions[] = {
    {"ts_event_get", 2, eventGet, true},
    {"ts_event_json", 1, eventJson, true},
    {"ts_json_path", 2, jsonPath, false},
    {"ts_json_scalar", 2, jsonExtract<true>, false},
    {"ts_json_value", 2, jsonExtract<false>, false},
    {"ts_element_at", 2, elementAt, false},
    {"ts_cardinality", 1, cardinality, false},
    {"ts_contains", 2, contains, false},
    {"ts_map_keys", 1, mapKeys, false},
    {"ts_array_join", 2, arrayJoin, false},
    {"ts_array_join", 3, arrayJoin, false},
    {"ts_stored_id", 1, storedId, false},
    {"ts_like", 2, like, false},
    {"ts_like", 3, like, false},
    {"ts_regexp_like", 2, regexpLike, false},
    {"ts_regexp_extract", 2, regexpExtract, false},
    {"ts_regexp_extract", 3, regexpExtract, false},
    {"ts_regexp_replace", 2, regexpReplace, false},
    {"ts_regexp_replace", 3, regexpReplace, false},
    {"ts_split", 2, split, false},
    {"ts_split_part", 3, splitPart, false},
    {"ts_starts_with", 2, startsWith, false},
};

} // namespace

QStringList lakeFunctionNames()
{
    QStringList names;
    for (const Definition& definition : Definitions)
        if (!names.contains(QLatin1String(definition.name)))
            names << QString::fromLatin1(definition.name);
    return names + lakeTimeFunctionNames() + lakeAggregateNames();
}

Result<void> registerLakeFunctions(Sql::Database& db)
{
    const char* file = sqlite3_db_filename(db.handle(), "main");
    if (!file || !*file)
        return fail(ErrorCode::Io, QStringLiteral("reading raw records needs a case file"));
    auto readerDb = CaseSchema::open(QString::fromUtf8(file), CaseSchema::OpenMode::ReadOnly);
    if (!readerDb)
        return std::unexpected(readerDb.error());
    const auto context = std::make_shared<EventRecordCache>(std::move(*readerDb));
    for (const Definition& definition : Definitions) {
        void* userData = definition.record ? new std::shared_ptr<EventRecordCache>(context) : nullptr;
        const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY | (definition.record ? 0 : SQLITE_DETERMINISTIC);
        const int status = sqlite3_create_function_v2(db.handle(), definition.name, definition.arguments, flags,
                                                      userData, definition.function, nullptr, nullptr,
                                                      definition.record ? releaseRecordCache : nullptr);
        if (status != SQLITE_OK)
            return std::unexpected(db.error(QStringLiteral("registering %1").arg(QLatin1String(definition.name))));
    }
    if (auto time = registerLakeTimeFunctions(db); !time)
        return time;
    return registerLakeAggregates(db);
}

} // namespace Trailscope::Core::Query::Lake
