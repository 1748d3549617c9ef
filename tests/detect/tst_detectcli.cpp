// `trailscope-cli detect` as a user runs it: the JSON shape, --rules adding Sigma rules, unsupported rules listed
// with their reason, and the exit codes.
#include "clitest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;

namespace {

const char SigmaRule[] = "title: Trail stopped\nid: 11111111-2222-4333-8444-555555555555\nauthor: Tester\n"
                         "tags:\n    - attack.t1562.008\nlogsource:\n    product: aws\n    service: cloudtrail\n"
                         "detection:\n    selection:\n        eventName: StopLogging\n    condition: selection\n"
                         "level: high\n";
const char WindashRule[] = "title: Windash\nid: 99999999-2222-4333-8444-555555555555\nlogsource:\n    product: aws\n"
                           "    service: cloudtrail\ndetection:\n    selection:\n        userAgent|windash: -x\n"
                           "    condition: selection\nlevel: low\n";

} // namespace

class TestDetectCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case, m_rules, m_unsupported;

private Q_SLOTS:
    void initTestCase()
    {
        const QJsonObject stopped{{QStringLiteral("eventSource"), QStringLiteral("cloudtrail.amazonaws.com")}};
        const std::vector<QJsonObject> records{
            makeRecord(fixtureEventId(1), QStringLiteral("2026-02-20T10:00:00Z"), QStringLiteral("StopLogging"),
                       stopped),
            makeRecord(fixtureEventId(2), QStringLiteral("2026-02-20T10:01:00Z"), QStringLiteral("DescribeInstances")),
        };
        writeFile(m_dir.path(), QStringLiteral("trail/") + trailKey("111122223333", "us-east-1", "20260220T1005Z"),
                  gzip(recordsEnvelope(records)));
        m_case = m_dir.filePath(QStringLiteral("detect.tscase"));
        QVERIFY(importPaths(m_case, {m_dir.filePath(QStringLiteral("trail"))}).has_value());
        m_rules = writeFile(m_dir.path(), QStringLiteral("rules/stopped.yml"), SigmaRule);
        m_unsupported = writeFile(m_dir.path(), QStringLiteral("more/windash.yml"), WindashRule);
    }

    void jsonShape()
    {
        const CliRun run = runCli({QStringLiteral("detect"), m_case, QStringLiteral("--rules"), m_rules,
                                   QStringLiteral("--format"), QStringLiteral("json")});
        COMPARE_EXIT(run, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(root[QStringLiteral("rules")][QStringLiteral("loaded")].toInt(), 21); // 20 shipped + 1
        QCOMPARE(root[QStringLiteral("rules")][QStringLiteral("unsupported")].toArray().size(), 0);
        QStringList ids;
        QJsonObject sigma;
        for (const QJsonValue& finding : root[QStringLiteral("findings")].toArray()) {
            ids << finding[QStringLiteral("rule")][QStringLiteral("id")].toString();
            if (finding[QStringLiteral("rule")][QStringLiteral("source")] == QStringLiteral("sigma"))
                sigma = finding.toObject();
        }
        QVERIFY2(ids.contains(QStringLiteral("CloudWatch.5")), qPrintable(ids.join(u' ')));
        QVERIFY(ids.contains(QStringLiteral("trailscope.logging-stopped")));
        QCOMPARE(sigma[QStringLiteral("rule")][QStringLiteral("id")].toString(),
                 QStringLiteral("11111111-2222-4333-8444-555555555555"));
        QCOMPARE(sigma[QStringLiteral("rule")][QStringLiteral("level")].toString(), QStringLiteral("high"));
        QCOMPARE(sigma[QStringLiteral("rule")][QStringLiteral("tags")].toArray().first().toString(),
                 QStringLiteral("attack.t1562.008"));
        QCOMPARE(sigma[QStringLiteral("count")].toInt(), 1);
        QCOMPARE(sigma[QStringLiteral("first")].toString(), QStringLiteral("2026-02-20T10:00:00.000Z"));
        QCOMPARE(sigma[QStringLiteral("last")].toString(), QStringLiteral("2026-02-20T10:00:00.000Z"));
        QCOMPARE(sigma[QStringLiteral("eventIDs")].toArray().first().toString(), fixtureEventId(1));
    }

    void unsupportedRulesAreListed()
    {
        const CliRun run =
            runCli({QStringLiteral("detect"), m_case, QStringLiteral("--rules"), m_dir.filePath(QStringLiteral("more")),
                    QStringLiteral("--format"), QStringLiteral("json")});
        COMPARE_EXIT(run, 3);
        const QJsonArray unsupported =
            QJsonDocument::fromJson(run.out).object()[QStringLiteral("rules")][QStringLiteral("unsupported")].toArray();
        QCOMPARE(unsupported.size(), 1);
        QCOMPARE(unsupported[0][QStringLiteral("path")].toString(), m_unsupported);
        QCOMPARE(unsupported[0][QStringLiteral("id")].toString(),
                 QStringLiteral("99999999-2222-4333-8444-555555555555"));
        QCOMPARE(unsupported[0][QStringLiteral("reason")].toString(), QStringLiteral("unsupported modifier: windash"));
        QVERIFY(run.err.contains("windash"));
    }

    void table()
    {
        const CliRun run = runCli({QStringLiteral("detect"), m_case, QStringLiteral("--only-shipped")});
        COMPARE_EXIT(run, 0);
        QVERIFY(run.out.contains("Rules: 20 loaded, 0 unsupported"));
        QVERIFY(run.out.contains("CloudWatch.5"));
        QVERIFY(!run.out.contains("11111111-2222"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::newRow("no case") << QStringList{QStringLiteral("detect")} << 2;
        QTest::newRow("bad format") << QStringList{QStringLiteral("detect"), QStringLiteral("x"),
                                                   QStringLiteral("--format"), QStringLiteral("csv")}
                                    << 2;
        QTest::newRow("only shipped and rules")
            << QStringList{QStringLiteral("detect"), QStringLiteral("x"), QStringLiteral("--only-shipped"),
                           QStringLiteral("--rules"), QStringLiteral("y")}
            << 2;
        QTest::newRow("not a case") << QStringList{QStringLiteral("detect"), QStringLiteral("/nonexistent/x.tscase")}
                                    << 1;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        COMPARE_EXIT(runCli(arguments), code);
    }
};

QTEST_GUILESS_MAIN(TestDetectCli)
#include "tst_detectcli.moc"
