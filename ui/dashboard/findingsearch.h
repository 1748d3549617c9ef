#pragma once

#include "dashboard/dashboarddata.h"

#include "query/searchast.h"

namespace Trailscope::Ui {

/// The search trees the dashboard hands the browser: built from field nodes and the AST's combinators, never from
/// search text, so a value with quotes, stars or spaces means itself.
namespace FindingSearch {

/// `field` matches `value` literally; an All node when the field is unknown or the value empty.
Core::Query::SearchNode fieldIs(std::string_view field, const QString& value);
/// The events an episode counted: its API, account and region (and error code for an error-rate insight).
Core::Query::SearchNode episodeEvents(const DashboardFinding& finding);
/// The events of one row of a who/what/where table.
Core::Query::SearchNode activityEvents(Core::Insights::ActivityDimension dimension,
                                       const Core::Insights::ActivityRow& row);
/// `node` negated.
Core::Query::SearchNode excluding(Core::Query::SearchNode node);
/// The principal's field by its shape: an ARN (userArn), an AWS service (invokedBy), else the principalId.
Core::Query::SearchNode principalIs(const QString& principal);

} // namespace FindingSearch

} // namespace Trailscope::Ui
