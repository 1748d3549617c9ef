#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Trailscope::Core {

/// A string held in a batch's text arena: cheap to copy, resolved against `EventBatch::text`.
struct TextRef
{
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    bool present = false;
};

/// How the stored bytes at a record's location become the record.
enum class RecordEncoding : int {
    Json = 0,         ///< the bytes are the record object
    LookupEvents = 1, ///< the bytes are a lookup-events item; the record is its CloudTrailEvent string
};

/// Per-event flags, stored in `events.flags`.
enum EventFlag : std::uint32_t {
    FlagUnusableTime = 1u << 0,      ///< eventTime missing or unparseable; `time` is NULL
    FlagSynthesizedId = 1u << 1,     ///< eventID missing; a stable ID was derived from the content
    FlagTimeFromTimestamp = 1u << 2, ///< eventTime missing; `time` is the Logstash/Elastic `@timestamp`
};

/// The userIdentity of an event, interned as one row per distinct combination.
struct IdentityFields
{
    TextRef type, principalId, arn, accountId, accessKeyId, userName, invokedBy;
    TextRef issuerType, issuerPrincipalId, issuerArn, issuerName, issuerAccountId;
    TextRef mfaAuthenticated, sessionCreated, sourceIdentity, identityProvider;
    TextRef user; ///< derived: userName, else assumed-role session name, else issuer name, else invokedBy
};

/// What an event that hands out credentials says about them (AssumeRole*, GetSessionToken, GetFederationToken:
/// responseElements.credentials; CreateAccessKey: responseElements.accessKey). Present when issuedKey is.
struct CredentialFields
{
    TextRef issuedKey;      ///< the access key ID the call returned
    TextRef principal;      ///< assumedRoleUser.arn, federatedUser.arn, or accessKey.userName (CreateAccessKey)
    TextRef subject;        ///< the person a federation names: SAML subject, subjectFromWebIdentityToken
    TextRef provider;       ///< the identity provider: requestParameters.principalArn (SAML), responseElements.provider
    TextRef sourceIdentity; ///< requestParameters.sourceIdentity, else responseElements.sourceIdentity
};

struct TlsFields
{
    TextRef version, cipherSuite, hostHeader, keyExchange;
};

struct InsightFields
{
    TextRef state, eventSource, eventName, insightType, errorCode, details;
    std::optional<double> baselineAverage, insightAverage;
    std::optional<std::int64_t> insightDuration, baselineDuration;
};

struct ResourceFields
{
    std::uint32_t eventIndex = 0; ///< index into EventBatch::events
    std::uint32_t ordinal = 0;
    TextRef type, arn, accountId;
    bool arnIsPrefix = false;
    bool derived = false; ///< from the request or response by the resource table; `arn` then holds the name
    std::int64_t arnId = 0, kindId = 0; ///< resolved by the Interner; kind: the resource_kinds row (type, account)
};

/// A path of the field index seen in a batch: `requestParameters.items[*].instanceId`.
struct FieldPath
{
    TextRef path;
    bool composite = false; ///< an object or array somewhere: a query on the path itself reads the records
    bool dottedKey = false; ///< a key on the way holds '.' or '[': the text reads like other paths too
    std::int64_t id = 0;    ///< the field_paths row, resolved by the Interner
};

/// A scalar leaf of a nested part. Strings are indexed by value; a number or boolean only by its path (value 0),
/// since queries compare them in forms (1.0, 1e0, true) that one stored text would not cover.
struct FieldLeaf
{
    std::uint32_t path = 0; ///< index into EventBatch::fieldPaths
    bool isString = false;
    TextRef value;
    std::int64_t valueId = 0; ///< a string's strings row (resolved by the Interner), a number's bucket, 0 for a boolean
};

/// An event, request or shared event ID as stored: 16 bytes when it is a canonical lowercase UUID.
struct CompactId
{
    bool isUuid = false;
    unsigned char bytes[16] = {};
};

/// Ids into `strings`, `identities` and `tls_profiles`, resolved on the parse worker; 0 = absent.
struct ResolvedIds
{
    std::int64_t name = 0, source = 0, identity = 0, ip = 0, errorCode = 0, errorMessage = 0;
    /// The event_contexts row: region, account, agent, type, category, version, TLS, VPC endpoint, booleans, flags.
    std::int64_t context = 0;
};

/// One record as the importer stores it: typed columns, no raw JSON (that stays in the source file).
struct ParsedEvent
{
    TextRef eventId;
    std::optional<std::int64_t> time;
    std::uint32_t flags = 0;
    int versionMajor = -1, versionMinor = -1;
    TextRef name, source, region, recipientAccount, sourceIp, userAgent, errorCode, errorMessage;
    TextRef eventType, category, requestId, sharedEventId, apiVersion, vpcEndpointId, vpcEndpointAccount;
    TextRef sessionCredentialFromConsole, consoleLogin, mfaUsed;
    int readOnly = -1, managementEvent = -1;
    IdentityFields identity;
    TlsFields tls;
    std::optional<InsightFields> insight;
    CredentialFields credential;
    std::uint64_t idHash = 0; ///< of the eventID text, for deduplication
    CompactId storedEventId, storedRequestId, storedSharedEventId;
    ResolvedIds ids;
    std::uint64_t offset = 0, length = 0; ///< location in the decoded source file
    /// The distinct nested key paths the event carries: EventBatch::keyPathUses[keyPathsBegin, keyPathsEnd).
    std::uint32_t keyPathsBegin = 0, keyPathsEnd = 0;
    /// Its field-index leaves: EventBatch::fieldLeaves[leavesBegin, leavesEnd); truncated past MaxLeavesPerEvent.
    std::uint32_t leavesBegin = 0, leavesEnd = 0;
    bool leavesTruncated = false;
};

} // namespace Trailscope::Core
