// trailgen: writes a synthetic AWS CloudTrail organization-trail tree (gzip'd JSON log files in the S3 key layout)
// for the importer benchmarks and for the sample trail bundled with Trailscope. The same arguments always produce
// the same bytes, so benchmark inputs are regenerated on demand instead of being stored.
//
//   trailgen --out DIR --workload sparse|dense|sample [--events N] [--seed S] [--digests KEYFILE]
//
// --digests writes the signed digest chain of every account and region beside the log files (trailgendigests.h).

#include "trailgendigests.h"

#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Seconds = std::int64_t;

constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kKeyChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; // IAM ids are base32
constexpr std::string_view kUpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

[[noreturn]] void fail(const std::string& message)
{
    std::fprintf(stderr, "trailgen: %s\n", message.c_str());
    std::exit(2);
}

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// ---- Randomness ---------------------------------------------------------------------------------------------------
// Only the engine comes from <random>: the standard distributions differ between library implementations and the
// output must be byte-identical for the same arguments wherever trailgen is built.

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t next() { return m_engine(); }
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1)); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

    template <typename Container>
    const auto& pick(const Container& items)
    {
        return items[below(std::size(items))];
    }

    void chars(std::string& out, int count, std::string_view alphabet)
    {
        for (int i = 0; i < count; ++i)
            out += alphabet[below(alphabet.size())];
    }

    void uuid(std::string& out)
    {
        const std::uint64_t hi = (next() & ~0xF000ULL) | 0x4000ULL;       // version 4
        const std::uint64_t lo = (next() & ~(3ULL << 62)) | (2ULL << 62); // RFC 4122 variant
        for (int i = 0; i < 32; ++i) {
            if (i == 8 || i == 12 || i == 16 || i == 20)
                out += '-';
            out += kHex[((i < 16 ? hi : lo) >> (60 - 4 * (i % 16))) & 0xF];
        }
    }

private:
    std::mt19937_64 m_engine;
};

class WeightedTable
{
public:
    void add(double weight)
    {
        m_total += std::max(weight, 0.0);
        m_cumulative.push_back(m_total);
    }
    std::size_t pick(Rng& rng) const
    {
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), rng.unit() * m_total);
        return std::min(static_cast<std::size_t>(it - m_cumulative.begin()), m_cumulative.size() - 1);
    }

private:
    std::vector<double> m_cumulative;
    double m_total = 0.0;
};

// ---- Time -----------------------------------------------------------------------------------------------------------

struct Civil
{
    int year, month, day, hour, minute, second;
};

Civil toCivil(Seconds t)
{
    using namespace std::chrono;
    const sys_days day = floor<days>(sys_seconds{seconds{t}});
    const year_month_day ymd{day};
    const Seconds rest = t - day.time_since_epoch().count() * 86400;
    return {int(ymd.year()),  int(unsigned(ymd.month())), int(unsigned(ymd.day())),
            int(rest / 3600), int(rest % 3600 / 60),      int(rest % 60)};
}

Seconds parseIso(std::string_view text) // "2026-02-21T18:12:07Z"
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(std::string(text).c_str(), "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &s) != 6)
        fail("bad time literal " + std::string(text));
    using namespace std::chrono;
    const sys_days day{year{y} / month{unsigned(mo)} / std::chrono::day{unsigned(d)}};
    return day.time_since_epoch().count() * 86400 + h * 3600 + mi * 60 + s;
}

void appendDigits(std::string& out, int value, int width)
{
    char buf[12];
    for (int i = width - 1; i >= 0; --i, value /= 10)
        buf[i] = char('0' + value % 10);
    out.append(buf, std::size_t(width));
}

void appendDate(std::string& out, Seconds t, char separator)
{
    const Civil c = toCivil(t);
    appendDigits(out, c.year, 4);
    out += separator;
    appendDigits(out, c.month, 2);
    out += separator;
    appendDigits(out, c.day, 2);
}

void appendIso(std::string& out, Seconds t)
{
    const Civil c = toCivil(t);
    appendDate(out, t, '-');
    out += 'T';
    appendDigits(out, c.hour, 2);
    out += ':';
    appendDigits(out, c.minute, 2);
    out += ':';
    appendDigits(out, c.second, 2);
    out += 'Z';
}

// IAM and STS responses use the console's human format ("Feb 21, 2026, 6:12:07 PM"), not ISO 8601.
void appendPretty(std::string& out, Seconds t)
{
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Civil c = toCivil(t);
    char buf[48];
    const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    std::snprintf(buf, sizeof buf, "%s %d, %d, %d:%02d:%02d %s", months[std::size_t(c.month - 1)], c.day, c.year,
                  hour12, c.minute, c.second, c.hour < 12 ? "AM" : "PM");
    out += buf;
}

// ---- JSON templates -------------------------------------------------------------------------------------------------
// Request/response bodies are written as compact JSON with $tokens. Tokens before Tok::Uuid are cached per record,
// so e.g. the bucket in requestParameters and in resources agree; the later ones are fresh at every mention.

// clang-format off
enum class Tok : std::uint8_t {
    Literal, Account, Region, Bucket, Key, Prefix, Instance, NewInstance, InstanceType, SecurityGroup, Vpc, Subnet,
    Ami, Volume, KmsKey, Function, Table, Secret, User, Role, Policy, Stack, Session, PrivateIp, PrivateIpDashed, Eni,
    Zone, Trail, NewAccessKey, SessionKey, RequestId, Arn, Action, Service, Command, Day, DaySlash, EpochMs,
    PrettyTime, PrettyExpiry, Time,
    Uuid, Number, Number4, Hex8, Hex16, Hex32, Upper17, Base32, AmzId2, Bytes, Encoded, Octet, Count
};

constexpr std::pair<std::string_view, Tok> kTokenNames[] = {
    {"acct", Tok::Account}, {"region", Tok::Region}, {"bucket", Tok::Bucket}, {"key", Tok::Key},
    {"prefix", Tok::Prefix}, {"inst", Tok::Instance}, {"newinst", Tok::NewInstance}, {"itype", Tok::InstanceType},
    {"sg", Tok::SecurityGroup}, {"vpc", Tok::Vpc}, {"subnet", Tok::Subnet}, {"ami", Tok::Ami}, {"vol", Tok::Volume},
    {"kms", Tok::KmsKey}, {"fn", Tok::Function}, {"table", Tok::Table}, {"secret", Tok::Secret}, {"user", Tok::User},
    {"role", Tok::Role}, {"policy", Tok::Policy}, {"stack", Tok::Stack}, {"sess", Tok::Session},
    {"pip", Tok::PrivateIp}, {"pipd", Tok::PrivateIpDashed}, {"eni", Tok::Eni}, {"az", Tok::Zone},
    {"trail", Tok::Trail}, {"newkey", Tok::NewAccessKey}, {"asia", Tok::SessionKey}, {"reqid", Tok::RequestId},
    {"arn", Tok::Arn}, {"action", Tok::Action}, {"svc", Tok::Service}, {"cmd", Tok::Command}, {"day", Tok::Day},
    {"dayslash", Tok::DaySlash}, {"ems", Tok::EpochMs}, {"ptime", Tok::PrettyTime}, {"pexp", Tok::PrettyExpiry},
    {"time", Tok::Time}, {"uuid", Tok::Uuid}, {"n", Tok::Number}, {"n4", Tok::Number4}, {"hex8", Tok::Hex8},
    {"hex16", Tok::Hex16}, {"hex32", Tok::Hex32}, {"up17", Tok::Upper17}, {"b32", Tok::Base32},
    {"amzid", Tok::AmzId2}, {"bytes", Tok::Bytes}, {"enc", Tok::Encoded}, {"o", Tok::Octet},
};

// clang-format on

struct Segment
{
    Tok tok;
    std::string text;
};
using Template = std::vector<Segment>;

Tok lookupToken(std::string_view name)
{
    for (const auto& [tokenName, tok] : kTokenNames) {
        if (tokenName == name)
            return tok;
    }
    fail("unknown template token $" + std::string(name));
}

// "$$" stands for a literal dollar (Lambda's "$LATEST").
Template compile(std::string_view text)
{
    Template result;
    std::string literal;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '$') {
            literal += text[i++];
            continue;
        }
        std::size_t end = i + 1;
        while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])))
            ++end;
        if (end == i + 1) {
            literal += '$';
            i = (end < text.size() && text[end] == '$') ? end + 1 : end;
            continue;
        }
        if (!literal.empty())
            result.push_back({Tok::Literal, std::exchange(literal, {})});
        result.push_back({lookupToken(text.substr(i + 1, end - i - 1)), {}});
        i = end;
    }
    if (!literal.empty())
        result.push_back({Tok::Literal, literal});
    return result;
}

// ---- Catalogue ------------------------------------------------------------------------------------------------------

// clang-format off
enum Flag : unsigned {
    ReadOnly = 1u << 0, Data = 1u << 1, Human = 1u << 2, Automation = 1u << 3, Service = 1u << 4,
    Global = 1u << 5,       // IAM, sign-in and ListBuckets are recorded in us-east-1 only
    Sensitive = 1u << 6,    // kept out of the sample's background so its incidents stay unambiguous
    ServiceEvent = 1u << 7, SignIn = 1u << 8,
    CrossAccount = 1u << 9, // callable on our resources by principals of another account
};
constexpr unsigned RO = ReadOnly, HA = Human | Automation, AS = Automation | Service, HAS = HA | Service;

enum class Err : std::uint8_t { None, Ec2, Iam, S3, Kms, Generic, Lambda, Ddb, Sts };

struct ApiSpec
{
    const char* service; // eventSource without ".amazonaws.com"
    const char* name;
    double weight;       // relative frequency in background traffic
    unsigned flags;
    Err errors;
    const char* request;   // nullptr: null
    const char* response;  // nullptr: null
    const char* resources; // nullptr: field omitted
    const char* extra;     // additionalEventData, or serviceEventDetails for service events
    const char* actor;     // the one principal that makes this call, or nullptr for any of the flagged classes
};

#define S3_HOST R"("Host":"$bucket.s3.$region.amazonaws.com")"
#define S3_BUCKET_REQ R"({"bucketName":"$bucket",)" S3_HOST
#define S3_EXTRA(in, out) \
    R"({"SignatureVersion":"SigV4","CipherSuite":"TLS_AES_128_GCM_SHA256","bytesTransferredIn":)" in \
    R"(,"AuthenticationMethod":"AuthHeader","x-amz-id-2":"$amzid","bytesTransferredOut":)" out "}"
#define S3_BUCKET_RES R"({"accountId":"$acct","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::$bucket"}])"
#define S3_OBJECT_RES R"([{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::$bucket/$key"},)" S3_BUCKET_RES
#define EC2_FILTER(name, value) R"("filterSet":{"items":[{"name":")" name R"(","valueSet":{"items":[{"value":")" \
    value R"("}]}}]})"
#define KMS_RES R"([{"accountId":"$acct","type":"AWS::KMS::Key","ARN":"arn:aws:kms:$region:$acct:key/$kms"}])"
#define DDB_RES \
    R"([{"accountId":"$acct","type":"AWS::DynamoDB::Table","ARN":"arn:aws:dynamodb:$region:$acct:table/$table"}])"
#define TRAIL_REQ R"({"name":"arn:aws:cloudtrail:$region:$acct:trail/$trail"})"

const char* const kRunInstancesRequest =
    R"({"instancesSet":{"items":[{"imageId":"$ami","minCount":1,"maxCount":1}]},"instanceType":"$itype",)"
    R"("blockDeviceMapping":{},"monitoring":{"enabled":false},"subnetId":"$subnet","disableApiTermination":false,)"
    R"("disableApiStop":false,"clientToken":"$uuid","tagSpecificationSet":{"items":[{"resourceType":"instance",)"
    R"("tags":[{"key":"Name","value":"worker-$n"}]}]},"metadataOptions":{"httpTokens":"required",)"
    R"("httpPutResponseHopLimit":2}})";
const char* const kRunInstancesResponse =
    R"({"requestId":"$reqid","reservationId":"r-0$hex16","ownerId":"$acct","groupSet":{},"instancesSet":{"items":[)"
    R"({"instanceId":"$newinst","imageId":"$ami","currentInstanceBootMode":"uefi","instanceState":{"code":0,)"
    R"("name":"pending"},"privateDnsName":"ip-$pipd.$region.compute.internal","amiLaunchIndex":0,"productCodes":{},)"
    R"("instanceType":"$itype","launchTime":$ems,"placement":{"availabilityZone":"$az","tenancy":"default"},)"
    R"("monitoring":{"state":"disabled"},"subnetId":"$subnet","vpcId":"$vpc","privateIpAddress":"$pip",)"
    R"("stateReason":{"code":"pending","message":"pending"},"architecture":"x86_64","rootDeviceType":"ebs",)"
    R"("rootDeviceName":"/dev/xvda","blockDeviceMapping":{},"virtualizationType":"hvm","hypervisor":"xen",)"
    R"("groupSet":{"items":[{"groupId":"$sg","groupName":"app-servers"}]},"sourceDestCheck":true,)"
    R"("networkInterfaceSet":{"items":[{"networkInterfaceId":"$eni","subnetId":"$subnet","vpcId":"$vpc",)"
    R"("ownerId":"$acct","status":"in-use","privateIpAddress":"$pip","sourceDestCheck":true,)"
    R"("interfaceType":"interface"}]},"ebsOptimized":false,"enaSupport":true,"metadataOptions":{"state":"pending",)"
    R"("httpTokens":"required","httpPutResponseHopLimit":2,"httpEndpoint":"enabled"}}]},"requesterId":"$acct"})";
