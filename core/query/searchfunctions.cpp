#include "searchfunctions.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "casedb/sqlitefunctionvalues.h"
#include "query/eventrecordcache.h"
#include "query/foldedsearch.h"
#include "query/recordscan.h"

#include <QRegularExpression>

#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

namespace Trailscope::Core::Query {

namespace dom = simdjson::dom;

namespace {

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

std::string lowered(std::string_view text)
{
    std::string result(text);
    for (char& c : result)
        c = lowerAscii(c);
    return result;
}

// A Pattern in UTF-8, lowered once when case is ignored.
struct Utf8Pattern
{
    std::vector<std::string> pieces;
    bool caseInsensitive = false;

    Utf8Pattern(const Pattern& pattern, bool ignoreCase) : caseInsensitive(ignoreCase)
    {
        for (const QString& piece : pattern.pieces) {
            const QByteArray utf8 = piece.toUtf8();
            const std::string text(utf8.constData(), static_cast<std::size_t>(utf8.size()));
            pieces.push_back(ignoreCase ? lowered(text) : text);
        }
    }

    // The whole text matches: first piece a prefix, last a suffix, the rest in order between them.
    bool matchesWhole(std::string_view text) const
    {
        std::string folded;
        if (caseInsensitive) {
            folded = lowered(text);
            text = folded;
        }
        if (pieces.size() == 1)
            return text == pieces.front();
        const std::string& first = pieces.front();
        const std::string& last = pieces.back();
        if (text.size() < first.size() + last.size() || !text.starts_with(first) || !text.ends_with(last))
            return false;
        std::size_t pos = first.size();
        const std::size_t limit = text.size() - last.size();
        for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
            const std::size_t found = text.substr(0, limit).find(pieces[i], pos);
            if (found == std::string_view::npos)
                return false;
            pos = found + pieces[i].size();
        }
        return true;
    }
};

// Free text: the pieces of a pattern somewhere in the record, in order, ignoring ASCII case.
struct FreeTextPattern
{
    std::vector<FoldedSearch> pieces;
    std::string text;                        // as the statement wrote it
    std::int64_t reads = 0;                  // records read one by one for it
    std::shared_ptr<const EventSet> matches; // once the whole case is scanned

    explicit FreeTextPattern(const Pattern& pattern)
    {
        for (const QString& piece : pattern.pieces) {
            const QByteArray utf8 = piece.toUtf8();
            pieces.emplace_back(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
        }
    }

    bool occursIn(std::string_view text) const
    {
        std::size_t pos = 0;
        for (const FoldedSearch& piece : pieces) {
            const std::size_t found = piece.find(text, pos);
            if (found == std::string_view::npos)
                return false;
            pos = found + piece.size();
        }
        return true;
    }
};

std::string scalarText(dom::element value)
{
    if (value.is_string())
        return std::string(value.get_string().value_unsafe());
    return simdjson::to_string(value); // numbers and booleans, as the importer stores them
}

bool isScalar(dom::element value)
{
    const auto type = value.type();
    return type == dom::element_type::STRING || type == dom::element_type::INT64 || type == dom::element_type::UINT64 ||
           type == dom::element_type::DOUBLE || type == dom::element_type::BOOL;
}

bool isNumber(dom::element value)
{
    const auto type = value.type();
    return type == dom::element_type::INT64 || type == dom::element_type::UINT64 || type == dom::element_type::DOUBLE;
}

// A filter-pattern condition with its values prepared for evaluation row after row.
struct PreparedCondition
{
    JsonCondition condition;
    Utf8Pattern pattern;
    std::string literal; // Number: the literal as written, for string-valued properties
    QRegularExpression regex;

    explicit PreparedCondition(JsonCondition c)
        : condition(std::move(c)), pattern(condition.pattern, false), literal(condition.text.toStdString()),
          regex(condition.valueType == JsonCondition::ValueType::Regex ? condition.text : QString())
    {}

