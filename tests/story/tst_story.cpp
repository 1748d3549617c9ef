// Credential stories (core/story) over generated chains and the shared corpus.

#include "storyfixture.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "clitest.h"
#include "story/credentialstory.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

using namespace Trailscope;
using namespace Trailscope::Core;
using namespace Trailscope::Core::Story;
using namespace Trailscope::Test;
namespace F = Trailscope::Test::StoryFixture;

namespace {

QStringList idsOf(const std::vector<int>& numbers)
{
    QStringList ids;
    for (const int n : numbers)
        ids.append(fixtureEventId(n));
    return ids;
}

QStringList idsOf(const CredentialStory& story)
{
    QStringList ids;
    for (const StoryEvent& e : story.events)
        ids.append(e.eventId);
    return ids;
}

QStringList keysOf(const CredentialStory& story)
{
    QStringList keys;
    for (const StoryKey& k : story.keys)
        keys.append(k.accessKeyId);
    return keys;
}

const StoryKey* keyNamed(const CredentialStory& story, const QString& key)
{
    for (const StoryKey& k : story.keys) {
        if (k.accessKeyId == key)
            return &k;
    }
    return nullptr;
}

// Everything a story says, one line each, to compare two ways of building it.
QString dump(const CredentialStory& story)
{
    QString text = story.origin.type + u' ' + story.origin.arn + u' ' + story.origin.accessKeyId + u' ' +
                   story.origin.eventId + u' ' + story.origin.subject + u'\n';
    for (const StoryKey& k : story.keys)
        text += k.accessKeyId + u' ' + k.principal + u' ' + k.issuedBy + u' ' + k.parent + u'\n';
    for (const StoryEvent& e : story.events)
        text += e.eventId + u' ' + QString::number(e.time) + u' ' + e.eventName + u' ' + e.accessKeyId + u' ' +
                e.account + u' ' + e.region + u'\n';
    return text;
}

// The stories time-ordered ids: sorted as the fixture numbers them by time.
QStringList inTimeOrder(const F::Fixture& fixture, std::vector<int> numbers)
{
    std::map<QString, QString> timeOf;
    for (const QJsonObject& record : fixture.records)
        timeOf[record["eventID"].toString()] = record["eventTime"].toString();
    QStringList ids = idsOf(numbers);
    std::stable_sort(ids.begin(), ids.end(), [&](const QString& a, const QString& b) { return timeOf[a] < timeOf[b]; });
    return ids;
}

} // namespace