#define STATE_CHANGE(from, fromCode, to, toCode) \
    R"({"requestId":"$reqid","instancesSet":{"items":[{"instanceId":"$inst",)" \
    R"("currentState":{"code":)" toCode R"(,"name":")" to R"("},"previousState":{"code":)" fromCode R"(,"name":")" \
    from R"("}}]}})"

const ApiSpec kApis[] = {
    // EC2: Describe* calls from consoles, autoscalers and monitoring dominate real management traffic.
    {"ec2", "DescribeInstances", 40, RO | HAS, Err::Ec2, R"({"instancesSet":{},)" EC2_FILTER("instance-state-name",
     "running") "}", nullptr, nullptr, nullptr, nullptr},
    {"ec2", "DescribeSecurityGroups", 15, RO | HAS, Err::Ec2,
     R"({"securityGroupSet":{},"securityGroupIdSet":{"items":[{"groupId":"$sg"}]},"filterSet":{}})", nullptr,
     nullptr, nullptr, nullptr},
    {"ec2", "DescribeVolumes", 10, RO | AS, Err::Ec2, R"({"volumeSet":{},)" EC2_FILTER("attachment.instance-id",
     "$inst") "}", nullptr, nullptr, nullptr, nullptr},
    {"ec2", "DescribeSubnets", 8, RO | HAS, Err::Ec2, R"({"subnetSet":{},)" EC2_FILTER("vpc-id", "$vpc") "}", nullptr,
     nullptr, nullptr, nullptr},
    {"ec2", "DescribeVpcs", 6, RO | HAS, Err::Ec2, R"({"vpcSet":{"items":[{"vpcId":"$vpc"}]},"filterSet":{}})",
     nullptr, nullptr, nullptr, nullptr},
    {"ec2", "DescribeImages", 6, RO | AS, Err::Ec2, R"({"executableBySet":{},"imagesSet":{"items":[{"imageId":)"
     R"("$ami"}]},"ownersSet":{},"includeDeprecated":false,"includeDisabled":false})", nullptr, nullptr, nullptr,
     nullptr},
    {"ec2", "DescribeNetworkInterfaces", 10, RO | AS, Err::Ec2, R"({"networkInterfaceIdSet":{},)"
     EC2_FILTER("subnet-id", "$subnet") "}", nullptr, nullptr, nullptr, nullptr},
    {"ec2", "DescribeRegions", 5, RO | HA, Err::Ec2, R"({"regionSet":{},"allRegions":false})", nullptr, nullptr,
     nullptr, nullptr},
    {"ec2", "DescribeTags", 6, RO | AS, Err::Ec2, "{" EC2_FILTER("resource-id", "$inst") "}", nullptr, nullptr,
     nullptr, nullptr},
    {"ec2", "DescribeInstanceStatus", 8, RO | AS, Err::Ec2, R"({"instancesSet":{"items":[{"instanceId":"$inst"}]},)"
     R"("filterSet":{},"includeAllInstances":false})", nullptr, nullptr, nullptr, nullptr},
    {"ec2", "RunInstances", 2.5, HAS, Err::Ec2, kRunInstancesRequest, kRunInstancesResponse, nullptr, nullptr,
     nullptr},
    {"ec2", "TerminateInstances", 2, HAS, Err::Ec2, R"({"instancesSet":{"items":[{"instanceId":"$inst"}]}})",
     STATE_CHANGE("running", "16", "shutting-down", "32"), nullptr, nullptr, nullptr},
    {"ec2", "StopInstances", 0.8, HA, Err::Ec2, R"({"instancesSet":{"items":[{"instanceId":"$inst"}]},"force":false})",
     STATE_CHANGE("running", "16", "stopping", "64"), nullptr, nullptr, nullptr},
    {"ec2", "CreateTags", 15, AS, Err::Ec2, R"({"resourcesSet":{"items":[{"resourceId":"$inst"}]},"tagSet":{"items":)"
     R"([{"key":"Owner","value":"$user"},{"key":"CostCenter","value":"cc-$n"}]}})",
     R"({"requestId":"$reqid","_return":true})", nullptr, nullptr, nullptr},
    {"ec2", "AuthorizeSecurityGroupIngress", 0.6, HA | Sensitive, Err::Ec2, R"({"groupId":"$sg","ipPermissions":)"
     R"({"items":[{"ipProtocol":"tcp","fromPort":443,"toPort":443,"groups":{},"ipRanges":{"items":[{"cidrIp":)"
     R"("10.0.0.0/8","description":"internal https"}]},"ipv6Ranges":{},"prefixListIds":{}}]}})",
     R"({"requestId":"$reqid","_return":true,"securityGroupRuleSet":{"items":[{"groupOwnerId":"$acct","groupId":)"
     R"("$sg","securityGroupRuleId":"sgr-0$hex16","isEgress":false,"ipProtocol":"tcp","fromPort":443,"toPort":443,)"
     R"("cidrIpv4":"10.0.0.0/8","description":"internal https"}]}})", nullptr, nullptr, nullptr},
    {"ec2", "CreateNetworkInterface", 4, Service, Err::None, R"({"subnetId":"$subnet","description":)"
     R"("AWS Lambda VPC ENI-$fn-$uuid","groupSet":{"items":[{"groupId":"$sg"}]},"privateIpAddressesSet":{}})",
     R"({"requestId":"$reqid","networkInterface":{"networkInterfaceId":"$eni","subnetId":"$subnet","vpcId":"$vpc",)"
     R"("availabilityZone":"$az","description":"AWS Lambda VPC ENI-$fn","ownerId":"$acct","requesterId":)"
     R"("AROA$up17:$fn","requesterManaged":true,"status":"pending","privateIpAddress":"$pip","sourceDestCheck":true,)"
     R"("interfaceType":"lambda","groupSet":{"items":[{"groupId":"$sg","groupName":"lambda-egress"}]}}})", nullptr,
     nullptr, "lambda.amazonaws.com"},
    // S3 management calls.
    {"s3", "ListBuckets", 6, RO | HA | Global, Err::S3, R"({"Host":"s3.amazonaws.com"})", nullptr, nullptr,
     S3_EXTRA("0", "$bytes"), nullptr},
    {"s3", "GetBucketAcl", 8, RO | AS, Err::S3, S3_BUCKET_REQ R"(,"acl":""})", nullptr, "[" S3_BUCKET_RES,
     S3_EXTRA("0", "$bytes"), nullptr},
    {"s3", "GetBucketLocation", 6, RO | AS, Err::S3, S3_BUCKET_REQ R"(,"location":""})", nullptr,
     "[" S3_BUCKET_RES, S3_EXTRA("0", "$bytes"), nullptr},
    {"s3", "GetBucketPolicy", 4, RO | AS, Err::S3, S3_BUCKET_REQ R"(,"policy":""})", nullptr, "[" S3_BUCKET_RES,
     S3_EXTRA("0", "$bytes"), nullptr},
    {"s3", "PutBucketPolicy", 0.3, Human, Err::S3, R"({"bucketPolicy":{"Version":"2012-10-17","Statement":[{"Sid":)"
     R"("DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::$bucket",)"
     R"("arn:aws:s3:::$bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]},"bucketName":"$bucket",)"
     S3_HOST R"(,"policy":""})", nullptr, "[" S3_BUCKET_RES, S3_EXTRA("$bytes", "0"), nullptr},
    {"s3", "DeleteBucket", 0.15, Human | Sensitive, Err::S3, S3_BUCKET_REQ "}", nullptr, "[" S3_BUCKET_RES,
     S3_EXTRA("0", "0"), nullptr},
    // S3, Lambda and DynamoDB data events: roughly a third of a trail that logs data events.
    {"s3", "GetObject", 62, RO | Data | Automation | CrossAccount, Err::S3, S3_BUCKET_REQ R"(,"key":"$key"})",
     nullptr, S3_OBJECT_RES, R"({"SignatureVersion":"SigV4","CipherSuite":"TLS_AES_128_GCM_SHA256",)"
     R"("bytesTransferredIn":0,"SSEApplied":"Default_SSE_S3","AuthenticationMethod":"AuthHeader",)"
     R"("x-amz-id-2":"$amzid","bytesTransferredOut":$bytes})", nullptr},
    {"s3", "PutObject", 40, Data | Automation, Err::S3, S3_BUCKET_REQ R"(,"key":"$key"})",
     R"({"x-amz-server-side-encryption":"AES256","x-amz-version-id":"$b32"})",
     S3_OBJECT_RES, S3_EXTRA("$bytes", "0"), nullptr},
    {"s3", "ListObjects", 18, RO | Data | Automation, Err::S3, R"({"list-type":"2","bucketName":"$bucket",)"
     R"("encoding-type":"url","max-keys":"1000","prefix":"$prefix","delimiter":"/",)" S3_HOST "}", nullptr,
     R"([{"type":"AWS::S3::Object","ARNPrefix":"arn:aws:s3:::$bucket/$prefix"},)" S3_BUCKET_RES,
     S3_EXTRA("0", "$bytes"), nullptr},
    {"s3", "HeadObject", 12, RO | Data | Automation | CrossAccount, Err::S3, S3_BUCKET_REQ R"(,"key":"$key"})",
     nullptr, S3_OBJECT_RES, S3_EXTRA("0", "0"), nullptr},
    {"s3", "DeleteObject", 6, Data | Automation, Err::S3, S3_BUCKET_REQ R"(,"key":"$key"})",
     R"({"x-amz-version-id":"$b32","x-amz-delete-marker":"true"})", S3_OBJECT_RES, S3_EXTRA("0", "0"), nullptr},
    {"lambda", "Invoke", 30, Data | AS, Err::Lambda, R"({"functionName":"arn:aws:lambda:$region:$acct:function:$fn"})",
     nullptr, R"([{"accountId":"$acct","type":"AWS::Lambda::Function","ARN":)"
     R"("arn:aws:lambda:$region:$acct:function:$fn"}])",
     R"({"functionVersion":"arn:aws:lambda:$region:$acct:function:$fn:$$LATEST"})", nullptr},
    {"dynamodb", "GetItem", 14, RO | Data | Automation, Err::Ddb, R"({"tableName":"$table","key":{"pk":)"
     R"("HIDDEN_DUE_TO_SECURITY_REASONS","sk":"HIDDEN_DUE_TO_SECURITY_REASONS"},"consistentRead":false})", nullptr,
     DDB_RES, nullptr, nullptr},
    {"dynamodb", "PutItem", 14, Data | Automation, Err::Ddb, R"({"tableName":"$table","key":{"pk":)"
     R"("HIDDEN_DUE_TO_SECURITY_REASONS","sk":"HIDDEN_DUE_TO_SECURITY_REASONS"},"returnValues":"NONE",)"
     R"("returnConsumedCapacity":"TOTAL"})", nullptr, DDB_RES, nullptr, nullptr},
    {"dynamodb", "Query", 10, RO | Data | Automation, Err::Ddb, R"({"tableName":"$table","indexName":"gsi1",)"
     R"("keyConditionExpression":"HIDDEN_DUE_TO_SECURITY_REASONS","limit":100,"scanIndexForward":false})", nullptr,
     DDB_RES, nullptr, nullptr},
    // IAM is global: recorded in us-east-1.
    {"iam", "GetUser", 4, RO | HA | Global, Err::Iam, R"({"userName":"$user"})", nullptr, nullptr, nullptr, nullptr},
    {"iam", "ListRoles", 5, RO | HA | Global, Err::Iam, nullptr, nullptr, nullptr, nullptr, nullptr},
    {"iam", "ListUsers", 3, RO | HA | Global, Err::Iam, nullptr, nullptr, nullptr, nullptr, nullptr},
    {"iam", "GetRole", 8, RO | HAS | Global, Err::Iam, R"({"roleName":"$role"})", nullptr, nullptr, nullptr, nullptr},
    {"iam", "ListAttachedRolePolicies", 5, RO | HA | Global, Err::Iam, R"({"roleName":"$role"})", nullptr, nullptr,
     nullptr, nullptr},
    {"iam", "GetPolicy", 3, RO | Automation | Global, Err::Iam, R"({"policyArn":"arn:aws:iam::aws:policy/$policy"})",
     nullptr, nullptr, nullptr, nullptr},
    {"iam", "ListAccessKeys", 3, RO | HA | Global, Err::Iam, R"({"userName":"$user"})", nullptr, nullptr, nullptr,
     nullptr},
    {"iam", "GetAccountSummary", 1, RO | Human | Global, Err::Iam, nullptr, nullptr, nullptr, nullptr, nullptr},
    {"iam", "CreateUser", 0.2, Human | Global | Sensitive, Err::Iam, R"({"userName":"$user","tags":[]})",
     R"({"user":{"path":"/","userName":"$user","userId":"AIDA$up17","arn":"arn:aws:iam::$acct:user/$user",)"
     R"("createDate":"$ptime"}})", nullptr, nullptr, nullptr},
    {"iam", "CreateAccessKey", 0.3, Human | Global | Sensitive, Err::Iam, R"({"userName":"$user"})",
     R"({"accessKey":{"userName":"$user","accessKeyId":"$newkey","status":"Active","createDate":"$ptime"}})",
     nullptr, nullptr, nullptr},
    {"iam", "AttachUserPolicy", 0.2, Human | Global | Sensitive, Err::Iam,
     R"({"userName":"$user","policyArn":"arn:aws:iam::aws:policy/$policy"})", nullptr, nullptr, nullptr, nullptr},
    {"iam", "AttachRolePolicy", 0.3, Automation | Global, Err::Iam,
     R"({"roleName":"$role","policyArn":"arn:aws:iam::aws:policy/$policy"})", nullptr, nullptr, nullptr, nullptr},
    {"iam", "PutRolePolicy", 0.4, Automation | Global, Err::Iam, R"({"roleName":"$role","policyName":"inline-s3-$n",)"
     R"("policyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":)"
     R"([\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::$bucket/*\"}]}"})", nullptr, nullptr, nullptr,
     nullptr},
    {"iam", "DeleteAccessKey", 0.2, Human | Global, Err::Iam, R"({"userName":"$user","accessKeyId":"$newkey"})",
     nullptr, nullptr, nullptr, nullptr},
    {"iam", "CreateLoginProfile", 0.05, Human | Global | Sensitive, Err::Iam,
     R"({"userName":"$user","passwordResetRequired":false})",
     R"({"loginProfile":{"userName":"$user","createDate":"$ptime","passwordResetRequired":false}})", nullptr, nullptr,
     nullptr},
    // STS, KMS: mostly machines and AWS services working on someone's behalf.
    {"sts", "AssumeRole", 40, RO | AS, Err::Sts, R"({"roleArn":"arn:aws:iam::$acct:role/$role","roleSessionName":)"
     R"("$sess","durationSeconds":3600})", R"({"credentials":{"accessKeyId":"$asia","expiration":"$pexp"},)"
     R"("assumedRoleUser":{"assumedRoleId":"AROA$up17:$sess","arn":"arn:aws:sts::$acct:assumed-role/$role/$sess"}})",
     R"([{"accountId":"$acct","type":"AWS::IAM::Role","ARN":"arn:aws:iam::$acct:role/$role"}])", nullptr, nullptr},
    {"sts", "GetCallerIdentity", 20, RO | HAS, Err::Sts, nullptr, nullptr, nullptr, nullptr, nullptr},
    {"kms", "Decrypt", 45, RO | AS | CrossAccount, Err::Kms, R"({"encryptionAlgorithm":"SYMMETRIC_DEFAULT",)"
     R"("keyId":"arn:aws:kms:$region:$acct:key/$kms","encryptionContext":{"aws:s3:arn":"arn:aws:s3:::$bucket/$key"}})",
     nullptr, KMS_RES, nullptr, nullptr},
    {"kms", "GenerateDataKey", 25, RO | AS, Err::Kms, R"({"keyId":"arn:aws:kms:$region:$acct:key/$kms",)"
     R"("encryptionContext":{"aws:lambda:FunctionArn":"arn:aws:lambda:$region:$acct:function:$fn"},)"
     R"("keySpec":"AES_256"})", nullptr, KMS_RES, nullptr, nullptr},
    {"kms", "DescribeKey", 5, RO | AS, Err::Kms, R"({"keyId":"arn:aws:kms:$region:$acct:key/$kms"})", nullptr,
     KMS_RES, nullptr, nullptr},
    {"kms", "ListAliases", 2, RO | Human, Err::Kms, nullptr, nullptr, nullptr, nullptr, nullptr},
    {"kms", "RotateKey", 0.3, ServiceEvent | Service, Err::None, nullptr, nullptr, KMS_RES,
     R"({"keyId":"arn:aws:kms:$region:$acct:key/$kms","rotationType":"AUTOMATIC"})", "kms.amazonaws.com"},
    // CloudTrail itself; StopLogging, DeleteTrail and StartLogging only happen in the sample's incidents.
    {"cloudtrail", "DescribeTrails", 3, RO | HA, Err::Generic, R"({"trailNameList":[],"includeShadowTrails":true})",
     nullptr, nullptr, nullptr, nullptr},
    {"cloudtrail", "LookupEvents", 3, RO | Human, Err::Generic, R"({"lookupAttributes":[{"attributeKey":)"
     R"("EventName","attributeValue":"ConsoleLogin"}],"maxResults":50})", nullptr, nullptr, nullptr, nullptr},
    {"cloudtrail", "GetTrailStatus", 3, RO | Automation, Err::Generic,
     R"({"name":"arn:aws:cloudtrail:us-east-1:$acct:trail/$trail"})", nullptr, nullptr, nullptr, nullptr},
    {"cloudtrail", "StopLogging", 0, Human | Sensitive, Err::Generic, TRAIL_REQ, nullptr, nullptr, nullptr, nullptr},
    {"cloudtrail", "DeleteTrail", 0, Human | Sensitive, Err::Generic, TRAIL_REQ, nullptr, nullptr, nullptr, nullptr},
    {"cloudtrail", "StartLogging", 0, Human | Sensitive, Err::Generic, TRAIL_REQ, nullptr, nullptr, nullptr, nullptr},
    {"signin", "ConsoleLogin", 3, SignIn | Global, Err::None, nullptr, nullptr, nullptr, nullptr, nullptr},
    // Everything else an account does all day.
    {"logs", "DescribeLogGroups", 5, RO | HA, Err::Generic, R"({"logGroupNamePrefix":"/aws/lambda/$fn"})", nullptr,
     nullptr, nullptr, nullptr},
    {"logs", "CreateLogStream", 35, Automation, Err::Generic, R"({"logGroupName":"/aws/lambda/$fn",)"
     R"("logStreamName":"$dayslash/[$$LATEST]$hex32"})", nullptr, nullptr, nullptr, "lambda-exec"},
    {"monitoring", "GetMetricData", 15, RO | Automation, Err::Generic, R"({"metricDataQueries":[{"id":"cpu",)"
     R"("metricStat":{"metric":{"namespace":"AWS/EC2","metricName":"CPUUtilization","dimensions":[{"name":)"
     R"("InstanceId","value":"$inst"}]},"period":300,"stat":"Average"},"returnData":true}],"startTime":"$time",)"
     R"("endTime":"$time","scanBy":"TimestampDescending"})", nullptr, nullptr, nullptr, "grafana-reader"},
    {"monitoring", "DescribeAlarms", 5, RO | HA, Err::Generic, R"({"stateValue":"ALARM","maxRecords":100})", nullptr,
     nullptr, nullptr, nullptr},
    {"ssm", "GetParameter", 12, RO | Automation, Err::Generic, R"({"name":"/prod/$fn/db-url","withDecryption":true})",
     nullptr, nullptr, nullptr, nullptr},
    {"ssm", "UpdateInstanceInformation", 40, Automation, Err::Generic, R"({"instanceId":"$inst","agentVersion":)"
     R"("3.3.131.0","agentStatus":"Active","platformType":"Linux","platformName":"Amazon Linux","platformVersion":)"
     R"("2023","iPAddress":"$pip","computerName":"ip-$pipd.$region.compute.internal","agentName":)"
     R"("amazon-ssm-agent"})", nullptr, nullptr, nullptr, "ssm-instance"},
    {"secretsmanager", "GetSecretValue", 10, RO | Automation, Err::Generic,
     R"({"secretId":"arn:aws:secretsmanager:$region:$acct:secret:$secret"})", nullptr, nullptr, nullptr, nullptr},
    {"ecr", "GetAuthorizationToken", 6, RO | Automation, Err::Generic, nullptr, nullptr, nullptr, nullptr,
     "EksNodeRole"},
    {"elasticloadbalancing", "DescribeTargetHealth", 6, RO | Automation, Err::Generic,
     R"({"targetGroupArn":"arn:aws:elasticloadbalancing:$region:$acct:targetgroup/$fn-tg/$hex16"})", nullptr,
     nullptr, nullptr, nullptr},
    {"autoscaling", "DescribeAutoScalingGroups", 5, RO | AS, Err::Generic,
     R"({"autoScalingGroupNames":["eks-prod-workers-$hex8"],"maxRecords":100})", nullptr, nullptr, nullptr, nullptr},
    {"rds", "DescribeDBInstances", 4, RO | HA, Err::Generic, R"({"dBInstanceIdentifier":"$table-db"})", nullptr,
     nullptr, nullptr, nullptr},
    {"cloudformation", "DescribeStacks", 5, RO | HA, Err::Generic, R"({"stackName":"$stack"})", nullptr, nullptr,
     nullptr, nullptr},
    {"config", "PutEvaluations", 30, Service, Err::None, R"({"evaluations":[{"complianceResourceType":)"
     R"("AWS::EC2::Instance","complianceResourceId":"$inst","complianceType":"COMPLIANT","orderingTimestamp":)"
     R"("$time"}],"resultToken":"$b32","testMode":false})", R"({"failedEvaluations":[]})", nullptr, nullptr,
     "config.amazonaws.com"},
    {"backup", "BackupJobCompleted", 0.5, ServiceEvent | Service, Err::None, nullptr, nullptr, nullptr,
     R"({"backupJobId":"$uuid","backupVaultName":"Default","backupVaultArn":)"
     R"("arn:aws:backup:$region:$acct:backup-vault:Default","resourceArn":"arn:aws:ec2:$region:$acct:volume/$vol",)"
     R"("state":"COMPLETED","backupSizeInBytes":$bytes,"creationDate":"$time","iamRoleArn":)"
     R"("arn:aws:iam::$acct:role/service-role/AWSBackupDefaultServiceRole","resourceType":"EBS"})",
     "backup.amazonaws.com"},
};

