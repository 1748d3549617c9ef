#include "lakejson.h"

#include <sqlite3.h>

#include <charconv>

namespace Trailscope::Core::Query::Lake {

namespace dom = simdjson::dom;

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
        const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

void appendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

std::string encodeSteps(const JsonSteps& steps)
{
    std::string out = "[";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (i > 0)
            out += ',';
        const JsonStep& step = steps[i];
        if (step.kind == JsonStep::Kind::Index)
            out += std::to_string(step.index);
        else
            appendJsonString(out, (step.kind == JsonStep::Kind::Field ? "." : "=") + step.name);
    }
    return out + ']';
}

std::optional<JsonSteps> decodeSteps(std::string_view spec)
{
    dom::parser parser;
    dom::element root;
    dom::array items;
    if (parser.parse(spec.data(), spec.size()).get(root) != simdjson::SUCCESS || root.get_array().get(items))
        return std::nullopt;
    JsonSteps steps;
    for (const dom::element item : items) {
        JsonStep step;
        std::string_view text;
        std::int64_t index = 0;
        if (item.get_int64().get(index) == simdjson::SUCCESS) {
            step.kind = JsonStep::Kind::Index;
            step.index = index;
        } else if (item.get_string().get(text) == simdjson::SUCCESS && !text.empty()) {
            step.kind = text.front() == '.' ? JsonStep::Kind::Field : JsonStep::Kind::Key;
            step.name = std::string(text.substr(1));
        } else {
            return std::nullopt;
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

std::optional<JsonSteps> parseJsonPath(std::string_view path)
{
    std::size_t pos = 0;
    while (pos < path.size() && path[pos] == ' ')
        ++pos;
    if (pos >= path.size() || path[pos] != '$')
        return std::nullopt;
    ++pos;
    JsonSteps steps;
    while (pos < path.size()) {
        const char c = path[pos];
        if (c == '.') {
            const std::size_t start = ++pos;
            while (pos < path.size() && path[pos] != '.' && path[pos] != '[')
                ++pos;
            if (pos == start)
                return std::nullopt;
            steps.push_back({JsonStep::Kind::Key, std::string(path.substr(start, pos - start)), 0});
        } else if (c == '[') {
            ++pos;
            if (pos < path.size() && (path[pos] == '"' || path[pos] == '\'')) {
                const char quote = path[pos++];
                std::string key;
                while (pos < path.size() && path[pos] != quote) {
                    if (path[pos] == '\\' && pos + 1 < path.size())
                        ++pos;
                    key += path[pos++];
                }
                if (pos >= path.size())
                    return std::nullopt;
                ++pos;
                steps.push_back({JsonStep::Kind::Key, key, 0});
            } else {
                std::int64_t index = 0;
                const auto [end, error] = std::from_chars(path.data() + pos, path.data() + path.size(), index);
                if (error != std::errc() || index < 0)
                    return std::nullopt;
                pos = static_cast<std::size_t>(end - path.data());
                steps.push_back({JsonStep::Kind::Index, {}, index});
            }
            if (pos >= path.size() || path[pos] != ']')
                return std::nullopt;
            ++pos;
        } else if (c == ' ') {
            ++pos;
        } else {
            return std::nullopt;
        }
    }
    return steps;
}

std::optional<dom::element> walk(dom::element value, const JsonSteps& steps)
{
    for (const JsonStep& step : steps) {
        if (step.kind == JsonStep::Kind::Index) {
            dom::array array;
            dom::element item;
            if (value.get_array().get(array) != simdjson::SUCCESS || step.index < 0 ||
                array.at(static_cast<std::size_t>(step.index)).get(item) != simdjson::SUCCESS)
                return std::nullopt;
            value = item;
            continue;
        }
        dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS)
            return std::nullopt;
        dom::element found;
        if (object.at_key(step.name).get(found) == simdjson::SUCCESS) {
            value = found;
            continue;
        }
        if (step.kind == JsonStep::Kind::Key)
            return std::nullopt;
        bool matched = false;
        for (const dom::key_value_pair member : object) {
            if (equalsIgnoringCase(member.key, step.name)) {
                value = member.value;
                matched = true;
                break;
            }
        }
        if (!matched)
            return std::nullopt;
    }
    return value;
}

void setResult(sqlite3_context* context, dom::element value)
{
    switch (value.type()) {
    case dom::element_type::STRING: {
        const std::string_view text = value.get_string().value_unsafe();
        sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return;
    }
    case dom::element_type::INT64:
        sqlite3_result_int64(context, value.get_int64().value_unsafe());
        return;
    case dom::element_type::UINT64:
        sqlite3_result_double(context, static_cast<double>(value.get_uint64().value_unsafe()));
        return;
    case dom::element_type::DOUBLE:
        sqlite3_result_double(context, value.get_double().value_unsafe());
        return;
    case dom::element_type::BOOL:
        sqlite3_result_text(context, value.get_bool().value_unsafe() ? "true" : "false", -1, SQLITE_STATIC);
        return;
    case dom::element_type::NULL_VALUE:
        sqlite3_result_null(context);
        return;
    default: {
        const std::string json = simdjson::minify(value);
        sqlite3_result_text(context, json.data(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
        return;
    }
    }
}

void setScalarText(sqlite3_context* context, dom::element value)
{
    switch (value.type()) {
    case dom::element_type::STRING: {
        const std::string_view text = value.get_string().value_unsafe();
        sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return;
    }
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
    case dom::element_type::BOOL: {
        const std::string text = simdjson::to_string(value);
        sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return;
    }
    default:
        sqlite3_result_null(context);
        return;
    }
}

} // namespace Trailscope::Core::Query::Lake
