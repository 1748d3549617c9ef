// Counts, facets and the histogram under a search, checked against counts made here over the fixture records.
#include "casedb/caseschema.h"
#include "query/eventrows.h"
#include "query/eventsort.h"
#include "query/eventstatistics.h"
#include "query/searchparser.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;
using namespace Trailscope::Test;

namespace {

constexpr int RecordCount = 240;
const QStringList Users{"alice", "bob", "carol", "dave"};
const QStringList Regions{"us-east-1", "eu-west-1", "ap-south-1"};
const qint64 Base = 1771632000000; // 2026-02-21T00:00:00Z

// Record n: a user, a region, an error every seventh, readOnly alternating, one event every 97 seconds.
QJsonObject record(int n)
{
    const qint64 time = Base + qint64(n) * 97000;
    QJsonObject overrides{
        {"awsRegion", Regions[n % Regions.size()]},
        {"readOnly", n % 2 == 0},
        {"userIdentity",
         QJsonObject{{"type", "IAMUser"}, {"userName", Users[(n / 3) % Users.size()]}, {"accountId", "111122223333"}}}};
    if (n % 7 == 0)
        overrides["errorCode"] = "AccessDenied";
    // Agent and TLS details vary independently of the region (contexts combine them); every fifth has no TLS.
    overrides["userAgent"] = QStringLiteral("agent-%1").arg(n % 4);
    overrides["tlsDetails"] =
        QJsonObject{{"tlsVersion", n % 2 ? "TLSv1.3" : "TLSv1.2"}, {"cipherSuite", "TLS_AES_128_GCM_SHA256"}};
    // Resources: an instance listed twice (counted once), a bucket with an object, or none.
    const QString instance = QStringLiteral("arn:aws:ec2:us-east-1:111122223333:instance/i-%1").arg(n % 3);
    if (n % 4 == 0)
        overrides["resources"] = QJsonArray{QJsonObject{{"type", "AWS::EC2::Instance"}, {"ARN", instance}},
                                            QJsonObject{{"type", "AWS::EC2::Instance"}, {"ARN", instance}}};
    else if (n % 4 == 1)
        overrides["resources"] = QJsonArray{
            QJsonObject{{"type", "AWS::S3::Bucket"}, {"ARN", "arn:aws:s3:::logs"}},
            QJsonObject{{"type", "AWS::S3::Object"}, {"ARN", QStringLiteral("arn:aws:s3:::logs/%1").arg(n % 2)}}};
    QJsonObject made =
        makeRecord(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')),
                   QDateTime::fromMSecsSinceEpoch(time, Qt::UTC).toString(Qt::ISODate),
                   n % 5 == 0 ? QStringLiteral("RunInstances") : QStringLiteral("DescribeInstances"), overrides);
    if (n % 5 == 1)
        made.remove(QStringLiteral("tlsDetails"));
    return made;
}

} // namespace