struct ErrorSpec
{
    Err family;
    const char* code;
    const char* message;
};

const ErrorSpec kErrors[] = {
    {Err::Ec2, "Client.UnauthorizedOperation", "You are not authorized to perform this operation. User: $arn is not "
     "authorized to perform: ec2:$action because no identity-based policy allows the ec2:$action action. Encoded "
     "authorization failure message: $enc"},
    {Err::Ec2, "Client.InvalidInstanceID.NotFound", "The instance ID '$inst' does not exist"},
    {Err::Ec2, "Client.RequestLimitExceeded", "Request limit exceeded."},
    {Err::Iam, "AccessDenied", "User: $arn is not authorized to perform: iam:$action on resource: user $user because "
     "no identity-based policy allows the iam:$action action"},
    {Err::Iam, "NoSuchEntityException", "The user with name $user cannot be found."},
    {Err::Iam, "ThrottlingException", "Rate exceeded"},
    {Err::S3, "AccessDenied", "Access Denied"},
    {Err::S3, "NoSuchKey", "The specified key does not exist."},
    {Err::Kms, "AccessDeniedException", "User: $arn is not authorized to perform: kms:$action on resource: "
     "arn:aws:kms:$region:$acct:key/$kms because no resource-based policy allows the kms:$action action"},
    {Err::Kms, "ThrottlingException", "You have exceeded the rate at which you may call KMS. Reduce the frequency of "
     "your calls."},
    {Err::Generic, "AccessDenied", "User: $arn is not authorized to perform: $svc:$action because no identity-based "
     "policy allows the $svc:$action action"},
    {Err::Generic, "ThrottlingException", "Rate exceeded"},
    {Err::Lambda, "ResourceNotFoundException", "Function not found: arn:aws:lambda:$region:$acct:function:$fn"},
    {Err::Lambda, "TooManyRequestsException", "Rate Exceeded."},
    {Err::Ddb, "ResourceNotFoundException", "Requested resource not found"},
    {Err::Ddb, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the "
     "table was exceeded. Consider increasing your provisioning level with the UpdateTable API."},
    {Err::Sts, "AccessDenied", "User: $arn is not authorized to perform: sts:$action on resource: "
     "arn:aws:iam::$acct:role/$role"},
};

enum class Ua : std::uint8_t { Cli, Console, Boto3, Java, Terraform, GitHub, SsmAgent, Grafana, LambdaJs, Browser,
                               Kali, Count };

const std::array<std::vector<const char*>, std::size_t(Ua::Count)> kUserAgents{{
    {"aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off command/$cmd",
     "aws-cli/2.13.2 Python/3.11.4 Windows/10 exe/AMD64 prompt/off command/$cmd",
     "aws-cli/2.15.17 Python/3.11.6 Linux/6.5.0-15-generic exe/x86_64.ubuntu.22 prompt/off command/$cmd"},
    {"console.amazonaws.com", "AWS Internal"},
    {"Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#6.1.79-99.164.amzn2023.x86_64 md/arch#x86_64 "
     "lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51",
     "Boto3/1.28.85 Python/3.9.18 Linux/5.10.205-195.807.amzn2.x86_64 Botocore/1.31.85",
     "Boto3/1.26.137 Python/3.10.12 Linux/6.2.0-1017-aws Botocore/1.29.137"},
    {"aws-sdk-java/2.25.6 Linux/5.10.209-198.858.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 "
     "vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
     "aws-sdk-java/2.20.162 Linux/5.10.198-187.748.amzn2.x86_64 Java/17.0.8",
     "aws-sdk-java/1.12.661 Linux/5.10.209-198.858.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS "
     "java/11.0.22 vendor/Amazon.com_Inc. cfg/retry-mode/standard"},
    {"APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 "
     "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.8 "
     "md/GOOS#linux md/GOARCH#amd64 api/$svc#1.28.2"},
    {"aws-cli/2.15.22 Python/3.11.6 Linux/6.5.0-1015-azure exe/x86_64.ubuntu.22 prompt/off command/$cmd"},
    {"aws-sdk-go/1.44.302 (go1.21.5; linux; amd64) amazon-ssm-agent/3.2.2303.0"},
    {"Grafana/10.3.3 aws-sdk-go/1.50.8 (go1.21.6; linux; amd64)"},
    {"aws-sdk-js/3.511.0 ua/2.0 os/linux#5.10.207-218.860.amzn2.x86_64 lang/js md/nodejs#20.11.0 "
     "exec-env/AWS_Lambda_nodejs20.x api/$svc#3.511.0",
     "aws-sdk-nodejs/2.1490.0 linux/v18.19.0 exec-env/AWS_Lambda_nodejs18.x promise"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 "
     "Safari/537.36",
     "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 "
     "Safari/605.1.15",
     "Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0"},
    {"aws-cli/2.13.25 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off command/$cmd"},
}};

enum class Ip : std::uint8_t { Office, Nat, GitHub, Vpce, Service, Tor };
constexpr const char* kOfficeIps[] = {"203.0.113.17", "203.0.113.42", "203.0.113.88", "198.51.100.23",
                                      "2001:db8:4f2a:1c00:9d3e:5b17:a2c4:6e01",
                                      "2001:db8:4f2a:1c00:35a1:e0f2:7c9b:12d4"};
constexpr const char* kNatIps[] = {"3.120.181.40", "18.204.77.139", "52.17.226.9", "35.176.12.201", "54.239.28.85"};

enum class IdentityType : std::uint8_t { IamUser, AssumedRole, AwsService, Root };
enum Trait : unsigned { Console = 1, Mfa = 2, SignInCapable = 4, Ec2Role = 8, Foreign = 16, NotInSample = 32,
                        SsoRole = 64, SessionCreds = 128 };

struct ActorSpec
{
    IdentityType type;
    unsigned classes; // 0: only ever chosen by name (ApiSpec::actor)
    const char* name; // user, role or invoking service
    const char* session;
    Ua ua;
    Ip ip;
    double weight;
    unsigned traits;
};

const ActorSpec kActorSpecs[] = {
    {IdentityType::IamUser, Human, "alice.martin", "", Ua::Cli, Ip::Office, 4, SignInCapable | Mfa},
    {IdentityType::IamUser, Human, "bob.nguyen", "", Ua::Cli, Ip::Office, 3, SignInCapable | Mfa},
    {IdentityType::IamUser, Human, "carol.white", "", Ua::Cli, Ip::Office, 2, SignInCapable | Mfa},
    {IdentityType::IamUser, Human, "mark.chen", "", Ua::Cli, Ip::Office, 2, SignInCapable | Mfa},
    {IdentityType::AssumedRole, Human, "AWSReservedSSO_AdministratorAccess_6e1f2a3b4c5d6e7f",
     "alice.martin@example.com", Ua::Console, Ip::Office, 6, Console | Mfa | SsoRole},
    {IdentityType::AssumedRole, Human, "AWSReservedSSO_ReadOnlyAccess_0a9b8c7d6e5f4a3b", "dave.okafor@example.com",
     Ua::Console, Ip::Office, 4, Console | Mfa | SsoRole},
    {IdentityType::Root, Human, "", "", Ua::Console, Ip::Office, 0.05, Console | Mfa | SignInCapable | NotInSample},
    {IdentityType::IamUser, Automation, "ci-deployer", "", Ua::GitHub, Ip::GitHub, 3, 0},
    {IdentityType::IamUser, Automation, "terraform-cloud", "", Ua::Terraform, Ip::Nat, 3, 0},
    {IdentityType::IamUser, Automation, "grafana-reader", "", Ua::Grafana, Ip::Nat, 6, 0},
    {IdentityType::AssumedRole, Automation, "DataPipelineRole", "etl-nightly", Ua::Boto3, Ip::Vpce, 8, 0},
    {IdentityType::AssumedRole, Automation, "gha-deploy", "GitHubActions", Ua::GitHub, Ip::GitHub, 4, 0},
    {IdentityType::AssumedRole, Automation, "EksNodeRole", "$inst", Ua::Java, Ip::Nat, 8, Ec2Role},
    {IdentityType::AssumedRole, Automation, "lambda-exec", "order-processor", Ua::LambdaJs, Ip::Nat, 6, 0},
    {IdentityType::AssumedRole, Automation, "SecurityAuditRole", "prowler-scan", Ua::Boto3, Ip::Nat, 2, 0},
    {IdentityType::AssumedRole, 0, "ssm-instance", "$inst", Ua::SsmAgent, Ip::Nat, 0, Ec2Role},
    {IdentityType::AssumedRole, Automation, "DataScienceRole", "notebook-runner", Ua::Boto3, Ip::Nat, 3, Foreign},
    {IdentityType::AwsService, Service, "ec2.amazonaws.com", "", Ua::Count, Ip::Service, 3, 0},
    {IdentityType::AwsService, Service, "lambda.amazonaws.com", "", Ua::Count, Ip::Service, 3, 0},
    {IdentityType::AwsService, Service, "autoscaling.amazonaws.com", "", Ua::Count, Ip::Service, 2, 0},
    {IdentityType::AwsService, Service, "cloudformation.amazonaws.com", "", Ua::Count, Ip::Service, 1, 0},
    {IdentityType::AwsService, Service, "config.amazonaws.com", "", Ua::Count, Ip::Service, 2, 0},
    {IdentityType::AwsService, Service, "elasticloadbalancing.amazonaws.com", "", Ua::Count, Ip::Service, 2, 0},
    {IdentityType::AwsService, Service, "s3.amazonaws.com", "", Ua::Count, Ip::Service, 2, 0},
    {IdentityType::AwsService, Service, "backup.amazonaws.com", "", Ua::Count, Ip::Service, 1, 0},
    {IdentityType::AwsService, Service, "kms.amazonaws.com", "", Ua::Count, Ip::Service, 0, 0},
};

