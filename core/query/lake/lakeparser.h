#pragma once

#include "query/lake/lakeast.h"

namespace Trailscope::Core::Query::Lake {

/// Parses one statement (the tokens of splitStatements()) of the SELECT subset CloudTrail Lake queries use:
/// WITH, SELECT [DISTINCT] with aliases, FROM with aliases, joins and subqueries, WHERE, GROUP BY, HAVING,
/// ORDER BY (NULLS FIRST/LAST), LIMIT, OFFSET, UNION/EXCEPT/INTERSECT [ALL], and expressions with CASE, CAST,
/// IN, LIKE … ESCAPE, BETWEEN, IS [NOT] NULL, IS [NOT] DISTINCT FROM, EXISTS, function calls (count(*), DISTINCT
/// arguments, OVER windows with frames, WINDOW clauses), dotted names, subscripts, field access on any value, INTERVAL
/// and typed literals.
/// In FROM, any run of adjacent words, numbers, `-` and `:` (an event data store ID, hyphenated or not), `$EDS_ID`
/// and `<EDS ID>` is one table name. Errors are ErrorCode::QuerySyntax at the offending token.
Result<QueryExpr> parseStatement(const std::vector<Token>& tokens);

/// Whether the statement's first word makes it a query the Lake parser reads (SELECT, WITH, or a parenthesis).
bool looksLikeQuery(const std::vector<Token>& tokens);

} // namespace Trailscope::Core::Query::Lake
