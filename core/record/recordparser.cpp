#include "recordparser.h"

#include "record/fieldleaves.h"
#include "record/resourcepathwalk.h"

#include "util/eventtime.h"
#include "util/sha256.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <functional>
#include <optional>
#include <unordered_map>

namespace Trailscope::Core {

namespace dom = simdjson::dom;

namespace {

constexpr std::size_t MaxDepth = 128;
// Key paths for SQL completion: keys this far below the top field (requestParameters.a.b.c.d.e), the first few items
// of an array (items of one array share a shape), and plain keys only (a dotted or huge key is data, not schema).
constexpr int MaxKeyPathDepth = 5;
constexpr int MaxKeyPathArrayItems = 4;
constexpr std::size_t MaxKeyLength = 64;
constexpr std::size_t MaxBatchKeyPaths = 4096;
constexpr std::size_t MaxKeyPaths = 100000;
constexpr std::size_t MaxKeyPathShapes = 50000;

ErrorCode errorCodeOf(simdjson::error_code error)
{
    switch (error) {
    case simdjson::UTF8_ERROR:
        return ErrorCode::InvalidUtf8;
    case simdjson::DEPTH_ERROR:
        return ErrorCode::TooDeep;
    default:
        return ErrorCode::InvalidJson;
    }
}

bool keyIsAnyCase(std::string_view key, std::string_view wanted)
{
    if (key.size() != wanted.size())
        return false;
    for (std::size_t i = 0; i < key.size(); ++i)
        if ((key[i] | 0x20) != (wanted[i] | 0x20))
            return false;
    return true;
}

// Record keys match whatever their case: some tools write `"accountid"` or `"sessioncontext"` (as do a few records
// of the Panther test corpus), and Lake reads nested keys case-insensitively too. This runs for every key of every
// record, so the wanted key is a literal of known length: the exact comparison compiles to a few loads.
template <std::size_t N>
[[gnu::always_inline]] inline bool keyIs(std::string_view key, const char (&wanted)[N])
{
    constexpr std::size_t length = N - 1;
    if (key.size() != length)
        return false;
    return std::memcmp(key.data(), wanted, length) == 0 || keyIsAnyCase(key, std::string_view(wanted, length));
}

// Parses "1.08", "1.10" or "1.0" into numbers; the minor version is compared numerically, leading zeroes and all.
void parseVersion(std::string_view text, int& major, int& minor)
{
    const std::size_t dot = text.find('.');
    int value = 0;
    if (std::from_chars(text.data(), text.data() + (dot == std::string_view::npos ? text.size() : dot), value).ec ==
        std::errc())
        major = value;
    if (dot != std::string_view::npos &&
        std::from_chars(text.data() + dot + 1, text.data() + text.size(), value).ec == std::errc())
        minor = value;
}

std::string_view sessionNameOf(std::string_view arn)
{
    for (const std::string_view marker : {std::string_view(":assumed-role/"), std::string_view(":federated-user/")}) {
        const std::size_t at = arn.find(marker);
        if (at == std::string_view::npos)
            continue;
        const std::size_t slash = arn.rfind('/');
        if (slash != std::string_view::npos && slash + 1 < arn.size() && slash >= at + marker.size() - 1)
            return arn.substr(slash + 1);
    }
    return {};
}

// A range-for over `get_object().value_unsafe()` would iterate a member of a destroyed temporary.
dom::object objectOf(dom::element value)
{
    dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS)
        Q_ASSERT_X(false, "objectOf", "callers check is_object() first");
    return object;
}

dom::array arrayOf(dom::element value)
{
    dom::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        Q_ASSERT_X(false, "arrayOf", "callers check is_array() first");
    return array;
}

bool isRecordKey(std::string_view key)
{
    return keyIs(key, "eventVersion") || keyIs(key, "eventTime") || keyIs(key, "eventSource") ||
           keyIs(key, "eventName") || keyIs(key, "eventID") || keyIs(key, "userIdentity") || keyIs(key, "awsRegion") ||
           keyIs(key, "eventType") || keyIs(key, "recipientAccountId");
}

// Finds the exact bytes of an EventBridge envelope's `detail`, so the stored location addresses the record itself.
bool locateDetail(std::string_view envelope, std::string_view& detail)
{
    const simdjson::padded_string padded(envelope);
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document document;
    if (parser.iterate(padded).get(document) != simdjson::SUCCESS)
        return false;
    simdjson::ondemand::value value;
    if (document["detail"].get(value) != simdjson::SUCCESS)
        return false;
    std::string_view raw;
    if (simdjson::to_json_string(value).get(raw) != simdjson::SUCCESS)
        return false;
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    detail = envelope.substr(static_cast<std::size_t>(raw.data() - padded.data()), raw.size());
    return true;
}

bool usableKey(std::string_view key)
{
    if (key.empty() || key.size() > MaxKeyLength)
        return false;
    for (const char c : key)
        if (static_cast<unsigned char>(c) < 0x20 || c == '.' || c == '[' || c == ']' || c == '"')
            return false;
    return true;
}

} // namespace