struct AccountSpec
{
    const char* id;
    const char* label;
    double weight;
};
constexpr std::string_view kOrgId = "o-7k2m9x4q1z";
constexpr AccountSpec kAccounts[] = {{"204816349572", "acme-prod", 0.62}, {"583920174466", "acme-staging", 0.28},
                                     {"771203958841", "acme-shared", 0.10}};

struct BucketSpec
{
    const char* suffix; // the bucket is "<account label>-<suffix>"
    const char* key;
    const char* prefix;
};
constexpr BucketSpec kBuckets[] = {
    {"app-assets", "static/js/app.$hex8.chunk.js", "static/js/"},
    {"data-lake", "raw/events/dt=$day/part-$n4-$hex8.snappy.parquet", "raw/events/"},
    {"alb-logs", "AWSLogs/$acct/elasticloadbalancing/$region/$dayslash/$hex16.log.gz", "AWSLogs/"},
    {"db-backups", "postgres/orders/$day/base-$n4.tar.zst", "postgres/"},
    {"ml-training", "datasets/clickstream/shard-$n4.tfrecord", "datasets/"},
    {"terraform-state", "env/$region/terraform.tfstate", "env/"},
};
// Fixed names of the sample's incidents: tests and the README's sample queries rely on them.
constexpr const char* kFinanceBucket = "corp-finance-reports";
constexpr const char* kDeletedBucket = "acme-prod-legacy-exports";
constexpr const char* kOpenedGroup = "sg-0bad5ec0ffee12345";
constexpr const char* kBackdoorKey = "AKIAEXAMPLEBACKDOOR1";
constexpr const char* kTorIps[] = {"185.220.101.34", "185.220.101.47", "185.220.101.181", "185.220.101.212"};

constexpr const char* kFunctions[] = {"order-processor", "image-resizer", "invoice-generator", "auth-token-refresh",
                                      "s3-event-router", "nightly-report", "slack-notifier", "etl-transform"};
constexpr const char* kTables[] = {"orders", "customers", "sessions", "inventory", "audit-events", "feature-flags"};
constexpr const char* kSecrets[] = {"prod/app/db-credentials-Xk9f2Q", "prod/payments/stripe-api-key-7hTq1B",
                                    "shared/datadog/api-key-mP3s8L", "prod/app/jwt-signing-key-Qw4Ez9"};
constexpr const char* kUsers[] = {"alice.martin", "bob.nguyen", "carol.white", "mark.chen", "ci-deployer",
                                  "terraform-cloud", "grafana-reader", "svc-backup"};
constexpr const char* kRoles[] = {"DataPipelineRole", "gha-deploy", "EksNodeRole", "lambda-exec", "SecurityAuditRole",
                                  "OrganizationAccountAccessRole", "ssm-instance"};
constexpr const char* kPolicies[] = {"ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2FullAccess",
                                     "CloudWatchAgentServerPolicy", "AmazonSSMManagedInstanceCore", "SecurityAudit"};
constexpr const char* kStacks[] = {"prod-network", "prod-eks-cluster", "prod-data-pipeline", "monitoring-stack"};
constexpr const char* kInstanceTypes[] = {"t3.micro", "t3.medium", "m5.large", "m6i.xlarge", "c6i.2xlarge",
                                          "r6g.large", "t4g.small"};

// clang-format on

// ---- The simulated organization ----------------------------------------------------------------------------------

struct Api
{
    const ApiSpec* spec = nullptr;
    std::string source;
    std::string command; // the aws-cli command in user agents, e.g. "ec2.describe-instances"
    Template request, response, resources, extra, host;
    std::string_view version; // each service's CloudTrail integration writes one event version
    bool has(unsigned flag) const { return (spec->flags & flag) != 0; }
};

struct Actor
{
    IdentityType type = IdentityType::IamUser;
    unsigned classes = 0;
    unsigned traits = 0;
    double weight = 0.0;
    std::string accountId, name, session, arn, principalId, issuerArn, issuerId, accessKey, invokedBy;
    Ua ua = Ua::Cli;
    Ip ip = Ip::Office;
    std::uint64_t keySeed = 0;
    bool has(unsigned trait) const { return (traits & trait) != 0; }
};

struct Bucket
{
    std::string name;
    Template key;
    std::string prefix;
};

struct Account
{
    std::string id, label, vpcEndpoint;
    double weight = 0.0;
    std::vector<Bucket> buckets;
    std::vector<std::string> instances, securityGroups, vpcs, subnets, amis, volumes, kmsKeys;
    std::vector<Actor> actors;
    std::array<WeightedTable, 3> byClass, byClassCross; // Human, Automation, Service
    WeightedTable signIn;
    std::vector<int> apiActor; // per API: index of its dedicated actor, or -1

    int findActor(std::string_view name) const
    {
        for (std::size_t i = 0; i < actors.size(); ++i) {
            if (actors[i].name == name || actors[i].invokedBy == name)
                return int(i);
        }
        return -1;
    }
};

std::string commandFor(std::string_view service, std::string_view name)
{
    std::string command(service == "s3" ? "s3api" : service);
    command += '.';
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (std::isupper(static_cast<unsigned char>(c)) && i > 0)
            command += '-';
        command += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return command;
}

constexpr int kClientBuilds = 16; // builds of each client in the benchmark workloads

// The text with the last part of every dotted version ("2.15.30") drawn again: another build of the same client.
std::string otherPatchVersions(Rng& rng, std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = i;
        int dots = 0;
        while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.')) {
            dots += text[j] == '.';
            ++j;
        }
        if (j == i) {
            out += text[i++];
            continue;
        }
        std::string_view run = text.substr(i, j - i);
        const std::size_t last = run.rfind('.');
        if (dots >= 2 && last != std::string_view::npos && last + 1 < run.size() && run.front() != '.') {
            out += run.substr(0, last + 1);
            out += std::to_string(rng.range(0, 99));
        } else {
            out += run;
        }
        i = j;
    }
    return out;
}

class World
{
public:
    World(Rng& rng, int accountCount, bool sample) : m_sample(sample)
    {
        for (const ApiSpec& spec : kApis)
            m_apis.push_back(compileApi(spec));
        for (const ErrorSpec& error : kErrors)
            m_errors.push_back({&error, compile(error.message)});
        for (std::size_t ua = 0; ua < kUserAgents.size(); ++ua) {
            for (const char* text : kUserAgents[ua]) {
                m_userAgents[ua].push_back(compile(text));
                // A fleet runs many builds of each client; the sample keeps one of each, for its readers.
                for (int variant = 1; !sample && variant < kClientBuilds; ++variant)
                    m_userAgents[ua].push_back(compile(otherPatchVersions(rng, text)));
            }
        }
        for (int i = 0; i < accountCount; ++i)
            m_accounts.push_back(makeAccount(rng, kAccounts[i]));
        for (int i = 0; i < accountCount; ++i)
            addActors(rng, i, accountCount);
    }

    const std::vector<Api>& apis() const { return m_apis; }
    const std::vector<Account>& accounts() const { return m_accounts; }
    bool sample() const { return m_sample; }
    const std::vector<Template>& userAgents(Ua ua) const { return m_userAgents[std::size_t(ua)]; }

    const Api& api(std::string_view service, std::string_view name) const
    {
        for (const Api& api : m_apis) {
            if (api.spec->service == service && api.spec->name == name)
                return api;
        }
        fail("no API " + std::string(service) + ":" + std::string(name));
    }

    std::vector<std::pair<const ErrorSpec*, Template>> errorsOf(Err family) const
    {
        std::vector<std::pair<const ErrorSpec*, Template>> result;
        for (const auto& entry : m_errors) {
            if (entry.first->family == family)
                result.push_back(entry);
        }
        return result;
    }

private:
    static Api compileApi(const ApiSpec& spec)
    {
        Api api;
        api.spec = &spec;
        api.source = std::string(spec.service) + ".amazonaws.com";
        api.command = commandFor(spec.service, spec.name);
        std::uint64_t hash = 0;
        for (const char c : api.command)
            hash = mix(hash ^ std::uint64_t(c));
        const double draw = double(hash >> 11) * 0x1.0p-53;
        api.version = draw < 0.2 ? "1.08" : draw < 0.5 ? "1.09" : draw < 0.85 ? "1.10" : "1.11";
        api.request = compile(spec.request ? spec.request : "null");
        api.response = compile(spec.response ? spec.response : "null");
        api.resources = compile(spec.resources ? spec.resources : "");
        api.extra = compile(spec.extra ? spec.extra : "");
        const std::string service = spec.service;
        if (service == "s3" && !(spec.flags & Global))
            api.host = compile("$bucket.s3.$region.amazonaws.com");
        else
            api.host = compile(service + ((spec.flags & Global) ? ".amazonaws.com" : ".$region.amazonaws.com"));
        return api;
    }

    static void addIds(Rng& rng, std::vector<std::string>& out, std::string_view prefix, int count, int hexDigits)
    {
        for (int i = 0; i < count; ++i) {
            std::string id(prefix);
            rng.chars(id, hexDigits, kHex);
            out.push_back(std::move(id));
        }
    }

    Account makeAccount(Rng& rng, const AccountSpec& spec) const
    {
        Account account;
        account.id = spec.id;
        account.label = spec.label;
        account.weight = spec.weight;
        account.vpcEndpoint = "vpce-0";
        rng.chars(account.vpcEndpoint, 16, kHex);
        for (const BucketSpec& bucket : kBuckets)
            account.buckets.push_back({account.label + "-" + bucket.suffix, compile(bucket.key), bucket.prefix});
        if (account.label == "acme-prod")
            account.buckets.push_back({kFinanceBucket, compile("reports/2025/Q4/ledger-$n4.xlsx"), "reports/"});
        // The benchmark workloads have the estate of a large organisation; the sample, of a small team.
        const int scale = m_sample ? 1 : 10;
        addIds(rng, account.instances, "i-0", 40 * scale, 16);
        addIds(rng, account.securityGroups, "sg-0", 12 * scale, 16);
        addIds(rng, account.vpcs, "vpc-0", 3 * (m_sample ? 1 : 3), 16);
        addIds(rng, account.subnets, "subnet-0", 9 * (m_sample ? 1 : 4), 16);
        addIds(rng, account.amis, "ami-0", 4 * scale, 16);
        addIds(rng, account.volumes, "vol-0", 30 * scale, 16);
        for (int i = 0; i < 5 * (m_sample ? 1 : 6); ++i) {
            account.kmsKeys.emplace_back();
            rng.uuid(account.kmsKeys.back());
        }
        return account;
    }

    Actor makeActor(Rng& rng, const ActorSpec& spec, const Account& home, const Account& recipient) const
    {
        Actor actor;
        actor.type = spec.type;
        actor.classes = spec.classes;
        actor.traits = spec.traits;
        actor.weight = (m_sample && (spec.traits & NotInSample)) ? 0.0 : spec.weight;
        actor.accountId = home.id;
        actor.ua = spec.ua;
        actor.ip = spec.ip;
        actor.keySeed = rng.next();
        const std::string_view session = spec.session;
        actor.session = session == "$inst" ? rng.pick(recipient.instances) : std::string(session);
        switch (spec.type) {
        case IdentityType::IamUser:
            setIamUser(rng, actor, spec.name);
            break;
        case IdentityType::AssumedRole:
            setRole(rng, actor, spec.name, (spec.traits & SsoRole) ? "aws-reserved/sso.amazonaws.com/eu-west-1/" : "");
            break;
        case IdentityType::AwsService:
            actor.invokedBy = spec.name;
            break;
        case IdentityType::Root:
            actor.name = "root";
            actor.principalId = home.id;
            actor.arn = "arn:aws:iam::" + home.id + ":root";
            break;
        }
        return actor;
    }

    void addActors(Rng& rng, int index, int accountCount)
    {
        Account& account = m_accounts[std::size_t(index)];
        // Foreign principals (another account of the org) read this account's buckets and keys.
        const Account& other = m_accounts[std::size_t((index + 1) % accountCount)];
        for (const ActorSpec& spec : kActorSpecs) {
            if ((spec.traits & Foreign) && accountCount < 2)
                continue;
            account.actors.push_back(makeActor(rng, spec, (spec.traits & Foreign) ? other : account, account));
        }
        for (const Actor& actor : account.actors) {
            for (int c = 0; c < 3; ++c) {
                const bool inClass = (actor.classes & (Human << c)) != 0;
                account.byClass[std::size_t(c)].add(inClass && !actor.has(Foreign) ? actor.weight : 0.0);
                account.byClassCross[std::size_t(c)].add(inClass ? actor.weight : 0.0);
            }
            account.signIn.add(actor.has(SignInCapable) ? actor.weight : 0.0);
        }
        for (const Api& api : m_apis)
            account.apiActor.push_back(api.spec->actor ? account.findActor(api.spec->actor) : -1);
    }

public:
    static void setIamUser(Rng& rng, Actor& actor, std::string_view name)
    {
        actor.name = name;
        actor.arn = "arn:aws:iam::" + actor.accountId + ":user/" + actor.name;
        actor.principalId = "AIDA";
        rng.chars(actor.principalId, 17, kKeyChars);
        actor.accessKey = "AKIA";
        rng.chars(actor.accessKey, 16, kKeyChars);
    }

    static void setRole(Rng& rng, Actor& actor, std::string_view role, std::string_view path)
    {
        actor.name = role;
        actor.issuerArn = "arn:aws:iam::" + actor.accountId + ":role/" + std::string(path) + actor.name;
        actor.issuerId = "AROA";
        rng.chars(actor.issuerId, 17, kKeyChars);
        setSession(actor, actor.session);
    }

    static void setSession(Actor& actor, std::string_view session)
    {
        actor.session = session;
        actor.arn = "arn:aws:sts::" + actor.accountId + ":assumed-role/" + actor.name + "/" + actor.session;
        actor.principalId = actor.issuerId + ":" + actor.session;
    }

private:
    bool m_sample;
    std::vector<Api> m_apis;
    std::vector<std::pair<const ErrorSpec*, Template>> m_errors;
    std::array<std::vector<Template>, std::size_t(Ua::Count)> m_userAgents;
    std::vector<Account> m_accounts;
};

// ---- One event, before rendering ---------------------------------------------------------------------------------

struct Event
{
    const Api* api = nullptr;
    const Actor* actor = nullptr;
    const Account* account = nullptr; // the recipient
    std::string_view region;
    Seconds time = 0;
    std::string ip;
    const Template* userAgent = nullptr; // nullptr: the invoking service's name
    std::string_view errorCode;
    const Template* errorMessage = nullptr;
    const Template* request = nullptr; // overrides the API's template (incidents)
    const Template* response = nullptr;
    std::string vpcEndpoint;
    bool console = false;
    bool loginSuccess = true;
    bool mfaUsed = true;
    std::vector<std::pair<Tok, std::string>> presets; // fixed values for incidents
    std::string_view sharedEventId;                   // the two copies of a cross-account incident call share one
};

// Expands templates for one record; cached tokens keep one value per record.
class RecordContext
{
public:
    explicit RecordContext(Rng& rng) : m_rng(rng) {}

    void begin(const Event& event, std::string_view requestId)
    {
        m_event = &event;
        m_requestId = requestId;
        ++m_stamp;
        m_bucket = nullptr;
        for (const auto& [tok, value] : event.presets) {
            m_values[std::size_t(tok)] = value;
            m_stamps[std::size_t(tok)] = m_stamp;
        }
    }

