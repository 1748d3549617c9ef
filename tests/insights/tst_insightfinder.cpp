// Insights computed offline on the fixture of insightfixture.h, whose schedule fixes every expected number below:
// which episodes open at each sensitivity, their baseline and insight averages, durations and attributions, the
// records in AWS's shape (golden files), and AWS's delivered insight beside them.
#include "insightfixture.h"

#include "casedb/caseschema.h"
#include "insights/deliveredinsights.h"
#include "insights/insightfinder.h"
#include "insights/insightrecord.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;
using namespace InsightFixture;

namespace {

struct Expected
{
    InsightType type;
    QString source, name, errorCode, account, region;
    qint64 startMinute, duration, baselineDuration;
    double baselineAverage, startAverage, episodeAverage;
};

// The four episodes of the schedule at medium sensitivity, oldest first.
const std::vector<Expected>& mediumEpisodes()
{
    static const std::vector<Expected> episodes{
        // edge: the window before 10181 is minutes 101..10180, holding the call at 101, not the one at 100.
        {InsightType::ApiCallRate, "ec2.amazonaws.com", "DeleteSecurityGroup", "", AccountB, "eu-west-1", 10181, 1,
         10080, 1.0 / 10080, 7, 7},
        // short: 2,000 minutes of history in ap-south-1, no CreateFunction in them.
        {InsightType::ApiCallRate, "lambda.amazonaws.com", "CreateFunction", "", AccountA, "ap-south-1", 10640, 1, 2000,
         0, 6, 6},
        // spike: 168 hourly calls in the week before 12270 (minutes 2220..12240), then 12 and 8.
        {InsightType::ApiCallRate, "ec2.amazonaws.com", "RunInstances", "", AccountA, "us-east-1", 12270, 2, 10080,
         168.0 / 10080, 12, 10},
        // storm: 7 daily AccessDenied in the week before 12420, then 20, 15, 6 (the 1 ends it).
        {InsightType::ApiErrorRate, "iam.amazonaws.com", "ListRoles", "AccessDenied", AccountA, "eu-west-1", 12420, 3,
         10080, 7.0 / 10080, 20, 41.0 / 3},
    };
    return episodes;
}

void compareFinding(const InsightFinding& found, const Expected& expected)
{
    QCOMPARE(found.type, expected.type);
    QCOMPARE(found.eventSource, expected.source);
    QCOMPARE(found.eventName, expected.name);
    QCOMPARE(found.errorCode, expected.errorCode);
    QCOMPARE(found.account, expected.account);
    QCOMPARE(found.region, expected.region);
    QCOMPARE(found.episode.startMinute, OriginMinute + expected.startMinute);
    QCOMPARE(found.episode.durationMinutes(), expected.duration);
    QVERIFY(found.episode.ended);
    QCOMPARE(found.episode.baseline.durationMinutes, expected.baselineDuration);
    QCOMPARE(found.episode.baseline.average, expected.baselineAverage);
    QCOMPARE(found.startAverage(), expected.startAverage);
    QCOMPARE(found.episodeAverage(), expected.episodeAverage);
}

using Values = std::vector<std::pair<QString, double>>;

void compareValues(const std::vector<AttributionValue>& found, const Values& expected)
{
    QCOMPARE(found.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(found[i].value, expected[i].first);
        QCOMPARE(found[i].average, expected[i].second);
    }
}

const Attribution& attribution(const std::vector<Attribution>& attributions, const QString& name)
{
    static const Attribution none;
    for (const Attribution& a : attributions) {
        if (a.attribute == name)
            return a;
    }
    return none;
}

// TRAILSCOPE_WRITE_GOLDEN=1 rewrites the golden file from `actual` (then read the diff before committing it).
QJsonObject goldenRecord(const QString& name, const QJsonObject& actual)
{
    QFile file(QStringLiteral(TRAILSCOPE_TEST_DATA "/") + name);
    if (qEnvironmentVariableIsSet("TRAILSCOPE_WRITE_GOLDEN") && file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(actual).toJson(QJsonDocument::Indented));
    file.close();
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestInsightFinder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    std::vector<InsightFinding> find(const InsightOptions& options = {})
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            qFatal("cannot open the fixture case");
        auto findings = computeInsights(*db, options);
        if (!findings)
            qFatal("computeInsights failed: %s", qPrintable(findings.error().toString()));
        return *findings;
    }

