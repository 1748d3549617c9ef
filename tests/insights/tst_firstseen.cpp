// First-seen activity on the fixture of insightfixture.h: what starts after the case's first day, with its first
// event, against an oracle computed here from the JSON records (Qt's parser), and the values the schedule names.
#include "insightfixture.h"

#include "casedb/caseschema.h"
#include "insights/firstseen.h"
#include "util/eventtime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;
using namespace InsightFixture;

namespace {

qint64 timeOf(const QJsonObject& record)
{
    return QDateTime::fromString(record["eventTime"].toString(), Qt::ISODate).toMSecsSinceEpoch();
}

struct OracleItem
{
    qint64 time = 0;
    QString eventId;
};

// kind name → value → first event, over the records that are not Insights events.
std::map<QString, std::map<QString, OracleItem>> oracleFirsts(const std::vector<QJsonObject>& records, qint64& start)
{
    std::map<QString, std::map<QString, OracleItem>> firsts;
    start = std::numeric_limits<qint64>::max();
    for (const QJsonObject& record : records) {
        if (record["eventType"].toString() == "AwsCloudTrailInsight")
            continue;
        const qint64 time = timeOf(record);
        start = std::min(start, time);
        const QJsonObject identity = record["userIdentity"].toObject();
        const std::pair<QString, QString> values[] = {{"principal", identity["arn"].toString()},
                                                      {"accessKey", identity["accessKeyId"].toString()},
                                                      {"sourceIp", record["sourceIPAddress"].toString()},
                                                      {"userAgent", record["userAgent"].toString()},
                                                      {"region", record["awsRegion"].toString()}};
        for (const auto& [kind, value] : values) {
            if (kind == "accessKey" && value.startsWith("ASIA"))
                continue; // a session's key is new by design
            auto [slot, added] = firsts[kind].try_emplace(value, OracleItem{time, record["eventID"].toString()});
            if (!added && time < slot->second.time)
                slot->second = {time, record["eventID"].toString()};
        }
    }
    return firsts;
}

} // namespace

class TestFirstSeen : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    FirstSeenActivity m_activity;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        auto activity = computeFirstSeen(*db);
        if (!activity)
            QFAIL(qPrintable(activity.error().toString()));
        m_activity = *activity;
    }

    void theCaseStartsWithItsFirstEvent()
    {
        QCOMPARE(m_activity.caseStart, at(0, 5)); // alice's hourly RunInstances
        QCOMPARE(m_activity.firstDayEnd, at(1440, 5));
    }

    void whatTheScheduleStartsMidCase()
    {
        QStringList listed;
        for (const FirstSeen& item : m_activity.items)
            listed << firstSeenKindName(item.kind) + '=' + item.value + '@' + formatEventTime(item.time);
        const QString mallory = '@' + formatEventTime(at(12270));
        const QString scanners = '@' + formatEventTime(at(12720));
        QCOMPARE(listed, QStringList({
                             "region=ap-south-1@" + formatEventTime(at(8640)),
                             "region=ap-northeast-1@" + formatEventTime(at(11000)),
                             "principal=" + Mallory + mallory,
                             "accessKey=" + MalloryKey + mallory,
                             "sourceIp=" + MalloryIp + mallory,
                             "userAgent=" + MalloryAgent + mallory,
                             "userAgent=scanner/1" + scanners,
                             "userAgent=scanner/2" + scanners,
                             "userAgent=scanner/3" + scanners,
                             "userAgent=scanner/4" + scanners,
                             "userAgent=scanner/5" + scanners,
                             "userAgent=scanner/6" + scanners,
                         }));
    }

    void matchesTheOracle()
    {
        qint64 start = 0;
        const auto firsts = oracleFirsts(records(), start);
        QCOMPARE(m_activity.caseStart, start);
        int expected = 0;
        for (const auto& [kind, values] : firsts) {
            for (const auto& [value, first] : values)
                expected += first.time >= start + 86400000 ? 1 : 0;
        }
        QCOMPARE(qsizetype(m_activity.items.size()), qsizetype(expected));
        for (const FirstSeen& item : m_activity.items) {
            const OracleItem& first = firsts.at(firstSeenKindName(item.kind)).at(item.value);
            QCOMPARE(item.time, first.time);
            QCOMPARE(item.eventId, first.eventId);
        }
    }

    void firstEventDetails()
    {
        const FirstSeen& region = m_activity.items.front();
        QCOMPARE(region.eventSource, QStringLiteral("lambda.amazonaws.com"));
        QCOMPARE(region.eventName, QStringLiteral("ListFunctions"));
        const QJsonObject json = firstSeenJson(region);
        QCOMPARE(json["kind"].toString(), QStringLiteral("region"));
        QCOMPARE(json["value"].toString(), QStringLiteral("ap-south-1"));
        QCOMPARE(json["eventTime"].toString(), formatEventTime(at(8640)));
        QCOMPARE(json["eventID"].toString(), region.eventId);
        QCOMPARE(json["eventName"].toString(), QStringLiteral("ListFunctions"));
    }
};

QTEST_GUILESS_MAIN(TestFirstSeen)
#include "tst_firstseen.moc"