    void expand(const Template& text, std::string& out)
    {
        for (const Segment& segment : text) {
            if (segment.tok == Tok::Literal)
                out += segment.text;
            else if (segment.tok < Tok::Uuid)
                out += cached(segment.tok);
            else
                appendFresh(segment.tok, out);
        }
    }

    bool isSet(Tok tok) const { return m_stamps[std::size_t(tok)] == m_stamp; }

    const std::string& cached(Tok tok)
    {
        const auto index = std::size_t(tok);
        if (m_stamps[index] != m_stamp) {
            m_values[index].clear();
            fill(tok, m_values[index]);
            m_stamps[index] = m_stamp;
        }
        return m_values[index];
    }

private:
    const Bucket* bucket()
    {
        if (!m_bucket) {
            const std::string& name = cached(Tok::Bucket);
            for (const Bucket& candidate : m_event->account->buckets) {
                if (candidate.name == name)
                    m_bucket = &candidate;
            }
            if (!m_bucket)
                m_bucket = &m_event->account->buckets.front();
        }
        return m_bucket;
    }

    // One line per token reads as a table.
    // clang-format off
    void fill(Tok tok, std::string& v)
    {
        const Account& account = *m_event->account;
        switch (tok) {
        case Tok::Account: v = account.id; break;
        case Tok::Region: v = m_event->region; break;
        case Tok::Bucket: v = m_rng.pick(account.buckets).name; break;
        case Tok::Key: expand(bucket()->key, v); break;
        case Tok::Prefix: v = bucket()->prefix; break;
        case Tok::Instance: // an instance role's session is named after its instance
            v = m_event->actor->has(Ec2Role) ? m_event->actor->session : m_rng.pick(account.instances);
            break;
        case Tok::NewInstance: v = "i-0"; m_rng.chars(v, 16, kHex); break;
        case Tok::InstanceType: v = m_rng.pick(kInstanceTypes); break;
        case Tok::SecurityGroup: v = m_rng.pick(account.securityGroups); break;
        case Tok::Vpc: v = m_rng.pick(account.vpcs); break;
        case Tok::Subnet: v = m_rng.pick(account.subnets); break;
        case Tok::Ami: v = m_rng.pick(account.amis); break;
        case Tok::Volume: v = m_rng.pick(account.volumes); break;
        case Tok::KmsKey: v = m_rng.pick(account.kmsKeys); break;
        case Tok::Function: v = m_rng.pick(kFunctions); break;
        case Tok::Table: v = m_rng.pick(kTables); break;
        case Tok::Secret: v = m_rng.pick(kSecrets); break;
        case Tok::User: v = m_rng.pick(kUsers); break;
        case Tok::Role: v = m_rng.pick(kRoles); break;
        case Tok::Policy: v = m_rng.pick(kPolicies); break;
        case Tok::Stack: v = m_rng.pick(kStacks); break;
        default: fillDerived(tok, v); break;
        }
    }

    void fillDerived(Tok tok, std::string& v)
    {
        const Event& e = *m_event;
        switch (tok) {
        case Tok::Session: v = "botocore-session-" + std::to_string(e.time - m_rng.range(1, 30)); break;
        case Tok::PrivateIp:
            v = "10.20." + std::to_string(m_rng.range(0, 63)) + "." + std::to_string(m_rng.range(4, 250));
            break;
        case Tok::PrivateIpDashed:
            v = cached(Tok::PrivateIp);
            std::replace(v.begin(), v.end(), '.', '-');
            break;
        case Tok::Eni: v = "eni-0"; m_rng.chars(v, 16, kHex); break;
        case Tok::Zone: v = std::string(e.region) + char('a' + m_rng.below(3)); break;
        case Tok::Trail: v = "org-trail"; break;
        case Tok::NewAccessKey: v = "AKIA"; m_rng.chars(v, 16, kKeyChars); break;
        case Tok::SessionKey: v = "ASIA"; m_rng.chars(v, 16, kKeyChars); break;
        case Tok::RequestId: v = m_requestId; break;
        case Tok::Arn: v = e.actor->arn; break;
        case Tok::Action: v = e.api->spec->name; break;
        case Tok::Service: v = e.api->spec->service; break;
        case Tok::Command: v = e.api->command; break;
        case Tok::Day: appendDate(v, e.time, '-'); break;
        case Tok::DaySlash: appendDate(v, e.time, '/'); break;
        case Tok::EpochMs: v = std::to_string(e.time * 1000); break;
        case Tok::PrettyTime: appendPretty(v, e.time); break;
        case Tok::PrettyExpiry: appendPretty(v, e.time + 3600); break;
        case Tok::Time: appendIso(v, e.time); break;
        default: fail("token without a value");
        }
    }

    void appendFresh(Tok tok, std::string& out)
    {
        switch (tok) {
        case Tok::Uuid: m_rng.uuid(out); break;
        case Tok::Number: out += std::to_string(m_rng.range(1, 99)); break;
        case Tok::Number4: appendDigits(out, m_rng.range(0, 9999), 4); break;
        case Tok::Hex8: m_rng.chars(out, 8, kHex); break;
        case Tok::Hex16: m_rng.chars(out, 16, kHex); break;
        case Tok::Hex32: m_rng.chars(out, 32, kHex); break;
        case Tok::Upper17: m_rng.chars(out, 17, kKeyChars); break;
        case Tok::Base32: m_rng.chars(out, 32, kAlnum); break;
        case Tok::AmzId2: m_rng.chars(out, 74, kBase64); out += "=="; break;
        case Tok::Bytes: out += std::to_string(std::uint64_t(1) << m_rng.range(9, 24) | m_rng.below(4096)); break;
        case Tok::Encoded: m_rng.chars(out, 160, kAlnum); break;
        case Tok::Octet: out += std::to_string(m_rng.range(1, 254)); break;
        default: fail("token is not fresh: " + std::to_string(int(tok)));
        }
    }

    // clang-format on

    Rng& m_rng;
    const Event* m_event = nullptr;
    const Bucket* m_bucket = nullptr;
    std::string_view m_requestId;
    std::uint32_t m_stamp = 0;
    std::array<std::string, std::size_t(Tok::Count)> m_values;
    std::array<std::uint32_t, std::size_t(Tok::Count)> m_stamps{};
};

// ---- Rendering one record as compact CloudTrail JSON -----------------------------------------------------------

class Renderer
{
public:
    explicit Renderer(Rng& rng) : m_rng(rng), m_ctx(rng) {}

    void render(const Event& e, std::string& out)
    {
        m_requestId.clear();
        if (e.api->spec->service == std::string_view("s3"))
            m_rng.chars(m_requestId, 16, kUpperAlnum);
        else
            m_rng.uuid(m_requestId);
        m_ctx.begin(e, m_requestId);
        m_version = e.api->version;
        out += R"({"eventVersion":")";
        out += m_version;
        out += R"(","userIdentity":)";
        identity(e, out);
        head(e, out);
        body(e, out);
        tail(e, out);
    }

    // The resources a burst keeps working on: the first record's picks become the presets of the next ones.
    void keepResources(std::vector<std::pair<Tok, std::string>>& presets)
    {
        for (const Tok tok : {Tok::Bucket, Tok::Function, Tok::Table, Tok::KmsKey, Tok::Secret, Tok::Stack}) {
            if (m_ctx.isSet(tok))
                presets.emplace_back(tok, m_ctx.cached(tok));
        }
    }

private:
    void sessionContext(const Event& e, std::string& out, bool withIssuer)
    {
        const Actor& a = *e.actor;
        out += R"(,"sessionContext":{"sessionIssuer":{)";
        if (withIssuer) {
            out += R"("type":"Role","principalId":")" + a.issuerId + R"(","arn":")" + a.issuerArn +
                   R"(","accountId":")" + a.accountId + R"(","userName":")" + a.name + '"';
        }
        out += R"(},"webIdFederationData":{},"attributes":{"creationDate":")";
        // Session credentials rotate hourly; one session keeps one creation date.
        appendIso(out, e.time / 3600 * 3600 - Seconds(a.keySeed % 900));
        out += R"(","mfaAuthenticated":")";
        out += a.has(Mfa) ? "true" : "false";
        out += '"';
        out += '}';
        if (a.has(Ec2Role))
            out += R"(,"ec2RoleDelivery":"2.0")";
        out += '}';
    }

    void accessKey(const Event& e, std::string& out, bool session)
    {
        const Actor& a = *e.actor;
        out += R"(,"accessKeyId":")";
        if (e.api->has(SignIn)) {
            // Console sign-in carries no key.
        } else if (!session || (!a.accessKey.empty() && a.type != IdentityType::IamUser)) {
            out += a.accessKey;
        } else {
            out += "ASIA";
            std::uint64_t h = a.keySeed ^ std::uint64_t(e.time / 3600);
            for (int i = 0; i < 16; ++i)
                out += kKeyChars[(h = mix(h)) % kKeyChars.size()];
        }
        out += '"';
    }

    void identity(const Event& e, std::string& out)
    {
        const Actor& a = *e.actor;
        const bool signIn = e.api->has(SignIn);
        switch (a.type) {
        case IdentityType::AwsService:
            out += R"({"type":"AWSService","invokedBy":")" + a.invokedBy + R"("})";
            return;
        case IdentityType::Root:
            out += R"({"type":"Root","principalId":")" + a.principalId + R"(","arn":")" + a.arn + R"(","accountId":")" +
                   a.accountId + '"';
            accessKey(e, out, true);
            if (!signIn)
                sessionContext(e, out, false);
            break;
        case IdentityType::IamUser: {
            const bool session = a.has(SessionCreds) && !signIn;
            out += R"({"type":"IAMUser","principalId":")" + a.principalId + '"';
            if (!a.arn.empty())
                out += R"(,"arn":")" + a.arn + '"';
            out += R"(,"accountId":")" + a.accountId + '"';
            accessKey(e, out, session);
            out += R"(,"userName":")" + a.name + '"';
            if (session)
                sessionContext(e, out, false);
            break;
        }
        case IdentityType::AssumedRole:
            out += R"({"type":"AssumedRole","principalId":")" + a.principalId + R"(","arn":")" + a.arn +
                   R"(","accountId":")" + a.accountId + '"';
            accessKey(e, out, true);
            sessionContext(e, out, true);
            break;
        }
        out += '}';
    }

    void head(const Event& e, std::string& out)
    {
        out += R"(,"eventTime":")";
        appendIso(out, e.time);
        out += R"(","eventSource":")" + e.api->source + R"(","eventName":")" + e.api->spec->name + R"(","awsRegion":")";
        out += e.region;
        out += R"(","sourceIPAddress":")" + e.ip + R"(","userAgent":")";
        const bool bracketed = e.api->spec->service == std::string_view("s3") && e.userAgent;
        if (bracketed)
            out += '[';
        if (e.userAgent)
            m_ctx.expand(*e.userAgent, out);
        else
            out += e.actor->invokedBy;
        if (bracketed)
            out += ']';
        out += '"';
        if (!e.errorCode.empty())
            out += R"(,"errorCode":")" + std::string(e.errorCode) + '"';
        if (e.errorMessage) {
            out += R"(,"errorMessage":")";
            m_ctx.expand(*e.errorMessage, out);
            out += '"';
        }
    }

    void body(const Event& e, std::string& out)
    {
        const Api& api = *e.api;
        const bool failed = e.errorMessage != nullptr;
        out += R"(,"requestParameters":)";
        m_ctx.expand(e.request ? *e.request : api.request, out);
        out += R"(,"responseElements":)";
        if (api.has(SignIn))
            out += e.loginSuccess ? R"({"ConsoleLogin":"Success"})" : R"({"ConsoleLogin":"Failure"})";
        else if (failed)
            out += "null";
        else
            m_ctx.expand(e.response ? *e.response : api.response, out);
        if (api.has(SignIn)) {
            out += R"(,"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home?)"
                   R"(hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_)";
            m_rng.chars(out, 16, kHex);
            out += R"(","MobileVersion":"No",)";
            if (e.mfaUsed && e.actor->type == IdentityType::IamUser)
                out += R"("MFAIdentifier":"arn:aws:iam::)" + e.actor->accountId + ":mfa/" + e.actor->name + "\",";
            out += e.mfaUsed ? R"("MFAUsed":"Yes"})" : R"("MFAUsed":"No"})";
        } else if (!api.extra.empty() && !api.has(ServiceEvent)) {
            out += R"(,"additionalEventData":)";
            m_ctx.expand(api.extra, out);
        }
        if (!api.has(SignIn))
            out += R"(,"requestID":")" + m_requestId + '"';
        out += R"(,"eventID":")";
        m_rng.uuid(out);
        out += api.has(ReadOnly) ? R"(","readOnly":true)" : R"(","readOnly":false)";
        if (!api.resources.empty()) {
            out += R"(,"resources":)";
            m_ctx.expand(api.resources, out);
        }
    }

    void tail(const Event& e, std::string& out)
    {
        const Api& api = *e.api;
        out += R"(,"eventType":")";
        out += api.has(SignIn) ? "AwsConsoleSignIn" : api.has(ServiceEvent) ? "AwsServiceEvent" : "AwsApiCall";
        out += api.has(Data) ? R"(","managementEvent":false)" : R"(","managementEvent":true)";
        out += R"(,"recipientAccountId":")" + e.account->id + '"';
        if (api.has(ServiceEvent)) {
            out += R"(,"serviceEventDetails":)";
            m_ctx.expand(api.extra, out);
        }
        if (!e.sharedEventId.empty()) {
            out += R"(,"sharedEventID":")";
            out += e.sharedEventId;
            out += '"';
        } else if (e.actor->accountId != e.account->id && e.actor->type != IdentityType::AwsService) {
            out += R"(,"sharedEventID":")";
            m_rng.uuid(out);
            out += '"';
        }
        if (!e.vpcEndpoint.empty()) {
            out += R"(,"vpcEndpointId":")" + e.vpcEndpoint + '"';
            if (m_version >= std::string_view("1.10"))
                out += R"(,"vpcEndpointAccountId":")" + e.account->id + '"';
        }
        out += api.has(Data) ? R"(,"eventCategory":"Data")" : R"(,"eventCategory":"Management")";
        tls(e, out);
        if (e.console)
            out += R"(,"sessionCredentialFromConsole":"true")";
        out += '}';
    }

    void tls(const Event& e, std::string& out)
    {
        // No TLS details when a service calls on the principal's behalf, for sign-in, and often for console proxies.
        if (e.actor->type == IdentityType::AwsService || e.api->has(SignIn) || (e.console && m_rng.chance(0.5)))
            return;
        const bool v13 = (e.actor->keySeed >> 24) % 10 < 7; // the client library decides
        out += v13 ? R"(,"tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256",)"
                   : R"(,"tlsDetails":{"tlsVersion":"TLSv1.2","cipherSuite":"ECDHE-RSA-AES128-GCM-SHA256",)";
        out += R"("clientProvidedHostHeader":")";
        m_ctx.expand(e.api->host, out);
        out += '"';
        if (m_version == std::string_view("1.11"))
            out += v13 ? R"(,"keyExchange":"x25519")" : R"(,"keyExchange":"secp256r1")";
        out += '}';
    }

    Rng& m_rng;
    RecordContext m_ctx;
    std::string m_requestId;
    std::string_view m_version;
};

// ---- Background traffic ------------------------------------------------------------------------------------------

