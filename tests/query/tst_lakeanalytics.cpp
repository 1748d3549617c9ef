// Lake SQL's window frames, WINDOW clauses and the aggregates of our own (max_by, min_by, approx_percentile, the
// variances) run on the imported fixture, each checked against an evaluation of the raw records written without the
// query layer (lakefixture.h): frames are walked, percentiles ranked and moments summed here, from the records.
#include "lakefixture.h"

#include "query/lake/lakequery.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;
using namespace LakeFixture;

using Records = std::vector<QJsonObject>;
using Expected = std::function<Rows(const Records&)>;
Q_DECLARE_METATYPE(Expected)

namespace {

int minuteOf(const QJsonObject& r)
{
    return QDateTime::fromMSecsSinceEpoch(timeOf(r), Qt::UTC).time().minute();
}

bool is(const QJsonObject& r, const QString& dotted, const QString& value)
{
    return text(r, dotted) == value;
}

// The kept records of each region in time order, as `PARTITION BY awsRegion ORDER BY eventTime` sees them.
QMap<QString, Records> regionsInTime(const Records& records,
                                     const std::function<bool(const QJsonObject&)>& keep = nullptr)
{
    QMap<QString, Records> regions;
    for (const QJsonObject& r : records)
        if (!keep || keep(r))
            regions[*text(r, "awsRegion")].push_back(r);
    for (Records& list : regions)
        std::sort(list.begin(), list.end(),
                  [](const QJsonObject& a, const QJsonObject& b) { return timeOf(a) < timeOf(b); });
    return regions;
}

// One row per record of each region: its eventID and what `value` makes of its place in the region's list.
Expected perRow(const std::function<QJsonValue(const Records&, std::size_t)>& value,
                const std::function<bool(const QJsonObject&)>& keep = nullptr)
{
    return [value, keep](const Records& records) {
        Rows rows;
        for (const Records& list : regionsInTime(records, keep))
            for (std::size_t i = 0; i < list.size(); ++i)
                rows << QJsonArray{list[i].value("eventID"), value(list, i)};
        return rows;
    };
}

// Records of `list` in [from, to] (clamped), the rows of a ROWS frame.
Records frameOf(const Records& list, qint64 from, qint64 to)
{
    Records frame;
    for (qint64 j = std::max<qint64>(from, 0); j <= std::min<qint64>(to, qint64(list.size()) - 1); ++j)
        frame.push_back(list[std::size_t(j)]);
    return frame;
}

qint64 sumOfMinutes(const Records& frame)
{
    qint64 sum = 0;
    for (const QJsonObject& r : frame)
        sum += minuteOf(r);
    return sum;
}

// The nearest-rank percentile: the k-th smallest for k = ceil(p * n), at least 1; p * n is exact in these tests.
qint64 nearestRank(std::vector<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto k = std::max<qint64>(1, qint64(std::ceil(p * double(values.size()))));
    return values[std::size_t(k - 1)];
}

std::vector<qint64> minutes(const Records& records)
{
    std::vector<qint64> values;
    for (const QJsonObject& r : records)
        values.push_back(minuteOf(r));
    return values;
}

// Mean and sum of squared differences, the textbook way (two passes).
std::pair<double, double> moments(const std::vector<qint64>& values)
{
    double mean = 0;
    for (const qint64 v : values)
        mean += double(v);
    mean /= double(values.size());
    double squares = 0;
    for (const qint64 v : values)
        squares += (double(v) - mean) * (double(v) - mean);
    return {mean, squares};
}

QJsonValue variance(const std::vector<qint64>& values, bool sample, bool deviation)
{
    const auto n = qint64(values.size());
    if (n < (sample ? 2 : 1))
        return QJsonValue::Null;
    const double v = moments(values).second / double(sample ? n - 1 : n);
    return deviation ? std::sqrt(v) : v;
}

bool near(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble())
        return std::abs(a.toDouble() - b.toDouble()) <= 1e-9 * std::max(1.0, std::abs(b.toDouble()));
    return a == b;
}

} // namespace