struct RecordParser::Impl
{
    dom::parser recordParser;
    dom::parser innerParser; // for the CloudTrailEvent string of lookup-events items
    // Key paths get ids that live as long as the parser, so a path string is built and hashed once per import, not
    // once per batch (a sparse trail has one small batch per file). Per id: its batch-local index and the stamp of
    // the batch and event that last used it.
    std::unordered_map<std::string, std::uint32_t> pathIds;
    std::vector<std::string> paths;
    std::vector<std::uint32_t> pathBatchIndex;
    std::vector<std::uint64_t> pathBatchStamp, pathEventStamp, pathWalkStamp;
    const EventBatch* currentBatch = nullptr;
    std::size_t currentBatchPaths = 0;
    std::uint64_t batchStamp = 0, eventStamp = 0, walkStamp = 0;
    std::string path;
    std::vector<std::uint32_t> walked;
    bool sawTime = false;                  // the record being parsed has an eventTime key
    std::optional<std::int64_t> stampTime; // its `@timestamp`, as Logstash and Elastic exports write it
    // Sections of the same shape (most events of one API call) reuse the ids of the first walk of that shape:
    // hashing the keys is far cheaper than building and looking up every path string.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> shapePaths;
    FieldLeafCollector leaves;
    Impl()
    {
        // Failing to pre-allocate only means parse() allocates on first use.
        if (recordParser.allocate(1u << 20, MaxDepth) != simdjson::SUCCESS ||
            innerParser.allocate(1u << 20, MaxDepth) != simdjson::SUCCESS)
            qWarning("simdjson: could not pre-allocate parser buffers");
    }

    TextRef text(dom::element value, EventBatch& batch)
    {
        switch (value.type()) {
        case dom::element_type::STRING:
            return batch.add(std::string_view(value.get_string().value_unsafe()));
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
        case dom::element_type::BOOL:
            return batch.add(simdjson::to_string(value));
        default:
            return {};
        }
    }

    static int boolean(dom::element value)
    {
        if (value.type() == dom::element_type::BOOL)
            return value.get_bool().value_unsafe() ? 1 : 0;
        if (value.type() == dom::element_type::STRING) {
            const std::string_view text = value.get_string().value_unsafe();
            if (text == "true")
                return 1;
            if (text == "false")
                return 0;
        }
        return -1;
    }

    static std::optional<double> number(dom::element value)
    {
        double result = 0;
        if (value.get_double().get(result) == simdjson::SUCCESS)
            return result;
        return std::nullopt;
    }

    // Starts an event: its key paths are appended to the batch's uses from here.
    void beginKeyPaths(ParsedEvent& event, EventBatch& batch)
    {
        if (&batch != currentBatch || currentBatchPaths != batch.keyPaths.size()) {
            // Another batch (or a new one at the same address): no id has a batch-local index in it yet.
            ++batchStamp;
            currentBatch = &batch;
        }
        ++eventStamp;
        event.keyPathsBegin = event.keyPathsEnd = static_cast<std::uint32_t>(batch.keyPathUses.size());
    }

