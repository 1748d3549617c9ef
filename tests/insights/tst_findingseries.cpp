// The per-minute series beside each finding (computeInsightsWithSeries) on the fixture of insightfixture.h: the same
// findings as computeInsights, each with its zero-filled counts around the episode, clipped to the case's minutes.
#include "insightfixture.h"

#include "casedb/caseschema.h"
#include "insights/insightfinder.h"

#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;
using namespace InsightFixture;

class TestFindingSeries : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    InsightsWithSeries compute(std::int64_t margin)
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            return {};
        auto found = computeInsightsWithSeries(*db, {}, margin);
        return found ? std::move(*found) : InsightsWithSeries{};
    }

    static std::size_t indexOf(const InsightsWithSeries& found, const QString& name)
    {
        for (std::size_t i = 0; i < found.findings.size(); ++i)
            if (found.findings[i].eventName == name)
                return i;
        return found.findings.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
    }

    void sameFindingsAsComputeInsights()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto plain = computeInsights(*db, {});
        QVERIFY(plain.has_value());
        const InsightsWithSeries found = compute(60);
        QCOMPARE(found.findings.size(), plain->size());
        QCOMPARE(found.series.size(), plain->size());
        for (std::size_t i = 0; i < plain->size(); ++i) {
            QCOMPARE(found.findings[i].eventName, (*plain)[i].eventName);
            QCOMPARE(found.findings[i].episode.startMinute, (*plain)[i].episode.startMinute);
        }
    }

    void stormMinuteByMinute()
    {
        // 12420..12423 hold 20, 15, 6, 1; alice's daily calls (12060, 13500) are outside the hour either side.
        const InsightsWithSeries found = compute(60);
        const std::size_t storm = indexOf(found, "ListRoles");
        QVERIFY(storm < found.findings.size());
        const FindingSeries& series = found.series[storm];
        QCOMPARE(series.fromMinute, OriginMinute + 12360);
        QCOMPARE(series.counts.size(), std::size_t(60 + 3 + 60));
        QCOMPARE(series.counts[60], 20);
        QCOMPARE(series.counts[61], 15);
        QCOMPARE(series.counts[62], 6);
        QCOMPARE(series.counts[63], 1);
        QCOMPARE(std::accumulate(series.counts.begin(), series.counts.end(), std::int64_t(0)), 42);
    }

    void spikeKeepsTheHourlyCalls()
    {
        // alice once an hour at minute 60k: 12240 and 12300 are within the hour either side of 12270..12271.
        const InsightsWithSeries found = compute(60);
        const std::size_t spike = indexOf(found, "RunInstances");
        QVERIFY(spike < found.findings.size());
        const FindingSeries& series = found.series[spike];
        QCOMPARE(series.fromMinute, OriginMinute + 12210);
        QCOMPARE(series.counts[30], 1);
        QCOMPARE(series.counts[60], 12);
        QCOMPARE(series.counts[61], 8);
        QCOMPARE(series.counts[90], 1);
        QCOMPARE(std::accumulate(series.counts.begin(), series.counts.end(), std::int64_t(0)), 22);
    }

    void clippedToTheCaseMinutes()
    {
        // edge: account B's eu-west-1 holds minutes 100..14000; a wide margin stops at both ends.
        const InsightsWithSeries found = compute(20000);
        const std::size_t edge = indexOf(found, "DeleteSecurityGroup");
        QVERIFY(edge < found.findings.size());
        const FindingSeries& series = found.series[edge];
        QCOMPARE(series.fromMinute, OriginMinute + 100);
        QCOMPARE(series.counts.size(), std::size_t(14001 - 100));
        QCOMPARE(series.counts[0], 1);
        QCOMPARE(series.counts[1], 1);
        QCOMPARE(series.counts[10081], 7);
        QCOMPARE(std::accumulate(series.counts.begin(), series.counts.end(), std::int64_t(0)), 9);
    }
};

QTEST_GUILESS_MAIN(TestFindingSeries)
#include "tst_findingseries.moc"
