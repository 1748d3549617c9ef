// Trino's statistical aggregates that SQLite lacks, as aggregate and window functions of our own: approx_percentile
// made exact (all values kept, the nearest-rank one picked) and the variances and standard deviations. A window
// frame's values leave in the order they came (xInverse removes the oldest), so the percentile keeps them in that
// order; the moments are updated backwards.
#include "lakestatistics.h"

#include "casedb/sqlitefunctionvalues.h"
#include "query/lake/aggregatestate.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>
#include <vector>

namespace Trailscope::Core::Query::Lake {

namespace dom = simdjson::dom;

namespace {

using Aggregates::appendNumber;
using Aggregates::existingState;
using Aggregates::newState;
using Aggregates::numberArgument;
using Aggregates::releaseState;
using Sql::isNull;
using Sql::resultText;
using Sql::textOf;

// ---- approx_percentile, exact ----

struct Percentile
{
    std::deque<double> values;  ///< in arrival order
    std::int64_t reals = 0;     ///< values that came as reals: then the result is a real
    std::vector<double> shares; ///< p, or each p of an array, read on the first row
    bool array = false;
};

bool readShares(sqlite3_context* context, sqlite3_value* p, Percentile& state)
{
    if (!state.shares.empty())
        return true;
    const int type = sqlite3_value_numeric_type(p);
    if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
        state.shares.push_back(sqlite3_value_double(p));
    } else if (type == SQLITE_TEXT) {
        dom::parser parser;
        dom::element root;
        const std::string_view text = textOf(p);
        if (!parser.parse(text.data(), text.size()).get(root) && root.is_array()) {
            state.array = true;
            const dom::array items = root.get_array().value_unsafe(); // named: a temporary dangles at -O3 (GCC 12)
            for (const dom::element item : items) {
                double share = -1; // not a number: refused below
                if (item.get_double().get(share))
                    share = -1;
                state.shares.push_back(share);
            }
        }
    }
    const bool valid = !state.shares.empty() &&
                       std::all_of(state.shares.begin(), state.shares.end(), [](double s) { return s >= 0 && s <= 1; });
    if (!valid) {
        state.shares.clear();
        sqlite3_result_error(context, "approx_percentile: the percentage must be from 0 to 1, or an array of them", -1);
    }
    return valid;
}

// The nearest-rank percentile: the k-th smallest value for k = ⌈p·n⌉, at least 1. Reorders `values`.
double nearestRank(std::vector<double>& values, double share)
{
    // A hair under the product, so that 0.3 · 10 (3.0000000000000004 in binary) is rank 3, not 4.
    const double product = share * static_cast<double>(values.size());
    const auto rank =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(product * (1.0 - 1e-12))), 1, values.size());
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

void resultPercentiles(sqlite3_context* context, const Percentile& state)
{
    if (state.values.empty())
        return sqlite3_result_null(context);
    std::vector<double> values(state.values.begin(), state.values.end());
    const bool integers = state.reals == 0;
    if (!state.array) {
        const double value = nearestRank(values, state.shares.front());
        return integers ? sqlite3_result_int64(context, std::llround(value)) : sqlite3_result_double(context, value);
    }
    std::string out = "[";
    for (const double share : state.shares) {
        if (out.size() > 1)
            out += ',';
        const double value = nearestRank(values, share);
        if (integers)
            out += std::to_string(std::llround(value));
        else
            appendNumber(out, value);
    }
    out += ']';
    resultText(context, out);
}

void percentileStep(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]))
        return;
    Percentile* state = newState<Percentile>(context);
    if (!state || !readShares(context, argv[1], *state))
        return;
    const std::optional<double> value = numberArgument(context, argv[0], "approx_percentile");
    if (!value)
        return;
    state->values.push_back(*value);
    state->reals += sqlite3_value_type(argv[0]) == SQLITE_FLOAT ? 1 : 0;
}

