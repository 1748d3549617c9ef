// Every shipped metric-filter rule parses with the search bar's filter-pattern parser, fires on the event it is for
// and not on a near miss, over a real case (imported, so the patterns run through the compiled search).
#include "casedb/caseschema.h"
#include "clitest.h"
#include "detect/metricfilter.h"
#include "detect/shippedrules.h"
#include "query/searchfunctions.h"
#include "query/searchparser.h"
#include "testsupport.h"
#include "util/eventtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Detect;
using namespace Trailscope::Test;

namespace {

struct Example
{
    const char* rule;
    const char* name; // eventName
    const char* hit;  // top-level overrides as JSON
    const char* miss;
};

// One event each rule is for, and the nearest event it must not count.
const Example Examples[] = {
    {"CloudWatch.1", "ListBuckets", R"({"userIdentity":{"type":"Root","accountId":"111122223333"}})",
     R"({"userIdentity":{"type":"Root","invokedBy":"support.amazonaws.com"}})"},
    {"CloudWatch.2", "DescribeInstances", R"({"errorCode":"Client.UnauthorizedOperation"})",
     R"({"errorCode":"Client.InvalidParameter"})"},
    {"CloudWatch.3", "ConsoleLogin",
     R"({"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}})",
     R"({"additionalEventData":{"MFAUsed":"Yes"},"responseElements":{"ConsoleLogin":"Success"}})"},
    {"CloudWatch.4", "PutRolePolicy", "{}", R"({"eventName":"GetRolePolicy"})"},
    {"CloudWatch.5", "StopLogging", "{}", R"({"eventName":"LookupEvents"})"},
    {"CloudWatch.6", "ConsoleLogin", R"({"errorMessage":"Failed authentication"})",
     R"({"errorMessage":"Failed authentication."})"},
    {"CloudWatch.7", "ScheduleKeyDeletion", R"({"eventSource":"kms.amazonaws.com"})",
     R"({"eventSource":"kms.amazonaws.com","eventName":"CancelKeyDeletion"})"},
    {"CloudWatch.8", "PutBucketPolicy", R"({"eventSource":"s3.amazonaws.com"})",
     R"({"eventSource":"s3.amazonaws.com","eventName":"GetBucketPolicy"})"},
    {"CloudWatch.9", "StopConfigurationRecorder", R"({"eventSource":"config.amazonaws.com"})",
     R"({"eventSource":"config.amazonaws.com","eventName":"StartConfigurationRecorder"})"},
    {"CloudWatch.10", "AuthorizeSecurityGroupIngress", "{}", R"({"eventName":"DescribeSecurityGroups"})"},
    {"CloudWatch.11", "CreateNetworkAclEntry", "{}", R"({"eventName":"DescribeNetworkAcls"})"},
    {"CloudWatch.12", "AttachInternetGateway", "{}", R"({"eventName":"DescribeInternetGateways"})"},
    {"CloudWatch.13", "ReplaceRoute", "{}", R"({"eventName":"DescribeRouteTables"})"},
    {"CloudWatch.14", "CreateVpcPeeringConnection", "{}", R"({"eventName":"DescribeVpcs"})"},
    {"CIS.4.15", "LeaveOrganization", R"({"eventSource":"organizations.amazonaws.com"})",
     R"({"eventSource":"organizations.amazonaws.com","eventName":"DescribeOrganization"})"},
    {"trailscope.logging-stopped", "StopLogging", R"({"eventSource":"cloudtrail.amazonaws.com"})",
     R"({"eventSource":"cloudtrail.amazonaws.com","errorCode":"AccessDenied"})"},
    {"trailscope.root-access-key", "CreateAccessKey", R"({"userIdentity":{"type":"Root"}})",
     R"({"userIdentity":{"type":"Root"},"requestParameters":{"userName":"bob"}})"},
    {"trailscope.guardduty-disabled", "UpdateDetector",
     R"({"eventSource":"guardduty.amazonaws.com","requestParameters":{"detectorId":"d1","enable":false}})",
     R"({"eventSource":"guardduty.amazonaws.com","requestParameters":{"detectorId":"d1","enable":true}})"},
};