    void usePath(std::uint32_t id, EventBatch& batch)
    {
        if (pathEventStamp[id] == eventStamp)
            return; // an event counts once per path, however many array items repeat it
        if (pathBatchStamp[id] != batchStamp) {
            if (batch.keyPaths.size() >= MaxBatchKeyPaths)
                return;
            pathBatchStamp[id] = batchStamp;
            pathBatchIndex[id] = static_cast<std::uint32_t>(batch.keyPaths.size());
            batch.keyPaths.push_back(batch.add(paths[id]));
            currentBatchPaths = batch.keyPaths.size();
        }
        pathEventStamp[id] = eventStamp;
        batch.keyPathUses.push_back(pathBatchIndex[id]);
    }

    // The id of the path being walked, new ones included while there is room (records that use data as keys
    // would otherwise grow the table without bound).
    std::optional<std::uint32_t> pathId()
    {
        if (const auto found = pathIds.find(path); found != pathIds.end())
            return found->second;
        if (paths.size() >= MaxKeyPaths)
            return std::nullopt;
        const auto id = static_cast<std::uint32_t>(paths.size());
        pathIds.emplace(path, id);
        paths.push_back(path);
        pathBatchIndex.push_back(0);
        pathBatchStamp.push_back(0);
        pathEventStamp.push_back(0);
        pathWalkStamp.push_back(0);
        return id;
    }

    void walkKeyPaths(dom::element value, int depth)
    {
        if (value.is_object()) {
            for (const dom::key_value_pair field : objectOf(value)) {
                if (!usableKey(field.key))
                    continue;
                const std::size_t mark = path.size();
                path += '.';
                path += field.key;
                if (const auto id = pathId(); id && pathWalkStamp[*id] != walkStamp) {
                    pathWalkStamp[*id] = walkStamp;
                    walked.push_back(*id);
                }
                if (depth < MaxKeyPathDepth)
                    walkKeyPaths(field.value, depth + 1);
                path.resize(mark);
            }
        } else if (value.is_array()) {
            const std::size_t mark = path.size();
            path += "[*]";
            int items = 0;
            for (const dom::element item : arrayOf(value)) {
                if (++items > MaxKeyPathArrayItems)
                    break;
                walkKeyPaths(item, depth);
            }
            path.resize(mark);
        }
    }

    static void mix(std::uint64_t& hash, std::string_view bytes)
    {
        for (const char c : bytes)
            hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL; // FNV-1a
    }

    // The same traversal as walkKeyPaths, hashing what it would visit instead of building paths.
    static void hashShape(dom::element value, int depth, std::uint64_t& hash)
    {
        if (value.is_object()) {
            mix(hash, "{");
            for (const dom::key_value_pair field : objectOf(value)) {
                if (!usableKey(field.key))
                    continue;
                mix(hash, field.key);
                mix(hash, ":");
                if (depth < MaxKeyPathDepth)
                    hashShape(field.value, depth + 1, hash);
            }
            mix(hash, "}");
        } else if (value.is_array()) {
            mix(hash, "[");
            int items = 0;
            for (const dom::element item : arrayOf(value)) {
                if (++items > MaxKeyPathArrayItems)
                    break;
                hashShape(item, depth, hash);
                mix(hash, ",");
            }
            mix(hash, "]");
        }
    }

    void collectKeyPaths(std::string_view top, dom::element value, EventBatch& batch)
    {
        if (!value.is_object())
            return;
        std::uint64_t shape = 0xcbf29ce484222325ULL;
        mix(shape, top);
        hashShape(value, 1, shape);
        auto known = shapePaths.find(shape);
        if (known == shapePaths.end()) {
            if (shapePaths.size() >= MaxKeyPathShapes)
                shapePaths.clear(); // keeps memory bounded; shapes seen again are walked again
            walked.clear();
            ++walkStamp;
            path.assign(top);
            walkKeyPaths(value, 1);
            known = shapePaths.emplace(shape, walked).first;
        }
        for (const std::uint32_t id : known->second)
            usePath(id, batch);
    }

