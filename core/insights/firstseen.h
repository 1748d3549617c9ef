#pragma once

#include "casedb/sqlite.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Insights {

enum class FirstSeenKind { Principal, AccessKey, SourceIp, UserAgent, Region };

/// `principal`, `accessKey`, `sourceIp`, `userAgent`, `region`.
QString firstSeenKindName(FirstSeenKind kind);

/// A value whose first event in the case came after the case's first day, with that event.
struct FirstSeen
{
    FirstSeenKind kind = FirstSeenKind::Principal;
    QString value;
    std::int64_t time = 0; ///< of its first event, UTC epoch ms
    std::int64_t rowId = 0;
    QString eventId, eventSource, eventName;
};

struct FirstSeenActivity
{
    std::int64_t caseStart = 0;   ///< the case's first event (Insights events aside)
    std::int64_t firstDayEnd = 0; ///< caseStart + 24 h: values first seen from here on are listed
    std::vector<FirstSeen> items; ///< oldest first, then by kind and value
};

/// Principals (ARN, else invokedBy, else principalId), long-term access keys (temporary ASIA keys are new with every
/// session), source IPs, user agents and regions whose first event falls after the case's first day: activity that
/// starts mid-case. One pass over the case's events.
Result<FirstSeenActivity> computeFirstSeen(Sql::Database& db);

/// {"kind", "value", "eventTime", "eventID", "eventSource", "eventName"}.
QJsonObject firstSeenJson(const FirstSeen& item);

} // namespace Trailscope::Core::Insights