class TrafficModel
{
public:
    explicit TrafficModel(const World& world) : m_world(world)
    {
        for (const Api& api : world.apis()) {
            const bool allowed = !(world.sample() && api.has(Sensitive));
            m_usEast1.add(allowed ? api.spec->weight : 0.0);
            m_regional.add(allowed && !api.has(Global) ? api.spec->weight : 0.0);
        }
        for (int family = 0; family <= int(Err::Sts); ++family)
            m_errors.push_back(world.errorsOf(Err(family)));
    }

    void make(Rng& rng, const Account& account, std::string_view region, Seconds time, Event& e) const
    {
        const auto& table = region == "us-east-1" ? m_usEast1 : m_regional;
        e.api = &m_world.apis()[table.pick(rng)];
        e.account = &account;
        e.region = region;
        e.time = time;
        e.actor = &pickActor(rng, account, *e.api);
        e.errorCode = {};
        e.errorMessage = nullptr;
        e.loginSuccess = true;
        e.mfaUsed = e.actor->has(Mfa);
        origin(rng, account, e);
        if (e.api->has(SignIn))
            signIn(rng, e);
        else if (e.actor->type != IdentityType::AwsService && rng.chance(0.055))
            error(rng, e);
    }

    // The next call of a burst: same principal, client and call, a moment later.
    void repeat(Rng& rng, Seconds time, Event& e) const
    {
        e.time = time;
        e.errorCode = {};
        e.errorMessage = nullptr;
        if (e.actor->type != IdentityType::AwsService && rng.chance(0.055))
            error(rng, e);
    }

private:
    const Actor& pickActor(Rng& rng, const Account& account, const Api& api) const
    {
        const int dedicated = account.apiActor[std::size_t(&api - m_world.apis().data())];
        if (dedicated >= 0)
            return account.actors[std::size_t(dedicated)];
        if (api.has(SignIn))
            return account.actors[account.signIn.pick(rng)];
        // Among the classes the call allows: people, automation, AWS services.
        static constexpr std::array<double, 3> classWeights{0.2, 0.35, 0.45};
        std::array<double, 3> weights{};
        for (std::size_t c = 0; c < 3; ++c)
            weights[c] = (api.spec->flags & (Human << c)) ? classWeights[c] : 0.0;
        double draw = rng.unit() * (weights[0] + weights[1] + weights[2]);
        std::size_t c = 0;
        while (c < 2 && (weights[c] == 0.0 || draw >= weights[c]))
            draw -= weights[c++];
        const auto& actors = api.has(CrossAccount) ? account.byClassCross[c] : account.byClass[c];
        return account.actors[actors.pick(rng)];
    }

    void origin(Rng& rng, const Account& account, Event& e) const
    {
        const Actor& a = *e.actor;
        e.vpcEndpoint.clear();
        e.console = a.has(Console);
        e.userAgent = nullptr;
        if (a.type == IdentityType::AwsService) {
            e.ip = a.invokedBy == "backup.amazonaws.com" ? "AWS Internal" : a.invokedBy;
            return;
        }
        // A principal mostly keeps its client and its address; a few calls come from elsewhere.
        const bool usual = rng.chance(0.9);
        const std::uint64_t habit = usual ? a.keySeed : rng.next();
        const auto& agents = m_world.userAgents(e.api->has(SignIn) ? Ua::Browser : a.ua);
        e.userAgent = &agents[habit % agents.size()];
        switch (a.ip) {
        case Ip::Office:
            e.ip = kOfficeIps[(habit >> 8) % std::size(kOfficeIps)];
            break;
        case Ip::GitHub:
            e.ip = "4.227." + std::to_string(rng.range(0, 255)) + "." + std::to_string(rng.range(1, 254));
            break;
        case Ip::Vpce:
            if (rng.chance(0.6)) {
                e.ip = "10.20." + std::to_string(rng.range(0, 63)) + "." + std::to_string(rng.range(4, 250));
                e.vpcEndpoint = account.vpcEndpoint;
                break;
            }
            [[fallthrough]];
        default:
            e.ip = kNatIps[(habit >> 16) % std::size(kNatIps)];
            break;
        }
        if (!usual && !m_world.sample() && a.ip != Ip::Vpce) // a hotel, a phone, a home: any public address
            e.ip = std::to_string(rng.range(24, 223)) + "." + std::to_string(rng.range(0, 255)) + "." +
                   std::to_string(rng.range(0, 255)) + "." + std::to_string(rng.range(1, 254));
        if (e.console && !e.api->has(SignIn) && rng.chance(0.15))
            e.ip = "AWS Internal";
    }

    void signIn(Rng& rng, Event& e) const
    {
        if (m_world.sample())
            return; // the sample's only failures and MFA-less logins are its incidents
        e.mfaUsed = e.actor->has(Mfa) && !rng.chance(0.1);
        if (rng.chance(0.05)) {
            e.loginSuccess = false;
            e.mfaUsed = false;
            e.errorMessage = &m_failedAuthentication;
        }
    }

    void error(Rng& rng, Event& e) const
    {
        const auto& candidates = m_errors[std::size_t(e.api->spec->errors)];
        if (candidates.empty())
            return;
        const auto& [spec, message] = candidates[rng.below(candidates.size())];
        e.errorCode = spec->code;
        e.errorMessage = &message;
    }

    const World& m_world;
    WeightedTable m_usEast1, m_regional;
    std::vector<std::vector<std::pair<const ErrorSpec*, Template>>> m_errors;
    Template m_failedAuthentication = compile("Failed authentication");
};

// ---- Workloads ---------------------------------------------------------------------------------------------------

struct Workload
{
    std::string_view name;
    int accounts;
    std::vector<std::string_view> regions;
    Seconds start;
    int days;
    std::size_t events;
    int slotSeconds; // one delivery window per account and region
    std::uint32_t maxPerFile;
    double quietFloor; // share of the daily peak that never stops (services, agents, schedulers)
    double weekend;
};

Workload workloadNamed(std::string_view name)
{
    const std::vector<std::string_view> six{"us-east-1", "us-east-2",    "us-west-2",
                                            "eu-west-1", "eu-central-1", "ap-southeast-2"};
    if (name == "sparse")
        return {name, 3, six, parseIso("2026-02-01T00:00:00Z"), 14, 1'000'000, 300, 2000, 0.0, 0.25};
    if (name == "dense")
        return {name, 3, six, parseIso("2026-02-10T00:00:00Z"), 1, 1'000'000, 450, 5000, 0.0, 0.25};
    if (name == "sample")
        // A steady floor so that the two hours without delivery after StopLogging stand out.
        return {name, 2,  {"us-east-1", "us-west-2", "eu-west-1"}, parseIso("2026-02-20T00:00:00Z"), 3, 5000, 300, 2000,
                0.3,  0.7};
    fail("unknown workload '" + std::string(name) + "' (sparse, dense or sample)");
}

double regionWeight(std::string_view region)
{
    static constexpr std::pair<std::string_view, double> weights[] = {
        {"us-east-1", 0.52}, {"eu-west-1", 0.27}, {"us-west-2", 0.09}, {"us-east-2", 0.05}, {"eu-central-1", 0.04}};
    for (const auto& [name, weight] : weights) {
        if (name == region)
            return weight;
    }
    return 0.03;
}

// Busier in European working hours (UTC), quiet at night and at weekends. The depth of the troughs decides how many
// delivery windows stay empty, hence the file count.
double rhythm(const Workload& workload, Seconds t)
{
    static constexpr std::array<double, 24> hourly{0.02, 0.015, 0.01, 0.01, 0.015, 0.03, 0.15, 0.5,
                                                   1.0,  1.0,   1.0,  1.0,  0.9,   1.0,  1.0,  1.0,
                                                   0.9,  0.6,   0.35, 0.2,  0.12,  0.07, 0.04, 0.03};
    const bool weekend = (t / 86400 + 3) % 7 >= 5; // 1970-01-01 was a Thursday
    const double level = workload.quietFloor + (1.0 - workload.quietFloor) * hourly[std::size_t(t % 86400 / 3600)];
    return level * (weekend ? workload.weekend : 1.0);
}

// ---- Sample incidents ---------------------------------------------------------------------------------------------

struct Incident
{
    int account;
    std::string_view region;
    Event event;
};

struct Gap // the trail was stopped: nothing is delivered for this account and region in [from, to)
{
    int account = -1;
    std::string_view region;
    Seconds from = 0, to = 0;
};

class IncidentBuilder
{
public:
    IncidentBuilder(Rng& rng, const World& world) : m_rng(rng), m_world(world) {}

    std::vector<Incident> build()
    {
        leakedKey();
        persistenceAndEvasion();
        consoleAbuse();
        rootActivity();
        exfiltration();
        lateralMovement();
        return std::move(m_incidents);
    }

    Gap gap() const { return m_gap; }
    /// Incident 1's privilege-escalation sweep, rendered after everything else with randomness of its own.
    const std::vector<Incident>& sweep() const { return m_sweep; }
    /// Incident 8's hop into the staging account, rendered after the sweep with randomness of its own.
    const std::vector<Incident>& lateral() const { return m_lateral; }

private:
    const Account& prod() const { return m_world.accounts().front(); }

    const Actor& actor(std::string_view name) const { return prod().actors[std::size_t(prod().findActor(name))]; }

    const Actor& keep(Actor actor)
    {
        m_actors.push_back(std::move(actor));
        return m_actors.back();
    }

    const Template* keep(std::string_view text)
    {
        m_templates.push_back(compile(text));
        return &m_templates.back();
    }

    Event& add(std::string_view when, std::string_view region, std::string_view service, std::string_view name,
               const Actor& who, std::string_view ip, Ua ua)
    {
        Event e;
        e.api = &m_world.api(service, name);
        e.actor = &who;
        e.account = &prod();
        e.time = parseIso(when);
        e.ip = ip;
        e.userAgent = ua == Ua::Count ? nullptr : &m_world.userAgents(ua).front();
        e.console = ua == Ua::Console;
        e.mfaUsed = who.has(Mfa);
        e.region = e.api->has(Global) ? std::string_view("us-east-1") : region;
        m_incidents.push_back({0, e.region, std::move(e)});
        return m_incidents.back().event;
    }

    void fails(Event& e, std::string_view code, std::string_view message)
    {
        e.errorCode = code;
        e.errorMessage = keep(message);
    }

    void leakedKey();
    void persistenceAndEvasion();
    void consoleAbuse();
    void rootActivity();
    void exfiltration();
    void lateralMovement();

    Rng& m_rng;
    const World& m_world;
    std::vector<Incident> m_incidents;
    std::vector<Incident> m_sweep, m_lateral;
    std::deque<Actor> m_actors; // deque: events keep pointers into these
    std::deque<Template> m_templates;
    Gap m_gap;
};

// 1. A leaked access key used from Tor exit nodes to mine crypto on GPU instances.
void IncidentBuilder::leakedKey()
{
    Actor leaked = actor("alice.martin");
    World::setIamUser(m_rng, leaked, "dev-temp-key");
    leaked.principalId = "AIDAEXAMPLEDEVTEMPKEY";
    leaked.accessKey = "AKIAEXAMPLELEAKED001";
    leaked.traits = 0;
    const Actor& key = keep(leaked);
    const char* tor = "185.220.101.34";
    add("2026-02-21T18:12:07Z", "us-east-1", "sts", "GetCallerIdentity", key, tor, Ua::Kali);
    add("2026-02-21T18:13:40Z", "us-east-1", "s3", "ListBuckets", key, tor, Ua::Kali);
    fails(add("2026-02-21T18:14:55Z", "us-east-1", "iam", "ListUsers", key, tor, Ua::Kali), "AccessDenied",
          "User: $arn is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::$acct:user/ because no "
          "identity-based policy allows the iam:ListUsers action");
    add("2026-02-21T18:16:10Z", "us-east-1", "ec2", "DescribeInstances", key, "185.220.101.47", Ua::Kali);
    add("2026-02-21T18:16:45Z", "us-west-2", "ec2", "DescribeInstances", key, "185.220.101.47", Ua::Kali);
    add("2026-02-21T18:17:20Z", "eu-west-1", "ec2", "DescribeInstances", key, "185.220.101.47", Ua::Kali);
    add("2026-02-21T18:18:02Z", "us-east-1", "ec2", "DescribeRegions", key, "185.220.101.47", Ua::Kali);
    const std::pair<const char*, const char*> launches[] = {
        {"2026-02-21T18:24:11Z", "us-east-1"}, {"2026-02-21T18:26:30Z", "us-east-1"},
        {"2026-02-21T18:27:30Z", "eu-west-1"}, {"2026-02-21T18:29:05Z", "us-east-1"},
        {"2026-02-21T18:29:50Z", "eu-west-1"}, {"2026-02-21T18:30:20Z", "us-west-2"},
        {"2026-02-21T18:31:15Z", "eu-west-1"}, {"2026-02-21T18:32:10Z", "us-west-2"},
        {"2026-02-21T18:33:47Z", "us-east-1"}, {"2026-02-21T18:35:40Z", "eu-west-1"},
        {"2026-02-21T18:38:12Z", "us-east-1"}, {"2026-02-21T18:38:55Z", "eu-west-1"},
        {"2026-02-21T18:41:09Z", "us-east-1"}, {"2026-02-21T18:44:30Z", "us-west-2"},
        {"2026-02-21T23:05:12Z", "us-east-1"}, {"2026-02-21T23:18:40Z", "us-west-2"},
        {"2026-02-21T23:41:03Z", "eu-west-1"}, {"2026-02-22T02:14:27Z", "us-east-1"}};
    for (const auto& [when, region] : launches) {
        Event& e = add(when, region, "ec2", "RunInstances", key, m_rng.pick(kTorIps), Ua::Kali);
        e.presets = {{Tok::InstanceType, "g5.12xlarge"}};
        if (region == std::string_view("eu-west-1")) {
            // An SCP denies eu-west-1, so every launch there fails.
            fails(e, "Client.UnauthorizedOperation",
                  "You are not authorized to perform this operation. User: $arn "
                  "is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:$region:$acct:instance/* "
                  "with an explicit deny in a service control policy. Encoded authorization failure message: $enc");
        } else if (std::string_view(when) == "2026-02-21T18:44:30Z") {
            fails(e, "Client.VcpuLimitExceeded",
                  "You have requested more vCPU capacity than your current vCPU "
                  "limit of 64 allows for the instance bucket that the specified instance type belongs to.");
        }
    }
    // The GPUs refused, the key tries to make itself admin: an automated privilege-escalation sweep attaches
    // AdministratorAccess to every role it can name, ten a minute for three minutes, each denied. A burst the
    // dashboard's error-rate and call-rate insights find at medium sensitivity (write calls, one error code), so a
    // first look at the sample is not empty. Kept apart from the other incidents and written last (writeSweep).
    const std::size_t sweepFrom = m_incidents.size();
    for (int i = 0; i < 30; ++i) {
        char when[32];
        std::snprintf(when, sizeof when, "2026-02-21T18:%02d:%02dZ", 47 + i / 10, (i % 10) * 6);
        fails(add(when, "us-east-1", "iam", "AttachRolePolicy", key, kTorIps[i % 4], Ua::Kali), "AccessDenied",
              "User: $arn is not authorized to perform: iam:AttachRolePolicy on resource: role $role because no "
              "identity-based policy allows the iam:AttachRolePolicy action");
    }
    m_sweep.assign(std::make_move_iterator(m_incidents.begin() + std::ptrdiff_t(sweepFrom)),
                   std::make_move_iterator(m_incidents.end()));
    m_incidents.resize(sweepFrom);
}