class TestLakeAnalytics : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Records m_records;
    std::unique_ptr<LakeQuery> m_lake;

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

    void frames_data();
    void frames() { compareRows(); }
    void aggregates_data();
    void aggregates() { compareRows(); }

    void spread_data();
    void spread()
    {
        QFETCH(QString, sql);
        QFETCH(Expected, expected);
        const Rows want = sortedRows(expected(m_records));
        const Rows got = sortedRows(runStatement(*m_lake, sql));
        QCOMPARE(got.size(), want.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].size(), want[i].size());
            for (qsizetype c = 0; c < got[i].size(); ++c)
                QVERIFY2(near(got[i][c], want[i][c]), qPrintable(QString("row %1 column %2: %3, expected %4")
                                                                     .arg(i)
                                                                     .arg(c)
                                                                     .arg(got[i][c].toVariant().toString())
                                                                     .arg(want[i][c].toVariant().toString())));
        }
    }

    // Bad arguments stop the statement with a message that names the function.
    void aggregateErrors_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::newRow("percentage above 1") << "SELECT approx_percentile(minute(eventTime), 1.5) FROM x"
                                            << "from 0 to 1";
        QTest::newRow("percentage array with text")
            << "SELECT approx_percentile(minute(eventTime), ARRAY[0.5, 'x']) FROM x"
            << "from 0 to 1";
        QTest::newRow("n of 0") << "SELECT max_by(eventID, eventTime, 0) FROM x"
                                << "from 1 to 10000";
        QTest::newRow("n over a window") << "SELECT min_by(eventID, eventTime, 10001) OVER () FROM x"
                                         << "from 1 to 10000";
        QTest::newRow("variance of text") << "SELECT variance(eventName) FROM x"
                                          << "must be numbers";
        QTest::newRow("percentile of text") << "SELECT approx_percentile(eventName, 0.5) FROM x"
                                            << "must be numbers";
    }

    void aggregateErrors()
    {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        auto prepared = m_lake->prepare(sql);
        QVERIFY2(prepared.has_value(), prepared ? "" : qPrintable(describeQueryError(prepared.error())));
        QJsonArray row;
        const auto result = m_lake->next(prepared->front(), row);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::QueryFailed);
        QVERIFY2(result.error().detail.contains(message), qPrintable(result.error().detail));
    }

private:
    void compareRows()
    {
        QFETCH(QString, sql);
        QFETCH(Expected, expected);
        const Rows want = expected(m_records);
        QVERIFY2(!want.isEmpty(), "the fixture should give this query something to find");
        QCOMPARE(sortedRows(runStatement(*m_lake, sql)), sortedRows(want));
        // Prepared for a progress display (counting the events examined), the same rows.
        m_lake->setProgressHandler([](const QueryProgress&) { return true; }, true);
        const Rows counted = runStatement(*m_lake, sql);
        m_lake->setProgressHandler({});
        QCOMPARE(sortedRows(counted), sortedRows(want));
    }
};

