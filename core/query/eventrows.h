#pragma once

#include "casedb/sqlite.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace Trailscope::Core::Query {

/// The columns of a lookup result: Event history's defaults (event time, event name, user name, event source,
/// resource type and name of the first resource) plus region, source IP, error code, read-only, account, eventID.
struct EventRow
{
    std::int64_t rowId = 0;
    std::optional<std::int64_t> time;
    QString eventName, user, eventSource, resourceType, resourceName, region, sourceIp, errorCode, account, eventId;
    std::optional<bool> readOnly;
    QString identityType; ///< userIdentity.type, for colouring (root activity)
};

/// Reads the display columns of events by row id, one prepared statement reused.
class EventRowReader
{
public:
    explicit EventRowReader(Sql::Database& db);

    Result<EventRow> read(std::int64_t rowId);

private:
    Sql::Database& m_db;
    Sql::Statement m_row;
};

} // namespace Trailscope::Core::Query
