// The baseline window: zero-filled mean, median and MAD over the minutes before a minute, clipped at the case's
// first minute, as it slides. Expected values are worked out by hand from the counts in each row.
#include "insights/baselinewindow.h"

#include <QTest>

using namespace Trailscope::Core::Insights;

using Counts = std::vector<MinuteCount>;
Q_DECLARE_METATYPE(Counts)

class TestBaselineWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statistics_data()
    {
        QTest::addColumn<Counts>("counts");
        QTest::addColumn<qint64>("origin");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("mad");

        // Five minutes 10..14: counts 1, 2, 3, 4, 100 → median 3; deviations 2, 1, 0, 1, 97 → MAD 1.
        const Counts five{{10, 1}, {11, 2}, {12, 3}, {13, 4}, {14, 100}};
        QTest::newRow("odd, no zeros") << five << qint64(10) << qint64(5) << qint64(15) << qint64(5) << qint64(110)
                                       << 3.0 << 1.0;
        // Minute 9 is before the origin: the window is minutes 10..14 only.
        QTest::newRow("clipped at the origin")
            << five << qint64(10) << qint64(8) << qint64(15) << qint64(5) << qint64(110) << 3.0 << 1.0;
        // Minutes 11..14: 2, 3, 4, 100 → median 3.5; deviations 1.5, 0.5, 0.5, 96.5 → MAD 1.
        QTest::newRow("even, sliding") << five << qint64(10) << qint64(4) << qint64(15) << qint64(4) << qint64(109)
                                       << 3.5 << 1.0;
        // Minutes 10..19: 1, 2, 3, 4, 100 and five zeros → sorted 0,0,0,0,0,1,2,3,4,100: median 0.5; deviations
        // 0.5 ×5, 0.5, 1.5, 2.5, 3.5, 99.5 → MAD 0.5.
        QTest::newRow("half zeros") << five << qint64(10) << qint64(10) << qint64(20) << qint64(10) << qint64(110)
                                    << 0.5 << 0.5;
        // More than half the minutes at zero: median and MAD are 0.
        QTest::newRow("mostly quiet") << Counts{{100, 3}, {200, 9}} << qint64(0) << qint64(10080) << qint64(300)
                                      << qint64(300) << qint64(12) << 0.0 << 0.0;
        // Busy every minute, alternating 8 and 12 around 10: median 10, MAD 2.
        Counts busy;
        for (qint64 minute = 0; minute < 100; ++minute)
            busy.push_back({minute, minute % 2 ? 12 : 8});
        QTest::newRow("busy") << busy << qint64(0) << qint64(10080) << qint64(100) << qint64(100) << qint64(1000)
                              << 10.0 << 2.0;
        QTest::newRow("empty before the origin")
            << five << qint64(10) << qint64(10080) << qint64(10) << qint64(0) << qint64(0) << 0.0 << 0.0;
    }

    void statistics()
    {
        QFETCH(Counts, counts);
        QFETCH(qint64, origin);
        QFETCH(qint64, length);
        QFETCH(qint64, end);
        BaselineWindow window(counts, origin, length);
        window.advanceTo(end);
        const BaselineStatistics statistics = window.statistics();
        QTEST(qint64(statistics.durationMinutes), "duration");
        QTEST(qint64(statistics.total), "total");
        QTEST(statistics.median, "median");
        QTEST(statistics.mad, "mad");
        std::int64_t busiest = 0;
        for (const MinuteCount& count : counts) {
            if (count.minute >= end - length && count.minute >= origin && count.minute < end)
                busiest = std::max(busiest, count.count);
        }
        QCOMPARE(statistics.maximum, busiest);
        QFETCH(qint64, duration);
        QFETCH(qint64, total);
        QCOMPARE(statistics.average, duration ? double(total) / double(duration) : 0.0);
    }

    // Sliding step by step gives what a window made afresh at each minute gives.
    void slidingMatchesAFreshWindow()
    {
        Counts counts;
        for (qint64 minute = 0; minute < 3000; minute += 1 + minute % 7)
            counts.push_back({minute, 1 + (minute * 37) % 11});
        BaselineWindow sliding(counts, 0, 500);
        for (qint64 end = 0; end < 3200; end += 13) {
            sliding.advanceTo(end);
            BaselineWindow fresh(counts, 0, 500);
            fresh.advanceTo(end);
            const BaselineStatistics a = sliding.statistics(), b = fresh.statistics();
            QCOMPARE(a.total, b.total);
            QCOMPARE(a.median, b.median);
            QCOMPARE(a.mad, b.mad);
            // And the total is the sum of the counts in [end - 500, end).
            qint64 expected = 0;
            for (const MinuteCount& count : counts)
                expected += count.minute >= end - 500 && count.minute < end ? count.count : 0;
            QCOMPARE(qint64(a.total), expected);
        }
    }

    void zScoreUsesTheMadFloor()
    {
        BaselineStatistics quiet; // median 0, MAD 0: the scale is the floor, one call per minute
        QCOMPARE(quiet.scale(), MadFloor);
        QCOMPARE(quiet.zScore(6), 6.0);
        BaselineStatistics busy;
        busy.median = 10;
        busy.mad = 2;
        QCOMPARE(busy.scale(), 2 * MadToSigma);
        QCOMPARE(busy.zScore(30), 20 / (2 * MadToSigma));
    }
};

QTEST_GUILESS_MAIN(TestBaselineWindow)
#include "tst_baselinewindow.moc"
