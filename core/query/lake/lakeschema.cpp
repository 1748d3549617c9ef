#include "lakeschema.h"

#include <array>

namespace Trailscope::Core::Query::Lake {

namespace {

using S = LakeStorage;
using T = ValueType;

// Lake's CloudTrail event schema (reference §3.2) on the case schema. Columns the importer stores are read from
// their typed columns (indexes apply); the rest comes from the raw record. eventjsonchecksum is not kept.
constexpr std::array Columns{
    LakeField{"eventversion", "eventVersion", S::Raw, "", T::Text},
    LakeField{"useridentity", "userIdentity", S::Raw, "", T::Json},
    LakeField{"eventtime", "eventTime", S::EventTime, "time", T::Timestamp},
    LakeField{"eventsource", "eventSource", S::EventString, "source", T::Text},
    LakeField{"eventname", "eventName", S::EventString, "name", T::Text},
    LakeField{"awsregion", "awsRegion", S::EventString, "region", T::Text},
    LakeField{"sourceipaddress", "sourceIPAddress", S::EventString, "ip", T::Text},
    LakeField{"useragent", "userAgent", S::EventString, "agent", T::Text},
    LakeField{"errorcode", "errorCode", S::EventString, "error_code", T::Text},
    LakeField{"errormessage", "errorMessage", S::EventString, "error_message", T::Text},
    LakeField{"requestparameters", "requestParameters", S::Raw, "", T::Json},
    LakeField{"responseelements", "responseElements", S::Raw, "", T::Json},
    LakeField{"additionaleventdata", "additionalEventData", S::Raw, "", T::Json},
    LakeField{"requestid", "requestID", S::EventId, "request_id", T::Text},
    LakeField{"eventid", "eventID", S::EventId, "event_id", T::Text},
    LakeField{"readonly", "readOnly", S::EventFlag, "read_only", T::Boolean},
    LakeField{"resources", "resources", S::Raw, "", T::Json},
    LakeField{"eventtype", "eventType", S::EventString, "event_type", T::Text},
    LakeField{"apiversion", "apiVersion", S::EventString, "api_version", T::Text},
    LakeField{"managementevent", "managementEvent", S::EventFlag, "management", T::Boolean},
    LakeField{"recipientaccountid", "recipientAccountId", S::EventString, "account", T::Text},
    LakeField{"sharedeventid", "sharedEventID", S::EventId, "shared_event_id", T::Text},
    LakeField{"annotation", "annotation", S::Raw, "", T::Text},
    LakeField{"vpcendpointid", "vpcEndpointId", S::EventString, "vpce", T::Text},
    LakeField{"vpcendpointaccountid", "vpcEndpointAccountId", S::EventString, "vpce_account", T::Text},
    LakeField{"serviceeventdetails", "serviceEventDetails", S::Raw, "", T::Json},
    LakeField{"addendum", "addendum", S::Raw, "", T::Json},
    LakeField{"edgedevicedetails", "edgeDeviceDetails", S::Raw, "", T::Json},
    LakeField{"insightdetails", "insightDetails", S::Raw, "", T::Json},
    LakeField{"eventcategory", "eventCategory", S::EventString, "category", T::Text},
    LakeField{"tlsdetails", "tlsDetails", S::Raw, "", T::Json},
    LakeField{"sessioncredentialfromconsole", "sessionCredentialFromConsole", S::EventString, "session_from_console",
              T::Text},
    LakeField{"eventjson", "eventJson", S::RawRecord, "", T::Text},
};

constexpr std::array Nested{
    LakeField{"useridentity.type", "type", S::IdentityString, "type", T::Text},
    LakeField{"useridentity.principalid", "principalId", S::IdentityString, "principal_id", T::Text},
    LakeField{"useridentity.arn", "arn", S::IdentityString, "arn", T::Text},
    LakeField{"useridentity.accountid", "accountId", S::IdentityString, "account_id", T::Text},
    LakeField{"useridentity.accesskeyid", "accessKeyId", S::IdentityString, "access_key_id", T::Text},
    LakeField{"useridentity.username", "userName", S::IdentityString, "user_name", T::Text},
    LakeField{"useridentity.invokedby", "invokedBy", S::IdentityString, "invoked_by", T::Text},
    LakeField{"useridentity.identityprovider", "identityProvider", S::IdentityString, "identity_provider", T::Text},
    LakeField{"useridentity.sessioncontext", "sessionContext", S::Raw, "", T::Json},
    LakeField{"useridentity.sessioncontext.sessionissuer", "sessionIssuer", S::Raw, "", T::Json},
    LakeField{"useridentity.sessioncontext.sessionissuer.type", "type", S::IdentityString, "issuer_type", T::Text},
    LakeField{"useridentity.sessioncontext.sessionissuer.principalid", "principalId", S::IdentityString,
              "issuer_principal_id", T::Text},
    LakeField{"useridentity.sessioncontext.sessionissuer.arn", "arn", S::IdentityString, "issuer_arn", T::Text},
    LakeField{"useridentity.sessioncontext.sessionissuer.accountid", "accountId", S::IdentityString,
              "issuer_account_id", T::Text},
    LakeField{"useridentity.sessioncontext.sessionissuer.username", "userName", S::IdentityString, "issuer_name",
              T::Text},
    LakeField{"useridentity.sessioncontext.attributes", "attributes", S::Raw, "", T::Json},
    LakeField{"useridentity.sessioncontext.attributes.mfaauthenticated", "mfaAuthenticated", S::IdentityString,
              "mfa_authenticated", T::Text},
    LakeField{"useridentity.sessioncontext.attributes.creationdate", "creationDate", S::IdentityTime, "session_created",
              T::Timestamp},
    LakeField{"useridentity.sessioncontext.sourceidentity", "sourceIdentity", S::IdentityString, "source_identity",
              T::Text},
    LakeField{"useridentity.sessioncontext.webidfederationdata", "webIdFederationData", S::Raw, "", T::Json},
    LakeField{"useridentity.onbehalfof", "onBehalfOf", S::Raw, "", T::Json},
    LakeField{"useridentity.inscopeof", "inScopeOf", S::Raw, "", T::Json},
    LakeField{"tlsdetails.tlsversion", "tlsVersion", S::TlsString, "version", T::Text},
    LakeField{"tlsdetails.ciphersuite", "cipherSuite", S::TlsString, "cipher_suite", T::Text},
    LakeField{"tlsdetails.clientprovidedhostheader", "clientProvidedHostHeader", S::TlsString, "host_header", T::Text},
    LakeField{"tlsdetails.keyexchange", "keyExchange", S::TlsString, "key_exchange", T::Text},
};

bool samePath(std::string_view path, QStringView dotted)
{
    if (path.size() != static_cast<std::size_t>(dotted.size()))
        return false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char16_t c = dotted[static_cast<qsizetype>(i)].unicode();
        const char16_t lower = c >= u'A' && c <= u'Z' ? static_cast<char16_t>(c + 32) : c;
        if (lower != static_cast<unsigned char>(path[i]))
            return false;
    }
    return true;
}

} // namespace

std::span<const LakeField> lakeColumns()
{
    return Columns;
}

const LakeField* findLakeField(QStringView dottedPath)
{
    for (const std::span<const LakeField> table :
         {std::span<const LakeField>(Columns), std::span<const LakeField>(Nested)})
        for (const LakeField& field : table)
            if (samePath(field.path, dottedPath))
                return &field;
    return nullptr;
}

} // namespace Trailscope::Core::Query::Lake