    void parseIssuer(dom::object issuer, IdentityFields& id, EventBatch& batch)
    {
        for (const dom::key_value_pair field : issuer) {
            if (keyIs(field.key, "type"))
                id.issuerType = text(field.value, batch);
            else if (keyIs(field.key, "principalId"))
                id.issuerPrincipalId = text(field.value, batch);
            else if (keyIs(field.key, "arn"))
                id.issuerArn = text(field.value, batch);
            else if (keyIs(field.key, "accountId"))
                id.issuerAccountId = text(field.value, batch);
            else if (keyIs(field.key, "userName"))
                id.issuerName = text(field.value, batch);
        }
    }

    void parseSessionContext(dom::object context, IdentityFields& id, EventBatch& batch)
    {
        for (const dom::key_value_pair field : context) {
            if (keyIs(field.key, "sessionIssuer") && field.value.is_object()) {
                parseIssuer(field.value.get_object().value_unsafe(), id, batch);
            } else if (keyIs(field.key, "attributes") && field.value.is_object()) {
                for (const dom::key_value_pair attribute : objectOf(field.value)) {
                    if (keyIs(attribute.key, "mfaAuthenticated"))
                        id.mfaAuthenticated = text(attribute.value, batch);
                    else if (keyIs(attribute.key, "creationDate"))
                        id.sessionCreated = text(attribute.value, batch);
                }
            } else if (keyIs(field.key, "sourceIdentity")) {
                id.sourceIdentity = text(field.value, batch);
            }
        }
    }

    void parseIdentity(dom::element value, IdentityFields& id, EventBatch& batch)
    {
        if (!value.is_object())
            return; // "None" and other odd shapes: no identity columns, the raw record keeps what there is
        for (const dom::key_value_pair field : objectOf(value)) {
            const std::string_view key = field.key;
            if (keyIs(key, "type"))
                id.type = text(field.value, batch);
            else if (keyIs(key, "principalId"))
                id.principalId = text(field.value, batch);
            else if (keyIs(key, "arn"))
                id.arn = text(field.value, batch);
            else if (keyIs(key, "accountId"))
                id.accountId = text(field.value, batch);
            else if (keyIs(key, "accessKeyId"))
                id.accessKeyId = text(field.value, batch);
            else if (keyIs(key, "userName"))
                id.userName = text(field.value, batch);
            else if (keyIs(key, "invokedBy"))
                id.invokedBy = text(field.value, batch);
            else if (keyIs(key, "identityProvider"))
                id.identityProvider = text(field.value, batch);
            else if (keyIs(key, "sessionContext") && field.value.is_object())
                parseSessionContext(field.value.get_object().value_unsafe(), id, batch);
        }
        deriveUser(id, batch);
    }

    static void deriveUser(IdentityFields& id, const EventBatch& batch)
    {
        const auto nonEmpty = [&](const TextRef& ref) { return ref.present && ref.length > 0; };
        if (nonEmpty(id.userName)) {
            id.user = id.userName;
        } else if (const std::string_view session = sessionNameOf(batch.view(id.arn)); !session.empty()) {
            id.user = TextRef{static_cast<std::uint32_t>(id.arn.offset + (session.data() - batch.view(id.arn).data())),
                              static_cast<std::uint32_t>(session.size()), true};
        } else if (nonEmpty(id.issuerName)) {
            id.user = id.issuerName;
        } else if (nonEmpty(id.invokedBy)) {
            id.user = id.invokedBy;
        }
    }

    void parseResources(dom::element value, std::uint32_t eventIndex, EventBatch& batch)
    {
        if (!value.is_array())
            return;
        std::uint32_t ordinal = 0;
        for (const dom::element item : arrayOf(value)) {
            if (!item.is_object())
                continue;
            ResourceFields resource;
            resource.eventIndex = eventIndex;
            resource.ordinal = ordinal++;
            for (const dom::key_value_pair field : objectOf(item)) {
                if (keyIsAnyCase(field.key, "arn")) {
                    resource.arn = text(field.value, batch);
                } else if (keyIsAnyCase(field.key, "arnPrefix")) {
                    if (!resource.arn.present) {
                        resource.arn = text(field.value, batch);
                        resource.arnIsPrefix = true;
                    }
                } else if (keyIs(field.key, "accountId")) {
                    resource.accountId = text(field.value, batch);
                } else if (keyIs(field.key, "type")) {
                    resource.type = text(field.value, batch);
                }
            }
            batch.resources.push_back(resource);
        }
    }

