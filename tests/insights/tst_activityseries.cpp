// Events and errors per hour or day (a drill-down's chart) on the fixture of insightfixture.h, against a direct SQL
// count over the case: the whole case (ten days, so daily) and one principal (an afternoon, so hourly).
#include "clitest.h"
#include "insightfixture.h"

#include "casedb/caseschema.h"
#include "insights/activityseries.h"
#include "query/searchparser.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;
using namespace InsightFixture;

class TestActivitySeries : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    ActivitySeries series(const QString& search)
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        if (!db)
            qFatal("cannot open the fixture case");
        Query::CompiledSearch compiled;
        if (!search.isEmpty())
            compiled = Query::compileSearch(*Query::parseSearch(search));
        auto found = computeActivitySeries(*db, compiled);
        if (!found)
            qFatal("computeActivitySeries failed: %s", qPrintable(found.error().toString()));
        return *found;
    }

    // "start events errors" per non-empty bucket, counted by SQL alone.
    QStringList direct(qint64 bucketMs, const QString& where) const
    {
        const QString sql =
            QStringLiteral("SELECT (e.time - e.time % %1) || ' ' || count(*) || ' ' || "
                           "count(e.error_code) FROM events e LEFT JOIN identities i ON i.id = e.identity "
                           "LEFT JOIN strings s ON s.id = i.arn WHERE %2 GROUP BY e.time - e.time % %1 "
                           "ORDER BY e.time - e.time % %1")
                .arg(bucketMs)
                .arg(where);
        return Trailscope::Test::queryStrings(m_case, sql.toUtf8().constData());
    }

    static QStringList nonEmpty(const ActivitySeries& series)
    {
        QStringList rows;
        for (const ActivityBucket& bucket : series.buckets)
            if (bucket.events > 0)
                rows << QStringLiteral("%1 %2 %3").arg(bucket.start).arg(bucket.events).arg(bucket.errors);
        return rows;
    }

    static void checkContiguous(const ActivitySeries& series)
    {
        for (std::size_t i = 0; i < series.buckets.size(); ++i) {
            QCOMPARE(series.buckets[i].start % series.bucketMs, qint64(0));
            if (i > 0)
                QCOMPARE(series.buckets[i].start - series.buckets[i - 1].start, series.bucketMs);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
    }

    void wholeCaseIsDaily()
    {
        const ActivitySeries all = series({});
        QCOMPARE(all.bucketMs, ActivitySeries::Day);
        QCOMPARE(all.buckets.size(), std::size_t(10)); // minutes 0..14399 from midnight
        QCOMPARE(all.buckets.front().start, Origin);
        checkContiguous(all);
        QCOMPARE(nonEmpty(all), direct(ActivitySeries::Day, "1"));
    }

    void onePrincipalIsHourly()
    {
        const ActivitySeries mallory = series(QStringLiteral("userArn:\"%1\"").arg(Mallory));
        QCOMPARE(mallory.bucketMs, ActivitySeries::Hour);
        checkContiguous(mallory);
        QVERIFY(mallory.buckets.size() <= std::size_t(ActivitySeries::MaxHourlyBuckets));
        QCOMPARE(mallory.buckets.front().start, at(12240)); // minute 12270's hour
        const QStringList expected = direct(ActivitySeries::Hour, QStringLiteral("s.value = '%1'").arg(Mallory));
        QCOMPARE(nonEmpty(mallory), expected);
        qint64 errors = 0;
        for (const ActivityBucket& bucket : mallory.buckets)
            errors += bucket.errors;
        QCOMPARE(errors, qint64(42 + 60));
    }

    void nothingMatchedIsEmpty()
    {
        const ActivitySeries none = series(QStringLiteral("eventName:NoSuchCall"));
        QCOMPARE(none.buckets.size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestActivitySeries)
#include "tst_activityseries.moc"
