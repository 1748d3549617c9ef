#pragma once

#include "casedb/sqlite.h"

#include <QString>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace Trailscope::Core::Insights {

/// What the insights need of one event_contexts row: ids into `strings` (0 for absent) and the event's class.
struct ContextFacts
{
    std::int64_t account = 0; ///< recipientAccountId
    std::int64_t region = 0;
    std::int64_t agent = 0;
    bool insightRecord = false; ///< an Insights event (AwsCloudTrailInsight): not activity of its own
    bool management = false;
    bool data = false;
    bool write = false; ///< readOnly false; an event without readOnly is not counted as a write
};

/// What the insights need of one identities row, as ids into `strings` (0 for absent).
struct IdentityFacts
{
    /// The principal an analyst names: the ARN, else invokedBy (AWS services), else the principalId.
    std::int64_t principal = 0;
    std::int64_t accessKey = 0;
};

/// The small dimension tables of a case, read whole (a few thousand rows) and indexed by row id.
struct CaseDimensions
{
    std::vector<ContextFacts> contexts;
    std::vector<IdentityFacts> identities;

    const ContextFacts& context(std::int64_t id) const;
    const IdentityFacts& identity(std::int64_t id) const;
};

Result<CaseDimensions> readCaseDimensions(Sql::Database& db);

/// `strings` values by id, each read once.
class StringNames
{
public:
    explicit StringNames(Sql::Database& db);
    /// The value; `absent` for id 0 or an id without a row.
    QString operator()(std::int64_t id, const QString& absent = {});

private:
    Sql::Statement m_lookup;
    std::unordered_map<std::int64_t, QString> m_names;
};

} // namespace Trailscope::Core::Insights