void TestLakeAnalytics::frames_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Expected>("expected");
    const QString byRegion = "PARTITION BY awsRegion ORDER BY eventTime ";
    QTest::newRow("ROWS BETWEEN 2 PRECEDING AND CURRENT ROW")
        << "SELECT eventID, sum(minute(eventTime)) OVER (" + byRegion +
               "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM x"
        << perRow([](const Records& list, std::size_t i) {
               return sumOfMinutes(frameOf(list, qint64(i) - 2, qint64(i)));
           });
    QTest::newRow("ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING")
        << "SELECT eventID, sum(minute(eventTime)) OVER (" + byRegion +
               "ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM x"
        << perRow([](const Records& list, std::size_t i) {
               return sumOfMinutes(frameOf(list, qint64(i) - 1, qint64(i) + 1));
           });
    QTest::newRow("ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING")
        << "SELECT eventID, count(*) OVER (" + byRegion + "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM x"
        << perRow([](const Records& list, std::size_t i) { return qint64(list.size() - i); });
    QTest::newRow("ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING")
        << "SELECT eventID, count(*) OVER (" + byRegion + "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) FROM x"
        << perRow([](const Records&, std::size_t i) { return qint64(i); });
    QTest::newRow("short form ROWS 1 PRECEDING")
        << "SELECT eventID, first_value(eventID) OVER (" + byRegion + "ROWS 1 PRECEDING) FROM x"
        << perRow([](const Records& list, std::size_t i) { return list[i > 0 ? i - 1 : 0].value("eventID"); });
    QTest::newRow("RANGE of an INTERVAL before a time")
        << "SELECT eventID, count(*) OVER (" + byRegion +
               "RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM x"
        << perRow([](const Records& list, std::size_t i) {
               return qint64(std::count_if(list.begin(), list.end(), [&](const QJsonObject& r) {
                   return timeOf(r) >= timeOf(list[i]) - 3'600'000 && timeOf(r) <= timeOf(list[i]);
               }));
           });
    QTest::newRow("RANGE of an INTERVAL, descending")
        << "SELECT eventID, count(*) OVER (PARTITION BY awsRegion ORDER BY eventTime DESC RANGE BETWEEN INTERVAL "
           "'30' MINUTE PRECEDING AND CURRENT ROW) FROM x"
        << perRow([](const Records& list, std::size_t i) {
               // Descending: the preceding rows are the later ones.
               return qint64(std::count_if(list.begin(), list.end(), [&](const QJsonObject& r) {
                   return timeOf(r) <= timeOf(list[i]) + 1'800'000 && timeOf(r) >= timeOf(list[i]);
               }));
           });
    QTest::newRow("RANGE of numbers around a number")
        << "SELECT eventID, count(*) OVER (PARTITION BY awsRegion ORDER BY minute(eventTime) RANGE BETWEEN 5 "
           "PRECEDING AND 5 FOLLOWING) FROM x"
        << perRow([](const Records& list, std::size_t i) {
               return qint64(std::count_if(list.begin(), list.end(), [&](const QJsonObject& r) {
                   return std::abs(minuteOf(r) - minuteOf(list[i])) <= 5;
               }));
           });
    QTest::newRow("GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW")
        << QString("SELECT eventID, count(*) OVER (ORDER BY awsRegion GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) "
                   "FROM x WHERE eventName = 'GetObject'")
        << Expected([](const Records& records) {
               // Peer groups are the regions in order: a row's frame is its region and the one before.
               QMap<QString, qint64> counts;
               for (const QJsonObject& r : records)
                   if (is(r, "eventName", "GetObject"))
                       ++counts[*text(r, "awsRegion")];
               const QStringList regions = counts.keys();
               Rows rows;
               for (const QJsonObject& r : records) {
                   if (!is(r, "eventName", "GetObject"))
                       continue;
                   const qsizetype k = regions.indexOf(*text(r, "awsRegion"));
                   rows << QJsonArray{r.value("eventID"), counts[regions[k]] + (k > 0 ? counts[regions[k - 1]] : 0)};
               }
               return rows;
           });
    QTest::newRow("WINDOW clause, used and refined")
        << QString("SELECT eventID, row_number() OVER w, count(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND "
                   "UNBOUNDED FOLLOWING), lag(eventID) OVER w FROM x WHERE eventName = 'RunInstances' "
                   "WINDOW w AS (PARTITION BY awsRegion ORDER BY eventTime)")
        << Expected([](const Records& records) {
               Rows rows;
               for (const Records& list :
                    regionsInTime(records, [](const QJsonObject& r) { return is(r, "eventName", "RunInstances"); }))
                   for (std::size_t i = 0; i < list.size(); ++i)
                       rows << QJsonArray{list[i].value("eventID"), qint64(i + 1), qint64(list.size()),
                                          i > 0 ? list[i - 1].value("eventID") : QJsonValue(QJsonValue::Null)};
               return rows;
           });
    QTest::newRow("a named window based on another")
        << QString("SELECT eventID, row_number() OVER o FROM x WHERE eventName = 'GetObject' "
                   "WINDOW p AS (PARTITION BY awsRegion), o AS (p ORDER BY eventTime DESC)")
        << Expected([](const Records& records) {
               Rows rows;
               for (const Records& list :
                    regionsInTime(records, [](const QJsonObject& r) { return is(r, "eventName", "GetObject"); }))
                   for (std::size_t i = 0; i < list.size(); ++i)
                       rows << QJsonArray{list[i].value("eventID"), qint64(list.size() - i)};
               return rows;
           });
}

