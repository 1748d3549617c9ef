#pragma once

#include "casedb/sqlite.h"
#include "integrity/integrityreport.h"

#include <QString>

#include <cstdint>
#include <unordered_map>

namespace Trailscope::Core::Integrity {

/// The case's source files a validation could not vouch for, by `source_files.id`, each with what it said:
/// `INVALID: hash value doesn't match`, `INVALID: not listed in any digest file`, or that no digest covers its
/// delivery. Their events are the ones the window marks.
using FlaggedFiles = std::unordered_map<std::int64_t, QString>;

/// Matches the report's log files to the case's source files by their key from `AWSLogs/` on (what a digest names,
/// whatever folder or archive they were read from), so a validation of the originals marks the events the case
/// imported from them too. Files that are valid, and digest files, are not flagged.
Result<FlaggedFiles> flaggedSourceFiles(Sql::Database& db, const IntegrityReport& report);

} // namespace Trailscope::Core::Integrity