    InsightFinding findingNamed(const QString& name, const InsightOptions& options = {})
    {
        for (const InsightFinding& finding : find(options)) {
            if (finding.eventName == name)
                return finding;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
    }

    void mediumFindsTheKnownEpisodes()
    {
        const auto findings = find();
        const auto& expected = mediumEpisodes();
        QCOMPARE(findings.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            compareFinding(findings[i], expected[i]);
    }

    void spikeAttributions()
    {
        const InsightFinding spike = findingNamed("RunInstances");
        QCOMPARE(spike.startAttributions.size(), std::size_t(3));
        const Values baseline{{Alice, 168.0 / 10080}};
        // Start: the first minute alone, 10 by mallory and 2 by alice.
        const Attribution& startArn = attribution(spike.startAttributions, "userIdentityArn");
        compareValues(startArn.insight, {{Mallory, 10}, {Alice, 2}});
        compareValues(startArn.baseline, baseline);
        const Attribution& startAgent = attribution(spike.startAttributions, "userAgent");
        compareValues(startAgent.insight, {{MalloryAgent, 10}, {AliceAgent, 2}});
        compareValues(startAgent.baseline, {{AliceAgent, 168.0 / 10080}});
        const Attribution& startError = attribution(spike.startAttributions, "errorCode");
        compareValues(startError.insight, {{"null", 12}});
        compareValues(startError.baseline, {{"null", 168.0 / 10080}});
        // End: the two minutes, 18 by mallory and 2 by alice.
        const Attribution& endArn = attribution(spike.endAttributions, "userIdentityArn");
        compareValues(endArn.insight, {{Mallory, 9}, {Alice, 1}});
        compareValues(endArn.baseline, baseline);
        compareValues(attribution(spike.endAttributions, "errorCode").insight, {{"null", 10}});
        // Most of the episode's calls (18 of 20) came from mallory's address.
        QCOMPARE(spike.topSourceIp, MalloryIp);
    }

    void stormAttributionsLeaveOutTheErrorCode()
    {
        const InsightFinding storm = findingNamed("ListRoles");
        QCOMPARE(storm.type, InsightType::ApiErrorRate);
        QCOMPARE(storm.endAttributions.size(), std::size_t(2));
        QCOMPARE(attribution(storm.endAttributions, "errorCode").attribute, QString());
        compareValues(attribution(storm.endAttributions, "userIdentityArn").insight, {{Mallory, 41.0 / 3}});
        compareValues(attribution(storm.endAttributions, "userIdentityArn").baseline, {{Alice, 7.0 / 10080}});
        compareValues(attribution(storm.startAttributions, "userAgent").insight, {{MalloryAgent, 20}});
        // ListRoles is read-only: no call-rate insight for it.
        for (const InsightFinding& finding : find())
            QVERIFY(finding.eventName != "ListRoles" || finding.type == InsightType::ApiErrorRate);
    }

    void sensitivityDecides()
    {
        InsightOptions options;
        options.sensitivity = Sensitivity::Low; // 10 calls and z ≥ 8: only the spike and the storm
        QStringList low;
        for (const InsightFinding& finding : find(options))
            low << finding.eventName;
        QCOMPARE(low, QStringList({"RunInstances", "ListRoles"}));
        // The quiet account's 3 calls at 12005 are z = 3 over a median of 0: an episode only at high.
        options.sensitivity = Sensitivity::High;
        const auto high = find(options);
        QCOMPARE(high.size(), mediumEpisodes().size() + 1);
        const InsightFinding quiet = findingNamed("CreateTags", options);
        QCOMPARE(quiet.account, AccountB);
        QCOMPARE(quiet.episode.startMinute, OriginMinute + 12005);
        QCOMPARE(quiet.episode.baseline.average, 1008.0 / 10080); // one call every ten minutes
        QCOMPARE(quiet.startAverage(), 3.0);
    }

    void quietAccountHasNoFinding()
    {
        for (const InsightFinding& finding : find())
            QVERIFY2(finding.account != AccountB || finding.region != "us-east-1", qPrintable(finding.eventName));
    }

    void tooLittleHistoryHasNoFinding()
    {
        // ap-northeast-1 holds 1,000 minutes before its CreateFunction burst, under the default minimum of 1,440.
        for (const InsightFinding& finding : find())
            QVERIFY(finding.region != "ap-northeast-1");
        InsightOptions options;
        options.minimumBaselineMinutes = 1000;
        int young = 0;
        for (const InsightFinding& finding : find(options)) {
            if (finding.region == "ap-northeast-1") {
                ++young;
                QCOMPARE(finding.episode.baseline.durationMinutes, qint64(1000));
            }
        }
        QCOMPARE(young, 1);
    }

    void dataEventsOnlyWhenAsked()
    {
        QVERIFY(findingNamed("GetObject").eventName.isEmpty());
        InsightOptions options;
        options.includeDataEvents = true;
        const InsightFinding data = findingNamed("GetObject", options);
        QCOMPARE(data.type, InsightType::ApiErrorRate);
        QCOMPARE(data.errorCode, QStringLiteral("AccessDenied"));
        QCOMPARE(data.episode.durationMinutes(), qint64(2));
        QCOMPARE(data.episode.baseline.durationMinutes, qint64(10080));
        QCOMPARE(data.episode.baseline.average, 0.0);
        QCOMPARE(data.episodeAverage(), 30.0);
        // Six agents: the top five by calls per minute, the sixth (one call a minute) left out; no baseline values.
        const Attribution& agents = attribution(data.endAttributions, "userAgent");
        compareValues(agents.insight,
                      {{"scanner/1", 10}, {"scanner/2", 8}, {"scanner/3", 5}, {"scanner/4", 4}, {"scanner/5", 2}});
        QVERIFY(agents.baseline.empty());
    }

    void sinceKeepsTheWeekBeforeAsBaseline()
    {
        InsightOptions options;
        options.since = at(12200);
        options.until = at(12500);
        const auto findings = find(options);
        QCOMPARE(findings.size(), std::size_t(2));
        compareFinding(findings[0], mediumEpisodes()[2]);
        compareFinding(findings[1], mediumEpisodes()[3]);
    }

    void untilCutsAnEpisodeOpen()
    {
        // The data stops after minute 12270: the spike's start is known, its end is not.
        InsightOptions options;
        options.since = at(12200);
        options.until = at(12271);
        const auto findings = find(options);
        QCOMPARE(findings.size(), std::size_t(1));
        QVERIFY(!findings[0].episode.ended);
        QCOMPARE(insightRecords(findings).size(), std::size_t(1));
    }

    void recordsInAwsShape()
    {
        const InsightFinding spike = findingNamed("RunInstances");
        const QJsonObject start = insightRecord(spike, InsightState::Start);
        QCOMPARE(start, goldenRecord("spike-start.json", start));
        const QJsonObject end = insightRecord(spike, InsightState::End);
        QCOMPARE(end, goldenRecord("spike-end.json", end));
        const QJsonObject storm = insightRecord(findingNamed("ListRoles"), InsightState::End);
        QCOMPARE(storm, goldenRecord("storm-end.json", storm));
        QCOMPARE(storm["insightDetails"]["errorCode"].toString(), QStringLiteral("AccessDenied"));
    }

    void startAndEndShareTheirId()
    {
        const auto records = insightRecords(find());
        QCOMPARE(records.size(), 2 * mediumEpisodes().size());
        QSet<QString> eventIds;
        for (std::size_t i = 0; i < records.size(); i += 2) {
            QCOMPARE(records[i]["insightDetails"]["state"].toString(), QStringLiteral("Start"));
            QCOMPARE(records[i + 1]["insightDetails"]["state"].toString(), QStringLiteral("End"));
            QCOMPARE(records[i]["sharedEventID"], records[i + 1]["sharedEventID"]);
            QVERIFY(recordTime(records[i]) < recordTime(records[i + 1]));
            eventIds << records[i]["eventID"].toString() << records[i + 1]["eventID"].toString();
            eventIds << records[i]["sharedEventID"].toString();
        }
        QCOMPARE(eventIds.size(), qsizetype(3 * mediumEpisodes().size()));
        // The same case gives the same IDs on every run.
        QCOMPARE(insightRecords(find()), records);
    }

    void deliveredInsightsBesideOurs()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto delivered = deliveredInsights(*db, std::nullopt, std::nullopt);
        QVERIFY(delivered.has_value());
        QCOMPARE(delivered->size(), std::size_t(1));
        const QJsonObject& record = delivered->front();
        QCOMPARE(record["origin"].toString(), QStringLiteral("aws"));
        QCOMPARE(record["sharedEventID"].toString(), QStringLiteral("5ea8a6ea-0000-4000-8000-000000000001"));
        QCOMPARE(record["insightDetails"]["insightType"].toString(), QStringLiteral("ApiCallRateInsight"));
        QCOMPARE(recordTime(record), at(12270));
        // Outside the window: none.
        QVERIFY(deliveredInsights(*db, at(12271), std::nullopt).value().empty());
        // The delivered record is not activity: our spike's counts do not include it.
        QCOMPARE(findingNamed("RunInstances").episode.firstMinuteCount, qint64(12));
    }
};

QTEST_GUILESS_MAIN(TestInsightFinder)
#include "tst_insightfinder.moc"
