#pragma once

#include "casedb/sqlite.h"

#include <optional>
#include <string>

namespace Trailscope::Core::Story {

/// The eventNames whose responses hand out an access key.
inline constexpr const char* IssuingEventNames[] = {
    "AssumeRole",      "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity",
    "GetSessionToken", "GetFederationToken", "CreateAccessKey"};

/// The first event `credential_links` does not cover from below: 1 when it covers all, 0 when the table is missing
/// (it covers nothing).
std::int64_t credentialLinksFrom(Sql::Database& db);

/// SQL true where the links table's row `alias` issued the key bound as `parameter`, through its ts_hash index.
std::string issuedKeyIs(const std::string& alias, const std::string& parameter);

/// The table to read the case's credential links from (columns as `credential_links`): the case's own when it covers
/// every event, else a temporary table holding its rows and the links of the earlier events, read from their
/// records now. `fromRecords` tells which.
Result<std::string> credentialLinksTable(Sql::Database& db, bool& fromRecords);

} // namespace Trailscope::Core::Story
