#include "findingsearch.h"

namespace Trailscope::Ui::FindingSearch {

using Core::Query::SearchNode;

SearchNode fieldIs(std::string_view field, const QString& value)
{
    return Core::Query::fieldIs(field, value);
}

SearchNode principalIs(const QString& principal)
{
    if (principal.startsWith(QLatin1String("arn:")))
        return fieldIs("userArn", principal);
    if (principal.endsWith(QLatin1String(".amazonaws.com")))
        return fieldIs("invokedBy", principal);
    return fieldIs("principalId", principal);
}

SearchNode episodeEvents(const DashboardFinding& finding)
{
    std::vector<SearchNode> terms{fieldIs("eventSource", finding.eventSource), fieldIs("eventName", finding.eventName),
                                  fieldIs("account", finding.account), fieldIs("region", finding.region)};
    if (finding.type == Core::Insights::InsightType::ApiErrorRate)
        terms.push_back(fieldIs("errorCode", finding.errorCode));
    return Core::Query::allOf(std::move(terms));
}

SearchNode activityEvents(Core::Insights::ActivityDimension dimension, const Core::Insights::ActivityRow& row)
{
    using Core::Insights::ActivityDimension;
    switch (dimension) {
    case ActivityDimension::Principal:
        return principalIs(row.value);
    case ActivityDimension::AccessKey:
        return fieldIs("accessKeyId", row.value);
    case ActivityDimension::SourceIp:
        return fieldIs("ip", row.value);
    case ActivityDimension::UserAgent:
        return fieldIs("userAgent", row.value);
    case ActivityDimension::Region:
        return fieldIs("region", row.value);
    case ActivityDimension::Account:
        return fieldIs("account", row.value);
    case ActivityDimension::PrincipalEventSource:
        return Core::Query::allOf({principalIs(row.value), fieldIs("eventSource", row.eventSource)});
    case ActivityDimension::Api:
        return Core::Query::allOf({fieldIs("eventSource", row.eventSource), fieldIs("eventName", row.value)});
    }
    return {};
}

SearchNode excluding(SearchNode node)
{
    SearchNode negated;
    negated.kind = SearchNode::Kind::Not;
    negated.position = node.position;
    negated.children.push_back(std::move(node));
    return negated;
}

} // namespace Trailscope::Ui::FindingSearch
