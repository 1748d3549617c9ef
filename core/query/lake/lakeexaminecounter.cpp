// Progress in translated Lake SQL: each loop over the events view counts the event rows it visits, with a call of
// the query connection's `ts_examine` first in its SELECT's WHERE.
#include "translator.h"

#include <algorithm>

namespace Trailscope::Core::Query::Lake {

namespace {

// A SELECT of count(*) alone: SQLite counts an index's entries without visiting the rows.
bool onlyCountsRows(const SelectCore& c)
{
    if (c.where || !c.groupBy.empty() || c.having || c.items.empty())
        return false;
    return std::all_of(c.items.begin(), c.items.end(), [](const SelectItem& item) {
        const Expr& e = item.expr;
        return e.kind == Expr::Kind::Function && e.text.compare(QLatin1String("count"), Qt::CaseInsensitive) == 0 &&
               e.args.size() == 1 && e.args.front().kind == Expr::Kind::Star && !e.elseExpr && !e.over;
    });
}

} // namespace

std::string Translator::examineCondition(const SelectCore& c, const Scope& scope)
{
    if (!m_countExamined || onlyCountsRows(c))
        return {};
    // SQLite runs a non-deterministic condition that names no table once per row of the outermost loop. Where the
    // events are alone in a SELECT that no join or WITH can merge into another, that loop is theirs, and the counter
    // need not read the row id from the index (less than half the cost).
    const bool alone = scope.sources.size() == 1 && m_sharedFroms == 0 && m_commonTables == 0;
    std::string condition;
    for (const Source& source : scope.sources) {
        if (source.kind != Source::Kind::Events)
            continue;
        ++m_examineCount;
        if (m_expressionQueries > 0 || m_commonTables > 0 || m_sharedFroms > 0)
            m_examineOnce = false;
        // First in the WHERE, reading the row id at most, so SQLite runs it on every index entry or row the loop
        // visits before any other condition; likelihood 1.0 keeps the planner from taking it for a narrowing filter.
        if (!condition.empty())
            condition += " AND ";
        if (alone)
            condition += "likelihood(ts_examine(), 1.0)";
        else
            condition.append("likelihood(ts_examine(").append(source.alias).append(".id), 1.0)");
    }
    return condition;
}

} // namespace Trailscope::Core::Query::Lake