    // Event history's resource type and name for a record without a `resources` array (record/resourcetable.h).
    void deriveResources(dom::element record, const ParsedEvent& event, std::uint32_t eventIndex, EventBatch& batch)
    {
        if (!event.source.present || !event.name.present)
            return;
        // The views into the batch's text are read only to find the rule, before anything is added to that text.
        std::uint32_t ordinal = 0;
        visitDerivedResources(record, batch.view(event.source), batch.view(event.name),
                              [&](std::string_view type, std::string_view found) {
                                  ResourceFields resource;
                                  resource.eventIndex = eventIndex;
                                  resource.ordinal = ordinal++;
                                  resource.type = batch.add(type);
                                  resource.arn = batch.add(found);
                                  resource.derived = true;
                                  batch.resources.push_back(resource);
                              });
    }

    void parseInsight(dom::element value, ParsedEvent& event, EventBatch& batch)
    {
        if (!value.is_object())
            return;
        InsightFields insight;
        insight.details = batch.add(simdjson::minify(value));
        for (const dom::key_value_pair field : objectOf(value)) {
            if (keyIs(field.key, "state"))
                insight.state = text(field.value, batch);
            else if (keyIs(field.key, "eventSource"))
                insight.eventSource = text(field.value, batch);
            else if (keyIs(field.key, "eventName"))
                insight.eventName = text(field.value, batch);
            else if (keyIs(field.key, "insightType"))
                insight.insightType = text(field.value, batch);
            else if (keyIs(field.key, "errorCode"))
                insight.errorCode = text(field.value, batch);
        }
        dom::element statistics;
        if (value.at_pointer("/insightContext/statistics").get(statistics) == simdjson::SUCCESS) {
            dom::element item;
            if (statistics.at_pointer("/baseline/average").get(item) == simdjson::SUCCESS)
                insight.baselineAverage = number(item);
            if (statistics.at_pointer("/insight/average").get(item) == simdjson::SUCCESS)
                insight.insightAverage = number(item);
            std::int64_t minutes = 0;
            if (statistics["insightDuration"].get_int64().get(minutes) == simdjson::SUCCESS)
                insight.insightDuration = minutes;
            if (statistics["baselineDuration"].get_int64().get(minutes) == simdjson::SUCCESS)
                insight.baselineDuration = minutes;
        }
        event.insight = insight;
    }