// 2 and 3. The same key assumes an admin role, plants a backdoor user, then blinds the trail for two hours.
void IncidentBuilder::persistenceAndEvasion()
{
    const Actor& key = m_actors.front();
    Actor admin = actor("DataPipelineRole");
    World::setRole(m_rng, admin, "CloudOpsAdminRole", "");
    World::setSession(admin, "cleanup-session");
    admin.accessKey = "ASIAEXAMPLECLEANUP01";
    const Actor& role = keep(admin);
    const char* ip = "185.220.101.47";
    add("2026-02-21T19:38:02Z", "us-east-1", "sts", "AssumeRole", key, ip, Ua::Kali).presets = {
        {Tok::Role, "CloudOpsAdminRole"}, {Tok::Session, "cleanup-session"}, {Tok::SessionKey, role.accessKey}};
    const std::pair<const char*, const char*> steps[] = {{"2026-02-21T19:41:15Z", "CreateUser"},
                                                         {"2026-02-21T19:41:52Z", "CreateAccessKey"},
                                                         {"2026-02-21T19:42:30Z", "AttachUserPolicy"},
                                                         {"2026-02-21T19:43:05Z", "CreateLoginProfile"}};
    for (const auto& [when, name] : steps) {
        add(when, "us-east-1", "iam", name, role, ip, Ua::Boto3).presets = {
            {Tok::User, "backup-admin"}, {Tok::Policy, "AdministratorAccess"}, {Tok::NewAccessKey, kBackdoorKey}};
    }
    add("2026-02-21T20:02:11Z", "us-east-1", "cloudtrail", "StopLogging", role, ip, Ua::Boto3);
    add("2026-02-21T20:02:48Z", "us-east-1", "cloudtrail", "DeleteTrail", role, ip, Ua::Boto3).presets = {
        {Tok::Trail, "security-audit-trail"}};
    Actor responder = actor("DataPipelineRole");
    World::setRole(m_rng, responder, "SecurityResponderRole", "");
    World::setSession(responder, "ir-oncall");
    responder.traits = Mfa | Console;
    add("2026-02-21T22:07:30Z", "us-east-1", "cloudtrail", "StartLogging", keep(responder), "203.0.113.17",
        Ua::Console);
    m_gap = {0, "us-east-1", parseIso("2026-02-21T20:02:49Z"), parseIso("2026-02-21T22:07:30Z")};
}

// 4, 5 and 7. Password spraying, a console login without MFA, then an open SSH port and a deleted bucket.
void IncidentBuilder::consoleAbuse()
{
    const Actor& mark = actor("mark.chen");
    Actor hidden = mark;
    hidden.name = "HIDDEN_DUE_TO_SECURITY_REASONS";
    hidden.arn.clear();
    hidden.principalId.clear();
    const Actor& unknown = keep(hidden);
    const char* ip = "45.134.26.71";
    for (const char* when : {"2026-02-21T09:10:05Z", "2026-02-21T09:10:41Z", "2026-02-21T09:11:19Z",
                             "2026-02-21T09:11:50Z", "2026-02-21T09:12:02Z"}) {
        const bool typo = std::string_view(when) == "2026-02-21T09:11:50Z";
        Event& e = add(when, "us-east-1", "signin", "ConsoleLogin", typo ? unknown : mark, ip, Ua::Browser);
        e.loginSuccess = false;
        e.mfaUsed = false;
        e.errorMessage = keep("Failed authentication");
    }
    add("2026-02-21T09:13:27Z", "us-east-1", "signin", "ConsoleLogin", mark, ip, Ua::Browser).mfaUsed = false;
    Actor session = mark;
    session.traits = SessionCreds | Console;
    const Actor& console = keep(session);
    add("2026-02-21T09:20:44Z", "us-east-1", "ec2", "DescribeSecurityGroups", console, ip, Ua::Console);
    add("2026-02-21T09:22:10Z", "us-east-1", "ec2", "AuthorizeSecurityGroupIngress", console, ip, Ua::Console).request =
        keep(R"({"groupId":"$sg","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":22,"toPort":22,)"
             R"("groups":{},"ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]},"ipv6Ranges":{},)"
             R"("prefixListIds":{}}]}})");
    m_incidents.back().event.response = keep(
        R"({"requestId":"$reqid","_return":true,"securityGroupRuleSet":{"items":[{"groupOwnerId":"$acct","groupId":)"
        R"("$sg","securityGroupRuleId":"sgr-0$hex16","isEgress":false,"ipProtocol":"tcp","fromPort":22,)"
        R"("toPort":22,"cidrIpv4":"0.0.0.0/0"}]}})");
    m_incidents.back().event.presets = {{Tok::SecurityGroup, kOpenedGroup}};
    add("2026-02-21T09:35:02Z", "us-east-1", "s3", "ListBuckets", console, ip, Ua::Console);
    add("2026-02-21T09:41:30Z", "us-east-1", "s3", "DeleteBucket", console, ip, Ua::Console).presets = {
        {Tok::Bucket, kDeletedBucket}};
}

// 4 (cont.). The root user signs in (with MFA) and cleans up the backdoor key.
void IncidentBuilder::rootActivity()
{
    const Actor* root = nullptr;
    for (const Actor& candidate : prod().actors) {
        if (candidate.type == IdentityType::Root)
            root = &candidate;
    }
    const char* ip = "203.0.113.42";
    add("2026-02-22T07:30:12Z", "us-east-1", "signin", "ConsoleLogin", *root, ip, Ua::Browser);
    add("2026-02-22T07:32:40Z", "us-east-1", "iam", "GetAccountSummary", *root, ip, Ua::Console);
    add("2026-02-22T07:33:15Z", "us-east-1", "iam", "ListUsers", *root, ip, Ua::Console);
    add("2026-02-22T07:34:02Z", "us-east-1", "iam", "ListAccessKeys", *root, ip, Ua::Console).presets = {
        {Tok::User, "backup-admin"}};
    add("2026-02-22T07:38:10Z", "us-east-1", "iam", "DeleteAccessKey", *root, ip, Ua::Console).presets = {
        {Tok::User, "backup-admin"}, {Tok::NewAccessKey, kBackdoorKey}};
}

// 6. The leaked key assumes the data pipeline's role and downloads the finance bucket.
void IncidentBuilder::exfiltration()
{
    const Actor& key = m_actors.front();
    Actor pipeline = actor("DataPipelineRole");
    World::setSession(pipeline, "exfil-session");
    pipeline.accessKey = "ASIAEXAMPLEEXFIL0001";
    const Actor& role = keep(pipeline);
    const char* ip = "185.220.101.181";
    add("2026-02-22T01:08:50Z", "us-east-1", "sts", "AssumeRole", key, ip, Ua::Kali).presets = {
        {Tok::Role, "DataPipelineRole"}, {Tok::Session, "exfil-session"}, {Tok::SessionKey, role.accessKey}};
    add("2026-02-22T01:09:30Z", "us-east-1", "s3", "ListObjects", role, ip, Ua::Kali).presets = {
        {Tok::Bucket, kFinanceBucket}};
    Seconds t = parseIso("2026-02-22T01:10:00Z");
    for (int i = 1; i <= 40; ++i, t += m_rng.range(8, 30)) {
        std::string when;
        appendIso(when, t);
        std::string object = "reports/2025/Q4/ledger-";
        appendDigits(object, i, 4);
        object += i % 4 == 0 ? ".pdf" : ".xlsx";
        add(when, "us-east-1", "s3", "GetObject", role, ip, Ua::Kali).presets = {{Tok::Bucket, kFinanceBucket},
                                                                                 {Tok::Key, object}};
    }
}

// 8. The admin session of incidents 2 and 3 assumes a role in the staging account: the leaked key's chain crosses
// accounts (AKIAEXAMPLELEAKED001 -> ASIAEXAMPLECLEANUP01 -> ASIAEXAMPLESTAGING01), with a session name the prod
// role's session already bears. Both accounts log the AssumeRole, with one sharedEventID. Kept apart and rendered
// after the sweep (writeLateral), with randomness of its own, so every earlier byte of the sample stays as it was.
void IncidentBuilder::lateralMovement()
{
    const Account& staging = m_world.accounts()[1];
    Rng rng(0x1a7e'2026'0221);
    Actor admin = actor("DataPipelineRole");
    World::setRole(rng, admin, "CloudOpsAdminRole", "");
    World::setSession(admin, "cleanup-session");
    admin.accessKey = "ASIAEXAMPLECLEANUP01";
    const Actor& caller = keep(admin);
    Actor hop = admin;
    hop.accountId = staging.id;
    World::setRole(rng, hop, "OrganizationAccountAccessRole", "");
    World::setSession(hop, "cleanup-session");
    hop.accessKey = "ASIAEXAMPLESTAGING01";
    hop.traits = 0;
    const Actor& role = keep(hop);
    const char* ip = "185.220.101.47";
    const std::size_t from = m_incidents.size();
    const std::vector<std::pair<Tok, std::string>> assume = {{Tok::Account, staging.id},
                                                             {Tok::Role, "OrganizationAccountAccessRole"},
                                                             {Tok::Session, "cleanup-session"},
                                                             {Tok::SessionKey, role.accessKey}};
    for (int copy = 0; copy < 2; ++copy) {
        Event& e = add("2026-02-21T19:45:10Z", "us-east-1", "sts", "AssumeRole", caller, ip, Ua::Boto3);
        e.presets = assume;
        e.sharedEventId = "7c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5";
        if (copy == 1) {
            e.account = &staging;
            m_incidents.back().account = 1;
        }
    }
    const std::tuple<const char*, const char*, const char*, const char*> steps[] = {
        {"2026-02-21T19:46:02Z", "us-east-1", "sts", "GetCallerIdentity"},
        {"2026-02-21T19:46:40Z", "us-east-1", "s3", "ListBuckets"},
        {"2026-02-21T19:47:15Z", "us-west-2", "ec2", "DescribeInstances"},
        {"2026-02-21T19:48:30Z", "us-east-1", "iam", "ListUsers"}};
    for (const auto& [when, region, service, name] : steps) {
        Event& e = add(when, region, service, name, role, ip, Ua::Boto3);
        e.account = &staging;
        m_incidents.back().account = 1;
    }
    m_lateral.assign(std::make_move_iterator(m_incidents.begin() + std::ptrdiff_t(from)),
                     std::make_move_iterator(m_incidents.end()));
    m_incidents.resize(from);
}

// ---- Insights -----------------------------------------------------------------------------------------------------

struct InsightPair
{
    std::string_view region, name, type, errorCode;
    Seconds start;
    int minutes;
    double baseline, startAverage, endAverage;
    std::string attributions; // the attributions array, identical in Start and End
};

// Plain decimals as in AWS's examples ("0.0000882145", "0.6"), never exponents.
std::string decimal(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10f", value);
    std::string text = buf;
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.')
        text.pop_back();
    return text;
}

std::string attribution(std::string_view attribute, std::string_view insightValue, double insightAverage,
                        std::string_view baselineValue, double baselineAverage)
{
    return R"({"attribute":")" + std::string(attribute) + R"(","insight":[{"value":")" + std::string(insightValue) +
           R"(","average":)" + decimal(insightAverage) + R"(}],"baseline":[{"value":")" + std::string(baselineValue) +
           R"(","average":)" + decimal(baselineAverage) + "}]}";
}

void appendInsight(std::string& out, Rng& rng, const std::string& account, const InsightPair& pair,
                   std::string_view sharedId, bool start)
{
    out += R"({"eventVersion":"1.08","eventTime":")";
    appendIso(out, start ? pair.start : pair.start + pair.minutes * 60);
    out += R"(","awsRegion":")" + std::string(pair.region) + R"(","eventID":")";
    rng.uuid(out);
    out += R"(","eventType":"AwsCloudTrailInsight","recipientAccountId":")" + account + R"(","sharedEventID":")";
    out += sharedId;
    out += R"(","insightDetails":{"state":")";
    out += start ? "Start" : "End";
    out += R"(","eventSource":"ec2.amazonaws.com","eventName":")" + std::string(pair.name) + R"(","insightType":")";
    out += pair.type;
    out += '"';
    if (!pair.errorCode.empty())
        out += R"(,"errorCode":")" + std::string(pair.errorCode) + '"';
    out += R"(,"insightContext":{"statistics":{"baseline":{"average":)" + decimal(pair.baseline) +
           R"(},"insight":{"average":)" + decimal(start ? pair.startAverage : pair.endAverage) +
           R"(},"insightDuration":)" + std::to_string(pair.minutes) + R"(,"baselineDuration":10080},"attributions":[)" +
           pair.attributions + R"(]}},"eventCategory":"Insight"})";
}

// ---- Generation ------------------------------------------------------------------------------------------------

struct FilePlan
{
    int account;
    int region;
    Seconds slotStart;
    std::uint32_t background;
    std::vector<std::size_t> incidents;
    bool duplicateOut = false; // its first record is delivered again in the stream's next file
};

struct Totals
{
    std::size_t files = 0, insightFiles = 0, events = 0, duplicates = 0;
    std::uint64_t raw = 0, packed = 0;
};

class Generator
{
public:
    Generator(const Workload& workload, fs::path out, std::uint64_t seed, const std::string& digestKey)
        : m_workload(workload), m_out(std::move(out)), m_rng(seed),
          m_world(m_rng, workload.accounts, workload.name == "sample"), m_model(m_world), m_renderer(m_rng),
          m_incidentBuilder(m_rng, m_world), m_compressor(libdeflate_alloc_compressor(6))
    {
        if (!m_compressor)
            fail("cannot allocate a compressor");
        if (!digestKey.empty())
            m_digests =
                std::make_unique<DigestWriter>(digestKey, m_out.string(), "AWSLogs/" + std::string(kOrgId) + "/");
    }
    ~Generator() { libdeflate_free_compressor(m_compressor); }
    Generator(const Generator&) = delete;
    Generator& operator=(const Generator&) = delete;

    void run()
    {
        if (m_world.sample()) {
            m_incidents = m_incidentBuilder.build();
            m_gap = m_incidentBuilder.gap();
        }
        plan(sampleSlots());
        if (m_world.sample())
            markDuplicates(3);
        for (const FilePlan& file : m_files)
            renderFile(file);
        if (m_world.sample()) {
            writeInsights();
            writeSweep();
            writeLateral();
        }
        const std::size_t digests = m_digests ? m_digests->finish() : 0;
        if (m_digests)
            std::printf("trailgen: digest_files=%zu\n", digests);
        std::printf("trailgen: workload=%s files=%zu insight_files=%zu events=%zu duplicates=%zu "
                    "uncompressed_bytes=%llu compressed_bytes=%llu\n",
                    std::string(m_workload.name).c_str(), m_totals.files, m_totals.insightFiles, m_totals.events,
                    m_totals.duplicates, static_cast<unsigned long long>(m_totals.raw),
                    static_cast<unsigned long long>(m_totals.packed));
    }

private:
    std::size_t slotCount() const { return std::size_t(m_workload.days) * 86400 / std::size_t(m_workload.slotSeconds); }
    Seconds slotStart(std::size_t slot) const { return m_workload.start + Seconds(slot) * m_workload.slotSeconds; }