QJsonObject overrides(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const MetricFilterRule* ruleNamed(const QString& id)
{
    for (const MetricFilterRule& rule : shippedRules()) {
        if (rule.info.id == id)
            return &rule;
    }
    return nullptr;
}

} // namespace

class TestShippedRules : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Sql::Database> m_db;
    // Event IDs by rule: the hit and the miss.
    QHash<QString, std::pair<QString, QString>> m_examples;
    QStringList m_burstIds, m_shortBurstIds;

    std::optional<Finding> run(const QString& id)
    {
        const MetricFilterRule* rule = ruleNamed(id);
        if (!rule)
            return std::nullopt;
        auto finding = evaluateMetricFilter(*m_db, *rule);
        if (!finding) {
            qWarning() << finding.error().toString();
            return std::nullopt;
        }
        return *finding;
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<QJsonObject> records;
        int n = 0;
        // Examples a minute apart, from 2026-02-20T00:00Z.
        for (const Example& example : Examples) {
            const QString hitId = fixtureEventId(++n), missId = fixtureEventId(++n);
            const QString time = QStringLiteral("2026-02-20T%1:%2:00Z")
                                     .arg(n / 60, 2, 10, QLatin1Char('0'))
                                     .arg(n % 60, 2, 10, QLatin1Char('0'));
            records.push_back(makeRecord(hitId, time, QString::fromLatin1(example.name), overrides(example.hit)));
            records.push_back(makeRecord(missId, time, QString::fromLatin1(example.name), overrides(example.miss)));
            m_examples.insert(QString::fromLatin1(example.rule), {hitId, missId});
        }
        // Ten refusals within 12:00-12:05 (a burst) and nine within 13:00-13:05 (one short of it); five failed
        // console sign-ins at 14:01-14:02 and four at 15:01.
        const auto add = [&](int count, const QString& hour, const QString& name, const QJsonObject& extra,
                             QStringList* ids) {
            for (int i = 0; i < count; ++i) {
                const QString id = fixtureEventId(++n);
                records.push_back(makeRecord(id,
                                             QStringLiteral("2026-02-20T%1:0%2:%3Z")
                                                 .arg(hour)
                                                 .arg(1 + i / 4)
                                                 .arg(10 + i, 2, 10, QLatin1Char('0')),
                                             name, extra));
                if (ids)
                    ids->append(id);
            }
        };
        const QJsonObject denied{{QStringLiteral("errorCode"), QStringLiteral("AccessDenied")}};
        const QJsonObject failed{{QStringLiteral("errorMessage"), QStringLiteral("Failed authentication")}};
        add(10, QStringLiteral("12"), QStringLiteral("ListUsers"), denied, &m_burstIds);
        add(9, QStringLiteral("13"), QStringLiteral("ListUsers"), denied, &m_shortBurstIds);
        add(5, QStringLiteral("14"), QStringLiteral("ConsoleLogin"), failed, nullptr);
        add(4, QStringLiteral("15"), QStringLiteral("ConsoleLogin"), failed, nullptr);
        writeFile(m_dir.path(), QStringLiteral("trail/") + trailKey("111122223333", "us-east-1", "20260220T2355Z"),
                  gzip(recordsEnvelope(records)));
        const QString casePath = m_dir.filePath(QStringLiteral("rules.tscase"));
        QVERIFY(importPaths(casePath, {m_dir.filePath(QStringLiteral("trail"))}).has_value());
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        m_db.emplace(std::move(*db));
        QVERIFY(Query::registerSearchFunctions(*m_db).has_value());
    }

    void everyRuleParses()
    {
        QVERIFY(shippedRules().size() >= 20);
        QSet<QString> ids;
        for (const MetricFilterRule& rule : shippedRules()) {
            const auto parsed = Query::parseFilterPattern(rule.pattern);
            QVERIFY2(parsed.has_value(),
                     qPrintable(rule.info.id + u": " + (parsed ? QString() : parsed.error().message)));
            QVERIFY2(!ids.contains(rule.info.id), qPrintable(rule.info.id));
            ids.insert(rule.info.id);
            QVERIFY(!rule.info.title.isEmpty() && !rule.info.level.isEmpty() && rule.threshold >= 1);
        }
        // Every CIS control of Security Hub is shipped.
        for (int i = 1; i <= 14; ++i)
            QVERIFY2(ids.contains(QStringLiteral("CloudWatch.%1").arg(i)), qPrintable(QString::number(i)));
        QVERIFY(ids.contains(QStringLiteral("CIS.4.15")));
    }

    void cisPatternsAreVerbatim()
    {
        // Two spot checks against the published text (cloudtrail.md §6.2), spacing included.
        QCOMPARE(ruleNamed(QStringLiteral("CloudWatch.1"))->pattern,
                 QStringLiteral("{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                                "$.eventType !=\"AwsServiceEvent\"}"));
        QCOMPARE(ruleNamed(QStringLiteral("CloudWatch.6"))->pattern,
                 QStringLiteral("{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}"));
    }

    void firesOnItsEvent_data()
    {
        QTest::addColumn<QString>("rule");
        for (const Example& example : Examples)
            QTest::newRow(example.rule) << QString::fromLatin1(example.rule);
    }

    void firesOnItsEvent()
    {
        QFETCH(QString, rule);
        const auto finding = run(rule);
        QVERIFY2(finding.has_value(), qPrintable(rule));
        const auto [hit, miss] = m_examples.value(rule);
        QVERIFY2(finding->eventIds.contains(hit), qPrintable(finding->eventIds.join(u' ')));
        QVERIFY2(!finding->eventIds.contains(miss), qPrintable(miss));
        QCOMPARE(finding->rule.id, rule);
        QCOMPARE(qsizetype(finding->count), finding->eventIds.size());
    }

    void burstNeedsItsThreshold()
    {
        const auto burst = run(QStringLiteral("trailscope.unauthorized-burst"));
        QVERIFY(burst.has_value());
        QCOMPARE(burst->windows.size(), std::size_t(1));
        QCOMPARE(burst->count, 10);
        QCOMPARE(burst->eventIds, m_burstIds);
        QCOMPARE(burst->windows[0].end - burst->windows[0].start, 5 * 60'000);
        const auto brute = run(QStringLiteral("trailscope.console-brute-force"));
        QVERIFY(brute.has_value());
        QCOMPARE(brute->count, 5);
        QCOMPARE(brute->first, *parseEventTime("2026-02-20T14:01:10Z"));
    }

    void periodsAlignToTheEpoch_data()
    {
        QTest::addColumn<QList<int>>("minutes"); // event times, minutes after midnight
        QTest::addColumn<int>("threshold");
        QTest::addColumn<int>("expected"); // events in alarm
        QTest::addColumn<int>("windows");
        QTest::newRow("one each") << QList<int>{0, 7, 30} << 1 << 3 << 3;
        QTest::newRow("same period") << QList<int>{0, 1, 4} << 3 << 3 << 1;
        QTest::newRow("straddling periods") << QList<int>{3, 4, 5} << 3 << 0 << 0;
        QTest::newRow("one period of two") << QList<int>{5, 6, 9, 10} << 3 << 3 << 1;
        QTest::newRow("none") << QList<int>{} << 1 << 0 << 0;
    }

    void periodsAlignToTheEpoch()
    {
        QFETCH(QList<int>, minutes);
        QFETCH(int, threshold);
        QFETCH(int, expected);
        QFETCH(int, windows);
        MetricFilterRule rule;
        rule.threshold = threshold;
        rule.windowMinutes = 5;
        std::vector<MatchedEvent> events;
        for (int m : minutes)
            events.push_back({m + 1, std::int64_t(m) * 60'000 + 1'771'545'600'000, QString::number(m)});
        const auto finding = alarmFinding(rule, events);
        QCOMPARE(finding ? int(finding->count) : 0, expected);
        QCOMPARE(finding ? int(finding->windows.size()) : 0, windows);
    }
};

QTEST_GUILESS_MAIN(TestShippedRules)
#include "tst_shippedrules.moc"
