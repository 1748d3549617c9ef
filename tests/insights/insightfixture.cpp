#include "insightfixture.h"

#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace Trailscope::Test;

namespace InsightFixture {

namespace {

struct Actor
{
    QString arn, name, key, ip, agent, account;
};

const Actor AliceActor{Alice, "alice", "AKIAALICE00000000001", "198.51.100.7", AliceAgent, AccountA};
const Actor MalloryActor{Mallory, "mallory", MalloryKey, MalloryIp, MalloryAgent, AccountA};
// alice with a session's temporary key: not first-seen activity, though the key is new.
const Actor AliceSession{Alice, "alice", "ASIATEMPORARY0000001", "198.51.100.7", AliceAgent, AccountA};
const Actor BobActor{Bob, "bob", "AKIABOB0000000000001", "192.0.2.10", BobAgent, AccountB};

struct Call
{
    QString account, region, source, name;
    bool readOnly = false;
    QString errorCode; ///< empty: none
    bool data = false; ///< a data event (managementEvent false, eventCategory Data)
};

Call call(const QString& account, const QString& region, const QString& source, const QString& name,
          bool readOnly = false, const QString& errorCode = {}, bool data = false)
{
    return Call{account, region, source, name, readOnly, errorCode, data};
}

class Builder
{
public:
    void add(const Call& call, const Actor& actor, qint64 minute, int second, const QString& agent = {})
    {
        QJsonObject overrides{{"awsRegion", call.region},
                              {"recipientAccountId", call.account},
                              {"eventSource", call.source},
                              {"readOnly", call.readOnly},
                              {"sourceIPAddress", actor.ip},
                              {"userAgent", agent.isEmpty() ? actor.agent : agent},
                              {"userIdentity", QJsonObject{{"type", "IAMUser"},
                                                           {"principalId", QString("AIDA" + actor.name.toUpper())},
                                                           {"arn", actor.arn},
                                                           {"accountId", actor.account},
                                                           {"accessKeyId", actor.key},
                                                           {"userName", actor.name}}}};
        if (!call.errorCode.isEmpty()) {
            overrides["errorCode"] = call.errorCode;
            overrides["errorMessage"] = "denied";
        }
        if (call.data) {
            overrides["managementEvent"] = false;
            overrides["eventCategory"] = "Data";
        }
        const QString time = QDateTime::fromMSecsSinceEpoch(at(minute, second), Qt::UTC).toString(Qt::ISODate);
        m_records.push_back(makeRecord(eventId(), time, call.name, overrides));
    }

    void repeat(const Call& call, const Actor& actor, qint64 minute, int count, const QString& agent = {})
    {
        for (int i = 0; i < count; ++i)
            add(call, actor, minute, i % 60, agent);
    }

    void addDeliveredInsight()
    {
        const QJsonObject statistics{{"baseline", QJsonObject{{"average", 0.0166667}}},
                                     {"insight", QJsonObject{{"average", 12}}},
                                     {"insightDuration", 2},
                                     {"baselineDuration", 10080}};
        const QJsonObject details{{"state", "Start"},
                                  {"eventSource", "ec2.amazonaws.com"},
                                  {"eventName", "RunInstances"},
                                  {"insightType", "ApiCallRateInsight"},
                                  {"insightContext", QJsonObject{{"statistics", statistics}}}};
        m_records.push_back(
            QJsonObject{{"eventVersion", "1.08"},
                        {"eventTime", QDateTime::fromMSecsSinceEpoch(at(12270), Qt::UTC).toString(Qt::ISODate)},
                        {"awsRegion", "us-east-1"},
                        {"eventID", eventId()},
                        {"eventType", "AwsCloudTrailInsight"},
                        {"recipientAccountId", AccountA},
                        {"sharedEventID", "5ea8a6ea-0000-4000-8000-000000000001"},
                        {"insightDetails", details},
                        {"eventCategory", "Insight"}});
    }

    std::vector<QJsonObject> take() { return std::move(m_records); }

private:
    QString eventId() { return QStringLiteral("00000000-0000-4000-8000-%1").arg(++m_next, 12, 10, QLatin1Char('0')); }

    std::vector<QJsonObject> m_records;
    int m_next = 0;
};

constexpr qint64 Minutes = 14400;

} // namespace

std::vector<QJsonObject> records()
{
    Builder b;
    const Call spike = call(AccountA, "us-east-1", "ec2.amazonaws.com", "RunInstances");
    for (qint64 minute = 0; minute < Minutes; minute += 60)
        b.add(spike, AliceActor, minute, 5);
    b.repeat(spike, MalloryActor, 12270, 10);
    b.add(spike, AliceActor, 12270, 20);
    b.add(spike, AliceActor, 12270, 21);
    b.repeat(spike, MalloryActor, 12271, 8);

    const Call storm = call(AccountA, "eu-west-1", "iam.amazonaws.com", "ListRoles", true, "AccessDenied");
    for (qint64 day = 0; day < 10; ++day)
        b.add(storm, AliceActor, day * 1440 + 540, 0);
    const int stormCounts[] = {20, 15, 6, 1};
    for (int i = 0; i < 4; ++i)
        b.repeat(storm, MalloryActor, 12420 + i, stormCounts[i]);

    const Call data = call(AccountA, "us-east-1", "s3.amazonaws.com", "GetObject", true, "AccessDenied", true);
    const int perAgent[] = {10, 8, 5, 4, 2, 1};
    for (qint64 minute : {12720, 12721}) {
        for (int agent = 0; agent < 6; ++agent)
            b.repeat(data, MalloryActor, minute, perAgent[agent], QStringLiteral("scanner/%1").arg(agent + 1));
    }

    const Call quiet = call(AccountB, "us-east-1", "ec2.amazonaws.com", "CreateTags");
    for (qint64 minute = 0; minute < Minutes; minute += 10)
        b.add(quiet, BobActor, minute, 30);
    b.repeat(quiet, BobActor, 12005, 3);

    const Call edge = call(AccountB, "eu-west-1", "ec2.amazonaws.com", "DeleteSecurityGroup");
    b.add(edge, BobActor, 100, 30);
    b.add(edge, BobActor, 101, 59);
    b.repeat(edge, BobActor, 10181, 7);
    b.add(call(AccountB, "eu-west-1", "ec2.amazonaws.com", "DescribeInstances", true), BobActor, 14000, 0);

    for (const auto& [region, first, spikeAt] :
         {std::tuple{"ap-south-1", 8640, 10640}, {"ap-northeast-1", 11000, 12000}}) {
        const Call read = call(AccountA, region, "lambda.amazonaws.com", "ListFunctions", true);
        b.add(read, AliceActor, first, 0);
        b.repeat(call(AccountA, region, "lambda.amazonaws.com", "CreateFunction"), AliceActor, spikeAt, 6);
        b.add(read, AliceActor, 14000, 0);
    }
    b.add(call(AccountA, "us-east-1", "ec2.amazonaws.com", "DescribeInstances", true), AliceSession, 9000, 0);
    b.addDeliveredInsight();
    return b.take();
}

QString buildCase(const QString& dir)
{
    writeFile(dir, QStringLiteral("trail/insights.json"), recordsEnvelope(records()));
    const QString casePath = QDir(dir).filePath(QStringLiteral("insights.tscase"));
    const auto imported = importPaths(casePath, {QDir(dir).filePath(QStringLiteral("trail"))});
    if (!imported) {
        QTest::qFail("importing the insights fixture failed", __FILE__, __LINE__);
        return {};
    }
    return casePath;
}

} // namespace InsightFixture
