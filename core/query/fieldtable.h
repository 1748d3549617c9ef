#pragma once

#include <QStringView>

#include <array>
#include <span>
#include <string_view>

namespace Trailscope::Core::Query {

/// What a field's values are and so which comparisons it takes.
enum class ValueKind {
    Exact,    ///< whole-value equality only (IDs)
    Wildcard, ///< equality, or a pattern with `*`
    Cidr,     ///< an IPv4/IPv6 address or network; other text (service names) as Wildcard
    Time,     ///< a UTC instant or a calendar unit (day, hour, ...); ordered
    Number,   ///< a number; ordered (eventVersion compares as major.minor)
    Boolean,  ///< true or false
};

/// Where a field lives in the case (README "The case file").
enum class Storage {
    EventString,    ///< events.<column> holds an id into `strings`
    IdentityString, ///< identities.<column> holds an id into `strings`; events.identity → identities.id
    TlsString,      ///< tls_profiles.<column> holds an id into `strings`; events.tls → tls_profiles.id
    EventCompactId, ///< events.<column>: a 16-byte blob for canonical lowercase UUIDs, else the text
    EventFlag,      ///< events.<column>: 1, 0 or NULL
    EventTime,      ///< events.time, UTC epoch milliseconds
    EventVersion,   ///< events.version_major and events.version_minor
    ResourceArn,    ///< resources.arn (a full ARN, or an ARNPrefix when arn_is_prefix = 1)
    ResourceType,   ///< resources.type
};

/// One searchable field. The search bar, the filter patterns, the CLI and (later) facets and rules share this table.
struct FieldDef
{
    std::string_view name;                   ///< canonical name, as printed
    std::array<std::string_view, 3> aliases; ///< further names; unused slots are empty
    std::string_view jsonPath;               ///< the record's key path (also a name); empty when derived
    Storage storage;                         ///< table and shape
    std::string_view column;                 ///< column in the table of `storage`
    ValueKind kind;                          ///< comparisons the search bar accepts
    bool caseInsensitive;                    ///< search-bar values match ignoring ASCII case
    std::string_view index;                  ///< index of caseschema.cpp that serves a lookup; empty: none
};

/// Every field, in documentation order.
std::span<const FieldDef> fields();

/// The field called `name` (canonical name, alias or JSON path), compared ignoring ASCII case; nullptr if none.
const FieldDef* findField(QStringView name);

/// The field whose record key path is exactly `path` (case-sensitive, as filter-pattern selectors are).
const FieldDef* fieldForJsonPath(QStringView path);

} // namespace Trailscope::Core::Query