class TestStory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    F::Fixture m_fixture;

    std::vector<CredentialStory> storiesOf(StorySeed::Kind kind, const QString& value, const QString& casePath = {})
    {
        auto db = CaseSchema::open(casePath.isEmpty() ? m_case : casePath, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            qFatal("cannot open the case: %s", qPrintable(db.error().toString()));
        auto found = stories(*db, {kind, value});
        if (!found)
            qFatal("story failed: %s", qPrintable(found.error().toString()));
        return std::move(*found);
    }

    CredentialStory only(StorySeed::Kind kind, const QString& value)
    {
        auto found = storiesOf(kind, value);
        if (found.size() != 1)
            qFatal("expected one story for %s, got %zu", qPrintable(value), found.size());
        return std::move(found.front());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixture = F::make();
        const QString trail = F::write(m_fixture, m_dir.filePath("trail"));
        m_case = m_dir.filePath("story.tscase");
        const auto imported = importPaths(m_case, {trail});
        QVERIFY2(imported.has_value(), qPrintable(imported ? QString() : imported.error().toString()));
        QCOMPARE(queryCount(m_case, "SELECT count(*) FROM events"), qint64(m_fixture.records.size()));
    }

    void linksStoredAtImport()
    {
        // One row per event that handed out a key: eight AssumeRole (alice's hop logged in both accounts, EC2's),
        // CreateAccessKey, SAML, web identity, GetSessionToken, GetFederationToken.
        QCOMPARE(queryCount(m_case, "SELECT count(*) FROM credential_links"), qint64(13));
        QCOMPARE(
            queryCount(m_case, "SELECT count(*) FROM credential_links WHERE issued_key = '" + F::AliceHopKey + "'"),
            qint64(2));
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        QVERIFY(credentialLinksComplete(*db));
    }

    void chainThroughAccounts()
    {
        const CredentialStory story = only(StorySeed::Kind::AccessKey, F::AliceHopKey);
        QCOMPARE(story.origin.type, QString("IAMUser"));
        QCOMPARE(story.origin.arn, QString("arn:aws:iam::111122223333:user/alice"));
        QCOMPARE(story.origin.accessKeyId, F::AliceKey);
        QVERIFY(story.origin.eventId.isEmpty());
        QCOMPARE(keysOf(story), QStringList({F::AliceKey, F::AliceOpsKey, F::AliceHopKey, F::BackdoorKey}));
        const StoryKey* ops = keyNamed(story, F::AliceOpsKey);
        QCOMPARE(ops->parent, F::AliceKey);
        QCOMPARE(ops->issuedBy, fixtureEventId(F::AliceAssumesOps));
        QCOMPARE(ops->principal, F::OpsWorkArn);
        const StoryKey* hop = keyNamed(story, F::AliceHopKey);
        QCOMPARE(hop->parent, F::AliceOpsKey);
        // The copy logged in the caller's account names the caller's key; the role account's copy does not.
        QCOMPARE(hop->issuedBy, fixtureEventId(F::AliceHops));
        QCOMPARE(hop->principal, F::AdminHopArn);
        const StoryKey* backdoor = keyNamed(story, F::BackdoorKey);
        QCOMPARE(backdoor->parent, F::AliceHopKey);
        QCOMPARE(backdoor->issuedBy, fixtureEventId(F::BackdoorCreated));
        QCOMPARE(backdoor->principal, QString("arn:aws:iam::444455556666:user/backdoor"));
        QVERIFY(keyNamed(story, F::AliceKey)->parent.isEmpty());
        // Every event of the chain, in time order, across both accounts and three regions; none of bob's, whose
        // sessions bear the same role and session names, and not alice's sibling session.
        QCOMPARE(idsOf(story), inTimeOrder(m_fixture, m_fixture.aliceChain));
        std::set<QString> accounts, regions;
        for (const StoryEvent& e : story.events) {
            accounts.insert(e.account);
            regions.insert(e.region);
        }
        QCOMPARE(accounts, (std::set<QString>{F::AccountA, F::AccountB}));
        QCOMPARE(regions, (std::set<QString>{"us-east-1", "eu-west-1", "us-west-2"}));
        for (std::size_t i = 1; i < story.events.size(); ++i)
            QVERIFY(story.events[i - 1].time <= story.events[i].time);
    }

    void decoyIsAnotherStory()
    {
        const CredentialStory bob = only(StorySeed::Kind::AccessKey, F::BobHopKey);
        QCOMPARE(bob.origin.accessKeyId, F::BobKey);
        QCOMPARE(keysOf(bob), QStringList({F::BobKey, F::BobOpsKey, F::BobHopKey, F::BobUnusedKey}));
        QCOMPARE(keyNamed(bob, F::BobUnusedKey)->principal,
                 QString("arn:aws:sts::444455556666:assumed-role/Audit/hop"));
        QCOMPARE(keyNamed(bob, F::BobUnusedKey)->parent, F::BobHopKey);
        // The unused key's own story: bob's chain down to it, and nothing below.
        const CredentialStory unused = only(StorySeed::Kind::AccessKey, F::BobUnusedKey);
        QCOMPARE(unused.origin.accessKeyId, F::BobKey);
        QCOMPARE(keysOf(unused), keysOf(bob));
        QCOMPARE(idsOf(bob), inTimeOrder(m_fixture, m_fixture.bobChain));
        // The shared role session ARN names two people: two stories, one per origin.
        const auto both = storiesOf(StorySeed::Kind::Arn, F::OpsWorkArn);
        QCOMPARE(both.size(), size_t(2));
        QStringList origins{both[0].origin.accessKeyId, both[1].origin.accessKeyId};
        origins.sort();
        QCOMPARE(origins, QStringList({F::AliceKey, F::BobKey}));
    }

    void seedsAtEveryLink()
    {
        // Alice's own key: her whole tree, the sibling session too.
        const CredentialStory all = only(StorySeed::Kind::AccessKey, F::AliceKey);
        std::vector<int> tree = m_fixture.aliceChain;
        tree.insert(tree.end(), m_fixture.aliceSibling.begin(), m_fixture.aliceSibling.end());
        QCOMPARE(idsOf(all), inTimeOrder(m_fixture, tree));
        QCOMPARE(all.keys.size(), size_t(5));
        // An event of the first session: its ancestry and everything under it, not the sibling.
        const CredentialStory fromEvent = only(StorySeed::Kind::EventId, fixtureEventId(F::AliceOpsDescribe));
        QCOMPARE(idsOf(fromEvent), inTimeOrder(m_fixture, m_fixture.aliceChain));
        // The backdoor key's story climbs back to alice.
        const CredentialStory backdoor = only(StorySeed::Kind::AccessKey, F::BackdoorKey);
        QCOMPARE(backdoor.origin.accessKeyId, F::AliceKey);
        QCOMPARE(keysOf(backdoor), QStringList({F::AliceKey, F::AliceOpsKey, F::AliceHopKey, F::BackdoorKey}));
        // The role account's copy of the hop has no caller key: its story is the key it issued.
        const CredentialStory inB = only(StorySeed::Kind::EventId, fixtureEventId(F::AliceHopsInB));
        QCOMPARE(inB.origin.accessKeyId, F::AliceKey);
        QCOMPARE(keysOf(inB), QStringList({F::AliceKey, F::AliceOpsKey, F::AliceHopKey, F::BackdoorKey}));
        // An IAM user's ARN.
        const CredentialStory byArn = only(StorySeed::Kind::Arn, "arn:aws:iam::444455556666:user/backdoor");
        QCOMPARE(byArn.origin.accessKeyId, F::AliceKey);
    }

    void federations()
    {
        const CredentialStory saml = only(StorySeed::Kind::AccessKey, F::SamlKey);
        QCOMPARE(saml.origin.type, QString("SAMLUser"));
        QCOMPARE(saml.origin.arn, F::SamlProvider);
        QCOMPARE(saml.origin.subject, QString("carol@example.com"));
        QCOMPARE(saml.origin.eventId, fixtureEventId(F::SamlLogin));
        QVERIFY(saml.origin.accessKeyId.isEmpty());
        QCOMPARE(keysOf(saml), QStringList({F::SamlKey}));
        QCOMPARE(saml.keys.front().issuedBy, fixtureEventId(F::SamlLogin));
        QVERIFY(saml.keys.front().parent.isEmpty());
        QCOMPARE(idsOf(saml), idsOf({31})); // the federation call itself was made with no key
        QCOMPARE(idsOf(only(StorySeed::Kind::EventId, fixtureEventId(F::SamlLogin))), idsOf({31}));

        const CredentialStory web = only(StorySeed::Kind::AccessKey, F::WebKey);
        QCOMPARE(web.origin.type, QString("WebIdentityUser"));
        QCOMPARE(web.origin.arn, QString("accounts.google.com"));
        QCOMPARE(web.origin.subject, QString("oidc-sub-123"));
        QCOMPARE(web.origin.eventId, fixtureEventId(F::WebLogin));
        QCOMPARE(web.keys.front().principal, QString("arn:aws:sts::111122223333:assumed-role/AppRole/app-session"));
        QCOMPARE(idsOf(web), idsOf({41}));
    }

    void consoleSession()
    {
        const CredentialStory console = only(StorySeed::Kind::AccessKey, F::ConsoleKey);
        QCOMPARE(console.origin.type, QString("ConsoleLogin"));
        QCOMPARE(console.origin.arn, QString("arn:aws:iam::111122223333:user/dave"));
        // The successful sign-in before the session, not the failed one after it.
        QCOMPARE(console.origin.eventId, fixtureEventId(F::ConsoleSignIn));
        QCOMPARE(console.keys.size(), size_t(1));
        QCOMPARE(console.keys.front().issuedBy, fixtureEventId(F::ConsoleSignIn));
        QCOMPARE(idsOf(console), idsOf({52, 53}));
        // From the sign-in event itself: one story, both keys of the session (its credentials rotated).
        const CredentialStory login = only(StorySeed::Kind::EventId, fixtureEventId(F::ConsoleSignIn));
        QCOMPARE(keysOf(login), QStringList({F::ConsoleKey, F::ConsoleKeyLater}));
        QCOMPARE(idsOf(login), idsOf({52, 53, 54}));
        QCOMPARE(login.keys.back().issuedBy, fixtureEventId(F::ConsoleSignIn));
        // The user's ARN names the same one story.
        QCOMPARE(idsOf(only(StorySeed::Kind::Arn, "arn:aws:iam::111122223333:user/dave")), idsOf({52, 53, 54}));
        QVERIFY(storiesOf(StorySeed::Kind::EventId, fixtureEventId(F::ConsoleFailedLater)).empty());
    }

    void sessionTokenAndOutside()
    {
        const CredentialStory erin = only(StorySeed::Kind::AccessKey, F::ErinSessionKey);
        QCOMPARE(erin.origin.type, QString("IAMUser"));
        QCOMPARE(erin.origin.accessKeyId, F::ErinKey);
        QCOMPARE(keysOf(erin), QStringList({F::ErinKey, F::ErinSessionKey}));
        QCOMPARE(keyNamed(erin, F::ErinSessionKey)->issuedBy, fixtureEventId(F::ErinGetsToken));
        QCOMPARE(idsOf(erin), inTimeOrder(m_fixture, m_fixture.erinChain));

        const CredentialStory outside = only(StorySeed::Kind::AccessKey, F::OutsideKey);
        QCOMPARE(outside.origin.type, QString("OutsideCase"));
        QCOMPARE(outside.origin.accessKeyId, F::OutsideKey);
        QCOMPARE(outside.origin.arn, QString("arn:aws:sts::111122223333:assumed-role/Legacy/nightly"));
        QVERIFY(outside.keys.front().issuedBy.isEmpty());
        QCOMPARE(idsOf(outside), idsOf(m_fixture.outsideChain));

        // GetFederationToken: the federated user's key, under erin's.
        const CredentialStory federated = only(StorySeed::Kind::AccessKey, F::FederatedKey);
        QCOMPARE(federated.origin.accessKeyId, F::ErinKey);
        QCOMPARE(keysOf(federated), QStringList({F::ErinKey, F::FederatedKey}));
        QCOMPARE(keyNamed(federated, F::FederatedKey)->principal,
                 QString("arn:aws:sts::111122223333:federated-user/contractor"));
        QCOMPARE(keyNamed(federated, F::FederatedKey)->issuedBy, fixtureEventId(F::ErinFederates));
        std::vector<int> federatedEvents = {F::ErinGetsToken, F::ErinFederates};
        federatedEvents.insert(federatedEvents.end(), m_fixture.federatedChain.begin(), m_fixture.federatedChain.end());
        QCOMPARE(idsOf(federated), inTimeOrder(m_fixture, federatedEvents)); // not the session token's events
        // Erin's key's own story holds both of her sessions.
        const CredentialStory erinKey = only(StorySeed::Kind::AccessKey, F::ErinKey);
        std::vector<int> both = m_fixture.erinChain;
        both.insert(both.end(), m_fixture.federatedChain.begin(), m_fixture.federatedChain.end());
        QCOMPARE(idsOf(erinKey), inTimeOrder(m_fixture, both));

        // A key EC2 was issued for an instance role: the origin is the service.
        const CredentialStory instance = only(StorySeed::Kind::AccessKey, F::InstanceKey);
        QCOMPARE(instance.origin.type, QString("AWSService"));
        QCOMPARE(instance.origin.arn, QString("ec2.amazonaws.com"));
        QCOMPARE(instance.origin.eventId, fixtureEventId(F::Ec2AssumesRole));
        QCOMPARE(idsOf(instance), idsOf({81}));

        QVERIFY(storiesOf(StorySeed::Kind::AccessKey, "AKIANOTINTHECASE0001").empty());
        QVERIFY(storiesOf(StorySeed::Kind::EventId, fixtureEventId(999)).empty());
    }

    void olderCaseReadsRecords_data()
    {
        QTest::addColumn<bool>("partly");
        QTest::newRow("no table") << false;
        QTest::newRow("table from a later import") << true;
    }

    void olderCaseReadsRecords()
    {
        QFETCH(bool, partly);
        // A case made before credential_links: no table, or one that covers only later imports.
        const QString older = m_dir.filePath(partly ? "partly.tscase" : "older.tscase");
        QFile::remove(older);
        QVERIFY(QFile::copy(m_case, older));
        {
            auto db = CaseSchema::open(older, CaseSchema::OpenMode::ReadWrite);
            QVERIFY(db.has_value());
            const auto changed = partly
                                     ? db->exec("DELETE FROM credential_links WHERE event < 20; INSERT OR REPLACE INTO "
                                                "meta(key, value) VALUES('credential_links_from', 20)")
                                     : db->exec("DROP TABLE credential_links");
            QVERIFY(changed.has_value());
            QVERIFY(!credentialLinksComplete(*db));
        }
        for (const QString& key : {F::AliceHopKey, F::AliceKey, F::SamlKey, F::WebKey, F::ErinSessionKey, F::ConsoleKey,
                                   F::BobHopKey, F::BobUnusedKey, F::FederatedKey, F::InstanceKey}) {
            const auto indexed = storiesOf(StorySeed::Kind::AccessKey, key);
            const auto read = storiesOf(StorySeed::Kind::AccessKey, key, older);
            QCOMPARE(read.size(), indexed.size());
            QVERIFY(read.front().linksReadFromRecords);
            QVERIFY(!indexed.front().linksReadFromRecords);
            QCOMPARE(dump(read.front()), dump(indexed.front()));
        }
    }

    // The bundled sample's chain (resources/sample/README.md, incidents 1, 2, 3, 6 and 8): the counts are the
    // README's, summed by hand.
    void sampleChain()
    {
        const QString casePath = m_dir.filePath("sample.tscase");
        QVERIFY(importPaths(casePath, {TRAILSCOPE_SOURCE_DIR "/resources/sample/sample-trail.tar.gz"}).has_value());
        const auto staging = storiesOf(StorySeed::Kind::AccessKey, "ASIAEXAMPLESTAGING01", casePath);
        QCOMPARE(staging.size(), size_t(1));
        const CredentialStory& hop = staging.front();
        QCOMPARE(hop.origin.type, QString("IAMUser"));
        QCOMPARE(hop.origin.arn, QString("arn:aws:iam::204816349572:user/dev-temp-key"));
        QCOMPARE(hop.origin.accessKeyId, QString("AKIAEXAMPLELEAKED001"));
        QCOMPARE(keysOf(hop), QStringList({"AKIAEXAMPLELEAKED001", "ASIAEXAMPLECLEANUP01", "ASIAEXAMPLESTAGING01"}));
        QCOMPARE(keyNamed(hop, "ASIAEXAMPLESTAGING01")->principal,
                 QString("arn:aws:sts::583920174466:assumed-role/OrganizationAccountAccessRole/cleanup-session"));
        // The leaked key: GetCallerIdentity, ListBuckets, ListUsers, 3 DescribeInstances, DescribeRegions, 18
        // RunInstances, 30 AttachRolePolicy, 2 AssumeRole (57); cleanup-session: CreateUser, CreateAccessKey,
        // AttachUserPolicy, CreateLoginProfile, StopLogging, DeleteTrail and the hop, logged in both accounts (8);
        // the staging session: 4.
        QCOMPARE(hop.events.size(), size_t(57 + 8 + 4));
        int inStaging = 0;
        for (const StoryEvent& e : hop.events)
            inStaging += e.account == "583920174466" && e.accessKeyId == "ASIAEXAMPLESTAGING01" ? 1 : 0;
        QCOMPARE(inStaging, 4);
        // From the leaked key: the exfiltration session (ListObjects and 40 GetObject) and the backdoor key too.
        const auto leaked = storiesOf(StorySeed::Kind::AccessKey, "AKIAEXAMPLELEAKED001", casePath);
        QCOMPARE(leaked.size(), size_t(1));
        QStringList keys = keysOf(leaked.front());
        keys.sort();
        QCOMPARE(keys, QStringList({"AKIAEXAMPLEBACKDOOR1", "AKIAEXAMPLELEAKED001", "ASIAEXAMPLECLEANUP01",
                                    "ASIAEXAMPLEEXFIL0001", "ASIAEXAMPLESTAGING01"}));
        QCOMPARE(leaked.front().events.size(), size_t(57 + 8 + 4 + 41));
    }

    // Real records: every link the import kept names the key its record returned, and every event of a story was
    // made with a key of it, read back from the records themselves.
    void corpus()
    {
        const QString corpus = corpusDir();
        if (corpus.isEmpty())
            QSKIP("no ../shared/corpus beside the checkout");
        const QString casePath = m_dir.filePath("corpus.tscase");
        const auto imported = importPaths(casePath, {corpus});
        QVERIFY(imported.has_value());
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        RawRecordReader reader(*db);
        auto links = db->prepare("SELECT l.event, l.issued_key FROM credential_links l ORDER BY l.event");
        int checked = 0, chained = 0;
        while (links.step() == SQLITE_ROW) {
            const auto record = reader.eventRecord(links.columnInt(0));
            QVERIFY(record.has_value());
            const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(*record)).object();
            const QJsonObject response = json["responseElements"].toObject();
            const QString returned = response.contains("credentials")
                                         ? response["credentials"].toObject()["accessKeyId"].toString()
                                         : response["accessKey"].toObject()["accessKeyId"].toString();
            const QString key = links.columnQString(1);
            QCOMPARE(key, returned);
            auto found = stories(*db, {StorySeed::Kind::AccessKey, key});
            QVERIFY(found.has_value());
            QCOMPARE(found->size(), size_t(1));
            const CredentialStory& story = found->front();
            const StoryKey* issued = keyNamed(story, key);
            QVERIFY(issued);
            QVERIFY(!issued->issuedBy.isEmpty());
            const QString caller = json["userIdentity"].toObject()["accessKeyId"].toString();
            if (!caller.isEmpty() && caller != key) {
                QCOMPARE(issued->parent, caller);
                ++chained;
            }
            QStringList keys = keysOf(story);
            for (const StoryEvent& e : story.events) {
                const auto made = reader.eventRecord(e.row);
                QVERIFY(made.has_value());
                const QJsonObject identity =
                    QJsonDocument::fromJson(QByteArray::fromStdString(*made)).object()["userIdentity"].toObject();
                QCOMPARE(identity["accessKeyId"].toString(), e.accessKeyId);
                QVERIFY(keys.contains(e.accessKeyId));
            }
            ++checked;
        }
        if (checked == 0)
            QSKIP("the corpus holds no event that hands out a key");
        qInfo("corpus: %d links checked, %d with the caller's key as parent", checked, chained);
    }
};

QTEST_GUILESS_MAIN(TestStory)
#include "tst_story.moc"
