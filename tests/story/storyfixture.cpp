#include "storyfixture.h"

#include "clitest.h"
#include "testsupport.h"

#include <QJsonArray>

namespace Trailscope::Test::StoryFixture {

namespace {

QJsonObject iamUser(const QString& name, const QString& account, const QString& key)
{
    QJsonObject identity{{"type", "IAMUser"},
                         {"principalId", "AIDA" + name.toUpper()},
                         {"arn", "arn:aws:iam::" + account + ":user/" + name},
                         {"accountId", account},
                         {"userName", name}};
    if (!key.isEmpty())
        identity["accessKeyId"] = key;
    return identity;
}

QJsonObject assumed(const QString& role, const QString& session, const QString& account, const QString& key)
{
    return {{"type", "AssumedRole"},
            {"principalId", "AROA" + role.toUpper() + ":" + session},
            {"arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session},
            {"accountId", account},
            {"accessKeyId", key},
            {"sessionContext",
             QJsonObject{{"sessionIssuer", QJsonObject{{"type", "Role"},
                                                       {"principalId", "AROA" + role.toUpper()},
                                                       {"arn", "arn:aws:iam::" + account + ":role/" + role},
                                                       {"accountId", account},
                                                       {"userName", role}}},
                         {"attributes",
                          QJsonObject{{"creationDate", "2026-03-01T10:00:00Z"}, {"mfaAuthenticated", "false"}}}}}};
}

QJsonObject credentials(const QString& key, const QString& roleArn = {})
{
    QJsonObject response{{"credentials", QJsonObject{{"accessKeyId", key},
                                                     {"sessionToken", "IQoJb3JpZ2luX2VjEXAMPLE"},
                                                     {"expiration", "Mar 1, 2026, 11:00:00 AM"}}}};
    if (!roleArn.isEmpty())
        response["assumedRoleUser"] = QJsonObject{{"assumedRoleId", "AROAEXAMPLE:x"}, {"arn", roleArn}};
    return response;
}

class Builder
{
public:
    explicit Builder(Fixture& fixture) : m_fixture(fixture) {}

    // Adds event number n (fixtureEventId) at minute `minute` past 10:00 on 2026-03-01.
    int add(int n, int minute, const QString& name, const QJsonObject& identity, const QString& account,
            QJsonObject overrides = {}, std::vector<int>* chain = nullptr)
    {
        overrides["userIdentity"] = identity;
        overrides["recipientAccountId"] = account;
        if (!overrides.contains("eventSource"))
            overrides["eventSource"] = sourceOf(name);
        const QString time = QStringLiteral("2026-03-01T%1:%2:%3Z")
                                 .arg(10 + minute / 60, 2, 10, QLatin1Char('0'))
                                 .arg(minute % 60, 2, 10, QLatin1Char('0'))
                                 .arg(n % 60, 2, 10, QLatin1Char('0'));
        m_fixture.records.push_back(makeRecord(fixtureEventId(n), time, name, overrides));
        if (chain)
            chain->push_back(n);
        return n;
    }

private:
    static QString sourceOf(const QString& name)
    {
        if (name.startsWith("AssumeRole") || name.startsWith("Get"))
            return "sts.amazonaws.com";
        if (name.contains("User") || name.contains("AccessKey"))
            return "iam.amazonaws.com";
        if (name.contains("Bucket") || name.contains("Object"))
            return "s3.amazonaws.com";
        if (name == "ConsoleLogin")
            return "signin.amazonaws.com";
        return "ec2.amazonaws.com";
    }

    Fixture& m_fixture;
};

QJsonObject assumeRole(const QString& roleArn, const QString& session)
{
    return {{"roleArn", roleArn}, {"roleSessionName", session}, {"durationSeconds", 3600}};
}

} // namespace

Fixture make()
{
    Fixture f;
    Builder b(f);
    const QJsonObject alice = iamUser("alice", AccountA, AliceKey);
    const QJsonObject aliceOps = assumed("Ops", "work", AccountA, AliceOpsKey);
    const QJsonObject aliceOther = assumed("Ops", "other", AccountA, AliceOtherKey);
    const QJsonObject aliceHop = assumed("Admin", "hop", AccountB, AliceHopKey);
    const QJsonObject backdoor = iamUser("backdoor", AccountB, BackdoorKey);
    const QJsonObject bob = iamUser("bob", AccountA, BobKey);
    const QJsonObject bobOps = assumed("Ops", "work", AccountA, BobOpsKey);
    const QJsonObject bobHop = assumed("Admin", "hop", AccountB, BobHopKey);
    const QString opsRole = "arn:aws:iam::" + AccountA + ":role/Ops";
    const QString adminRole = "arn:aws:iam::" + AccountB + ":role/Admin";

    // Alice: her key assumes Ops/work, which hops to account B's Admin/hop, which plants a backdoor user.
    b.add(1, 0, "GetCallerIdentity", alice, AccountA, {}, &f.aliceChain);
    b.add(AliceAssumesOps, 1, "AssumeRole", alice, AccountA,
          {{"requestParameters", assumeRole(opsRole, "work")},
           {"responseElements", credentials(AliceOpsKey, OpsWorkArn)}},
          &f.aliceChain);
    b.add(AliceOpsDescribe, 2, "DescribeInstances", aliceOps, AccountA, {{"awsRegion", "eu-west-1"}}, &f.aliceChain);
    b.add(AliceHops, 3, "AssumeRole", aliceOps, AccountA,
          {{"requestParameters", assumeRole(adminRole, "hop")},
           {"responseElements", credentials(AliceHopKey, AdminHopArn)},
           {"sharedEventID", "5d9f6853-0000-4000-8000-000000000004"}},
          &f.aliceChain);
    // The role's account logs the same call with the calling account as the identity and no key.
    b.add(AliceHopsInB, 3, "AssumeRole",
          QJsonObject{{"type", "AWSAccount"}, {"principalId", "AROAOPS:work"}, {"accountId", AccountA}}, AccountB,
          {{"requestParameters", assumeRole(adminRole, "hop")},
           {"responseElements", credentials(AliceHopKey, AdminHopArn)},
           {"sharedEventID", "5d9f6853-0000-4000-8000-000000000004"}});
    b.add(6, 4, "CreateUser", aliceHop, AccountB, {{"requestParameters", QJsonObject{{"userName", "backdoor"}}}},
          &f.aliceChain);
    b.add(BackdoorCreated, 5, "CreateAccessKey", aliceHop, AccountB,
          {{"requestParameters", QJsonObject{{"userName", "backdoor"}}},
           {"responseElements",
            QJsonObject{{"accessKey",
                         QJsonObject{{"userName", "backdoor"}, {"accessKeyId", BackdoorKey}, {"status", "Active"}}}}}},
          &f.aliceChain);
    b.add(8, 30, "ListBuckets", backdoor, AccountB, {}, &f.aliceChain);
    b.add(9, 31, "GetObject", backdoor, AccountB, {{"awsRegion", "us-west-2"}}, &f.aliceChain);
    // A sibling session of alice's key: its events are in her key's story, not in her hop's (the AssumeRole that
    // began it was made with her key, so it is in both).
    b.add(10, 6, "AssumeRole", alice, AccountA,
          {{"requestParameters", assumeRole(opsRole, "other")},
           {"responseElements", credentials(AliceOtherKey, "arn:aws:sts::" + AccountA + ":assumed-role/Ops/other")}},
          &f.aliceChain);
    b.add(11, 7, "DescribeVolumes", aliceOther, AccountA, {}, &f.aliceSibling);

    // Bob: the same roles with the same session names, his own keys.
    b.add(
        20, 2, "AssumeRole", bob, AccountA,
        {{"requestParameters", assumeRole(opsRole, "work")}, {"responseElements", credentials(BobOpsKey, OpsWorkArn)}},
        &f.bobChain);
    b.add(21, 3, "DescribeInstances", bobOps, AccountA, {}, &f.bobChain);
    b.add(22, 4, "AssumeRole", bobOps, AccountA,
          {{"requestParameters", assumeRole(adminRole, "hop")},
           {"responseElements", credentials(BobHopKey, AdminHopArn)}},
          &f.bobChain);
    b.add(23, 5, "DeleteBucket", bobHop, AccountB, {}, &f.bobChain);
    b.add(24, 8, "ListBuckets", bobHop, AccountB, {}, &f.bobChain);
    // A key issued and never used: its principal comes from the record that issued it.
    b.add(25, 9, "AssumeRole", bobHop, AccountB,
          {{"requestParameters", assumeRole("arn:aws:iam::" + AccountB + ":role/Audit", "hop")},
           {"responseElements", credentials(BobUnusedKey, "arn:aws:sts::" + AccountB + ":assumed-role/Audit/hop")}},
          &f.bobChain);

    // Carol signs in through SAML.
    const QString samlArn = "arn:aws:sts::" + AccountA + ":assumed-role/SSOAdmin/carol@example.com";
    QJsonObject samlResponse = credentials(SamlKey, samlArn);
    samlResponse["subject"] = "carol@example.com";
    samlResponse["subjectType"] = "persistent";
    samlResponse["issuer"] = "http://www.okta.com/exk1";
    b.add(SamlLogin, 10, "AssumeRoleWithSAML",
          QJsonObject{{"type", "SAMLUser"},
                      {"principalId", "Q2lkOktta:carol@example.com"},
                      {"userName", "carol@example.com"},
                      {"identityProvider", "Q2lkOktta"}},
          AccountA,
          {{"requestParameters",
            QJsonObject{{"roleArn", "arn:aws:iam::" + AccountA + ":role/SSOAdmin"}, {"principalArn", SamlProvider}}},
           {"responseElements", samlResponse}},
          &f.samlChain);
    b.add(31, 11, "ListUsers", assumed("SSOAdmin", "carol@example.com", AccountA, SamlKey), AccountA, {}, &f.samlChain);

    // A web identity (OIDC) federation.
    QJsonObject webResponse = credentials(WebKey, "arn:aws:sts::" + AccountA + ":assumed-role/AppRole/app-session");
    webResponse["subjectFromWebIdentityToken"] = "oidc-sub-123";
    webResponse["provider"] = "accounts.google.com";
    b.add(WebLogin, 12, "AssumeRoleWithWebIdentity",
          QJsonObject{{"type", "WebIdentityUser"},
                      {"principalId", "accounts.google.com:app.apps.googleusercontent.com:oidc-sub-123"},
                      {"userName", "oidc-sub-123"},
                      {"identityProvider", "accounts.google.com"}},
          AccountA,
          {{"requestParameters",
            QJsonObject{{"roleArn", "arn:aws:iam::" + AccountA + ":role/AppRole"}, {"roleSessionName", "app-session"}}},
           {"responseElements", webResponse}},
          &f.webChain);
    b.add(41, 13, "PutObject", assumed("AppRole", "app-session", AccountA, WebKey), AccountA, {}, &f.webChain);

    // Dave signs in to the console; a failed sign-in after it is not the session's start.
    QJsonObject daveLogin = iamUser("dave", AccountA, {});
    b.add(ConsoleSignIn, 14, "ConsoleLogin", daveLogin, AccountA,
          {{"eventType", "AwsConsoleSignIn"},
           {"responseElements", QJsonObject{{"ConsoleLogin", "Success"}}},
           {"additionalEventData", QJsonObject{{"MFAUsed", "No"}}}},
          &f.consoleChain);
    b.add(ConsoleFailedLater, 15, "ConsoleLogin", daveLogin, AccountA,
          {{"eventType", "AwsConsoleSignIn"},
           {"errorMessage", "Failed authentication"},
           {"responseElements", QJsonObject{{"ConsoleLogin", "Failure"}}}});
    QJsonObject daveConsole = iamUser("dave", AccountA, ConsoleKey);
    daveConsole["sessionContext"] = QJsonObject{
        {"attributes", QJsonObject{{"creationDate", "2026-03-01T10:14:50Z"}, {"mfaAuthenticated", "false"}}}};
    b.add(52, 16, "DescribeSecurityGroups", daveConsole, AccountA, {{"sessionCredentialFromConsole", "true"}},
          &f.consoleChain);
    b.add(53, 17, "AuthorizeSecurityGroupIngress", daveConsole, AccountA, {{"sessionCredentialFromConsole", "true"}},
          &f.consoleChain);
    // Console session credentials rotate: a later key of the same sign-in.
    QJsonObject daveLater = iamUser("dave", AccountA, ConsoleKeyLater);
    daveLater["sessionContext"] = daveConsole["sessionContext"];
    b.add(54, 26, "DescribeInstances", daveLater, AccountA, {{"sessionCredentialFromConsole", "true"}},
          &f.consoleChain);

    // Erin's key asks for a session token.
    b.add(ErinGetsToken, 18, "GetSessionToken", iamUser("erin", AccountA, ErinKey), AccountA,
          {{"requestParameters", QJsonObject{{"durationSeconds", 3600}}},
           {"responseElements", credentials(ErinSessionKey)}},
          &f.erinChain);
    b.add(61, 19, "RunInstances", iamUser("erin", AccountA, ErinSessionKey), AccountA, {}, &f.erinChain);

    // Erin's key asks for a federation token for a named user (with her key: in both of her sessions' stories).
    QJsonObject federated = credentials(FederatedKey);
    federated["federatedUser"] = QJsonObject{{"federatedUserId", AccountA + ":contractor"},
                                             {"arn", "arn:aws:sts::" + AccountA + ":federated-user/contractor"}};
    b.add(ErinFederates, 22, "GetFederationToken", iamUser("erin", AccountA, ErinKey), AccountA,
          {{"requestParameters", QJsonObject{{"name", "contractor"}}}, {"responseElements", federated}}, &f.erinChain);
    b.add(63, 23, "ListBuckets",
          QJsonObject{{"type", "FederatedUser"},
                      {"principalId", AccountA + ":contractor"},
                      {"arn", "arn:aws:sts::" + AccountA + ":federated-user/contractor"},
                      {"accountId", AccountA},
                      {"accessKeyId", FederatedKey}},
          AccountA, {}, &f.federatedChain);

    // EC2 assumes an instance profile's role: the chain starts at a service.
    b.add(Ec2AssumesRole, 24, "AssumeRole", QJsonObject{{"type", "AWSService"}, {"invokedBy", "ec2.amazonaws.com"}},
          AccountA,
          {{"requestParameters", assumeRole("arn:aws:iam::" + AccountA + ":role/WebServer", "i-0abc123")},
           {"responseElements",
            credentials(InstanceKey, "arn:aws:sts::" + AccountA + ":assumed-role/WebServer/i-0abc123")}},
          &f.instanceChain);
    b.add(81, 25, "GetObject", assumed("WebServer", "i-0abc123", AccountA, InstanceKey), AccountA, {},
          &f.instanceChain);

    // A session whose AssumeRole happened before the case begins.
    const QJsonObject outside = assumed("Legacy", "nightly", AccountA, OutsideKey);
    b.add(70, 20, "ListBuckets", outside, AccountA, {}, &f.outsideChain);
    b.add(71, 21, "GetBucketAcl", outside, AccountA, {}, &f.outsideChain);
    return f;
}

QString write(const Fixture& fixture, const QString& dir)
{
    return writeFile(dir, trailKey(AccountA, "us-east-1", "20260301T1105Z"), gzip(recordsEnvelope(fixture.records)));
}

} // namespace Trailscope::Test::StoryFixture