class TestEventStatistics : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    std::vector<QJsonObject> m_records;

    CompiledSearch compiled(const QString& text)
    {
        const auto parsed = parseSearch(text);
        if (!parsed)
            qFatal("bad test search %s", qPrintable(text));
        return compileSearch(*parsed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int n = 0; n < RecordCount; ++n)
            m_records.push_back(record(n));
        writeFile(m_dir.path(), QStringLiteral("trail/a.json"), recordsEnvelope(m_records));
        m_case = m_dir.filePath(QStringLiteral("stats.tscase"));
        QVERIFY(importPaths(m_case, {m_dir.filePath(QStringLiteral("trail"))}).has_value());
    }

    void countsMatchTheRecords()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        int expected = 0;
        for (const QJsonObject& r : m_records)
            expected += r["awsRegion"].toString() == QLatin1String("eu-west-1") && r.contains("errorCode") ? 1 : 0;
        const auto counted = countEvents(*db, compiled("region:eu-west-1 errorCode:AccessDenied"), {});
        QVERIFY(counted.has_value());
        QCOMPARE(*counted, qint64(expected));
        SearchOptions window;
        window.start = Base + 97000 * 10;
        window.end = Base + 97000 * 20; // records 10..19
        QCOMPARE(countEvents(*db, compiled(""), window).value_or(-1), qint64(10));
    }

    void facetsInOnePass()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        std::map<QString, qint64> byUser, byName, byReadOnly;
        for (const QJsonObject& r : m_records) {
            if (r["awsRegion"].toString() != QLatin1String("us-east-1"))
                continue;
            ++byUser[r["userIdentity"].toObject()["userName"].toString()];
            ++byName[r["eventName"].toString()];
            ++byReadOnly[r["readOnly"].toBool() ? QStringLiteral("true") : QStringLiteral("false")];
        }
        const std::vector<const FieldDef*> fields{findField(u"user"),      findField(u"eventName"),
                                                  findField(u"readOnly"),  findField(u"resource"),
                                                  findField(u"userAgent"), findField(u"tlsVersion")};
        const auto facets = computeFacets(*db, compiled("region:us-east-1"), {}, fields, 10);
        QVERIFY(facets.has_value());
        QCOMPARE(facets->size(), std::size_t(6));
        // Agent and TLS version come from the event contexts (TLS through its profile); absent counts as "".
        std::map<QString, qint64> byAgent, byTls;
        for (const QJsonObject& r : m_records) {
            if (r["awsRegion"].toString() != QLatin1String("us-east-1"))
                continue;
            ++byAgent[r["userAgent"].toString()];
            ++byTls[r["tlsDetails"].toObject()["tlsVersion"].toString()];
        }
        QVERIFY(byTls.size() == 3 && byTls.count(QString()));
        for (std::size_t f = 4; f < 6; ++f) {
            const auto& expected = f == 4 ? byAgent : byTls;
            const Facet& facet = (*facets)[f];
            QCOMPARE(facet.distinct, qint64(expected.size()));
            for (const FacetValue& value : facet.top)
                QCOMPARE(value.count, expected.at(value.absent ? QString() : value.value));
        }
        for (std::size_t f = 0; f < 3; ++f) {
            const auto& expected = f == 0 ? byUser : f == 1 ? byName : byReadOnly;
            const Facet& facet = (*facets)[f];
            QCOMPARE(facet.distinct, qint64(expected.size()));
            qint64 previous = std::numeric_limits<qint64>::max();
            for (const FacetValue& value : facet.top) {
                QVERIFY(!value.absent);
                QCOMPARE(value.count, expected.at(value.value));
                QVERIFY(value.count <= previous); // most frequent first
                previous = value.count;
            }
        }
        // Resources: each event once per distinct ARN among its resources; events without any are "absent".
        std::map<QString, qint64> byArn;
        for (const QJsonObject& r : m_records) {
            if (r["awsRegion"].toString() != QLatin1String("us-east-1"))
                continue;
            std::set<QString> arns;
            for (const QJsonValue& resource : r["resources"].toArray())
                arns.insert(resource.toObject()["ARN"].toString());
            if (arns.empty())
                ++byArn[QString()];
            for (const QString& arn : arns)
                ++byArn[arn];
        }
        const Facet& resources = (*facets)[3];
        QCOMPARE(resources.distinct, qint64(byArn.size()));
        QVERIFY(!resources.top.empty());
        for (const FacetValue& value : resources.top)
            QCOMPARE(value.count, byArn.at(value.absent ? QString() : value.value));
    }

    void resourceTypeFacetUnderAWindow()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        SearchOptions window;
        window.start = Base + 97000 * 8;
        window.end = Base + 97000 * 40; // records 8..39
        std::map<QString, qint64> byType;
        for (int n = 8; n < 40; ++n) {
            std::set<QString> types;
            for (const QJsonValue& resource : m_records[std::size_t(n)]["resources"].toArray())
                types.insert(resource.toObject()["type"].toString());
            if (types.empty())
                ++byType[QString()];
            for (const QString& type : types)
                ++byType[type];
        }
        const auto facets = computeFacets(*db, compiled(""), window, {findField(u"resourceType")}, 10);
        QVERIFY(facets.has_value());
        const Facet& facet = facets->front();
        QCOMPARE(facet.top.size(), byType.size());
        for (const FacetValue& value : facet.top)
            QCOMPARE(value.count, byType.at(value.absent ? QString() : value.value));
    }

    void histogramCoversEveryEvent()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto histogram = computeHistogram(*db, compiled(""), {}, 50);
        QVERIFY2(histogram.has_value(), histogram ? "" : qPrintable(histogram.error().toString()));
        // 240 events 97 s apart span 6.5 hours: 50 buckets at most means 10-minute buckets.
        QCOMPARE(histogram->bucketMs, qint64(600000));
        QVERIFY(histogram->buckets.size() <= 50);
        std::map<qint64, std::pair<qint64, qint64>> expected;
        for (int n = 0; n < RecordCount; ++n) {
            const qint64 time = Base + qint64(n) * 97000;
            auto& bucket = expected[time - time % 600000];
            (n % 7 == 0 ? bucket.second : bucket.first) += 1;
        }
        qint64 total = 0;
        for (const HistogramBucket& bucket : histogram->buckets) {
            const auto found = expected.find(bucket.start);
            const std::pair<qint64, qint64> want =
                found == expected.end() ? std::pair<qint64, qint64>{} : found->second;
            QCOMPARE(bucket.success, want.first);
            QCOMPARE(bucket.error, want.second);
            total += bucket.success + bucket.error;
        }
        QCOMPARE(total, qint64(RecordCount));
    }

    void histogramOfEveryEventAgreesWithTheScanningPath_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::newRow("no window") << qint64(-1) << qint64(-1);
        QTest::newRow("from mid-bucket") << Base + 3 * 97000 + 1234 << qint64(-1);
        QTest::newRow("between mid-buckets") << Base + 1000 << Base + 150 * 97000 + 777;
    }

    // The empty search counts on indexes only; a search matching every event scans. Both must draw the same bars.
    void histogramOfEveryEventAgreesWithTheScanningPath()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        SearchOptions options;
        if (start >= 0)
            options.start = start;
        if (end >= 0)
            options.end = end;
        const auto fast = computeHistogram(*db, compiled(""), options, 50);
        const auto scanned = computeHistogram(*db, compiled("-eventName:NoSuchEvent"), options, 50);
        QVERIFY(fast.has_value() && scanned.has_value());
        QVERIFY(!fast->buckets.empty());
        QCOMPARE(fast->bucketMs, scanned->bucketMs);
        QCOMPARE(fast->buckets.size(), scanned->buckets.size());
        for (std::size_t i = 0; i < fast->buckets.size(); ++i) {
            QCOMPARE(fast->buckets[i].start, scanned->buckets[i].start);
            QCOMPARE(fast->buckets[i].success, scanned->buckets[i].success);
            QCOMPARE(fast->buckets[i].error, scanned->buckets[i].error);
        }
    }

    void sortingByAFieldOrdersTheWholeResult_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("descending");
        QTest::newRow("eventName ascending") << "eventName" << false;
        QTest::newRow("user descending") << "user" << true;
        QTest::newRow("first resource ascending") << "resource" << false;
        QTest::newRow("first resource descending") << "resource" << true;
    }

    // Sorted by the value as read (first resource for resource fields), events without it last, ties newest first.
    void sortingByAFieldOrdersTheWholeResult()
    {
        QFETCH(QString, field);
        QFETCH(bool, descending);
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto valueOf = [&field](const QJsonObject& r) {
            if (field == "eventName")
                return r["eventName"].toString();
            if (field == "user")
                return r["userIdentity"].toObject()["userName"].toString();
            return r["resources"].toArray().first().toObject()["ARN"].toString();
        };
        std::vector<int> expected;
        for (int n = 0; n < RecordCount; ++n)
            if (m_records[std::size_t(n)]["awsRegion"].toString() == "eu-west-1")
                expected.push_back(n);
        std::stable_sort(expected.begin(), expected.end(), [&](int a, int b) {
            const QString va = valueOf(m_records[std::size_t(a)]), vb = valueOf(m_records[std::size_t(b)]);
            if (va.isEmpty() != vb.isEmpty())
                return vb.isEmpty(); // absent last
            if (va != vb)
                return descending ? va > vb : va < vb;
            return a > b; // newest first
        });
        // Events are told apart by their eventID, whose last twelve digits are the record's number.
        EventRowReader reader(*db);
        std::vector<int> got;
        const auto sorted = forEachEventSortedBy(
            *db, compiled("region:eu-west-1"), {}, *findField(field), descending, [&](std::int64_t rowId) {
                got.push_back(reader.read(rowId).value().eventId.right(12).toInt());
                return true;
            });
        QVERIFY(sorted.has_value());
        QCOMPARE(got, expected);
    }

    void bucketSizes_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<qint64>("bucket");
        QTest::newRow("a minute") << qint64(60000) << qint64(1000);
        QTest::newRow("an hour") << qint64(3600000) << qint64(30000);
        QTest::newRow("a day") << qint64(86400000) << qint64(300000);
        QTest::newRow("two weeks") << qint64(14 * 86400000LL) << qint64(10800000);
        QTest::newRow("a year") << qint64(365 * 86400000LL) << qint64(604800000);
    }

    void bucketSizes()
    {
        QFETCH(qint64, span);
        QFETCH(qint64, bucket);
        QCOMPARE(chooseBucketMs(0, span - 1, 300), bucket);
    }
};

QTEST_GUILESS_MAIN(TestEventStatistics)
#include "tst_eventstatistics.moc"
