#pragma once

#include "casedb/sqlite.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>

namespace Trailscope::Core::Query {

/// The columns of a lookup result: Event history's defaults (event time, event name, user name, event source,
/// resource type and name of the first resource) plus region, source IP, error code, read-only, account, eventID.
struct EventRow
{
    std::int64_t rowId = 0;
    std::optional<std::int64_t> time;
    QString eventName, user, eventSource, resourceType, resourceName, region, sourceIp, errorCode, account, eventId;
    std::optional<bool> readOnly;
    QString identityType;    ///< userIdentity.type, for colouring (root activity)
    std::int64_t fileId = 0; ///< the source file it came from (`source_files.id`), for the integrity marks
};

/// Reads the display columns of events by row id, one prepared statement reused. The row gives string ids, looked up
/// through a cache: names, users, regions and accounts repeat from event to event, and a seek into `strings` per
/// column was most of the cost of a row (an export of a million events: 13 µs an event).
class EventRowReader
{
public:
    explicit EventRowReader(Sql::Database& db);

    Result<EventRow> read(std::int64_t rowId);

private:
    QString string(std::int64_t id);

    Sql::Database& m_db;
    Sql::Statement m_row, m_string;
    std::unordered_map<std::int64_t, QString> m_strings; // a cache, emptied when it grows past a bound
};

} // namespace Trailscope::Core::Query
