#pragma once

#include "casedb/sqlite.h"

#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <vector>

namespace Trailscope::Core::Insights {

/// The Insights events AWS delivered (CloudTrail-Insight files, imported into `insights`) whose eventTime is in
/// [since, until), oldest first: each record exactly as delivered, plus "origin": "aws".
Result<std::vector<QJsonObject>> deliveredInsights(Sql::Database& db, std::optional<std::int64_t> since,
                                                   std::optional<std::int64_t> until);

} // namespace Trailscope::Core::Insights
