#include "fieldtable.h"

namespace Trailscope::Core::Query {

namespace {

using K = ValueKind;
using S = Storage;

// Identity fields without an index of their own still reach events by events_identity_time: the identities table
// holds one row per distinct userIdentity (thousands, not millions), so scanning it first is cheap.
// `userName` spelled any way is `user`: Event history's "Username" shows the derived name, and names compare
// ignoring case, so the raw userIdentity.userName is `identityUserName`.
// One field per entry, so the table reads as a table.
// clang-format off
constexpr std::array Fields{
    FieldDef{"eventId", {}, "eventID", S::EventCompactId, "event_id", K::Exact, false, "events_event_id"},
    FieldDef{"eventName", {}, "eventName", S::EventString, "name", K::Wildcard, false, "events_name_time"},
    FieldDef{"eventSource", {"source"}, "eventSource",
             S::EventString, "source", K::Wildcard, true, "events_name_time"},
    FieldDef{"readOnly", {}, "readOnly", S::EventFlag, "read_only", K::Boolean, false, ""},
    FieldDef{"user", {"username"}, "",
             S::IdentityString, "user", K::Wildcard, false, "identities_user, events_identity_time"},
    FieldDef{"identityUserName", {}, "userIdentity.userName",
             S::IdentityString, "user_name", K::Wildcard, false, "events_identity_time"},
    FieldDef{"userArn", {"principalArn"}, "userIdentity.arn",
             S::IdentityString, "arn", K::Wildcard, false, "identities_arn, events_identity_time"},
    FieldDef{"principalId", {}, "userIdentity.principalId",
             S::IdentityString, "principal_id", K::Wildcard, false, "events_identity_time"},
    FieldDef{"accessKeyId", {"accessKey"}, "userIdentity.accessKeyId",
             S::IdentityString, "access_key_id", K::Wildcard, false, "identities_access_key, events_identity_time"},
    FieldDef{"identityType", {"userType"}, "userIdentity.type",
             S::IdentityString, "type", K::Wildcard, true, "events_identity_time"},
    FieldDef{"identityAccount", {}, "userIdentity.accountId",
             S::IdentityString, "account_id", K::Wildcard, false, "events_identity_time"},
    FieldDef{"sessionIssuer", {"sessionIssuerArn", "issuerArn"}, "userIdentity.sessionContext.sessionIssuer.arn",
             S::IdentityString, "issuer_arn", K::Wildcard, false, "events_identity_time"},
    FieldDef{"sessionIssuerName", {"issuerName", "roleName"}, "userIdentity.sessionContext.sessionIssuer.userName",
             S::IdentityString, "issuer_name", K::Wildcard, false, "events_identity_time"},
    FieldDef{"sessionIssuerType", {"issuerType"}, "userIdentity.sessionContext.sessionIssuer.type",
             S::IdentityString, "issuer_type", K::Wildcard, true, "events_identity_time"},
    FieldDef{"sessionIssuerAccount", {"issuerAccount"}, "userIdentity.sessionContext.sessionIssuer.accountId",
             S::IdentityString, "issuer_account_id", K::Wildcard, false, "events_identity_time"},
    FieldDef{"mfa", {"mfaAuthenticated"}, "userIdentity.sessionContext.attributes.mfaAuthenticated",
             S::IdentityString, "mfa_authenticated", K::Boolean, true, "events_identity_time"},
    FieldDef{"invokedBy", {}, "userIdentity.invokedBy",
             S::IdentityString, "invoked_by", K::Wildcard, true, "events_identity_time"},
    FieldDef{"sourceIdentity", {}, "userIdentity.sessionContext.sourceIdentity",
             S::IdentityString, "source_identity", K::Wildcard, false, "events_identity_time"},
    FieldDef{"identityProvider", {}, "userIdentity.identityProvider",
             S::IdentityString, "identity_provider", K::Wildcard, true, "events_identity_time"},
    FieldDef{"account", {"recipientAccount"}, "recipientAccountId", S::EventString, "account", K::Wildcard, false, ""},
    FieldDef{"region", {}, "awsRegion", S::EventString, "region", K::Wildcard, true, ""},
    FieldDef{"ip", {"sourceIp"}, "sourceIPAddress", S::EventString, "ip", K::Cidr, true, "events_ip_time"},
    FieldDef{"userAgent", {"agent"}, "userAgent", S::EventString, "agent", K::Wildcard, true, ""},
    FieldDef{"errorCode", {"error"}, "errorCode",
             S::EventString, "error_code", K::Wildcard, false, "events_error_time"},
    FieldDef{"errorMessage", {}, "errorMessage", S::EventString, "error_message", K::Wildcard, true, ""},
    FieldDef{"eventType", {}, "eventType", S::EventString, "event_type", K::Wildcard, true, ""},
    FieldDef{"category", {}, "eventCategory", S::EventString, "category", K::Wildcard, true, ""},
    FieldDef{"resource", {"resourceName", "resourceArn"}, "",
             S::ResourceArn, "arn", K::Wildcard, false, "resources_arn"},
    FieldDef{"resourceType", {}, "", S::ResourceType, "type", K::Wildcard, false, ""},
    FieldDef{"requestId", {}, "requestID", S::EventCompactId, "request_id", K::Exact, false, ""},
    FieldDef{"sharedEventId", {}, "sharedEventID", S::EventCompactId, "shared_event_id", K::Exact, false, ""},
    FieldDef{"vpcEndpointId", {"vpce"}, "vpcEndpointId", S::EventString, "vpce", K::Wildcard, false, ""},
    FieldDef{"vpcEndpointAccountId", {"vpceAccount"}, "vpcEndpointAccountId",
             S::EventString, "vpce_account", K::Wildcard, false, ""},
    FieldDef{"consoleLogin", {}, "responseElements.ConsoleLogin",
             S::EventString, "console_login", K::Wildcard, true, ""},
    FieldDef{"mfaUsed", {}, "additionalEventData.MFAUsed", S::EventString, "mfa_used", K::Wildcard, true, ""},
    FieldDef{"managementEvent", {"management"}, "managementEvent", S::EventFlag, "management", K::Boolean, false, ""},
    FieldDef{"sessionCredentialFromConsole", {"fromConsole"}, "sessionCredentialFromConsole",
             S::EventString, "session_from_console", K::Boolean, true, ""},
    FieldDef{"apiVersion", {}, "apiVersion", S::EventString, "api_version", K::Wildcard, false, ""},
    FieldDef{"tlsVersion", {}, "tlsDetails.tlsVersion", S::TlsString, "version", K::Wildcard, true, ""},
    FieldDef{"version", {}, "eventVersion", S::EventVersion, "version_major, version_minor", K::Number, false, ""},
    FieldDef{"time", {}, "eventTime", S::EventTime, "time", K::Time, false, "events_time"},
};
// clang-format on

bool equalsIgnoringCase(QStringView text, std::string_view name)
{
    if (name.empty() || static_cast<std::size_t>(text.size()) != name.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char16_t c = text[static_cast<qsizetype>(i)].unicode();
        const auto lower = [](char16_t ch) { return ch >= u'A' && ch <= u'Z' ? char16_t(ch + 32) : ch; };
        if (lower(c) != lower(static_cast<char16_t>(static_cast<unsigned char>(name[i]))))
            return false;
    }
    return true;
}

bool equalsExactly(QStringView text, std::string_view name)
{
    if (name.empty() || static_cast<std::size_t>(text.size()) != name.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (text[static_cast<qsizetype>(i)].unicode() != static_cast<char16_t>(static_cast<unsigned char>(name[i])))
            return false;
    return true;
}

} // namespace

std::span<const FieldDef> fields()
{
    return Fields;
}

const FieldDef* findField(QStringView name)
{
    for (const FieldDef& field : Fields) {
        if (equalsIgnoringCase(name, field.name) || equalsIgnoringCase(name, field.jsonPath))
            return &field;
        for (const std::string_view alias : field.aliases)
            if (equalsIgnoringCase(name, alias))
                return &field;
    }
    return nullptr;
}

const FieldDef* fieldForJsonPath(QStringView path)
{
    for (const FieldDef& field : Fields)
        if (equalsExactly(path, field.jsonPath))
            return &field;
    return nullptr;
}

} // namespace Trailscope::Core::Query
