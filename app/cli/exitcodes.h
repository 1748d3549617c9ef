#pragma once

namespace Trailscope::Cli {

/// The exit codes every trailscope-cli command shares.
enum ExitCode : int {
    ExitOk = 0,
    ExitFatal = 1,
    ExitUsage = 2,
    ExitPartial = 3,
    ExitQueryError = 4,
    ExitInvalid = 5, ///< verify: a log or digest file failed validation
    ExitInterrupted = 130,
};

} // namespace Trailscope::Cli
