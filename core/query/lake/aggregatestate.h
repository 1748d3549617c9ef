#pragma once

// Internal to the Lake aggregates (lakeaggregates.cpp, lakestatistics.cpp): their states in SQLite's aggregate
// context, numeric arguments and numbers in JSON.

#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace Trailscope::Core::Query::Lake::Aggregates {

// A state holding C++ objects lives on the heap behind a pointer in SQLite's zeroed aggregate context. SQLite calls
// xFinal for every context it made, also when a statement stops early: xFinal releases it.
template <typename State>
State* newState(sqlite3_context* context)
{
    auto** slot = static_cast<State**>(sqlite3_aggregate_context(context, sizeof(State*)));
    if (!slot) {
        sqlite3_result_error_nomem(context);
        return nullptr;
    }
    if (!*slot)
        *slot = new State();
    return *slot;
}

template <typename State>
State* existingState(sqlite3_context* context)
{
    auto** slot = static_cast<State**>(sqlite3_aggregate_context(context, 0));
    return slot ? *slot : nullptr;
}

template <typename State>
void releaseState(sqlite3_context* context)
{
    if (auto** slot = static_cast<State**>(sqlite3_aggregate_context(context, 0))) {
        delete *slot;
        *slot = nullptr;
    }
}

/// A numeric argument (text that reads as a number counts); reports an error for other text and blobs. NULL is the
/// caller's to skip.
inline std::optional<double> numberArgument(sqlite3_context* context, sqlite3_value* value, const char* function)
{
    const int type = sqlite3_value_numeric_type(value);
    if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
        return sqlite3_value_double(value);
    const std::string message = std::string(function) + ": the values must be numbers";
    sqlite3_result_error(context, message.c_str(), -1);
    return std::nullopt;
}

/// A real as JSON: the shortest text that reads back the same; null for infinities and NaN, which JSON lacks.
inline void appendNumber(std::string& out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end);
}

} // namespace Trailscope::Core::Query::Lake::Aggregates
