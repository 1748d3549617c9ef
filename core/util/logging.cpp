#include "logging.h"

namespace Trailscope::Core {

Q_LOGGING_CATEGORY(logImport, "trailscope.import", QtWarningMsg)
Q_LOGGING_CATEGORY(logDb, "trailscope.db", QtWarningMsg)

} // namespace Trailscope::Core