    void parseField(std::string_view key, dom::element value, ParsedEvent& event, std::uint32_t eventIndex,
                    EventBatch& batch)
    {
        if (key == "@timestamp") {
            if (value.is_string())
                stampTime = parseEventTime(value.get_string().value_unsafe());
            return;
        }
        switch (key.empty() ? '\0' : key[0] | 0x20) { // the first letter in lower case (see keyIs)
        case 'a':
            if (keyIs(key, "awsRegion"))
                event.region = text(value, batch);
            else if (keyIs(key, "apiVersion"))
                event.apiVersion = text(value, batch);
            else if (keyIs(key, "additionalEventData") && value.is_object()) {
                if (dom::element mfa; value["MFAUsed"].get(mfa) == simdjson::SUCCESS)
                    event.mfaUsed = text(mfa, batch);
                collectKeyPaths(key, value, batch);
            }
            break;
        case 'e':
            if (keyIs(key, "eventTime")) {
                sawTime = true;
                if (value.is_string())
                    event.time = parseEventTime(value.get_string().value_unsafe());
                if (!event.time)
                    event.flags |= FlagUnusableTime;
            } else if (keyIs(key, "eventName")) {
                event.name = text(value, batch);
            } else if (keyIs(key, "eventSource")) {
                event.source = text(value, batch);
            } else if (keyIs(key, "eventID")) {
                event.eventId = text(value, batch);
            } else if (keyIs(key, "eventType")) {
                event.eventType = text(value, batch);
            } else if (keyIs(key, "eventCategory")) {
                event.category = text(value, batch);
            } else if (keyIs(key, "eventVersion")) {
                const TextRef version = text(value, batch);
                parseVersion(batch.view(version), event.versionMajor, event.versionMinor);
            } else if (keyIs(key, "errorCode")) {
                event.errorCode = text(value, batch);
            } else if (keyIs(key, "errorMessage")) {
                event.errorMessage = text(value, batch);
            }
            break;
        case 'i':
            if (keyIs(key, "insightDetails"))
                parseInsight(value, event, batch);
            break;
        case 'm':
            if (keyIs(key, "managementEvent"))
                event.managementEvent = boolean(value);
            break;
        case 'r':
            if (keyIs(key, "readOnly"))
                event.readOnly = boolean(value);
            else if (keyIs(key, "recipientAccountId"))
                event.recipientAccount = text(value, batch);
            else if (keyIs(key, "requestID"))
                event.requestId = text(value, batch);
            else if (keyIs(key, "resources"))
                parseResources(value, eventIndex, batch);
            else if (keyIs(key, "requestParameters")) {
                if (value.is_object())
                    parseCredentialRequest(value, event.credential, batch);
                collectKeyPaths(key, value, batch);
            } else if (keyIs(key, "responseElements") && value.is_object()) {
                if (dom::element login; value["ConsoleLogin"].get(login) == simdjson::SUCCESS)
                    event.consoleLogin = text(login, batch);
                parseCredentialResponse(value, event.credential, batch);
                collectKeyPaths(key, value, batch);
            }
            break;
        case 's':
            if (keyIs(key, "sourceIPAddress"))
                event.sourceIp = text(value, batch);
            else if (keyIs(key, "sharedEventID"))
                event.sharedEventId = text(value, batch);
            else if (keyIs(key, "sessionCredentialFromConsole"))
                event.sessionCredentialFromConsole = text(value, batch);
            else if (keyIs(key, "serviceEventDetails"))
                collectKeyPaths(key, value, batch);
            break;
        case 't':
            if (keyIs(key, "tlsDetails") && value.is_object())
                parseTls(value.get_object().value_unsafe(), event.tls, batch);
            break;
        case 'u':
            if (keyIs(key, "userIdentity"))
                parseIdentity(value, event.identity, batch);
            else if (keyIs(key, "userAgent"))
                event.userAgent = text(value, batch);
            break;
        case 'v':
            if (keyIs(key, "vpcEndpointId"))
                event.vpcEndpointId = text(value, batch);
            else if (keyIs(key, "vpcEndpointAccountId"))
                event.vpcEndpointAccount = text(value, batch);
            break;
        default:
            break;
        }
    }

    // Two lookups on every request and response; the rest only where a key was handed out.
    void parseCredentialRequest(dom::element request, CredentialFields& out, EventBatch& batch)
    {
        dom::element item;
        if (request["sourceIdentity"].get(item) == simdjson::SUCCESS && item.is_string())
            out.sourceIdentity = text(item, batch);
        if (request["principalArn"].get(item) == simdjson::SUCCESS && item.is_string() && !out.provider.present)
            out.provider = text(item, batch);
    }

