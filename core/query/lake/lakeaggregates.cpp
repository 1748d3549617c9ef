// max_by and min_by, which SQLite lacks, as aggregate and window functions of our own. A window frame's rows leave
// in the order they came (xInverse removes the oldest), so the window state keeps them in arrival order too.
#include "lakeaggregates.h"
#include "lakejson.h"

#include "casedb/sqlitefunctionvalues.h"
#include "query/lake/aggregatestate.h"
#include "query/lake/lakestatistics.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace Trailscope::Core::Query::Lake {

namespace dom = simdjson::dom;

namespace {

using Aggregates::appendNumber;
using Aggregates::existingState;
using Aggregates::newState;
using Aggregates::releaseState;
using Sql::isNull;
using Sql::resultText;
using Sql::textOf;

constexpr std::int64_t MaxCount = 10'000; // Trino's bound on n of max_by(x, y, n)

// ---- values ----

struct ValueFree
{
    void operator()(sqlite3_value* value) const { sqlite3_value_free(value); }
};
using OwnedValue = std::unique_ptr<sqlite3_value, ValueFree>;

OwnedValue copyOf(sqlite3_value* value)
{
    return OwnedValue(sqlite3_value_dup(value));
}

// SQLite's order of storage classes: NULL, numbers, text, blobs.
int rankOf(int type)
{
    switch (type) {
    case SQLITE_NULL:
        return 0;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        return 1;
    case SQLITE_TEXT:
        return 2;
    default:
        return 3;
    }
}

int compareBytes(const void* a, int aSize, const void* b, int bSize)
{
    const int common = std::min(aSize, bSize);
    const int order = common > 0 ? std::memcmp(a, b, static_cast<std::size_t>(common)) : 0;
    return order != 0 ? order : (aSize > bSize) - (aSize < bSize);
}

// Values ordered as SQLite orders them (text by the BINARY collation).
int compareValues(sqlite3_value* a, sqlite3_value* b)
{
    const int aType = sqlite3_value_type(a), bType = sqlite3_value_type(b);
    if (rankOf(aType) != rankOf(bType))
        return rankOf(aType) < rankOf(bType) ? -1 : 1;
    if (aType == SQLITE_INTEGER && bType == SQLITE_INTEGER) {
        const std::int64_t x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);
        return (x > y) - (x < y);
    }
    if (rankOf(aType) == 1) {
        const double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
        return (x > y) - (x < y);
    }
    if (aType == SQLITE_NULL)
        return 0;
    // The pointer first, then its size: SQLite may convert the value when asked for its bytes before its text.
    const void* aData = aType == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(a)) : sqlite3_value_blob(a);
    const int aSize = sqlite3_value_bytes(a);
    const void* bData = bType == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(b)) : sqlite3_value_blob(b);
    return compareBytes(aData, aSize, bData, sqlite3_value_bytes(b));
}

// Direction +1: larger is better (max_by); -1: smaller is better (min_by).
template <int Direction>
bool better(sqlite3_value* y, sqlite3_value* than)
{
    return Direction * compareValues(y, than) > 0;
}

// ---- JSON arrays of results ----

// A value as an element of a JSON array. Text holding a JSON object or array (a struct read from a record) stays
// JSON, as the result printer reads such text.
void appendJson(std::string& out, sqlite3_value* value, dom::parser& parser)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
        out += "null";
        return;
    case SQLITE_INTEGER:
        out += std::to_string(sqlite3_value_int64(value));
        return;
    case SQLITE_FLOAT:
        appendNumber(out, sqlite3_value_double(value));
        return;
    case SQLITE_BLOB: {
        const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(value));
        const int size = sqlite3_value_bytes(value);
        static const char Hex[] = "0123456789abcdef";
        out += '"';
        for (int i = 0; i < size; ++i) {
            out += Hex[bytes[i] >> 4];
            out += Hex[bytes[i] & 15];
        }
        out += '"';
        return;
    }
    default:
        break;
    }
    const std::string_view text = textOf(value);
    const bool nested = !text.empty() && (text.front() == '{' || text.front() == '[');
    if (nested && !parser.parse(text.data(), text.size()).error())
        out += text;
    else
        appendJsonString(out, text);
}