    void collect(dom::element value, std::size_t step, std::vector<dom::element>& out) const
    {
        if (step == condition.path.size()) {
            out.push_back(value);
            return;
        }
        const JsonStep& s = condition.path[step];
        switch (s.kind) {
        case JsonStep::Kind::Key: {
            dom::object object;
            dom::element child;
            const QByteArray key = s.key.toUtf8();
            if (value.get_object().get(object) == simdjson::SUCCESS &&
                object.at_key(std::string_view(key.constData(), static_cast<std::size_t>(key.size()))).get(child) ==
                    simdjson::SUCCESS)
                collect(child, step + 1, out);
            break;
        }
        case JsonStep::Kind::Index: {
            dom::array array;
            dom::element child;
            if (s.index >= 0 && value.get_array().get(array) == simdjson::SUCCESS &&
                array.at(static_cast<std::size_t>(s.index)).get(child) == simdjson::SUCCESS)
                collect(child, step + 1, out);
            break;
        }
        case JsonStep::Kind::AnyMember: {
            // Named, not iterated as temporaries: a range-for over value_unsafe() iterates a destroyed result.
            dom::array array;
            dom::object object;
            if (value.get_array().get(array) == simdjson::SUCCESS) {
                for (const dom::element child : array)
                    collect(child, step + 1, out);
            } else if (value.get_object().get(object) == simdjson::SUCCESS) {
                for (const dom::key_value_pair member : object)
                    collect(member.value, step + 1, out);
            }
            break;
        }
        }
    }

    bool satisfiedBy(dom::element value) const
    {
        using Op = JsonCondition::Op;
        using Type = JsonCondition::ValueType;
        switch (condition.op) {
        case Op::IsNull:
            return value.is_null();
        case Op::IsTrue:
        case Op::IsFalse:
            return value.is_bool() && value.get_bool().value_unsafe() == (condition.op == Op::IsTrue);
        case Op::NotExists:
            return false;
        default:
            break;
        }
        if (!isScalar(value))
            return false;
        const bool equality = condition.op == Op::Equal || condition.op == Op::NotEqual;
        const bool negated = condition.op == Op::NotEqual;
        if (condition.valueType == Type::String)
            return pattern.matchesWhole(scalarText(value)) != negated;
        if (condition.valueType == Type::Regex) {
            const QString text = QString::fromStdString(scalarText(value));
            return regex.match(text).hasMatch() != negated;
        }
        // Numbers compare as numbers; a string property equals a number only as the same text.
        if (!isNumber(value))
            return equality && value.is_string() && (scalarText(value) == literal) != negated;
        double number = 0;
        if (value.get_double().get(number) != simdjson::SUCCESS)
            return false;
        switch (condition.op) {
        case Op::Equal:
            return number == condition.number;
        case Op::NotEqual:
            return number != condition.number;
        case Op::Less:
            return number < condition.number;
        case Op::LessEqual:
            return number <= condition.number;
        case Op::Greater:
            return number > condition.number;
        case Op::GreaterEqual:
            return number >= condition.number;
        default:
            return false;
        }
    }

    bool evaluate(dom::element root) const
    {
        std::vector<dom::element> found;
        collect(root, 0, found);
        if (condition.op == JsonCondition::Op::NotExists)
            return found.empty();
        for (const dom::element value : found)
            if (satisfiedBy(value))
                return true;
        return false;
    }
};

using Sql::auxiliary;
using Sql::textOf;

void reportError(sqlite3_context* context, const Error& error)
{
    sqlite3_result_error(context, error.detail.toUtf8().constData(), -1);
}

// The event's location when the caller passes it (file_id, offset, length after the pattern): the scan has the row
// already, and looking it up again by id cost a fifth of a free-text search.
std::optional<EventRecordCache::Location> locationOf(int argc, sqlite3_value** argv)
{
    if (argc < 5)
        return std::nullopt;
    return EventRecordCache::Location{sqlite3_value_int64(argv[2]),
                                      static_cast<std::uint64_t>(sqlite3_value_int64(argv[3])),
                                      static_cast<std::uint64_t>(sqlite3_value_int64(argv[4]))};
}

// ts_raw_text's state on one connection: its record reader, and the whole-case scans of its recent patterns (a
// paged search asks the same pattern again in each page's statement).
struct FreeTextContext
{
    std::shared_ptr<EventRecordCache> records;
    QString casePath;
    std::shared_ptr<std::atomic<std::int64_t>> examined; // the searching connection's count of records read
    std::shared_ptr<Sql::Database::KeepGoing> keepGoing; // whether its statement should go on
    std::vector<std::pair<std::string, std::shared_ptr<const EventSet>>> scans; // newest last
    static constexpr std::size_t ScansKept = 4;