void TestLakeAnalytics::aggregates_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Expected>("expected");
    // The records of each group in time order.
    const auto groups = [](const Records& records, const QString& field) {
        QMap<QString, Records> byKey;
        for (const QJsonObject& r : records)
            byKey[*text(r, field)].push_back(r);
        for (Records& list : byKey)
            std::sort(list.begin(), list.end(),
                      [](const QJsonObject& a, const QJsonObject& b) { return timeOf(a) < timeOf(b); });
        return byKey;
    };
    QTest::newRow("max_by and min_by")
        << QString("SELECT eventName, max_by(eventID, eventTime), min_by(sourceIPAddress, eventTime) FROM x "
                   "GROUP BY eventName")
        << Expected([groups](const Records& records) {
               Rows rows;
               const auto byName = groups(records, "eventName");
               for (auto it = byName.begin(); it != byName.end(); ++it)
                   rows << QJsonArray{it.key(), it->back().value("eventID"), it->front().value("sourceIPAddress")};
               return rows;
           });
    QTest::newRow("max_by skips rows without y")
        << QString("SELECT awsRegion, max_by(eventName, CASE WHEN errorCode IS NOT NULL THEN eventTime END) FROM x "
                   "GROUP BY awsRegion")
        << Expected([groups](const Records& records) {
               Rows rows;
               const auto byRegion = groups(records, "awsRegion");
               for (auto it = byRegion.begin(); it != byRegion.end(); ++it) {
                   QJsonValue name = QJsonValue::Null;
                   for (const QJsonObject& r : *it)
                       if (text(r, "errorCode"))
                           name = r.value("eventName"); // the latest wins: they are in time order
                   rows << QJsonArray{it.key(), name};
               }
               return rows;
           });
    QTest::newRow("min_by with FILTER")
        << QString("SELECT min_by(eventID, eventTime) FILTER (WHERE readOnly = false), count(*) FROM x")
        << Expected([](const Records& records) {
               const QJsonObject* earliest = nullptr;
               for (const QJsonObject& r : records)
                   if (r.value("readOnly") == QJsonValue(false) && (!earliest || timeOf(r) < timeOf(*earliest)))
                       earliest = &r;
               return Rows{QJsonArray{earliest->value("eventID"), qint64(records.size())}};
           });
    QTest::newRow("max_by and min_by of n")
        << QString("SELECT awsRegion, max_by(eventID, eventTime, 3), min_by(eventTime, eventTime, 2) FROM x "
                   "GROUP BY awsRegion")
        << Expected([groups](const Records& records) {
               Rows rows;
               const auto byRegion = groups(records, "awsRegion");
               for (auto it = byRegion.begin(); it != byRegion.end(); ++it) {
                   const Records& list = *it;
                   const QJsonArray latest{list[list.size() - 1].value("eventID"),
                                           list[list.size() - 2].value("eventID"),
                                           list[list.size() - 3].value("eventID")};
                   const QJsonArray earliest{iso(timeOf(list[0])), iso(timeOf(list[1]))};
                   rows << QJsonArray{it.key(), latest, earliest};
               }
               return rows;
           });
    QTest::newRow("max_by and min_by over sliding frames")
        << QString("SELECT eventID, max_by(eventID, sourceIPAddress) OVER (PARTITION BY awsRegion ORDER BY eventTime "
                   "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), min_by(eventID, sourceIPAddress, 2) OVER (PARTITION "
                   "BY awsRegion ORDER BY eventTime ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM x")
        << Expected([](const Records& records) {
               const auto ipLess = [](const QJsonObject& a, const QJsonObject& b) {
                   return *text(a, "sourceIPAddress") < *text(b, "sourceIPAddress");
               };
               Rows rows;
               for (const Records& list : regionsInTime(records)) {
                   for (std::size_t i = 0; i < list.size(); ++i) {
                       const Records back = frameOf(list, qint64(i) - 2, qint64(i));
                       Records around = frameOf(list, qint64(i) - 1, qint64(i) + 1);
                       std::sort(around.begin(), around.end(), ipLess);
                       rows << QJsonArray{list[i].value("eventID"),
                                          std::max_element(back.begin(), back.end(), ipLess)->value("eventID"),
                                          QJsonArray{around[0].value("eventID"), around[1].value("eventID")}};
                   }
               }
               return rows;
           });
    QTest::newRow("approx_percentile of one share and of several")
        << QString("SELECT awsRegion, approx_percentile(minute(eventTime), 0.5), approx_percentile(minute(eventTime), "
                   "ARRAY[0.1, 0.25, 0.9]), approx_percentile(minute(eventTime), 0.5) FILTER (WHERE readOnly), "
                   "approx_percentile(to_unixtime(eventTime), 1) FROM x GROUP BY awsRegion")
        << Expected([groups](const Records& records) {
               Rows rows;
               const auto byRegion = groups(records, "awsRegion");
               for (auto it = byRegion.begin(); it != byRegion.end(); ++it) {
                   const std::vector<qint64> values = minutes(*it);
                   Records readOnly;
                   for (const QJsonObject& r : *it)
                       if (r.value("readOnly").toBool())
                           readOnly.push_back(r);
                   rows << QJsonArray{
                       it.key(), nearestRank(values, 0.5),
                       QJsonArray{nearestRank(values, 0.1), nearestRank(values, 0.25), nearestRank(values, 0.9)},
                       nearestRank(minutes(readOnly), 0.5), double(timeOf(it->back())) / 1000.0};
               }
               return rows;
           });
    QTest::newRow("approx_percentile over a sliding frame")
        << QString("SELECT eventID, approx_percentile(minute(eventTime), 0.5) OVER (PARTITION BY awsRegion ORDER BY "
                   "eventTime ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) FROM x")
        << perRow([](const Records& list, std::size_t i) {
               return nearestRank(minutes(frameOf(list, qint64(i) - 3, qint64(i))), 0.5);
           });
}

