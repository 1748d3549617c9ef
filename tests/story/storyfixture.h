#pragma once

// Generated credential chains for the story tests: a user key → AssumeRole → cross-account AssumeRole →
// CreateAccessKey → the new user's actions, with a decoy person who assumes the same roles with the same session
// names; SAML and web-identity federation; a console session; GetSessionToken; a chain whose first link lies
// outside the case.

#include <QJsonObject>
#include <QString>

#include <vector>

namespace Trailscope::Test::StoryFixture {

inline const QString AccountA = QStringLiteral("111122223333");
inline const QString AccountB = QStringLiteral("444455556666");

inline const QString AliceKey = QStringLiteral("AKIAALICE00000000001");
inline const QString AliceOpsKey = QStringLiteral("ASIAALICEOPS00000001");   // A:Ops/work
inline const QString AliceOtherKey = QStringLiteral("ASIAALICEOTHER000001"); // A:Ops/other, a sibling
inline const QString AliceHopKey = QStringLiteral("ASIAALICEHOPB0000001");   // B:Admin/hop
inline const QString BackdoorKey = QStringLiteral("AKIABACKDOOR00000001");   // B user backdoor
inline const QString BobKey = QStringLiteral("AKIABOB0000000000001");
inline const QString BobOpsKey = QStringLiteral("ASIABOBOPS0000000001");    // A:Ops/work again
inline const QString BobHopKey = QStringLiteral("ASIABOBHOPB000000001");    // B:Admin/hop again
inline const QString BobUnusedKey = QStringLiteral("ASIABOBUNUSED0000001"); // B:Audit/hop, never used
inline const QString SamlKey = QStringLiteral("ASIASAMLCAROL0000001");
inline const QString WebKey = QStringLiteral("ASIAWEBIDENTITY00001");
inline const QString ConsoleKey = QStringLiteral("ASIACONSOLEDAVE00001");
inline const QString ConsoleKeyLater = QStringLiteral("ASIACONSOLEDAVE00002"); // the same session, rotated
inline const QString ErinKey = QStringLiteral("AKIAERIN000000000001");
inline const QString ErinSessionKey = QStringLiteral("ASIAERINSESSION00001");
inline const QString OutsideKey = QStringLiteral("ASIAOUTSIDE000000001");
inline const QString FederatedKey = QStringLiteral("ASIAFEDERATEDERIN001"); // GetFederationToken
inline const QString InstanceKey = QStringLiteral("ASIAINSTANCEROLE0001");  // issued to EC2 for an instance role

inline const QString OpsWorkArn = QStringLiteral("arn:aws:sts::111122223333:assumed-role/Ops/work");
inline const QString AdminHopArn = QStringLiteral("arn:aws:sts::444455556666:assumed-role/Admin/hop");
inline const QString SamlProvider = QStringLiteral("arn:aws:iam::111122223333:saml-provider/Okta");

/// Event IDs (fixtureEventId numbers) of events the tests name.
enum Event : int {
    AliceAssumesOps = 2,
    AliceOpsDescribe = 3,
    AliceHops = 4,    // logged in A with the caller's key
    AliceHopsInB = 5, // the same call logged in B (AWSAccount caller, no key)
    BackdoorCreated = 7,
    SamlLogin = 30,
    WebLogin = 40,
    ConsoleSignIn = 50,
    ConsoleFailedLater = 51,
    ErinGetsToken = 60,
    ErinFederates = 62,
    Ec2AssumesRole = 80,
};

struct Fixture
{
    std::vector<QJsonObject> records;
    /// The events of alice's chain through AliceHopKey (her key's, Ops/work's, the hop's and the backdoor user's),
    /// as fixtureEventId numbers, and those of her sibling session Ops/other.
    std::vector<int> aliceChain, aliceSibling;
    std::vector<int> bobChain, samlChain, webChain, consoleChain, erinChain, outsideChain, federatedChain,
        instanceChain;
};

Fixture make();

/// Writes the fixture as one delivered trail file under `dir`; returns its path.
QString write(const Fixture& fixture, const QString& dir);

} // namespace Trailscope::Test::StoryFixture
