// `trailscope-cli insights` driven through QProcess on the fixture of insightfixture.h: the JSON shape (AWS's Insights
// record shape with an origin, first-seen entries), windows, sensitivity, the table, and exit codes.
#include "clitest.h"
#include "insightfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Test;
using namespace InsightFixture;

namespace {

CliRun insights(const QStringList& arguments)
{
    return runCli(QStringList{QStringLiteral("insights")} + arguments);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

int countOrigin(const QJsonArray& records, const QString& origin)
{
    int count = 0;
    for (const QJsonValue& record : records)
        count += record["origin"].toString() == origin ? 1 : 0;
    return count;
}

} // namespace

class TestInsightsCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
    }

    void jsonShape()
    {
        const CliRun run = insights({m_case, "--format", "json"});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, root);
        QCOMPARE(root.keys(), QStringList({"firstSeen", "insights"}));
        const QJsonArray records = root["insights"].toArray();
        // Four episodes (Start and End each) and the one AWS delivered.
        QCOMPARE(countOrigin(records, "trailscope"), 8);
        QCOMPARE(countOrigin(records, "aws"), 1);
        QCOMPARE(records.size(), qsizetype(9));
        const QStringList topLevel{"awsRegion",    "eventCategory",  "eventID", "eventTime",          "eventType",
                                   "eventVersion", "insightDetails", "origin",  "recipientAccountId", "sharedEventID"};
        QHash<QString, QStringList> states; // sharedEventID → states, in order
        QString previousTime;
        for (const QJsonValue& value : records) {
            const QJsonObject record = value.toObject();
            QCOMPARE(record.keys(), topLevel);
            QCOMPARE(record["eventType"].toString(), QStringLiteral("AwsCloudTrailInsight"));
            QCOMPARE(record["eventCategory"].toString(), QStringLiteral("Insight"));
            QVERIFY(record["eventTime"].toString() >= previousTime); // oldest first, ours and AWS's together
            previousTime = record["eventTime"].toString();
            const QJsonObject details = record["insightDetails"].toObject();
            const QJsonObject statistics = details["insightContext"]["statistics"].toObject();
            QVERIFY(statistics["baseline"]["average"].isDouble());
            QVERIFY(statistics["insight"]["average"].isDouble());
            QVERIFY(statistics["insightDuration"].isDouble());
            QVERIFY(statistics["baselineDuration"].isDouble());
            states[record["sharedEventID"].toString()] << details["state"].toString();
            if (record["origin"].toString() == "trailscope")
                QCOMPARE(details["insightContext"]["attributions"][0]["attribute"].toString(),
                         QStringLiteral("userIdentityArn"));
        }
        for (auto it = states.begin(); it != states.end(); ++it) {
            if (it.key() != "5ea8a6ea-0000-4000-8000-000000000001") // AWS's Start, whose End it did not deliver
                QCOMPARE(it.value(), QStringList({"Start", "End"}));
        }
        // The spike, ours and AWS's, start at the same minute.
        int atSpike = 0;
        for (const QJsonValue& record : records)
            atSpike += record["eventTime"].toString() == iso(at(12270)) ? 1 : 0;
        QCOMPARE(atSpike, 2);
        const QJsonArray firstSeen = root["firstSeen"].toArray();
        QCOMPARE(firstSeen.size(), qsizetype(12));
        for (const QJsonValue& item : firstSeen)
            QCOMPARE(item.toObject().keys(),
                     QStringList({"eventID", "eventName", "eventSource", "eventTime", "kind", "value"}));
        QCOMPARE(firstSeen[2]["kind"].toString(), QStringLiteral("principal"));
        QCOMPARE(firstSeen[2]["value"].toString(), Mallory);
    }

    void windowAndSensitivity()
    {
        // 12:00..16:00 on day 8 holds the spike and the storm, and mallory's first event; not the scanners at 20:00.
        const CliRun run = insights({m_case, "--format", "json", "--since", iso(at(12240)), "--until", iso(at(12480))});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, root);
        QCOMPARE(countOrigin(root["insights"].toArray(), "trailscope"), 4);
        QCOMPARE(countOrigin(root["insights"].toArray(), "aws"), 1);
        QCOMPARE(root["firstSeen"].toArray().size(), qsizetype(4));
        // The baseline still reaches back a week before --since.
        QCOMPARE(root["insights"][0]["insightDetails"]["insightContext"]["statistics"]["baselineDuration"].toInt(),
                 10080);
        const CliRun low = insights({m_case, "--format", "json", "--sensitivity", "low"});
        COMPARE_EXIT(low, 0);
        PARSE_JSON(low, lowRoot);
        QCOMPARE(countOrigin(lowRoot["insights"].toArray(), "trailscope"), 4);
        const CliRun data = insights({m_case, "--format", "json", "--data-events"});
        COMPARE_EXIT(data, 0);
        PARSE_JSON(data, dataRoot);
        QCOMPARE(countOrigin(dataRoot["insights"].toArray(), "trailscope"), 10);
    }

    void table()
    {
        const CliRun run = insights({m_case});
        COMPARE_EXIT(run, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith("Insights (sensitivity medium): 8 events found by Trailscope, 1 delivered by AWS\n"),
                 run.out.constData());
        const QStringList lines = out.split('\n');
        QVERIFY(lines[1].startsWith("TIME"));
        // One line per record, ours and AWS's, then the first-seen list.
        QCOMPARE(lines.filter("AwsCloudTrailInsight").size(), qsizetype(0));
        QCOMPARE(lines.filter(QRegularExpression("^2026-.*  (trailscope|aws)  ")).size(), qsizetype(9));
        QVERIFY(lines.filter("ec2.amazonaws.com RunInstances").filter(Mallory).size() >= 2);
        QVERIFY(out.contains("First seen after the case's first day"));
        QCOMPARE(lines.filter("  principal  " + Mallory).size(), qsizetype(1));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no case") << QStringList{} << 2;
        QTest::newRow("bad sensitivity") << QStringList{"CASE", "--sensitivity", "loud"} << 2;
        QTest::newRow("bad format") << QStringList{"CASE", "--format", "csv"} << 2;
        QTest::newRow("bad time") << QStringList{"CASE", "--since", "yesterday"} << 2;
        QTest::newRow("unknown flag") << QStringList{"CASE", "--fast"} << 2;
        QTest::newRow("missing case") << QStringList{"MISSING"} << 1;
        QTest::newRow("help") << QStringList{"--help"} << 0;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        arguments.replaceInStrings("MISSING", m_dir.filePath("missing.tscase"));
        arguments.replaceInStrings("CASE", m_case);
        const CliRun run = insights(arguments);
        COMPARE_EXIT(run, exitCode);
        if (exitCode != 0)
            QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestInsightsCli)
#include "tst_insightscli.moc"
