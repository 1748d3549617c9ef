// The findings a report lists and `export --finding ID` names (report/casefindings.h), on the insights fixture: an
// insight's id is the sharedEventID `insights --format json` prints and its events are its episode's calls; a
// detection's id is its rule's, with the rule's events.
#include "casedb/caseschema.h"
#include "clitest.h"
#include "detect/rulestore.h"
#include "insightfixture.h"
#include "report/casefindings.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Test;
using namespace InsightFixture;

namespace {

qint64 epochMs(const QJsonValue& isoTime)
{
    return QDateTime::fromString(isoTime.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// The eventIDs of the fixture's records of an API in an account and region within [from, until), by time.
QStringList fixtureCalls(const QString& eventName, const QString& account, const QString& region, qint64 from,
                         qint64 until)
{
    std::vector<QJsonObject> matching;
    for (const QJsonObject& record : records()) {
        const qint64 time = epochMs(record["eventTime"]);
        if (record["eventName"].toString() == eventName && record["recipientAccountId"].toString() == account &&
            record["awsRegion"].toString() == region && time >= from && time < until)
            matching.push_back(record);
    }
    std::stable_sort(matching.begin(), matching.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return epochMs(a["eventTime"]) < epochMs(b["eventTime"]);
    });
    QStringList ids;
    for (const QJsonObject& record : matching)
        ids << record["eventID"].toString();
    return ids;
}

} // namespace

class TestCaseFindings : public QObject
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

    // The spike's Start and End as `insights` prints them give the id and the minutes; the fixture says which calls.
    void insightIsItsEpisodesCalls()
    {
        const CliRun run = runCli({"insights", m_case, "--format", "json"});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, root);
        QString id;
        qint64 start = 0, end = 0;
        for (const QJsonValue& record : root["insights"].toArray()) {
            const QJsonObject details = record["insightDetails"].toObject();
            if (record["origin"].toString() != "trailscope" || details["eventName"].toString() != "RunInstances")
                continue;
            id = record["sharedEventID"].toString();
            (details["state"].toString() == "Start" ? start : end) = epochMs(record["eventTime"]);
        }
        QVERIFY(!id.isEmpty());
        QCOMPARE(start, at(12270));
        const QStringList expected = fixtureCalls("RunInstances", AccountA, "us-east-1", start, end);
        QCOMPARE(expected.size(), qsizetype(20)); // 12 and 8 calls in its two minutes

        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto findings = Report::caseFindings(m_case, *db);
        QVERIFY(findings.has_value());
        const auto found = std::find_if(findings->begin(), findings->end(),
                                        [&](const Report::CaseFinding& finding) { return finding.id == id; });
        QVERIFY(found != findings->end());
        QCOMPARE(found->kind, Report::CaseFinding::Kind::Insight);
        QCOMPARE(found->eventRows.size(), std::size_t(20));
        QCOMPARE(found->first, start);

        const QString path = m_dir.filePath("spike.jsonl");
        const CliRun exported = runCli({"export", m_case, "--finding", id, "--format", "jsonl", "-o", path});
        COMPARE_EXIT(exported, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList ids;
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                ids << QJsonDocument::fromJson(line).object()["eventID"].toString();
        }
        // Calls of one minute share a time; within it the order is the case's, so compare as sets, then the count.
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()), QSet<QString>(expected.begin(), expected.end()));
        QCOMPARE(ids.size(), expected.size());
    }

    // Detections first, each with the ids `detect` prints and as many events as it counts.
    void detectionsCarryTheirRuleIds()
    {
        const CliRun run = runCli({"detect", m_case, "--only-shipped", "--format", "json"});
        COMPARE_EXIT(run, 0);
        PARSE_JSON(run, root);
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto findings = Report::caseFindings(m_case, *db);
        QVERIFY(findings.has_value());
        const QJsonArray fired = root["findings"].toArray();
        QVERIFY(!fired.isEmpty());
        QVERIFY(findings->size() > std::size_t(fired.size()));
        for (qsizetype i = 0; i < fired.size(); ++i) {
            const Report::CaseFinding& finding = (*findings)[std::size_t(i)];
            QCOMPARE(finding.kind, Report::CaseFinding::Kind::Detection);
            QCOMPARE(finding.id, fired[i]["rule"]["id"].toString());
            QCOMPARE(qint64(finding.eventRows.size()), fired[i]["count"].toInteger());
        }
    }

    // The case's own rules are findings too, and a shipped rule switched off is not: the rule set `detect` runs.
    void theCasesOwnRulesAreFindings()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath("own-rules.tscase");
        QVERIFY(QFile::copy(m_case, copy));
        auto store = Detect::RuleStore::open(copy);
        QVERIFY(store.has_value());
        QVERIFY(store
                    ->save("id: own.run-instances\ntitle: Instances launched\nlevel: low\n"
                           "filterPattern: '{ $.eventName = \"RunInstances\" }'\n")
                    .has_value());
        auto db = CaseSchema::open(copy, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        auto findings = Report::caseFindings(copy, *db);
        QVERIFY(findings.has_value());
        const auto own = std::find_if(findings->begin(), findings->end(), [](const Report::CaseFinding& finding) {
            return finding.id == "own.run-instances";
        });
        QVERIFY(own != findings->end());
        QCOMPARE(own->kind, Report::CaseFinding::Kind::Detection);
        const auto fixture = records();
        const auto launches = std::count_if(fixture.begin(), fixture.end(), [](const QJsonObject& record) {
            return record["eventName"].toString() == "RunInstances";
        });
        QVERIFY(launches > 0);
        QCOMPARE(qint64(own->eventRows.size()), qint64(launches));
        const QString shipped = findings->front().id;
        QVERIFY(store->setEnabled(shipped, false).has_value());
        findings = Report::caseFindings(copy, *db);
        QVERIFY(findings.has_value());
        QVERIFY(std::none_of(findings->begin(), findings->end(),
                             [&](const Report::CaseFinding& finding) { return finding.id == shipped; }));
        const CliRun exported =
            runCli({"export", copy, "--finding", "own.run-instances", "--format", "csv", "-o", "-"});
        COMPARE_EXIT(exported, 0);
        QCOMPARE(qint64(exported.out.count("\r\n")), 1 + qint64(own->eventRows.size()));
    }
};

QTEST_GUILESS_MAIN(TestCaseFindings)
#include "tst_casefindings.moc"
