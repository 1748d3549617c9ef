// The searches tst_searchsql runs on its fixture, each with the oracle's own reading of what it must find.
#include "searchoracle.h"

#include <QTest>

namespace Oracle {

QString fixtureUuid(int n)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(n + 0xabc00000, 8, 16).arg(n, 12, 10, QLatin1Char('0'));
}

namespace {

qint64 utc(int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(2026, 2, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

bool timeIn(const Rec& r, qint64 from, qint64 to)
{
    const auto time = r.time();
    return time && *time >= from && *time < to;
}

std::pair<int, int> version(const Rec& r)
{
    const QStringList parts = r.str("eventVersion").value_or(QString()).split(u'.');
    return {parts.value(0).toInt(), parts.value(1).toInt()};
}

// Full ARN, the name after the last '/' or ':', or a value under an ARNPrefix.
bool resourceIs(const Rec& r, const QString& value)
{
    for (const Resource& resource : r.resources()) {
        const QString name =
            resource.arn.mid(std::max(resource.arn.lastIndexOf(u'/'), resource.arn.lastIndexOf(u':')) + 1);
        if (!resource.arn.isEmpty() &&
            (resource.arn == value || name == value || (resource.isPrefix && value.startsWith(resource.arn))))
            return true;
    }
    return false;
}

bool resourceLike(const Rec& r, const QString& pattern)
{
    for (const Resource& resource : r.resources()) {
        const QString name =
            resource.arn.mid(std::max(resource.arn.lastIndexOf(u'/'), resource.arn.lastIndexOf(u':')) + 1);
        if (!resource.arn.isEmpty() && (glob(resource.arn, pattern) || glob(name, pattern)))
            return true;
    }
    return false;
}

QJsonValue member(const QJsonValue& value, int index, const QString& key)
{
    const QJsonValue item = value.toArray().at(index);
    return item.isObject() ? item.toObject().value(key) : QJsonValue(QJsonValue::Undefined);
}

bool scalar(const QJsonValue& value)
{
    return value.isString() || value.isBool() || value.isDouble();
}

} // namespace

void addFixtureSearchCases()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<Expectation>("predicate");
    QTest::addColumn<bool>("mayBeEmpty");
    const auto add = [](const char* name, const QString& search, const Expectation& predicate,
                        bool mayBeEmpty = false) { QTest::newRow(name) << search << predicate << mayBeEmpty; };

    add("all", "", [](const Rec&) { return true; });
    // Interned event fields: exact and case-sensitive unless the table says otherwise; wildcards.
    add("eventName", "eventName:RunInstances", [](const Rec& r) { return r.is("eventName", "RunInstances"); });
    add(
        "eventName is case-sensitive", "EventName:runinstances",
        [](const Rec& r) { return r.is("eventName", "runinstances"); }, true);
    add("eventName prefix", "eventName:Describe*", [](const Rec& r) { return glob(r.str("eventName"), "Describe*"); });
    add("eventName infix", "eventName:*Bucket*", [](const Rec& r) { return glob(r.str("eventName"), "*Bucket*"); });
    add("eventSource ignores case", "eventSource:EC2.AMAZONAWS.COM",
        [](const Rec& r) { return equalsIgnoringCase(r.str("eventSource"), "ec2.amazonaws.com"); });
    add("source wildcard ignores case", "source:*.AMAZONAWS.com",
        [](const Rec& r) { return glob(r.str("eventSource"), "*.amazonaws.com", true); });
    add("region", "region:EU-WEST-1", [](const Rec& r) { return equalsIgnoringCase(r.str("awsRegion"), "eu-west-1"); });
    add("account", "account:444455556666", [](const Rec& r) { return r.is("recipientAccountId", "444455556666"); });
    // The derived user and the identity fields.
    add("user session name", "user:dev-temp-key", [](const Rec& r) { return r.user() == "dev-temp-key"; });
    add("Username attribute", "Username:alice", [](const Rec& r) { return r.user() == "alice"; });
    add("user federated", "user:fed-carol", [](const Rec& r) { return r.user() == "fed-carol"; });
    add("user invokedBy", "user:ec2.amazonaws.com", [](const Rec& r) { return r.user() == "ec2.amazonaws.com"; });
    add("no user", "-user:*", [](const Rec& r) { return !r.user(); });
    add("user wildcard", "user:*-*", [](const Rec& r) { return glob(r.user(), "*-*"); });
    add("raw userName", "identityUserName:bob", [](const Rec& r) { return r.is("userIdentity.userName", "bob"); });
    add("userArn wildcard", "userArn:arn:aws:sts::*",
        [](const Rec& r) { return glob(r.str("userIdentity.arn"), "arn:aws:sts::*"); });
    add("principalId", "principalId:AROADEVROLE:dev-temp-key",
        [](const Rec& r) { return r.is("userIdentity.principalId", "AROADEVROLE:dev-temp-key"); });
    add("accessKeyId", "AccessKeyId:AKIAALICE00000000001",
        [](const Rec& r) { return r.is("userIdentity.accessKeyId", "AKIAALICE00000000001"); });
    add("empty accessKeyId", "accessKeyId:\"\"", [](const Rec& r) { return r.is("userIdentity.accessKeyId", ""); });
    add("no accessKeyId", "-accessKeyId:*", [](const Rec& r) { return !r.str("userIdentity.accessKeyId"); });
    add("identityType ignores case", "identityType:assumedrole",
        [](const Rec& r) { return equalsIgnoringCase(r.str("userIdentity.type"), "AssumedRole"); });
    add("cross-account", "account:111122223333 identityAccount:999988887777", [](const Rec& r) {
        return r.is("recipientAccountId", "111122223333") && r.is("userIdentity.accountId", "999988887777");
    });
    add("sessionIssuer", "sessionIssuer:arn:aws:iam::111122223333:role/DevRole", [](const Rec& r) {
        return r.is("userIdentity.sessionContext.sessionIssuer.arn", "arn:aws:iam::111122223333:role/DevRole");
    });
    add("roleName", "roleName:CIRole",
        [](const Rec& r) { return r.is("userIdentity.sessionContext.sessionIssuer.userName", "CIRole"); });
    add("mfa", "mfa:TRUE", [](const Rec& r) {
        return equalsIgnoringCase(r.str("userIdentity.sessionContext.attributes.mfaAuthenticated"), "true");
    });
    add("not mfa false", "-mfa:false", [](const Rec& r) {
        return !equalsIgnoringCase(r.str("userIdentity.sessionContext.attributes.mfaAuthenticated"), "false");
    });
    add("invokedBy", "invokedBy:EC2.amazonaws.com",
        [](const Rec& r) { return equalsIgnoringCase(r.str("userIdentity.invokedBy"), "ec2.amazonaws.com"); });
    // IP addresses and networks, IPv4 and IPv6, at the edges of their ranges.
    add("ipv4 /8", "ip:10.0.0.0/8", [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "10.0.0.0/8"); });
    add("ipv4 /24", "ip:185.220.101.0/24",
        [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "185.220.101.0/24"); });
    add("ipv4 /23", "sourceIPAddress:185.220.100.0/23",
        [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "185.220.100.0/23"); });
    add("ipv4 /0", "ip:0.0.0.0/0", [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "0.0.0.0/0"); });
    add("ipv4 address", "ip:10.0.0.1", [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "10.0.0.1/32"); });
    add("zero-padded ipv4", "ip:192.168.1.5",
        [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "192.168.1.5/32"); });
    add("ipv6 /32", "ip:2001:db8::/32",
        [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "2001:db8::/32"); });
    add("ipv6 address", "ip:2001:db8::1",
        [](const Rec& r) { return inSubnet(r.str("sourceIPAddress"), "2001:db8::1/128"); });
    add("not in network", "-ip:10.0.0.0/8",
        [](const Rec& r) { return !inSubnet(r.str("sourceIPAddress"), "10.0.0.0/8"); });
    add("ip service name", "ip:EC2.amazonaws.com",
        [](const Rec& r) { return equalsIgnoringCase(r.str("sourceIPAddress"), "ec2.amazonaws.com"); });
    add("ip quoted text", "ip:\"aws internal\"",
        [](const Rec& r) { return equalsIgnoringCase(r.str("sourceIPAddress"), "AWS Internal"); });
    add("ip text wildcard", "ip:185.220.*", [](const Rec& r) { return glob(r.str("sourceIPAddress"), "185.220.*"); });
    add("userAgent", "userAgent:*python*", [](const Rec& r) { return glob(r.str("userAgent"), "*python*", true); });
    // Errors.
    add("errorCode exact", "errorCode:AccessDenied", [](const Rec& r) { return r.is("errorCode", "AccessDenied"); });
    add("errorCode prefix", "errorCode:AccessDenied*",
        [](const Rec& r) { return glob(r.str("errorCode"), "AccessDenied*"); });
    add("any error", "errorCode:*", [](const Rec& r) { return r.str("errorCode").has_value(); });
    add("no error", "-errorCode:*", [](const Rec& r) { return !r.str("errorCode"); });
    add("not equal", "errorCode!=AccessDenied", [](const Rec& r) { return !r.is("errorCode", "AccessDenied"); });
    add("errorMessage", "errorMessage:\"*not AUTHORIZED\"",
        [](const Rec& r) { return glob(r.str("errorMessage"), "*not authorized", true); });
    add("eventType", "eventType:awsconsolesignin",
        [](const Rec& r) { return equalsIgnoringCase(r.str("eventType"), "AwsConsoleSignIn"); });
    add("category", "category:data", [](const Rec& r) { return equalsIgnoringCase(r.str("eventCategory"), "Data"); });
    // Resources: full ARN, trailing name, ARNPrefix; types.
    add("resource arn", "resource:arn:aws:s3:::acme-logs",
        [](const Rec& r) { return resourceIs(r, "arn:aws:s3:::acme-logs"); });
    add("resource name after colon", "resource:acme-logs", [](const Rec& r) { return resourceIs(r, "acme-logs"); });
    add("ResourceName after slash", "ResourceName:DevRole", [](const Rec& r) { return resourceIs(r, "DevRole"); });
    add("resource instance", "resource:i-0abc1234", [](const Rec& r) { return resourceIs(r, "i-0abc1234"); });
    add("resource under prefix", "resource:arn:aws:s3:::acme-data/reports/q1.csv",
        [](const Rec& r) { return resourceIs(r, "arn:aws:s3:::acme-data/reports/q1.csv"); });
    add("resource is prefix", "resource:arn:aws:s3:::acme-data/reports/",
        [](const Rec& r) { return resourceIs(r, "arn:aws:s3:::acme-data/reports/"); });
    add("resource bucket", "resource:arn:aws:s3:::acme-data",
        [](const Rec& r) { return resourceIs(r, "arn:aws:s3:::acme-data"); });
    add("resource wildcard", "resource:*acme*", [](const Rec& r) { return resourceLike(r, "*acme*"); });
    add("any resource", "resource:*", [](const Rec& r) { return !r.resources().empty(); });
    add("no resource", "-resource:*", [](const Rec& r) { return r.resources().empty(); });
    add("resourceType", "ResourceType:AWS::S3::Object", [](const Rec& r) {
        return std::ranges::any_of(r.resources(), [](const Resource& x) { return x.type == "AWS::S3::Object"; });
    });
    add("resourceType wildcard", "resourceType:AWS::S3::*", [](const Rec& r) {
        return std::ranges::any_of(r.resources(), [](const Resource& x) { return glob(x.type, "AWS::S3::*"); });
    });
    // IDs.
    add("eventId", "EventId:" + fixtureUuid(5), [](const Rec& r) { return r.is("eventID", fixtureUuid(5)); });
    add("eventId upper-case text", "eventId:" + fixtureUuid(3).toUpper(),
        [](const Rec& r) { return r.is("eventID", fixtureUuid(3).toUpper()); });
    add("eventId not a uuid", "eventId:custom-id-33", [](const Rec& r) { return r.is("eventID", "custom-id-33"); });
    add("requestId", "requestId:" + fixtureUuid(1004),
        [](const Rec& r) { return r.is("requestID", fixtureUuid(1004)); });
    add("sharedEventId", "sharedEventId:" + fixtureUuid(2022),
        [](const Rec& r) { return r.is("sharedEventID", fixtureUuid(2022)); });
    add("vpcEndpointId", "vpce:vpce-*", [](const Rec& r) { return glob(r.str("vpcEndpointId"), "vpce-*"); });
    // Sign-in details and booleans.
    add("consoleLogin", "consoleLogin:failure",
        [](const Rec& r) { return equalsIgnoringCase(r.str("responseElements.ConsoleLogin"), "Failure"); });
    add("mfaUsed", "mfaUsed:no",
        [](const Rec& r) { return equalsIgnoringCase(r.str("additionalEventData.MFAUsed"), "No"); });
    add("readOnly true", "ReadOnly:true", [](const Rec& r) { return r.is("readOnly", "true"); });
    add("readOnly false", "readOnly:false", [](const Rec& r) { return r.is("readOnly", "false"); });
    add("not readOnly includes absent", "-readOnly:true", [](const Rec& r) { return !r.is("readOnly", "true"); });
    add("readOnly present", "readOnly:*", [](const Rec& r) { return r.has("readOnly"); });
    add("managementEvent", "managementEvent:false", [](const Rec& r) { return r.is("managementEvent", "false"); });
    add("from console", "sessionCredentialFromConsole:true",
        [](const Rec& r) { return r.is("sessionCredentialFromConsole", "true"); });
    add("version equal", "version:1.08", [](const Rec& r) { return version(r) == std::pair(1, 8); });
    add("version at least", "version>=1.08", [](const Rec& r) { return version(r) >= std::pair(1, 8); });
    add("version below", "eventVersion<1.08", [](const Rec& r) { return version(r) < std::pair(1, 8); });
    // Time: units, bounds, milliseconds, events without a time.
    add("day", "time:2026-02-20", [](const Rec& r) { return timeIn(r, utc(20), utc(21)); });
    add("hour", "time:2026-02-20T05", [](const Rec& r) { return timeIn(r, utc(20, 5), utc(20, 6)); });
    add("from", "time>=2026-02-21T12:00Z", [](const Rec& r) { return timeIn(r, utc(21, 12), utc(28)); });
    add("from with zone", "time>=2026-02-21T14:00+02:00", [](const Rec& r) { return timeIn(r, utc(21, 12), utc(28)); });
    add("before", "time<2026-02-20", [](const Rec& r) { return timeIn(r, 0, utc(20)); });
    add("after the day", "time>2026-02-21", [](const Rec& r) { return timeIn(r, utc(22), utc(28)); });
    add("up to the day", "time<=2026-02-20", [](const Rec& r) { return timeIn(r, 0, utc(21)); });
    add("second", "time:2026-02-19T00:00:00", [](const Rec& r) { return timeIn(r, utc(19), utc(19) + 1000); });
    add("millisecond", "eventTime:2026-02-19T00:00:00.000",
        [](const Rec& r) { return timeIn(r, utc(19), utc(19) + 1); });
    add("has time", "time:*", [](const Rec& r) { return r.time().has_value(); });
    add("no time", "-time:*", [](const Rec& r) { return !r.time(); });
    // Free text over the raw record.
    add("free word", "g5.12xlarge", [](const Rec& r) { return rawContains(r, "g5.12xlarge"); });
    add("free phrase ignores case", "\"G5.12XLARGE\"", [](const Rec& r) { return rawContains(r, "g5.12xlarge"); });
    add("not free word", "-t3.micro", [](const Rec& r) { return !rawContains(r, "t3.micro"); });
    add("free text with slash", "\"python/3.11\"", [](const Rec& r) { return rawContains(r, "python/3.11"); });
    add("arn is free text", "arn:aws:iam::111122223333:role/DevRole",
        [](const Rec& r) { return rawContains(r, "arn:aws:iam::111122223333:role/DevRole"); });
    add("free wildcard", "acme*reports", [](const Rec& r) { return rawContains(r, "acme*reports"); });
    // Combinations and precedence.
    add("issue example",
        "eventName:RunInstances user:dev-temp-key ip:185.220.101.0/24 -readOnly:true time>=2026-02-21T18:00Z "
        "\"g5.12xlarge\"",
        [](const Rec& r) {
            return r.is("eventName", "RunInstances") && r.user() == "dev-temp-key" &&
                   inSubnet(r.str("sourceIPAddress"), "185.220.101.0/24") && !r.is("readOnly", "true") &&
                   timeIn(r, utc(21, 18), utc(28)) && rawContains(r, "g5.12xlarge");
        });
    add("or", "eventName:GetObject OR eventName:PutObject",
        [](const Rec& r) { return r.is("eventName", "GetObject") || r.is("eventName", "PutObject"); });
    add("group and", "(eventName:GetObject OR eventName:PutObject) region:eu-west-1", [](const Rec& r) {
        return (r.is("eventName", "GetObject") || r.is("eventName", "PutObject")) && r.is("awsRegion", "eu-west-1");
    });
    add("and binds tighter", "eventName:GetObject OR eventName:PutObject region:eu-west-1", [](const Rec& r) {
        return r.is("eventName", "GetObject") || (r.is("eventName", "PutObject") && r.is("awsRegion", "eu-west-1"));
    });
    add("not group", "NOT (errorCode:* OR readOnly:true)",
        [](const Rec& r) { return !(r.str("errorCode") || r.is("readOnly", "true")); });
    add("mixed", "user:alice -errorCode:* OR ip:2001:db8::/32", [](const Rec& r) {
        return (r.user() == "alice" && !r.str("errorCode")) || inSubnet(r.str("sourceIPAddress"), "2001:db8::/32");
    });
    add("minus group", "-(user:alice OR user:dev-temp-key) identityType:*", [](const Rec& r) {
        return !(r.user() == "alice" || r.user() == "dev-temp-key") && r.str("userIdentity.type");
    });
    add("field and text", "eventName:RunInstances AND \"g5.12xlarge\"",
        [](const Rec& r) { return r.is("eventName", "RunInstances") && rawContains(r, "g5.12xlarge"); });
    add("not not", "NOT NOT readOnly:false", [](const Rec& r) { return r.is("readOnly", "false"); });

    // CloudWatch Logs filter patterns.
    add("pattern equals", "{ $.eventName = \"ConsoleLogin\" }",
        [](const Rec& r) { return r.is("eventName", "ConsoleLogin"); });
    add("cis unauthorized", "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}",
        [](const Rec& r) {
            return glob(r.str("errorCode"), "*UnauthorizedOperation") || glob(r.str("errorCode"), "AccessDenied*");
        });
    add("cis root",
        "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}",
        [](const Rec& r) {
            return r.is("userIdentity.type", "Root") && !r.has("userIdentity.invokedBy") && r.str("eventType") &&
                   !r.is("eventType", "AwsServiceEvent");
        });
    add("cis console without mfa", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
        [](const Rec& r) {
            return r.is("eventName", "ConsoleLogin") && r.str("additionalEventData.MFAUsed") &&
                   !r.is("additionalEventData.MFAUsed", "Yes");
        });
    add("is false", "{ $.readOnly IS FALSE }", [](const Rec& r) { return r.at("readOnly") == QJsonValue(false); });
    add("is true", "{ $.readOnly IS TRUE }", [](const Rec& r) { return r.at("readOnly") == QJsonValue(true); });
    add("not exists", "{ $.readOnly NOT EXISTS }", [](const Rec& r) { return !r.has("readOnly"); });
    add("boolean as text", "{ $.readOnly = false }", [](const Rec& r) { return r.is("readOnly", "false"); });
    add("boolean not equal", "{ $.readOnly != true }",
        [](const Rec& r) { return r.str("readOnly") && !r.is("readOnly", "true"); });
    add("unmapped selector", "{ $.requestParameters.instanceType = \"g5.*\" }",
        [](const Rec& r) { return glob(r.str("requestParameters.instanceType"), "g5.*"); });
    add("array index", "{ $.resources[0].ARN = \"arn:aws:s3:::*\" }", [](const Rec& r) {
        const QJsonValue arn = member(r.object.value("resources"), 0, "ARN");
        return arn.isString() && glob(arn.toString(), "arn:aws:s3:::*");
    });
    add("array wildcard", "{ $.resources[*].type = \"AWS::IAM::Role\" }", [](const Rec& r) {
        for (const QJsonValue& item : r.object.value("resources").toArray())
            if (item.toObject().value("type") == QJsonValue("AWS::IAM::Role"))
                return true;
        return false;
    });
    add("index not exists", "{ $.resources[1].ARN NOT EXISTS }",
        [](const Rec& r) { return member(r.object.value("resources"), 1, "ARN").isUndefined(); });
    add("mapped not equal wildcard", "{ $.sourceIPAddress != 10.* }",
        [](const Rec& r) { return r.str("sourceIPAddress") && !glob(r.str("sourceIPAddress"), "10.*"); });
    add("regex mapped", "{ $.eventType = %Console% }",
        [](const Rec& r) { return r.str("eventType").value_or(QString()).contains("Console"); });
    add("regex unmapped", "{ $.userAgent = %Python/3\\.1[0-9]% }", [](const Rec& r) {
        return QRegularExpression("Python/3\\.1[0-9]").match(r.str("userAgent").value_or(QString())).hasMatch();
    });
    add("number greater", "{ $.requestParameters.maxResults > 3 }", [](const Rec& r) {
        const QJsonValue value = r.at("requestParameters.maxResults");
        return value.isDouble() && value.toDouble() > 3;
    });
    add("number equal", "{ $.requestParameters.maxResults = 5 }",
        [](const Rec& r) { return r.at("requestParameters.maxResults") == QJsonValue(5); });
    add("is null", "{ $.responseElements IS NULL }", [](const Rec& r) { return r.at("responseElements").isNull(); });
    add("mapped identity attribute", "{ $.userIdentity.sessionContext.attributes.mfaAuthenticated = \"true\" }",
        [](const Rec& r) { return r.is("userIdentity.sessionContext.attributes.mfaAuthenticated", "true"); });
    add("number literal on a string", "{ $.recipientAccountId = 444455556666 }",
        [](const Rec& r) { return r.is("recipientAccountId", "444455556666"); });
    add("pattern eventID", "{ $.eventID = \"" + fixtureUuid(7) + "\" }",
        [](const Rec& r) { return r.is("eventID", fixtureUuid(7)); });
    add("pattern userName", "{ $.userIdentity.userName = \"alice\" }",
        [](const Rec& r) { return r.is("userIdentity.userName", "alice"); });
    add(
        "pattern is case-sensitive", "{ $.awsRegion = \"EU-WEST-1\" }",
        [](const Rec& r) { return r.is("awsRegion", "EU-WEST-1"); }, true);
    add("pattern eventVersion", "{ $.eventVersion = \"1.08\" }",
        [](const Rec& r) { return r.is("eventVersion", "1.08"); });
    add("pattern tls", "{ $.tlsDetails.tlsVersion = \"TLSv1.3\" }",
        [](const Rec& r) { return r.is("tlsDetails.tlsVersion", "TLSv1.3"); });
    add("identity as a string", "{ $.userIdentity = \"None\" }",
        [](const Rec& r) { return r.is("userIdentity", "None"); });
    add("identity type missing", "{ $.userIdentity.type NOT EXISTS }",
        [](const Rec& r) { return !r.has("userIdentity.type"); });
    add("pattern not equal needs the property", "{ $.errorCode != \"AccessDenied\" }",
        [](const Rec& r) { return r.str("errorCode") && !r.is("errorCode", "AccessDenied"); });
    add("member wildcard", "{ $.* = \"ConsoleLogin\" }", [](const Rec& r) {
        for (const QJsonValue& value : r.object)
            if (scalar(value) && value == QJsonValue("ConsoleLogin"))
                return true;
        return false;
    });
    add(
        "absent is not null", "{ $.sharedEventID IS NULL }",
        [](const Rec& r) { return r.at("sharedEventID").isNull(); }, true);
}

} // namespace Oracle
