#pragma once

#include "casedb/sqlite.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Report {

/// A finding as a report lists it and `trailscope-cli export --finding ID` names it: plain data, so the renderers need
/// neither the rules nor the insight model.
struct CaseFinding
{
    enum class Kind { Detection, Insight };

    Kind kind = Kind::Detection;
    /// A detection: its rule's id, as `detect` prints it (RULE, or rule.id in JSON); an insight: its sharedEventID, as
    /// `insights --format json` prints it. The same case gives the same ids on every run.
    QString id;
    QString title;                       ///< the rule's title; an insight's type and API
    QString level;                       ///< the rule's level; empty for an insight
    std::int64_t first = 0, last = 0;    ///< UTC epoch ms of the first and last event; 0 when unknown
    std::vector<std::int64_t> eventRows; ///< the events it counted, oldest first
};

/// The detection rules that fired (the case's rule set as `detect` runs it: the enabled shipped rules and the case's
/// own), then Trailscope's own insights (medium sensitivity, management events, as
/// `insights` computes them by default), each with its events. An insight's events are its episode's calls: its API,
/// account and region (and error code for an error-rate insight) from its start until its end.
Result<std::vector<CaseFinding>> caseFindings(const QString& casePath, Sql::Database& db);

/// `Detection` → "detection", `Insight` → "insight".
QString findingKindName(CaseFinding::Kind kind);

} // namespace Trailscope::Core::Report