    void parseCredentialResponse(dom::element response, CredentialFields& out, EventBatch& batch)
    {
        dom::element item;
        if (response.at_pointer("/credentials/accessKeyId").get(item) == simdjson::SUCCESS && item.is_string()) {
            out.issuedKey = text(item, batch);
            if (response.at_pointer("/assumedRoleUser/arn").get(item) == simdjson::SUCCESS ||
                response.at_pointer("/federatedUser/arn").get(item) == simdjson::SUCCESS)
                out.principal = text(item, batch);
            if (response["subject"].get(item) == simdjson::SUCCESS ||
                response["subjectFromWebIdentityToken"].get(item) == simdjson::SUCCESS)
                out.subject = text(item, batch);
            if (response["provider"].get(item) == simdjson::SUCCESS)
                out.provider = text(item, batch);
            if (response["sourceIdentity"].get(item) == simdjson::SUCCESS && !out.sourceIdentity.present)
                out.sourceIdentity = text(item, batch);
        } else if (response.at_pointer("/accessKey/accessKeyId").get(item) == simdjson::SUCCESS && item.is_string()) {
            out.issuedKey = text(item, batch);
            if (response.at_pointer("/accessKey/userName").get(item) == simdjson::SUCCESS)
                out.principal = text(item, batch);
        }
    }

    void parseTls(dom::object tls, TlsFields& out, EventBatch& batch)
    {
        for (const dom::key_value_pair field : tls) {
            if (keyIs(field.key, "tlsVersion"))
                out.version = text(field.value, batch);
            else if (keyIs(field.key, "cipherSuite"))
                out.cipherSuite = text(field.value, batch);
            else if (keyIs(field.key, "clientProvidedHostHeader"))
                out.hostHeader = text(field.value, batch);
            else if (keyIs(field.key, "keyExchange"))
                out.keyExchange = text(field.value, batch);
        }
    }
};

namespace {

// The record without insignificant whitespace; the view lives until the next call on this thread.
std::string_view minifiedJson(std::string_view json)
{
    thread_local std::string minified;
    minified.resize(json.size() + simdjson::SIMDJSON_PADDING);
    std::size_t length = 0;
    if (simdjson::minify(json.data(), json.size(), minified.data(), length) != simdjson::SUCCESS)
        return json;
    return std::string_view(minified.data(), length);
}

} // namespace

bool isLookupEventsItem(std::string_view json)
{
    if (json.empty())
        return false;
    thread_local dom::parser parser;
    dom::element root;
    std::string_view inner;
    return parser.parse(json.data(), json.size()).get(root) == simdjson::SUCCESS && root.is_object() &&
           root["CloudTrailEvent"].get_string().get(inner) == simdjson::SUCCESS;
}

std::uint64_t contentHashOf(std::string_view json)
{
    return std::hash<std::string_view>{}(minifiedJson(json));
}

RecordParser::RecordParser() : d(std::make_unique<Impl>()) {}

RecordParser::~RecordParser() = default;

