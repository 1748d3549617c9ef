#pragma once

// Internal to core: evaluates resource-table paths on a parsed record. Includes simdjson, so only core's .cpp
// files include it.

#include "record/derivedresources.h"
#include "record/resourcetable.h"

#include <simdjson.h>

#include <string>
#include <string_view>

namespace Trailscope::Core {

/// Calls `visit(name)` for each value at `path` (see ResourcePath): strings as they are, numbers as printed.
template <typename Visit>
void visitResourcePath(simdjson::dom::element value, std::string_view path, const Visit& visit)
{
    namespace dom = simdjson::dom;
    if (path.empty()) {
        if (value.is_string()) {
            visit(std::string_view(value.get_string().value_unsafe()));
        } else if (value.is_int64() || value.is_uint64()) {
            visit(std::string_view(simdjson::to_string(value)));
        } else if (dom::array items; value.get_array().get(items) == simdjson::SUCCESS) {
            for (const dom::element item : items)
                if (item.is_string())
                    visit(std::string_view(item.get_string().value_unsafe()));
        }
        return;
    }
    const std::size_t dot = path.find('.');
    std::string_view segment = path.substr(0, dot);
    const std::string_view rest = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    const bool eachItem = segment.ends_with("[]");
    if (eachItem)
        segment.remove_suffix(2);
    dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS)
        return;
    dom::element child;
    if (object.at_key(segment).get(child) != simdjson::SUCCESS)
        return;
    if (!eachItem) {
        visitResourcePath(child, rest, visit);
        return;
    }
    dom::array items;
    if (child.get_array().get(items) != simdjson::SUCCESS)
        return;
    for (const dom::element item : items)
        visitResourcePath(item, rest, visit);
}

/// Calls `found(type, name)` for each resource the table derives for `record` (its source and name given), each
/// (type, name) pair once.
template <typename Found>
void visitDerivedResources(simdjson::dom::element record, std::string_view eventSource, std::string_view eventName,
                           const Found& found)
{
    const ResourceRule* rule = findResourceRule(eventSource, eventName);
    if (!rule)
        return;
    std::vector<std::pair<std::string_view, std::string>> seen;
    for (const ResourcePath& resource : rule->resources) {
        if (resource.type.empty())
            break;
        visitResourcePath(record, resource.path, [&](std::string_view name) {
            if (name.empty())
                return;
            for (const auto& [type, known] : seen)
                if (type == resource.type && known == name)
                    return;
            seen.emplace_back(resource.type, std::string(name));
            found(resource.type, name);
        });
    }
}

} // namespace Trailscope::Core