    std::shared_ptr<const EventSet> scanned(const std::string& pattern) const
    {
        for (const auto& [text, set] : scans)
            if (text == pattern)
                return set;
        return {};
    }
    void keep(const std::string& pattern, std::shared_ptr<const EventSet> set)
    {
        if (scans.size() == ScansKept)
            scans.erase(scans.begin());
        scans.emplace_back(pattern, std::move(set));
    }
};

// Past this many records read one by one, a statement scans the whole case for its pattern instead, in storage
// order on every core: a search that stops after a page of common matches never pays for the scan.
// TRAILSCOPE_FREE_TEXT_SCAN_AFTER sets another count (the tests' small cases use 1).
std::int64_t recordsBeforeScan()
{
    static const std::int64_t calls = [] {
        bool ok = false;
        const int set = qEnvironmentVariableIntValue("TRAILSCOPE_FREE_TEXT_SCAN_AFTER", &ok);
        return ok && set > 0 ? std::int64_t(set) : std::int64_t(4096);
    }();
    return calls;
}

void rawText(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    auto* state = static_cast<FreeTextContext*>(sqlite3_user_data(context));
    auto* pattern = auxiliary<FreeTextPattern>(context, 1, [&] {
        auto* created = new FreeTextPattern(Pattern::fromText(QString::fromUtf8(textOf(argv[1]))));
        created->text = std::string(textOf(argv[1]));
        created->matches = state->scanned(created->text);
        return created;
    });
    if (!pattern)
        return sqlite3_result_error_nomem(context);
    const std::int64_t id = sqlite3_value_int64(argv[0]);
    if (!pattern->matches && ++pattern->reads == recordsBeforeScan()) {
        // One scan per case and pattern in the process: the window's rows, timeline and facets ask at once.
        auto scan = RecordScan::shared(
            state->casePath, "free text\n" + pattern->text,
            [&](std::string_view record) { return pattern->occursIn(record); },
            RecordScan::Progress{state->examined.get(), *state->keepGoing});
        if (!scan)
            return reportError(context, scan.error());
        pattern->matches = *scan;
        state->keep(pattern->text, *scan);
    }
    if (pattern->matches && id <= pattern->matches->through())
        return sqlite3_result_int(context, pattern->matches->contains(id) ? 1 : 0);
    const auto record = state->records->text(id, locationOf(argc, argv));
    if (!record)
        return reportError(context, record.error());
    sqlite3_result_int(context, pattern->occursIn(*record) ? 1 : 0);
}

void rawJson(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    auto* raw = static_cast<std::shared_ptr<EventRecordCache>*>(sqlite3_user_data(context))->get();
    const auto* prepared = auxiliary<PreparedCondition>(context, 1, [&]() -> PreparedCondition* {
        const std::string_view spec = textOf(argv[1]);
        auto condition = JsonCondition::fromSpec(QByteArray(spec.data(), static_cast<qsizetype>(spec.size())));
        return condition ? new PreparedCondition(std::move(*condition)) : nullptr;
    });
    if (!prepared)
        return sqlite3_result_error(context, "ts_raw_json: invalid condition", -1);
    const auto root = raw->json(sqlite3_value_int64(argv[0]), locationOf(argc, argv));
    if (!root)
        return reportError(context, root.error());
    sqlite3_result_int(context, prepared->evaluate(*root) ? 1 : 0);
}

void ipIn(sqlite3_context* context, int, sqlite3_value** argv)
{
    const auto* network = auxiliary<IpNetwork>(context, 1, [&]() -> IpNetwork* {
        const auto parsed = IpNetwork::parse(textOf(argv[1]));
        return parsed ? new IpNetwork(*parsed) : nullptr;
    });
    if (!network)
        return sqlite3_result_error(context, "ts_ip_in: invalid network", -1);
    sqlite3_result_int(context, network->contains(textOf(argv[0])) ? 1 : 0);
}

void arnName(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return sqlite3_result_null(context);
    const std::string_view text = textOf(argv[0]);
    const std::size_t cut = text.find_last_of("/:");
    const std::string_view name = cut == std::string_view::npos ? text : text.substr(cut + 1);
    sqlite3_result_text(context, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
}

void regexpMatch(sqlite3_context* context, int, sqlite3_value** argv)
{
    const auto* regex = auxiliary<QRegularExpression>(
        context, 1, [&] { return new QRegularExpression(QString::fromUtf8(textOf(argv[1]))); });
    if (!regex || !regex->isValid())
        return sqlite3_result_error(context, "ts_regexp: invalid regular expression", -1);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return sqlite3_result_null(context);
    sqlite3_result_int(context, regex->match(QString::fromUtf8(textOf(argv[0]))).hasMatch() ? 1 : 0);
}

void releaseContext(void* userData)
{
    delete static_cast<std::shared_ptr<EventRecordCache>*>(userData);
}

void releaseFreeText(void* userData)
{
    delete static_cast<FreeTextContext*>(userData);
}

} // namespace

Result<void> registerSearchFunctions(Sql::Database& db)
{
    using Function = void (*)(sqlite3_context*, int, sqlite3_value**);
    const char* file = sqlite3_db_filename(db.handle(), "main");
    if (!file || !*file)
        return fail(ErrorCode::Io, QStringLiteral("searching raw records needs a case file"));
    auto readerDb = CaseSchema::open(QString::fromUtf8(file), CaseSchema::OpenMode::ReadOnly);
    if (!readerDb)
        return std::unexpected(readerDb.error());
    const auto context = std::make_shared<EventRecordCache>(std::move(*readerDb), db.examinedEvents());
    struct Definition
    {
        const char* name;
        int arguments;
        Function function;
        bool raw;
    };
    const Definition definitions[] = {
        {"ts_raw_json", 2, rawJson, true},  {"ts_raw_json", 5, rawJson, true},    {"ts_ip_in", 2, ipIn, false},
        {"ts_arn_name", 1, arnName, false}, {"ts_regexp", 2, regexpMatch, false},
    };
    for (const int arguments : {2, 5}) {
        // Each form owns its scans: a statement uses one form throughout.
        auto* state = new FreeTextContext{context, QString::fromUtf8(file), db.examinedEvents(), db.keepGoing(), {}};
        if (sqlite3_create_function_v2(db.handle(), "ts_raw_text", arguments, SQLITE_UTF8 | SQLITE_DIRECTONLY, state,
                                       rawText, nullptr, nullptr, releaseFreeText) != SQLITE_OK)
            return std::unexpected(db.error(QStringLiteral("registering ts_raw_text")));
    }
    for (const Definition& definition : definitions) {
        // Each raw function holds a reference to the shared reader; SQLite drops it when the function is replaced
        // or the connection closes.
        void* userData = definition.raw ? new std::shared_ptr<EventRecordCache>(context) : nullptr;
        const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY | (definition.raw ? 0 : SQLITE_DETERMINISTIC);
        const int status = sqlite3_create_function_v2(db.handle(), definition.name, definition.arguments, flags,
                                                      userData, definition.function, nullptr, nullptr,
                                                      definition.raw ? releaseContext : nullptr);
        if (status != SQLITE_OK)
            return std::unexpected(db.error(QStringLiteral("registering %1").arg(QLatin1String(definition.name))));
    }
    return {};
}

bool matchesPattern(std::string_view text, const Pattern& pattern, bool caseInsensitive)
{
    return Utf8Pattern(pattern, caseInsensitive).matchesWhole(text);
}

bool evaluateJsonCondition(std::string_view record, const JsonCondition& condition)
{
    dom::parser parser;
    dom::element root;
    if (parser.parse(record.data(), record.size()).get(root) != simdjson::SUCCESS)
        return false;
    return PreparedCondition(condition).evaluate(root);
}

} // namespace Trailscope::Core::Query
