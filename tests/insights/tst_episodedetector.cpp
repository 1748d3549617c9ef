// The episode model on counts made here: when an episode opens and closes, what its baseline was, and how the
// sensitivity, the minimum baseline and the end of the data change that.
#include "insights/episodedetector.h"

#include <QTest>

using namespace Trailscope::Core::Insights;

namespace {

using Counts = std::vector<MinuteCount>;

DetectionRange wholeRange(qint64 origin, qint64 last)
{
    return {origin, last, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max(),
            DefaultMinimumBaselineMinutes};
}

const ModelThresholds& medium()
{
    return thresholdsFor(Sensitivity::Medium);
}

// Every minute in [from, to) alternating 8, 10, 12: median 10, MAD 2, so the scale is 2 × 1.4826.
Counts busy(qint64 from, qint64 to)
{
    Counts counts;
    for (qint64 minute = from; minute < to; ++minute)
        counts.push_back({minute, 8 + 2 * (minute % 3)});
    return counts;
}

} // namespace

class TestEpisodeDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietApiSpike()
    {
        // One call at minute 100; 12 and 8 at 5000 and 5001; nothing after, with data up to 9000.
        const Counts counts{{100, 1}, {5000, 12}, {5001, 8}};
        const auto episodes = detectEpisodes(counts, wholeRange(0, 9000), medium());
        QCOMPARE(episodes.size(), std::size_t(1));
        const Episode& e = episodes.front();
        QCOMPARE(e.startMinute, qint64(5000));
        QCOMPARE(e.endMinute, qint64(5002));
        QVERIFY(e.ended);
        QCOMPARE(e.firstMinuteCount, qint64(12));
        QCOMPARE(e.totalCount, qint64(20));
        // Less than seven days of history: the baseline is the 5,000 minutes the data holds.
        QCOMPARE(e.baseline.durationMinutes, qint64(5000));
        QCOMPARE(e.baseline.total, qint64(1));
        QCOMPARE(e.baseline.average, 1.0 / 5000);
    }

    void underTheMinimumRate()
    {
        // 4 calls in a minute of a silent API: z = 4 is under medium's 5 and the rate under its 5 calls.
        const Counts counts{{5000, 4}};
        QVERIFY(detectEpisodes(counts, wholeRange(0, 9000), medium()).empty());
        QCOMPARE(detectEpisodes(counts, wholeRange(0, 9000), thresholdsFor(Sensitivity::High)).size(), std::size_t(1));
    }

    void busyApiNeedsARobustDeparture()
    {
        // z = (30 - 10) / 2.9652 = 6.7 opens at medium; the next minute is back at its usual rate and ends it.
        Counts counts = busy(0, 3000);
        counts.push_back({3000, 30});
        const Counts after = busy(3001, 3100);
        counts.insert(counts.end(), after.begin(), after.end());
        auto episodes = detectEpisodes(counts, wholeRange(0, 3099), medium());
        QCOMPARE(episodes.size(), std::size_t(1));
        QCOMPARE(episodes.front().startMinute, qint64(3000));
        QCOMPARE(episodes.front().durationMinutes(), qint64(1));
        QCOMPARE(episodes.front().baseline.median, 10.0);
        QCOMPARE(episodes.front().baseline.mad, 2.0);
        // 20 is z = 3.4: nothing at medium, an episode at high (3.0).
        counts[3000].count = 20;
        QVERIFY(detectEpisodes(counts, wholeRange(0, 3099), medium()).empty());
        episodes = detectEpisodes(counts, wholeRange(0, 3099), thresholdsFor(Sensitivity::High));
        QCOMPARE(episodes.size(), std::size_t(1));
        QCOMPARE(episodes.front().startMinute, qint64(3000));
    }

    void continuesWhileAboveTheContinueThreshold()
    {
        // Medium continues while z ≥ 2.5 against the quiet baseline: 3 and 3 continue, 2 ends it. The next episode
        // is looked for after the end, against a baseline that now holds the first one (and its busiest minute, 12).
        const Counts counts{{5000, 12}, {5001, 3}, {5002, 3}, {5003, 2}, {5004, 13}};
        const auto episodes = detectEpisodes(counts, wholeRange(0, 9000), medium());
        QCOMPARE(episodes.size(), std::size_t(2));
        QCOMPARE(episodes[0].endMinute, qint64(5003));
        QCOMPARE(episodes[0].totalCount, qint64(18));
        QCOMPARE(episodes[1].startMinute, qint64(5004));
        QCOMPARE(episodes[1].baseline.total, qint64(20));
        QCOMPARE(episodes[1].durationMinutes(), qint64(1));
    }

    void theBaselineIsFrozenAtTheStart()
    {
        // A long episode: its own minutes never enter its baseline, so it runs as long as the calls do.
        Counts counts;
        for (qint64 minute = 5000; minute < 5300; ++minute)
            counts.push_back({minute, 6});
        const auto episodes = detectEpisodes(counts, wholeRange(0, 9000), medium());
        QCOMPARE(episodes.size(), std::size_t(1));
        QCOMPARE(episodes.front().durationMinutes(), qint64(300));
        QCOMPARE(episodes.front().baseline.total, qint64(0));
    }

    void aRepeatWithinTheWeekIsNotNewAtMedium()
    {
        // The same 12 calls three days later: no busier than the baseline's busiest minute, so nothing at medium;
        // high does not ask that.
        const Counts counts{{2000, 12}, {6320, 12}, {8000, 13}};
        auto episodes = detectEpisodes(counts, wholeRange(0, 9000), medium());
        QCOMPARE(episodes.size(), std::size_t(2));
        QCOMPARE(episodes[0].startMinute, qint64(2000));
        QCOMPARE(episodes[1].startMinute, qint64(8000));
        QCOMPARE(episodes[1].baseline.maximum, qint64(12));
        episodes = detectEpisodes(counts, wholeRange(0, 9000), thresholdsFor(Sensitivity::High));
        QCOMPARE(episodes.size(), std::size_t(3));
    }

    void tooLittleHistory()
    {
        const Counts counts{{1000, 50}};
        QVERIFY(detectEpisodes(counts, wholeRange(0, 9000), medium()).empty());
        DetectionRange range = wholeRange(0, 9000);
        range.minimumBaselineMinutes = 1000;
        QCOMPARE(detectEpisodes(counts, range, medium()).size(), std::size_t(1));
    }

    void stillOpenWhereTheDataStops()
    {
        const Counts counts{{5000, 12}, {5001, 8}};
        const auto episodes = detectEpisodes(counts, wholeRange(0, 5001), medium());
        QCOMPARE(episodes.size(), std::size_t(1));
        QVERIFY(!episodes.front().ended);
        QCOMPARE(episodes.front().endMinute, qint64(5002));
        QCOMPARE(episodes.front().totalCount, qint64(20));
    }

    void onlyEpisodesStartingInTheRange()
    {
        const Counts counts{{3000, 12}, {6000, 13}, {8000, 14}};
        DetectionRange range = wholeRange(0, 9000);
        range.fromMinute = 4000;
        range.untilMinute = 7000;
        const auto episodes = detectEpisodes(counts, range, medium());
        QCOMPARE(episodes.size(), std::size_t(1));
        QCOMPARE(episodes.front().startMinute, qint64(6000));
        // The earlier burst is still in the baseline: 12 calls in 3,000 + 3,000 minutes.
        QCOMPARE(episodes.front().baseline.total, qint64(12));
        QCOMPARE(episodes.front().baseline.durationMinutes, qint64(6000));
    }

    void thresholdsAreOrdered()
    {
        // Each step up in sensitivity lowers every threshold, and an episode continues more easily than it opens.
        for (std::size_t i = 0; i < Thresholds.size(); ++i) {
            QVERIFY(Thresholds[i].continueZ < Thresholds[i].openZ);
            if (i > 0) {
                QVERIFY(Thresholds[i].openZ < Thresholds[i - 1].openZ);
                QVERIFY(Thresholds[i].minimumRate < Thresholds[i - 1].minimumRate);
            }
        }
        QCOMPARE(sensitivityNamed("HIGH"), std::optional(Sensitivity::High));
        QCOMPARE(sensitivityNamed("loud"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestEpisodeDetector)
#include "tst_episodedetector.moc"
