#include "metricfilter.h"

#include "casedb/casewriter.h"
#include "query/searchparser.h"
#include "query/searchsql.h"

namespace Trailscope::Core::Detect {

Result<Query::SearchNode> parseRulePattern(const MetricFilterRule& rule)
{
    auto parsed = Query::parseFilterPattern(rule.pattern);
    if (!parsed)
        return fail(ErrorCode::QuerySyntax,
                    QStringLiteral("%1: %2").arg(parsed.error().position).arg(parsed.error().message));
    return std::move(*parsed);
}

Result<std::vector<MatchedEvent>> matchPattern(Sql::Database& db, const Query::SearchNode& pattern)
{
    const Query::CompiledSearch compiled = Query::compileSearch(pattern);
    auto statement = db.prepare("SELECT e.id, e.time, e.event_id, typeof(e.event_id) = 'blob' FROM events e WHERE " +
                                compiled.where + " ORDER BY e.time IS NULL, e.time, e.id");
    if (!statement.isValid())
        return fail(ErrorCode::Sqlite, statement.prepareError());
    for (std::size_t i = 0; i < compiled.parameters.size(); ++i)
        Query::bindParameter(statement, static_cast<int>(i) + 1, compiled.parameters[i]);
    std::vector<MatchedEvent> events;
    int step = SQLITE_ROW;
    while ((step = statement.step()) == SQLITE_ROW) {
        MatchedEvent event;
        event.row = statement.columnInt(0);
        if (!statement.columnIsNull(1))
            event.time = statement.columnInt(1);
        event.eventId = QString::fromStdString(decodeStoredId(statement.columnBlob(2), statement.columnInt(3) != 0));
        events.push_back(std::move(event));
    }
    if (step != SQLITE_DONE)
        return fail(ErrorCode::Sqlite, db.lastError());
    return events;
}

std::optional<Finding> alarmFinding(const MetricFilterRule& rule, const std::vector<MatchedEvent>& events)
{
    const std::int64_t period = std::int64_t(std::max(rule.windowMinutes, 1)) * 60'000;
    const std::int64_t threshold = std::max(rule.threshold, 1);
    Finding finding;
    finding.rule = rule.info;
    // Events come oldest first, so each period's events are one run.
    for (std::size_t begin = 0; begin < events.size();) {
        if (!events[begin].time)
            break;
        const std::int64_t time = *events[begin].time;
        const std::int64_t start = time - ((time % period) + period) % period;
        std::size_t end = begin;
        while (end < events.size() && events[end].time && *events[end].time < start + period)
            ++end;
        if (std::int64_t(end - begin) >= threshold) {
            finding.windows.push_back({start, start + period, std::int64_t(end - begin)});
            for (std::size_t i = begin; i < end; ++i) {
                finding.eventIds.append(events[i].eventId);
                finding.eventRows.push_back(events[i].row);
            }
            if (finding.count == 0)
                finding.first = time;
            finding.last = *events[end - 1].time;
            finding.count += std::int64_t(end - begin);
        }
        begin = end;
    }
    if (finding.count == 0)
        return std::nullopt;
    return finding;
}

Result<std::optional<Finding>> evaluateMetricFilter(Sql::Database& db, const MetricFilterRule& rule)
{
    auto pattern = parseRulePattern(rule);
    if (!pattern)
        return std::unexpected(pattern.error());
    auto events = matchPattern(db, *pattern);
    if (!events)
        return std::unexpected(events.error());
    return alarmFinding(rule, *events);
}

} // namespace Trailscope::Core::Detect
