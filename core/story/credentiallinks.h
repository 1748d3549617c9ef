#pragma once

#include "casedb/sqlite.h"

#include <optional>
#include <string>
#include <string_view>

namespace Trailscope::Core::Story {

/// The eventNames whose responses hand out an access key.
inline constexpr const char* IssuingEventNames[] = {
    "AssumeRole",      "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity",
    "GetSessionToken", "GetFederationToken", "CreateAccessKey"};

/// What a record that handed out a key says about it: the fields the importer keeps in `credential_links`, and the
/// principal the key acts as (assumedRoleUser.arn, federatedUser.arn, or a new key's userName).
struct CredentialRecord
{
    std::string issuedKey;
    std::optional<std::string> principal, subject, provider, sourceIdentity;
};

/// The link of one record (JSON text), nothing when it hands out no key.
std::optional<CredentialRecord> credentialRecordOf(std::string_view json);

/// The first event `credential_links` does not cover from below: 1 when it covers all, 0 when the table is missing
/// (it covers nothing).
std::int64_t credentialLinksFrom(Sql::Database& db);

/// The table to read the case's credential links from (columns as `credential_links`): the case's own when it covers
/// every event, else a temporary table holding its rows and the links of the earlier events, read from their
/// records now. `fromRecords` tells which.
Result<std::string> credentialLinksTable(Sql::Database& db, bool& fromRecords);

} // namespace Trailscope::Core::Story
