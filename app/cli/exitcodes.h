#pragma once

namespace Trailscope::Cli {

/// The exit codes every trailscope-cli command shares.
enum ExitCode : int {
    ExitOk = 0,
    ExitFatal = 1,
    ExitUsage = 2,
    ExitPartial = 3,
    ExitQueryError = 4,
    ExitInvalid = 5,   ///< verify: a log or digest file failed validation
    ExitNotFound = 6,  ///< story: the case holds no such key, ARN or event (or the event used no credential)
    ExitAmbiguous = 7, ///< story: an ARN that several chains acted as (pick one with --key)
    ExitInterrupted = 130,
};

} // namespace Trailscope::Cli
