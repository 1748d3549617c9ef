// `trailscope-cli story` as a user runs it: the JSON shape exactly, the table, and the exit codes.
#include "storyfixture.h"

#include "clitest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;
namespace F = Trailscope::Test::StoryFixture;

namespace {

QStringList keysOf(const QJsonObject& object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestStoryCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    F::Fixture m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = F::make();
        const QString trail = F::write(m_fixture, m_dir.filePath("trail"));
        m_case = m_dir.filePath("story.tscase");
        QVERIFY(importPaths(m_case, {trail}).has_value());
    }

    void jsonShape()
    {
        const CliRun run = runCli({"story", m_case, "--key", F::AliceHopKey, "--format", "json"});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, root);
        QCOMPARE(keysOf(root), QStringList({"events", "keys", "origin"}));
        const QJsonObject origin = root["origin"].toObject();
        QCOMPARE(keysOf(origin), QStringList({"accessKeyId", "arn", "type"}));
        QCOMPARE(origin["type"].toString(), QString("IAMUser"));
        QCOMPARE(origin["arn"].toString(), QString("arn:aws:iam::111122223333:user/alice"));
        QCOMPARE(origin["accessKeyId"].toString(), F::AliceKey);

        const QJsonArray keys = root["keys"].toArray();
        QCOMPARE(keys.size(), 4);
        for (const QJsonValue& key : keys)
            QCOMPARE(keysOf(key.toObject()), QStringList({"accessKeyId", "issuedBy", "parent", "principal"}));
        QCOMPARE(keys[0]["accessKeyId"].toString(), F::AliceKey);
        QVERIFY(keys[0]["issuedBy"].isNull());
        QVERIFY(keys[0]["parent"].isNull());
        QCOMPARE(keys[1]["accessKeyId"].toString(), F::AliceOpsKey);
        QCOMPARE(keys[1]["issuedBy"].toString(), fixtureEventId(F::AliceAssumesOps));
        QCOMPARE(keys[1]["parent"].toString(), F::AliceKey);
        QCOMPARE(keys[1]["principal"].toString(), F::OpsWorkArn);
        QCOMPARE(keys[2]["accessKeyId"].toString(), F::AliceHopKey);
        QCOMPARE(keys[2]["parent"].toString(), F::AliceOpsKey);
        QCOMPARE(keys[3]["accessKeyId"].toString(), F::BackdoorKey);
        QCOMPARE(keys[3]["issuedBy"].toString(), fixtureEventId(F::BackdoorCreated));
        QCOMPARE(keys[3]["parent"].toString(), F::AliceHopKey);

        const QJsonArray events = root["events"].toArray();
        QCOMPARE(events.size(), qsizetype(m_fixture.aliceChain.size()));
        for (const QJsonValue& event : events)
            QCOMPARE(keysOf(event.toObject()),
                     QStringList({"accessKeyId", "account", "eventID", "eventName", "eventTime", "region"}));
        QCOMPARE(events[0]["eventID"].toString(), fixtureEventId(1));
        QCOMPARE(events[0]["eventName"].toString(), QString("GetCallerIdentity"));
        QCOMPARE(events[0]["eventTime"].toString(), QString("2026-03-01T10:00:01.000Z"));
        QCOMPARE(events[0]["accessKeyId"].toString(), F::AliceKey);
        QCOMPARE(events[0]["account"].toString(), F::AccountA);
        QCOMPARE(events[0]["region"].toString(), QString("us-east-1"));
        const QJsonObject last = events[events.size() - 1].toObject();
        QCOMPARE(last["eventName"].toString(), QString("GetObject"));
        QCOMPARE(last["accessKeyId"].toString(), F::BackdoorKey);
        QCOMPARE(last["account"].toString(), F::AccountB);
        QCOMPARE(last["region"].toString(), QString("us-west-2"));
        QStringList seen;
        for (const QJsonValue& event : events)
            seen.append(event["eventTime"].toString());
        QStringList sorted = seen;
        sorted.sort();
        QCOMPARE(seen, sorted);
    }

    void federatedOrigin()
    {
        const CliRun run = runCli({"story", m_case, "--event", fixtureEventId(F::SamlLogin), "--format", "json"});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, root);
        const QJsonObject origin = root["origin"].toObject();
        QCOMPARE(keysOf(origin), QStringList({"arn", "eventID", "type"}));
        QCOMPARE(origin["type"].toString(), QString("SAMLUser"));
        QCOMPARE(origin["arn"].toString(), F::SamlProvider);
        QCOMPARE(origin["eventID"].toString(), fixtureEventId(F::SamlLogin));
        QCOMPARE(root["keys"].toArray().size(), 1);
        QVERIFY(root["keys"][0]["parent"].isNull());
    }

    void table()
    {
        const CliRun run = runCli({"story", m_case, "--key", F::BackdoorKey});
        COMPARE_EXIT(run, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith("Origin: IAMUser arn:aws:iam::111122223333:user/alice key " + F::AliceKey), run.out);
        QVERIFY(out.contains("Keys: 4\n"));
        QVERIFY(out.contains(QString("Events: %1\n").arg(m_fixture.aliceChain.size())));
        QVERIFY(out.contains(fixtureEventId(F::BackdoorCreated)));
        QVERIFY(!out.contains(F::BobHopKey));
    }

    void exitCodes()
    {
        COMPARE_EXIT(runCli({"story", m_case, "--key", "AKIANOTINTHECASE0001"}), 6);
        const CliRun ambiguous = runCli({"story", m_case, "--arn", F::OpsWorkArn});
        COMPARE_EXIT(ambiguous, 7);
        QVERIFY(ambiguous.err.contains(F::AliceKey.toUtf8()) && ambiguous.err.contains(F::BobKey.toUtf8()));
        COMPARE_EXIT(runCli({"story", m_case}), 2);
        COMPARE_EXIT(runCli({"story", m_case, "--key", F::AliceKey, "--arn", F::OpsWorkArn}), 2);
        COMPARE_EXIT(runCli({"story", m_case, "--key", F::AliceKey, "--format", "xml"}), 2);
        COMPARE_EXIT(runCli({"story", m_dir.filePath("missing.tscase"), "--key", F::AliceKey}), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoryCli)
#include "tst_storycli.moc"