    // Multinomial over (account, region, delivery window): empty windows at quiet hours produce no file, as in S3.
    std::vector<std::uint32_t> sampleSlots()
    {
        const std::size_t regions = m_workload.regions.size();
        const std::size_t streams = std::size_t(m_workload.accounts) * regions;
        WeightedTable table;
        for (std::size_t stream = 0; stream < streams; ++stream) {
            const double base = kAccounts[stream / regions].weight * regionWeight(m_workload.regions[stream % regions]);
            double dayFactor = 1.0;
            for (std::size_t slot = 0; slot < slotCount(); ++slot) {
                if ((slotStart(slot) - m_workload.start) % 86400 == 0)
                    dayFactor = 0.85 + 0.3 * m_rng.unit();
                table.add(base * dayFactor * rhythm(m_workload, slotStart(slot)) * (0.7 + 0.6 * m_rng.unit()));
            }
        }
        std::vector<std::uint32_t> counts(streams * slotCount());
        for (std::size_t i = 0; i < m_workload.events; ++i)
            ++counts[table.pick(m_rng)];
        return counts;
    }

    std::size_t regionIndex(std::string_view region) const
    {
        const auto& regions = m_workload.regions;
        return std::size_t(std::find(regions.begin(), regions.end(), region) - regions.begin());
    }

    bool inGap(int account, std::size_t region, Seconds t) const
    {
        return account == m_gap.account && m_workload.regions[region] == m_gap.region && t >= m_gap.from &&
               t < m_gap.to;
    }

    void plan(const std::vector<std::uint32_t>& counts)
    {
        const std::size_t regions = m_workload.regions.size();
        std::map<std::size_t, std::vector<std::size_t>> incidentsAt;
        for (std::size_t i = 0; i < m_incidents.size(); ++i) {
            const Incident& incident = m_incidents[i];
            const std::size_t slot = std::size_t((incident.event.time - m_workload.start) / m_workload.slotSeconds);
            incidentsAt[(std::size_t(incident.account) * regions + regionIndex(incident.region)) * slotCount() + slot]
                .push_back(i);
        }
        for (std::size_t cell = 0; cell < counts.size(); ++cell) {
            const int account = int(cell / slotCount() / regions);
            const std::size_t region = cell / slotCount() % regions;
            const Seconds start = slotStart(cell % slotCount());
            std::uint32_t background = counts[cell];
            if (inGap(account, region, start) && inGap(account, region, start + m_workload.slotSeconds - 1))
                background = 0;
            const auto incidents = incidentsAt.find(cell);
            if (background == 0 && incidents == incidentsAt.end())
                continue;
            // Busy windows are split over several files, as CloudTrail does past a size threshold.
            const std::uint32_t parts = std::max(1u, (background + m_workload.maxPerFile - 1) / m_workload.maxPerFile);
            for (std::uint32_t part = 0; part < parts; ++part) {
                FilePlan file{account, int(region), start, background / parts + (part < background % parts ? 1 : 0),
                              {},      false};
                if (part == 0 && incidents != incidentsAt.end())
                    file.incidents = incidents->second;
                m_files.push_back(std::move(file));
            }
        }
    }

    void markDuplicates(int count)
    {
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i + 1 < m_files.size(); ++i) {
            const FilePlan& file = m_files[i];
            const bool sameStream = m_files[i + 1].account == file.account && m_files[i + 1].region == file.region;
            if (sameStream && file.background > 0 && !(file.account == m_gap.account && file.region == 0))
                candidates.push_back(i);
        }
        for (int i = 0; i < count && !candidates.empty(); ++i) {
            const std::size_t pick = m_rng.below(candidates.size());
            m_files[candidates[pick]].duplicateOut = true;
            candidates.erase(candidates.begin() + std::ptrdiff_t(pick));
        }
    }

    void renderFile(const FilePlan& file)
    {
        const Account& account = m_world.accounts()[std::size_t(file.account)];
        const std::string_view region = m_workload.regions[std::size_t(file.region)];
        const std::string duplicate = std::exchange(m_carry, {});
        // Incidents land at random positions among the background records.
        m_order.clear();
        for (std::size_t i = 0; i < file.incidents.size(); ++i)
            m_order.push_back(m_rng.below(file.background + 1));
        std::sort(m_order.begin(), m_order.end());
        std::size_t nextIncident = 0;
        const auto incidentsUpTo = [&](std::size_t position) {
            for (; nextIncident < m_order.size() && m_order[nextIncident] <= position; ++nextIncident)
                append(m_incidents[file.incidents[nextIncident]].event);
        };
        m_buffer = R"({"Records":[)";
        m_records = 0;
        m_newest = file.slotStart;
        bool wantDuplicate = file.duplicateOut;
        for (std::uint32_t produced = 0; produced < file.background;) {
            // Bursts of one principal repeating a call within seconds, as jobs, agents and consoles do. Bursts start
            // anywhere in the window, so the file is not sorted by time (CloudTrail does not sort either).
            const Seconds last = file.slotStart + m_workload.slotSeconds - 1;
            const Seconds first = file.slotStart + Seconds(m_rng.below(std::uint64_t(m_workload.slotSeconds)));
            Seconds t = first;
            m_model.make(m_rng, account, region, t, m_event);
            const std::uint32_t length = burstLength(file.background - produced);
            for (std::uint32_t i = 0; i < length; ++i, ++produced) {
                incidentsUpTo(produced);
                if (i > 0) {
                    t = std::min(last, first + m_rng.range(0, 2 * int(i) + 10));
                    m_model.repeat(m_rng, t, m_event);
                }
                if (inGap(file.account, std::size_t(file.region), t))
                    continue;
                const std::size_t begin = append(m_event);
                if (i == 0)
                    m_renderer.keepResources(m_event.presets);
                if (std::exchange(wantDuplicate, false))
                    m_carry.assign(m_buffer, begin);
            }
            m_event.presets.clear();
        }
        incidentsUpTo(file.background);
        if (!duplicate.empty()) {
            m_buffer += (m_records++ > 0 ? "," : "") + duplicate;
            ++m_totals.duplicates;
        }
        if (m_records == 0)
            return;
        m_buffer += "]}";
        m_totals.events += m_records;
        // Delivered a few minutes after the newest record; the key's date and time are the delivery's.
        writeFile(account, region, "CloudTrail", m_newest + m_rng.range(90, 420));
    }

    std::uint32_t burstLength(std::uint32_t remaining)
    {
        if (m_event.api->has(SignIn | ServiceEvent))
            return 1;
        std::uint32_t length = 1;
        while (length < remaining && length < 40 && m_rng.chance(0.8))
            ++length;
        return length;
    }

    std::size_t append(const Event& e)
    {
        if (m_records++ > 0)
            m_buffer += ',';
        const std::size_t begin = m_buffer.size();
        m_renderer.render(e, m_buffer);
        m_newest = std::max(m_newest, e.time);
        return begin;
    }

    void writeFile(const Account& account, std::string_view region, std::string_view kind, Seconds delivered)
    {
        std::string dir = m_out.string() + "/AWSLogs/" + std::string(kOrgId) + "/" + account.id + "/" +
                          std::string(kind) + "/" + std::string(region) + "/";
        appendDate(dir, delivered, '/');
        if (m_dirs.insert(dir).second)
            fs::create_directories(dir);
        const Civil c = toCivil(delivered);
        std::string name = account.id + "_" + std::string(kind) + "_" + std::string(region) + "_";
        appendDate(name, delivered, '\0');
        name.erase(std::remove(name.begin(), name.end(), '\0'), name.end());
        name += 'T';
        appendDigits(name, c.hour, 2);
        appendDigits(name, c.minute, 2);
        name += "Z_";
        m_rng.chars(name, 16, kAlnum);
        name += ".json.gz";
        m_compressed.resize(libdeflate_gzip_compress_bound(m_compressor, m_buffer.size()));
        const std::size_t size = libdeflate_gzip_compress(m_compressor, m_buffer.data(), m_buffer.size(),
                                                          m_compressed.data(), m_compressed.size());
        const std::string path = dir + "/" + name;
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f || size == 0 || std::fwrite(m_compressed.data(), 1, size, f) != size || std::fclose(f) != 0)
            fail("cannot write " + path);
        if (m_digests && kind == "CloudTrail")
            m_digests->add(account.id, std::string(region), path.substr(m_out.string().size() + 1), delivered,
                           m_buffer);
        ++(kind == "CloudTrail" ? m_totals.files : m_totals.insightFiles);
        m_totals.raw += m_buffer.size();
        m_totals.packed += size;
    }

    // Incident 1's sweep in a file of its own (a busy delivery window is split over several files), rendered with
    // its own random numbers and last: every other byte of the sample stays as it was before the sweep was added.
    void writeSweep()
    {
        const std::vector<Incident>& sweep = m_incidentBuilder.sweep();
        if (sweep.empty())
            return;
        Rng rng(0x5ee9'2026'0221);
        Renderer renderer(rng);
        m_buffer = R"({"Records":[)";
        Seconds newest = 0;
        for (const Incident& incident : sweep) {
            if (m_buffer.back() != '[')
                m_buffer += ',';
            renderer.render(incident.event, m_buffer);
            newest = std::max(newest, incident.event.time);
        }
        m_buffer += "]}";
        m_totals.events += sweep.size();
        writeFile(m_world.accounts().front(), sweep.front().region, "CloudTrail", newest + 200);
    }

    // Incident 8, one file per account and region it touches, after the sweep (see lateralMovement()).
    void writeLateral()
    {
        const std::vector<Incident>& lateral = m_incidentBuilder.lateral();
        Rng rng(0x1a7e'2026'0222);
        Renderer renderer(rng);
        std::vector<std::pair<int, std::string_view>> streams;
        for (const Incident& incident : lateral) {
            if (std::find(streams.begin(), streams.end(), std::pair(incident.account, incident.region)) ==
                streams.end())
                streams.emplace_back(incident.account, incident.region);
        }
        for (const auto& [account, region] : streams) {
            m_buffer = R"({"Records":[)";
            Seconds newest = 0;
            for (const Incident& incident : lateral) {
                if (incident.account != account || incident.region != region)
                    continue;
                if (m_buffer.back() != '[')
                    m_buffer += ',';
                renderer.render(incident.event, m_buffer);
                newest = std::max(newest, incident.event.time);
                ++m_totals.events;
            }
            m_buffer += "]}";
            writeFile(m_world.accounts()[std::size_t(account)], region, "CloudTrail", newest + 240);
        }
    }

    // Insights that match incident 1: the burst of RunInstances, and its failures in eu-west-1.
    void writeInsights()
    {
        const Account& prod = m_world.accounts().front();
        const std::string keyArn = "arn:aws:iam::" + prod.id + ":user/dev-temp-key";
        const std::string usual = "arn:aws:sts::" + prod.id + ":assumed-role/gha-deploy/GitHubActions";
        const std::string kali = "aws-cli/2.13.25 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 "
                                 "prompt/off command/ec2.run-instances";
        std::string terraform(kUserAgents[std::size_t(Ua::Terraform)].front());
        terraform.replace(terraform.find("$svc"), 4, "ec2");
        InsightPair rate{"us-east-1",
                         "RunInstances",
                         "ApiCallRateInsight",
                         "",
                         parseIso("2026-02-21T18:24:00Z"),
                         18,
                         0.0014880952,
                         1.0,
                         0.3888888889,
                         {}};
        rate.attributions = attribution("userIdentityArn", keyArn, 1.0, usual, 0.0009920635) + "," +
                            attribution("userAgent", kali, 1.0, terraform, 0.0009920635) + "," +
                            attribution("errorCode", "null", 1.0, "null", 0.0014880952);
        InsightPair errors{"eu-west-1",
                           "RunInstances",
                           "ApiErrorRateInsight",
                           "Client.UnauthorizedOperation",
                           parseIso("2026-02-21T18:27:00Z"),
                           12,
                           0.0000992063,
                           1.0,
                           0.4166666667,
                           {}};
        errors.attributions = attribution("userIdentityArn", keyArn, 1.0, usual, 0.0000992063) + "," +
                              attribution("userAgent", kali, 1.0, terraform, 0.0000992063) + "," +
                              attribution("errorCode", errors.errorCode, 1.0, errors.errorCode, 0.0000992063);
        std::string rateId, errorsId;
        m_rng.uuid(rateId);
        m_rng.uuid(errorsId);
        const auto write = [&](std::initializer_list<std::pair<const InsightPair*, bool>> records,
                               const std::string& sharedId, std::string_view delivered) {
            m_buffer = R"({"Records":[)";
            for (const auto& [pair, start] : records) {
                if (m_buffer.back() != '[')
                    m_buffer += ',';
                appendInsight(m_buffer, m_rng, prod.id, *pair, sharedId, start);
            }
            m_buffer += "]}";
            m_totals.events += records.size();
            writeFile(prod, records.begin()->first->region, "CloudTrail-Insight", parseIso(delivered));
        };
        write({{&rate, true}}, rateId, "2026-02-21T18:53:20Z");
        write({{&rate, false}}, rateId, "2026-02-21T19:12:40Z");
        write({{&errors, true}, {&errors, false}}, errorsId, "2026-02-21T19:06:05Z");
    }

    Workload m_workload;
    fs::path m_out;
    Rng m_rng;
    World m_world;
    TrafficModel m_model;
    Renderer m_renderer;
    IncidentBuilder m_incidentBuilder; // owns the actors and templates the incidents point to
    libdeflate_compressor* m_compressor;
    std::unique_ptr<DigestWriter> m_digests; // with --digests
    std::vector<Incident> m_incidents;
    Gap m_gap;
    std::vector<FilePlan> m_files;
    std::vector<std::uint64_t> m_order;
    std::string m_buffer, m_carry;
    std::size_t m_records = 0;
    Seconds m_newest = 0;
    std::vector<std::uint8_t> m_compressed;
    std::set<std::string> m_dirs;
    Event m_event;
    Totals m_totals;
};

std::uint64_t parseNumber(std::string_view option, std::string_view text)
{
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        fail("bad number for " + std::string(option) + ": " + std::string(text));
    return value;
}

} // namespace

int main(int argc, char** argv)
{
    const char* usage =
        "usage: trailgen --out DIR --workload sparse|dense|sample [--events N] [--seed S] [--digests KEYFILE]";
    std::string out, workloadName, digestKey;
    std::optional<std::uint64_t> events;
    std::uint64_t seed = 20260220;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::puts(usage);
            return 0;
        }
        if (i + 1 >= argc)
            fail(usage);
        const std::string_view value = argv[++i];
        if (arg == "--out")
            out = value;
        else if (arg == "--workload")
            workloadName = value;
        else if (arg == "--events")
            events = parseNumber(arg, value);
        else if (arg == "--seed")
            seed = parseNumber(arg, value);
        else if (arg == "--digests")
            digestKey = value;
        else
            fail(usage);
    }
    if (out.empty() || workloadName.empty())
        fail(usage);
    Workload workload = workloadNamed(workloadName);
    if (events)
        workload.events = *events;
    try {
        // Stale files from another run would silently mix into the tree.
        if (fs::exists(fs::path(out) / "AWSLogs"))
            fail(out + "/AWSLogs already exists; remove it first");
        Generator(workload, out, seed, digestKey).run();
    } catch (const fs::filesystem_error& error) {
        fail(error.what());
    }
    return 0;
}
