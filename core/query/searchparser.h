#pragma once

#include "query/searchast.h"

#include <QStringView>

#include <expected>

namespace Trailscope::Core::Query {

template <typename T>
using SearchResult = std::expected<T, SearchError>;

/// Parses what an analyst types in the search bar:
///   eventName:RunInstances user:dev-temp-key ip:185.220.101.0/24 -readOnly:true time>=2026-02-21T18:00Z "g5.12xlarge"
/// Terms AND by default and bind tighter than `OR`; `AND`, `OR`, `NOT` (upper case) and parentheses; `-term` negates
/// and, for a field term, also matches events that lack the field. A word is a field term only when the text before
/// its first operator (`:`, `=`, `!=`, `>`, `>=`, `<`, `<=`) is a known field name or alias; anything else (such as
/// `arn:aws:iam::…`) is free text over the raw record. Values may be quoted ("a b"), `*` is a wildcard, `\` escapes.
/// Text that starts with `{` is a CloudWatch Logs JSON filter pattern (see parseFilterPattern). Empty text matches all.
SearchResult<SearchNode> parseSearch(QStringView text);

/// Parses a CloudWatch Logs JSON filter pattern `{ $.a.b = "x*" && ($.c > 1 || $.d NOT EXISTS) }` into the same tree;
/// `offset` is added to every reported position (where the pattern starts in the search bar).
SearchResult<SearchNode> parseFilterPattern(QStringView text, qsizetype offset = 0);

} // namespace Trailscope::Core::Query