void resultArray(sqlite3_context* context, const std::vector<sqlite3_value*>& values)
{
    dom::parser parser;
    std::string out = "[";
    for (sqlite3_value* value : values) {
        if (out.size() > 1)
            out += ',';
        appendJson(out, value, parser);
    }
    out += ']';
    resultText(context, out);
}

// ---- max_by(x, y), min_by(x, y) as aggregates: only the best row so far ----

struct Best
{
    OwnedValue x, y;
};

template <int Direction>
void bestStep(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[1]))
        return;
    Best* best = newState<Best>(context);
    if (!best || (best->y && !better<Direction>(argv[1], best->y.get())))
        return;
    best->x = copyOf(argv[0]);
    best->y = copyOf(argv[1]);
}

void bestFinal(sqlite3_context* context)
{
    const Best* best = existingState<Best>(context);
    if (best && best->x)
        sqlite3_result_value(context, best->x.get());
    else
        sqlite3_result_null(context);
    releaseState<Best>(context);
}

// ---- max_by(x, y, n), min_by(x, y, n) as aggregates: the n best rows so far ----

struct Ranked
{
    OwnedValue y, x;
};

struct Top
{
    std::vector<Ranked> kept; ///< a heap whose front is the worst row kept
};

// n of max_by(x, y, n); 0 after reporting that it is not one.
std::int64_t countArgument(sqlite3_context* context, sqlite3_value* value)
{
    const std::int64_t n = sqlite3_value_type(value) == SQLITE_INTEGER ? sqlite3_value_int64(value) : 0;
    if (n >= 1 && n <= MaxCount)
        return n;
    sqlite3_result_error(context, "max_by/min_by: n must be an integer from 1 to 10000", -1);
    return 0;
}

template <int Direction>
bool worseFirst(const Ranked& a, const Ranked& b)
{
    return better<Direction>(a.y.get(), b.y.get());
}

template <int Direction>
void topStep(sqlite3_context* context, int, sqlite3_value** argv)
{
    const std::int64_t n = countArgument(context, argv[2]);
    if (n == 0 || isNull(argv[1]))
        return;
    Top* top = newState<Top>(context);
    if (!top)
        return;
    std::vector<Ranked>& kept = top->kept;
    if (static_cast<std::int64_t>(kept.size()) < n) {
        kept.push_back({copyOf(argv[1]), copyOf(argv[0])});
        std::push_heap(kept.begin(), kept.end(), worseFirst<Direction>);
    } else if (better<Direction>(argv[1], kept.front().y.get())) {
        std::pop_heap(kept.begin(), kept.end(), worseFirst<Direction>);
        kept.back() = {copyOf(argv[1]), copyOf(argv[0])};
        std::push_heap(kept.begin(), kept.end(), worseFirst<Direction>);
    }
}

template <int Direction>
void topFinal(sqlite3_context* context)
{
    Top* top = existingState<Top>(context);
    if (!top || top->kept.empty()) {
        sqlite3_result_null(context);
    } else {
        std::sort_heap(top->kept.begin(), top->kept.end(), worseFirst<Direction>); // best first
        std::vector<sqlite3_value*> xs;
        xs.reserve(top->kept.size());
        for (const Ranked& row : top->kept)
            xs.push_back(row.x.get());
        resultArray(context, xs);
    }
    releaseState<Top>(context);
}

// ---- max_by, min_by over a window frame: the frame's rows ordered by y ----

struct ByValue
{
    bool operator()(const OwnedValue& a, const OwnedValue& b) const { return compareValues(a.get(), b.get()) < 0; }
};

struct Frame
{
    using Rows = std::multimap<OwnedValue, OwnedValue, ByValue>; ///< y → x
    Rows rows;
    std::deque<Rows::iterator> arrivals; ///< rows with a y, oldest first
    std::int64_t n = 0;                  ///< 0: the best x alone (two arguments)
};

