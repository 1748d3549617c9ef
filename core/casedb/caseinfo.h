#pragma once

#include "util/error.h"

#include <QJsonObject>
#include <QString>

namespace Trailscope::Core {

/// Summary of a case: events, time span, accounts, regions, sources, coverage and import sessions, in the JSON
/// shape `trailscope-cli info --json` prints (times ISO-8601 UTC with milliseconds).
Result<QJsonObject> readCaseInfo(const QString& casePath);

} // namespace Trailscope::Core