void percentileInverse(sqlite3_context* context, int, sqlite3_value** argv)
{
    Percentile* state = existingState<Percentile>(context);
    if (isNull(argv[0]) || !state || state->values.empty())
        return;
    state->reals -= sqlite3_value_numeric_type(argv[0]) == SQLITE_FLOAT ? 1 : 0;
    state->values.pop_front();
}

void percentileValue(sqlite3_context* context)
{
    if (const Percentile* state = existingState<Percentile>(context))
        return resultPercentiles(context, *state);
    sqlite3_result_null(context);
}

void percentileFinal(sqlite3_context* context)
{
    percentileValue(context);
    releaseState<Percentile>(context);
}

// ---- variance and standard deviation: Welford's running mean and sum of squared differences ----

struct Moments // plain data in SQLite's zeroed aggregate context
{
    std::int64_t n;
    double mean, m2;
};

void momentsStep(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]))
        return;
    const std::optional<double> x = numberArgument(context, argv[0], "stddev/variance");
    auto* m = static_cast<Moments*>(sqlite3_aggregate_context(context, sizeof(Moments)));
    if (!x || !m)
        return;
    ++m->n;
    const double delta = *x - m->mean;
    m->mean += delta / static_cast<double>(m->n);
    m->m2 += delta * (*x - m->mean);
}

void momentsInverse(sqlite3_context* context, int, sqlite3_value** argv)
{
    auto* m = static_cast<Moments*>(sqlite3_aggregate_context(context, sizeof(Moments)));
    if (isNull(argv[0]) || !m || m->n == 0)
        return;
    if (m->n == 1) {
        *m = Moments{};
        return;
    }
    const double x = sqlite3_value_double(argv[0]);
    const double mean = (m->mean * static_cast<double>(m->n) - x) / static_cast<double>(m->n - 1);
    m->m2 = std::max(0.0, m->m2 - (x - m->mean) * (x - mean)); // rounding must not make it negative
    m->mean = mean;
    --m->n;
}

template <bool Sample, bool Deviation>
void momentsValue(sqlite3_context* context)
{
    const auto* m = static_cast<const Moments*>(sqlite3_aggregate_context(context, 0));
    if (!m || m->n < (Sample ? 2 : 1))
        return sqlite3_result_null(context);
    const double variance = m->m2 / static_cast<double>(Sample ? m->n - 1 : m->n);
    sqlite3_result_double(context, Deviation ? std::sqrt(variance) : variance);
}

// ---- registration ----

struct Statistic
{
    const char* name;
    int arguments;
    void (*step)(sqlite3_context*, int, sqlite3_value**);
    void (*final)(sqlite3_context*);
    void (*value)(sqlite3_context*);
    void (*inverse)(sqlite3_context*, int, sqlite3_value**);
};

const Statistic Statistics[] = {
    {"ts_percentile", 2, percentileStep, percentileFinal, percentileValue, percentileInverse},
    {"ts_var_samp", 1, momentsStep, momentsValue<true, false>, momentsValue<true, false>, momentsInverse},
    {"ts_var_pop", 1, momentsStep, momentsValue<false, false>, momentsValue<false, false>, momentsInverse},
    {"ts_stddev_samp", 1, momentsStep, momentsValue<true, true>, momentsValue<true, true>, momentsInverse},
    {"ts_stddev_pop", 1, momentsStep, momentsValue<false, true>, momentsValue<false, true>, momentsInverse},
};

} // namespace

QStringList lakeStatisticsNames()
{
    QStringList names;
    for (const Statistic& statistic : Statistics)
        names << QString::fromLatin1(statistic.name);
    return names;
}

Result<void> registerLakeStatistics(Sql::Database& db)
{
    for (const Statistic& statistic : Statistics) {
        const int status = sqlite3_create_window_function(
            db.handle(), statistic.name, statistic.arguments, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
            nullptr, statistic.step, statistic.final, statistic.value, statistic.inverse, nullptr);
        if (status != SQLITE_OK)
            return std::unexpected(db.error(QStringLiteral("registering %1").arg(QLatin1String(statistic.name))));
    }
    return {};
}

} // namespace Trailscope::Core::Query::Lake
