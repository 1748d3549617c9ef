#pragma once

#include "casedb/sqlite.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Story {

/// Where a story starts: an access key, a principal's ARN, or any event's eventID.
struct StorySeed
{
    enum class Kind { AccessKey, Arn, EventId };
    Kind kind = Kind::AccessKey;
    QString value;
};

/// The start of a credential chain. `type` is one of:
/// "IAMUser", "Root" (a long-term key: accessKeyId is it), "ConsoleLogin" (a console sign-in: eventID is the
/// sign-in, when the case holds it), "SAMLUser", "WebIdentityUser", "AWSService", … (the userIdentity.type of a
/// caller that had no key: eventID is the call that issued the first key), or "OutsideCase" (the first key's
/// issuing event is not in the case: accessKeyId is that key, arn the principal it acted as).
struct StoryOrigin
{
    QString type;
    QString arn;         ///< the principal, the identity provider (SAML, web identity) or the service
    QString accessKeyId; ///< empty: none
    QString eventId;     ///< empty: none
    QString subject;     ///< the person a federation names (SAML subject, web identity subject, userName)
    QString sourceIdentity;
};

/// One access key of the chain and the event that issued it.
struct StoryKey
{
    QString accessKeyId;
    QString principal; ///< the ARN the key acts as
    QString issuedBy; ///< the eventID of the issuing event (AssumeRole, CreateAccessKey, ConsoleLogin, …); empty: none
    QString issuedByName;
    QString parent;            ///< the key that called the issuing event; empty: none (the origin, or a federation)
    std::int64_t issuedAt = 0; ///< epoch ms, 0: unknown
    QString sourceIdentity;
};

/// An event done with one of the chain's keys.
struct StoryEvent
{
    std::int64_t row = 0; ///< events.id
    std::int64_t time = 0;
    QString eventId, eventName, accessKeyId, account, region;
};

/// The ancestry of the seed's keys up to the origin, and every key issued under the seed's keys, recursively
/// (`keys`: origin first, then in the order they were found, parents before children), with every event done with
/// any of them in time order, across accounts and regions. Chains follow access keys, never role or session names.
struct CredentialStory
{
    StoryOrigin origin;
    std::vector<StoryKey> keys;
    std::vector<StoryEvent> events;
    /// The case predates credential_links (or part of it does): those links were read from the records just now.
    bool linksReadFromRecords = false;
};

/// The stories of `seed`: none when the case holds no such key, ARN or event (or the event used no credential),
/// one for a key or an event, one per origin for an ARN (two people acting as the same role session name are two
/// stories). `db` is a case connection (read-only is enough).
Result<std::vector<CredentialStory>> stories(Sql::Database& db, const StorySeed& seed);

/// Whether every stored event is covered by `credential_links` (false for a case made before it, until its events
/// are imported again); stories() then reads the issuing events' records itself.
bool credentialLinksComplete(Sql::Database& db);

} // namespace Trailscope::Core::Story

// Seeds travel in signals (the detail pane's, the dashboard's, the lookups' answers).
Q_DECLARE_METATYPE(Trailscope::Core::Story::StorySeed)