void RecordParser::parse(const RecordSlice& slice, RecordEncoding encoding, EventBatch& batch)
{
    const auto reject = [&](ErrorCode code, QString detail) {
        batch.rejected.push_back(Error{code, std::move(detail), {}, {}, slice.index, slice.line});
    };
    if (slice.notAnObject)
        return reject(ErrorCode::NotAnObject, QStringLiteral("element is not a JSON object"));
    if (slice.tooLarge)
        return reject(ErrorCode::RecordTooLarge,
                      QStringLiteral("record of %1 bytes is over the limit").arg(slice.length));

    dom::element root;
    if (const auto error = d->recordParser.parse(slice.json.data(), slice.json.size()).get(root)) {
        return reject(errorCodeOf(error), QString::fromUtf8(simdjson::error_message(error)));
    }
    std::string_view recordJson = slice.json;
    std::uint64_t recordOffset = slice.offset;
    std::optional<std::int64_t> lookupTime; // the item's EventTime, local time with an offset as the AWS CLI prints it
    if (encoding == RecordEncoding::LookupEvents) {
        if (std::string_view time; root["EventTime"].get_string().get(time) == simdjson::SUCCESS)
            lookupTime = parseEventTime(time);
        std::string_view inner;
        if (root["CloudTrailEvent"].get_string().get(inner) != simdjson::SUCCESS)
            return reject(ErrorCode::NotAnObject,
                          QStringLiteral("lookup-events item without a CloudTrailEvent string"));
        if (const auto error = d->innerParser.parse(inner.data(), inner.size()).get(root))
            return reject(errorCodeOf(error),
                          QStringLiteral("CloudTrailEvent: ") + QString::fromUtf8(simdjson::error_message(error)));
        recordJson = inner;
    } else if (root.is_object() && root["detail-type"].error() == simdjson::SUCCESS && root["detail"].is_object()) {
        // An EventBridge envelope: the CloudTrail record is its `detail`; point the location at exactly those bytes.
        if (!locateDetail(slice.json, recordJson))
            return reject(ErrorCode::InvalidJson, QStringLiteral("cannot locate the EventBridge detail"));
        recordOffset = slice.offset + static_cast<std::uint64_t>(recordJson.data() - slice.json.data());
        root = root["detail"].value_unsafe();
    }
    if (!root.is_object())
        return reject(ErrorCode::NotAnObject, QStringLiteral("record is not a JSON object"));

    const std::size_t textStart = batch.text.size();
    ParsedEvent event;
    event.offset = encoding == RecordEncoding::LookupEvents ? slice.offset : recordOffset;
    event.length = encoding == RecordEncoding::LookupEvents ? slice.length : recordJson.size();
    // Any JSON object parses; only one carrying CloudTrail's own fields is an event (not, say, a labels file).
    bool isRecord = false;
    for (const dom::key_value_pair field : objectOf(root)) {
        if (isRecordKey(field.key)) {
            isRecord = true;
            break;
        }
    }
    if (!isRecord) {
        batch.text.resize(textStart);
        return reject(ErrorCode::NotARecord, QStringLiteral("object has no CloudTrail record fields"));
    }
    const auto eventIndex = static_cast<std::uint32_t>(batch.events.size());
    d->beginKeyPaths(event, batch);
    d->leaves.begin(event, batch);
    d->sawTime = false;
    d->stampTime.reset();
    const std::size_t resourcesBefore = batch.resources.size();
    for (const dom::key_value_pair field : objectOf(root)) {
        d->parseField(field.key, field.value, event, eventIndex, batch);
        if (isIndexedFieldPart(field.key))
            d->leaves.collect(field.key, field.value, event, batch);
    }
    d->leaves.end(event, batch);
    event.keyPathsEnd = static_cast<std::uint32_t>(batch.keyPathUses.size());
    if (batch.resources.size() == resourcesBefore)
        d->deriveResources(root, event, eventIndex, batch);
    if (!d->sawTime && lookupTime) {
        event.time = lookupTime; // normalised to UTC by parseEventTime
    } else if (!d->sawTime && d->stampTime) {
        // The record is kept as it was; the file's one summary warning (FileDecoder) says where the time came from.
        event.time = d->stampTime;
        event.flags |= FlagTimeFromTimestamp;
    } else if (!d->sawTime) {
        event.flags |= FlagUnusableTime;
        batch.warnings.push_back(Error{ErrorCode::MissingEventTime,
                                       QStringLiteral("no eventTime; kept without a time"),
                                       {},
                                       {},
                                       slice.index,
                                       slice.line});
    } else if (!event.time) {
        batch.warnings.push_back(Error{ErrorCode::UnusableEventTime,
                                       QStringLiteral("eventTime is not a timestamp; kept without a time"),
                                       {},
                                       {},
                                       slice.index,
                                       slice.line});
    }
    if (!event.eventId.present || event.eventId.length == 0) {
        // Attack-simulation output often drops eventID; a content-derived ID keeps the record and still dedupes it.
        const Sha256 digest = sha256(minifiedJson(recordJson));
        static constexpr char Hex[] = "0123456789abcdef";
        std::string synthetic = "ts-";
        for (int i = 0; i < 16; ++i) {
            synthetic += Hex[digest[i] >> 4];
            synthetic += Hex[digest[i] & 15];
        }
        event.eventId = batch.add(synthetic);
        event.flags |= FlagSynthesizedId;
        batch.warnings.push_back(Error{ErrorCode::MissingEventId,
                                       QStringLiteral("no eventID; kept as %1").arg(QString::fromLatin1(synthetic)),
                                       {},
                                       {},
                                       slice.index,
                                       slice.line});
    }
    batch.events.push_back(event);
}

} // namespace Trailscope::Core