void frameStep(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const std::int64_t n = argc > 2 ? countArgument(context, argv[2]) : 0;
    if ((argc > 2 && n == 0) || isNull(argv[1]))
        return;
    if (Frame* frame = newState<Frame>(context)) {
        frame->n = n;
        frame->arrivals.push_back(frame->rows.emplace(copyOf(argv[1]), copyOf(argv[0])));
    }
}

void frameInverse(sqlite3_context* context, int, sqlite3_value** argv)
{
    Frame* frame = existingState<Frame>(context);
    if (isNull(argv[1]) || !frame || frame->arrivals.empty())
        return; // a row without y never joined
    frame->rows.erase(frame->arrivals.front());
    frame->arrivals.pop_front();
}

template <int Direction>
void frameValue(sqlite3_context* context)
{
    const Frame* frame = existingState<Frame>(context);
    if (!frame || frame->rows.empty())
        return sqlite3_result_null(context);
    if (frame->n == 0) {
        const auto& best = Direction > 0 ? *std::prev(frame->rows.end()) : *frame->rows.begin();
        return sqlite3_result_value(context, best.second.get());
    }
    std::vector<sqlite3_value*> xs;
    if (Direction > 0) {
        for (auto it = frame->rows.rbegin(); it != frame->rows.rend() && std::ssize(xs) < frame->n; ++it)
            xs.push_back(it->second.get());
    } else {
        for (auto it = frame->rows.begin(); it != frame->rows.end() && std::ssize(xs) < frame->n; ++it)
            xs.push_back(it->second.get());
    }
    resultArray(context, xs);
}

template <int Direction>
void frameFinal(sqlite3_context* context)
{
    frameValue<Direction>(context);
    releaseState<Frame>(context);
}

// ---- registration ----

struct Aggregate
{
    const char* name;
    int arguments;
    void (*step)(sqlite3_context*, int, sqlite3_value**);
    void (*final)(sqlite3_context*);
    void (*value)(sqlite3_context*); ///< with inverse: also a window function with a sliding frame
    void (*inverse)(sqlite3_context*, int, sqlite3_value**);
};

const Aggregate Functions[] = {
    {"ts_max_by", 2, bestStep<1>, bestFinal, nullptr, nullptr},
    {"ts_min_by", 2, bestStep<-1>, bestFinal, nullptr, nullptr},
    {"ts_max_by", 3, topStep<1>, topFinal<1>, nullptr, nullptr},
    {"ts_min_by", 3, topStep<-1>, topFinal<-1>, nullptr, nullptr},
    {"ts_max_by_window", 2, frameStep, frameFinal<1>, frameValue<1>, frameInverse},
    {"ts_max_by_window", 3, frameStep, frameFinal<1>, frameValue<1>, frameInverse},
    {"ts_min_by_window", 2, frameStep, frameFinal<-1>, frameValue<-1>, frameInverse},
    {"ts_min_by_window", 3, frameStep, frameFinal<-1>, frameValue<-1>, frameInverse},
};

} // namespace

QStringList lakeAggregateNames()
{
    QStringList names;
    for (const Aggregate& aggregate : Functions)
        if (!names.contains(QLatin1String(aggregate.name)))
            names << QString::fromLatin1(aggregate.name);
    return names + lakeStatisticsNames();
}

Result<void> registerLakeAggregates(Sql::Database& db)
{
    for (const Aggregate& aggregate : Functions) {
        const int status = sqlite3_create_window_function(
            db.handle(), aggregate.name, aggregate.arguments, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
            nullptr, aggregate.step, aggregate.final, aggregate.value, aggregate.inverse, nullptr);
        if (status != SQLITE_OK)
            return std::unexpected(db.error(QStringLiteral("registering %1").arg(QLatin1String(aggregate.name))));
    }
    return registerLakeStatistics(db);
}

} // namespace Trailscope::Core::Query::Lake
