#pragma once

#include <QLoggingCategory>

namespace Trailscope::Core {

Q_DECLARE_LOGGING_CATEGORY(logImport) // trailscope.import
Q_DECLARE_LOGGING_CATEGORY(logDb)     // trailscope.db

} // namespace Trailscope::Core
