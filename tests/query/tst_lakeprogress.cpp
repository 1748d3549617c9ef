// How far Lake queries have got: the event rows their loops examine, checked against what the fixture's records say
// such a loop visits (every event for a scan, the matching ones for an index range, the first matches for a LIMIT,
// one side per row of the other for a join), whether the count is a share of the case, and what the progress
// handler sees while a statement runs.
#include "lakefixture.h"

#include "query/lake/lakequery.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;
using namespace LakeFixture;

using Records = std::vector<QJsonObject>;
using Count = std::function<qint64(const Records&)>;
Q_DECLARE_METATYPE(Count)

namespace {

qint64 named(const Records& records, const QString& name)
{
    return qint64(std::count_if(records.begin(), records.end(),
                                [&](const QJsonObject& r) { return text(r, "eventName") == name; }));
}

// A statement that runs long enough on the fixture for the progress handler to be called many times: a recursive
// count per event (correlated, so it runs again for every row) over one scan of the events.
const QString SlowScan = "SELECT count(*) FROM x WHERE (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r "
                         "WHERE n < 3000) SELECT count(*) FROM r WHERE n > length(x.eventName)) > 0";

} // namespace

class TestLakeProgress : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Records m_records;
    std::unique_ptr<LakeQuery> m_lake;

    // The statement's progress after its last step; fails the test on an error.
    QueryProgress runToEnd(PreparedQuery& query)
    {
        QJsonArray row;
        while (true) {
            const auto more = m_lake->next(query, row);
            if (!more) {
                QTest::qFail(qPrintable(describeQueryError(more.error())), __FILE__, __LINE__);
                break;
            }
            if (!*more)
                break;
        }
        return query.progress;
    }

    QueryProgress runToEnd(const QString& sql)
    {
        auto prepared = m_lake->prepare(sql);
        if (!prepared) {
            QTest::qFail(qPrintable(describeQueryError(prepared.error())), __FILE__, __LINE__);
            return {};
        }
        return runToEnd(prepared->front());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_records = records();
        const QString casePath = buildCase(m_dir.path(), m_records);
        QVERIFY(!casePath.isEmpty());
        auto lake = LakeQuery::open(casePath);
        QVERIFY2(lake.has_value(), lake ? "" : qPrintable(lake.error().toString()));
        m_lake = std::move(*lake);
    }

    // Statements prepared in a test count the events they examine, as for a progress display.
    void init()
    {
        m_lake->setProgressHandler([](const QueryProgress&) { return true; }, true);
    }

    void examined_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<Count>("examined");
        QTest::addColumn<bool>("counting");
        QTest::addColumn<bool>("bounded");
        const Count all = [](const Records& records) { return qint64(records.size()); };
        QTest::newRow("a scan for a field of the raw record the field index does not hold")
            << "SELECT eventID FROM x WHERE addendum.reason = 'DELIVERY_DELAY'" << all << true << true;
        // The field index leaves only the events holding the value to be read: the range it looks up is bounded.
        QTest::newRow("a nested field through the field index")
            << "SELECT eventID FROM x WHERE requestParameters.instanceType = 'g5.12xlarge'"
            << Count([](const Records& records) {
                   return qint64(std::count_if(records.begin(), records.end(), [](const QJsonObject& r) {
                       return r.value("requestParameters").toObject().value("instanceType").toString() == "g5.12xlarge";
                   }));
               })
            << true << true;
        // Wrapped in a CAST, the field's text no longer decides, but the events without it are still left out.
        QTest::newRow("a cast nested field through the field index")
            << "SELECT eventID FROM x WHERE CAST(requestParameters.instanceType AS varchar) = 'g5.12xlarge'"
            << Count([](const Records& records) {
                   return qint64(std::count_if(records.begin(), records.end(), [](const QJsonObject& r) {
                       return r.value("requestParameters").toObject().contains("instanceType");
                   }));
               })
            << true << true;
        QTest::newRow("an index range on the name")
            << "SELECT eventID FROM x WHERE eventName = 'RunInstances'"
            << Count([](const Records& records) { return named(records, "RunInstances"); }) << true << true;
        QTest::newRow("an index range on the time")
            << "SELECT count(*) FROM x WHERE eventTime > '2026-02-21 23:00:00'" << Count([](const Records& records) {
                   return qint64(std::count_if(records.begin(), records.end(), [](const QJsonObject& r) {
                       return timeOf(r) > utc("2026-02-21 23:00:00");
                   }));
               })
            << true << true;
        QTest::newRow("LIMIT stops the loop at the first matches")
            << "SELECT eventID, requestParameters FROM x WHERE eventName = 'RunInstances' ORDER BY eventTime DESC "
               "LIMIT 5"
            << Count([](const Records& records) { return std::min<qint64>(5, named(records, "RunInstances")); }) << true
            << true;
        QTest::newRow("GROUP BY reads every event")
            << "SELECT eventName, count(*) FROM x GROUP BY eventName" << all << true << true;
        QTest::newRow("a window over a scan")
            << "SELECT eventID, row_number() OVER (PARTITION BY awsRegion ORDER BY eventTime ROWS 2 PRECEDING) FROM x"
            << all << true << true;
        QTest::newRow("a derived table") << "SELECT n, count(*) FROM (SELECT eventName AS n FROM x WHERE readOnly = "
                                            "true) q GROUP BY n"
                                         << all << true << true;
        QTest::newRow("count(*) alone counts an index, no rows")
            << "SELECT count(*) FROM x" << Count([](const Records&) { return 0; }) << false << false;
        QTest::newRow("plain SQLite SQL does not count") << "SELECT count(*) FROM events WHERE time > 0"
                                                         << Count([](const Records&) { return 0; }) << false << false;
        QTest::newRow("a join visits the inner side once per outer row")
            << "SELECT count(*) FROM x a CROSS JOIN x b WHERE a.eventName = 'AssumeRole' AND b.eventName = "
               "'AssumeRole'"
            << Count([](const Records& records) {
                   const qint64 n = named(records, "AssumeRole");
                   return n + n * n;
               })
            << true << false;
        QTest::newRow("two scans in a UNION")
            << "SELECT eventID FROM x WHERE eventName = 'CreateBucket' UNION ALL SELECT eventID FROM x WHERE "
               "eventName = 'DeleteBucket'"
            << Count([](const Records& records) {
                   return named(records, "CreateBucket") + named(records, "DeleteBucket");
               })
            << true << false;
    }

    void examined()
    {
        QFETCH(QString, sql);
        QFETCH(Count, examined);
        QFETCH(bool, counting);
        QFETCH(bool, bounded);
        const QueryProgress progress = runToEnd(sql);
        QCOMPARE(progress.counting, counting);
        QCOMPARE(progress.bounded, bounded);
        QCOMPARE(progress.examined, examined(m_records));
        if (bounded)
            QVERIFY(progress.examined <= qint64(m_records.size()));
    }

    // While a statement runs, the handler sees its count grow towards the case's events, which it asked for.
    void handlerSeesProgress()
    {
        std::vector<QueryProgress> seen;
        m_lake->setProgressHandler(
            [&](const QueryProgress& progress) {
                seen.push_back(progress);
                return true;
            },
            true);
        const QueryProgress done = runToEnd(SlowScan);
        QCOMPARE(done.examined, qint64(m_records.size())); // no index: every event is visited
        QCOMPARE(done.total, qint64(m_records.size()));
        QVERIFY2(seen.size() > 10, qPrintable(QString::number(seen.size())));
        qint64 before = 0;
        for (const QueryProgress& progress : seen) {
            QVERIFY(progress.counting);
            QVERIFY(progress.bounded);
            QCOMPARE(progress.total, qint64(m_records.size()));
            QVERIFY(progress.examined >= before);
            QVERIFY(progress.examined <= done.examined);
            before = progress.examined;
        }
        QVERIFY2(seen.front().examined < done.examined, "the handler should see the statement part of the way");
    }

    // Unless the handler asks for counting, statements neither count nor read the case's total: the handler only
    // gets to cancel.
    void noCountingUnlessAsked()
    {
        int calls = 0;
        bool counting = false;
        m_lake->setProgressHandler([&](const QueryProgress& progress) {
            ++calls;
            counting = counting || progress.counting;
            return true;
        });
        auto prepared = m_lake->prepare(SlowScan);
        QVERIFY(prepared.has_value());
        QVERIFY(prepared->front().sql.find("ts_examine") == std::string::npos);
        const QueryProgress done = runToEnd(prepared->front());
        QVERIFY(calls > 0);
        QVERIFY(!counting);
        QVERIFY(!done.counting);
        QCOMPARE(done.examined, 0);
        QCOMPARE(done.total, -1);
    }

    // Counting leaves the plans of the guide queries alone: rows chosen on the name and time index.
    void countingKeepsThePlans_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        QTest::newRow("by name") << QString("SELECT eventTime, userIdentity.arn, sourceIPAddress, requestParameters "
                                            "FROM cloudtrail_logs WHERE eventName = 'RunInstances' AND eventTime > "
                                            "'2026-02-21 23:00:00' ORDER BY eventTime DESC LIMIT 100")
                                 << "events_name_time";
        QTest::newRow("by time") << QString("SELECT eventName, requestParameters FROM x WHERE eventTime > "
                                            "'2026-02-21 23:00:00' ORDER BY eventTime DESC LIMIT 10")
                                 << "events_time";
        QTest::newRow("by user") << QString("SELECT eventName FROM x WHERE userIdentity.username = 'bob' LIMIT 10")
                                 << "events_identity_time";
    }

    void countingKeepsThePlans()
    {
        QFETCH(QString, sql);
        QFETCH(QString, index);
        auto prepared = m_lake->prepare(sql);
        QVERIFY(prepared.has_value());
        const std::string& translated = prepared->front().sql;
        QVERIFY2(translated.find("ts_examine()") != std::string::npos, translated.c_str());
        auto plan = m_lake->connection().database().prepare("EXPLAIN QUERY PLAN " + translated);
        QVERIFY2(plan.isValid(), qPrintable(plan.prepareError()));
        QString details;
        while (plan.step() == SQLITE_ROW)
            details += plan.columnQString(3) + u'\n';
        QVERIFY2(details.contains("INDEX " + index), qPrintable(details));
        QVERIFY2(!details.contains("SCAN e"), qPrintable(details));
    }

    // The counter in the WHERE passes the missing side of an outer join: the row without events stays.
    void outerJoinsKeepRowsWithoutEvents()
    {
        const Rows rows = runStatement(*m_lake, "SELECT q.k, e.eventName FROM (SELECT 1 AS k UNION ALL SELECT 2) q "
                                                "LEFT JOIN x e ON e.eventName = 'NoSuchName' AND q.k = 2 ORDER BY 1");
        QCOMPARE(rows, (Rows{QJsonArray{1, QJsonValue::Null}, QJsonArray{2, QJsonValue::Null}}));
        QCOMPARE(runStatement(*m_lake, "SELECT count(*) FROM x e RIGHT JOIN (SELECT 1 AS k) q ON e.eventName = "
                                       "'NoSuchName'"),
                 Rows{QJsonArray{1}});
    }

    // The console steps the statements of a run in turns: each keeps its own count.
    void statementsCountApart()
    {
        auto prepared = m_lake->prepare("SELECT eventID FROM x WHERE eventName = 'RunInstances'; SELECT eventID FROM "
                                        "x WHERE eventName = 'GetObject'");
        QVERIFY(prepared.has_value());
        QCOMPARE(prepared->size(), std::size_t(2));
        bool more[2] = {true, true};
        QJsonArray row;
        while (more[0] || more[1])
            for (int i = 0; i < 2; ++i)
                if (more[i]) {
                    const auto next = m_lake->next((*prepared)[std::size_t(i)], row);
                    QVERIFY(next.has_value());
                    more[i] = *next;
                }
        QCOMPARE((*prepared)[0].progress.examined, named(m_records, "RunInstances"));
        QCOMPARE((*prepared)[1].progress.examined, named(m_records, "GetObject"));
    }
};

QTEST_GUILESS_MAIN(TestLakeProgress)
#include "tst_lakeprogress.moc"
