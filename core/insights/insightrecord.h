#pragma once

#include "insights/insightfinding.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Insights {

enum class InsightState { Start, End };

/// `ApiCallRateInsight` or `ApiErrorRateInsight`.
QString insightTypeName(InsightType type);

/// The sharedEventID of a finding's Start and End: a UUID (version 8, RFC 9562) from a SHA-256 of what the finding is
/// about and where it starts, so the same case gives the same IDs on every run and machine.
QString sharedEventId(const InsightFinding& finding);

/// One of the finding's Insights events in the record shape of a trail's CloudTrail-Insight file (eventVersion,
/// eventTime, awsRegion, eventID, eventType, recipientAccountId, sharedEventID, insightDetails, eventCategory), plus
/// "origin": "trailscope". eventTime is the start (Start) or the end (End) of the episode.
QJsonObject insightRecord(const InsightFinding& finding, InsightState state);

/// Every finding's Start and, where the episode ended, its End.
std::vector<QJsonObject> insightRecords(const std::vector<InsightFinding>& findings);

/// The time a record names in eventTime, UTC epoch ms (0 when it has none it can read).
std::int64_t recordTime(const QJsonObject& record);

} // namespace Trailscope::Core::Insights