void TestLakeAnalytics::spread_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<Expected>("expected");
    QTest::newRow("stddev and variance, sample and population")
        << QString("SELECT awsRegion, stddev(minute(eventTime)), stddev_samp(minute(eventTime)), "
                   "stddev_pop(minute(eventTime)), variance(minute(eventTime)), var_samp(minute(eventTime)), "
                   "var_pop(minute(eventTime)) FROM x GROUP BY awsRegion")
        << Expected([](const Records& records) {
               Rows rows;
               const auto byRegion = regionsInTime(records);
               for (auto it = byRegion.begin(); it != byRegion.end(); ++it) {
                   const std::vector<qint64> values = minutes(*it);
                   rows << QJsonArray{it.key(),
                                      variance(values, true, true),
                                      variance(values, true, true),
                                      variance(values, false, true),
                                      variance(values, true, false),
                                      variance(values, true, false),
                                      variance(values, false, false)};
               }
               return rows;
           });
    QTest::newRow("over a sliding frame")
        << QString("SELECT eventID, var_samp(minute(eventTime)) OVER (PARTITION BY awsRegion ORDER BY eventTime ROWS "
                   "BETWEEN 4 PRECEDING AND CURRENT ROW), stddev_pop(minute(eventTime)) OVER (PARTITION BY awsRegion "
                   "ORDER BY eventTime ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) FROM x")
        << Expected([](const Records& records) {
               Rows rows;
               for (const Records& list : regionsInTime(records))
                   for (std::size_t i = 0; i < list.size(); ++i) {
                       const std::vector<qint64> values = minutes(frameOf(list, qint64(i) - 4, qint64(i)));
                       rows << QJsonArray{list[i].value("eventID"), variance(values, true, false),
                                          variance(values, false, true)};
                   }
               return rows;
           });
    QTest::newRow("one value: no sample variance")
        << QString("SELECT var_samp(minute(eventTime)), var_pop(minute(eventTime)), stddev(minute(eventTime)) FROM x "
                   "WHERE eventName = 'AssumeRole' AND eventTime < '2024-01-01' AND awsRegion = 'eu-west-1'")
        << Expected([](const Records& records) {
               std::vector<qint64> values;
               for (const QJsonObject& r : records)
                   if (is(r, "eventName", "AssumeRole") && timeOf(r) < utc("2024-01-01") &&
                       is(r, "awsRegion", "eu-west-1"))
                       values.push_back(minuteOf(r));
               if (values.size() != 1)
                   return Rows{}; // the fixture changed: the row below would not test one value
               return Rows{QJsonArray{variance(values, true, false), variance(values, false, false),
                                      variance(values, true, true)}};
           });
}

QTEST_GUILESS_MAIN(TestLakeAnalytics)
#include "tst_lakeanalytics.moc"
