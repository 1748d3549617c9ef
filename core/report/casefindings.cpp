#include "casefindings.h"

#include "detect/detector.h"
#include "detect/rulestore.h"
#include "insights/insightfinder.h"
#include "insights/insightrecord.h"
#include "query/searchast.h"
#include "query/searchsql.h"

namespace Trailscope::Core::Report {

namespace {

constexpr int PageEvents = 10000;

Query::SearchNode episodeEvents(const Insights::InsightFinding& finding)
{
    std::vector<Query::SearchNode> terms{
        Query::fieldIs("eventSource", finding.eventSource), Query::fieldIs("eventName", finding.eventName),
        Query::fieldIs("account", finding.account), Query::fieldIs("region", finding.region)};
    if (finding.type == Insights::InsightType::ApiErrorRate)
        terms.push_back(Query::fieldIs("errorCode", finding.errorCode));
    return Query::allOf(std::move(terms));
}

Result<std::vector<std::int64_t>> episodeRows(Sql::Database& db, const Insights::InsightFinding& finding)
{
    Query::SearchOptions window;
    window.start = finding.startTime();
    window.end = finding.endTime();
    window.order = Query::SortOrder::OldestFirst;
    auto search = Query::EventSearch::create(db, episodeEvents(finding), window);
    if (!search)
        return std::unexpected(search.error());
    std::vector<std::int64_t> rows;
    std::optional<Query::EventKey> after;
    for (;;) {
        auto page = search->page(after, PageEvents);
        if (!page)
            return std::unexpected(page.error());
        for (const Query::EventKey& key : *page)
            rows.push_back(key.rowId);
        if (static_cast<int>(page->size()) < PageEvents)
            return rows;
        after = page->back();
    }
}

Result<void> addDetections(const QString& casePath, Sql::Database& db, std::vector<CaseFinding>& into)
{
    auto rules = Detect::caseRuleSet(db);
    if (!rules)
        return std::unexpected(rules.error());
    auto findings = Detect::runDetections(casePath, db, *rules);
    if (!findings)
        return std::unexpected(findings.error());
    for (Detect::Finding& finding : *findings)
        into.push_back({CaseFinding::Kind::Detection, finding.rule.id, finding.rule.title, finding.rule.level,
                        finding.first, finding.last, std::move(finding.eventRows)});
    return {};
}

Result<void> addInsights(Sql::Database& db, std::vector<CaseFinding>& into)
{
    auto findings = Insights::computeInsights(db, {});
    if (!findings)
        return std::unexpected(findings.error());
    for (const Insights::InsightFinding& finding : *findings) {
        auto rows = episodeRows(db, finding);
        if (!rows)
            return std::unexpected(rows.error());
        QString title = Insights::insightTypeName(finding.type) + u' ' + finding.eventSource + u' ' + finding.eventName;
        if (!finding.errorCode.isEmpty())
            title += u' ' + finding.errorCode;
        into.push_back({CaseFinding::Kind::Insight, Insights::sharedEventId(finding), title, QString(),
                        finding.startTime(), finding.endTime(), std::move(*rows)});
    }
    return {};
}

} // namespace

Result<std::vector<CaseFinding>> caseFindings(const QString& casePath, Sql::Database& db)
{
    std::vector<CaseFinding> findings;
    if (auto detected = addDetections(casePath, db, findings); !detected)
        return std::unexpected(detected.error());
    if (auto insights = addInsights(db, findings); !insights)
        return std::unexpected(insights.error());
    return findings;
}

QString findingKindName(CaseFinding::Kind kind)
{
    return kind == CaseFinding::Kind::Detection ? QStringLiteral("detection") : QStringLiteral("insight");
}

} // namespace Trailscope::Core::Report
