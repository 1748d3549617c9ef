#include "lakefixture.h"

#include "clitest.h"
#include "testsupport.h"

#include "query/lake/lakequery.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

namespace LakeFixture {

namespace {

const QString Home = QStringLiteral("111122223333");

QJsonObject identity(int i)
{
    const auto user = [](const QString& name, const QString& principal) {
        return QJsonObject{{"type", "IAMUser"},
                           {"principalId", principal},
                           {"arn", QString("arn:aws:iam::111122223333:user/" + name)},
                           {"accountId", Home},
                           {"accessKeyId", QString("AKIA" + name.toUpper() + "0000000001")},
                           {"userName", name}};
    };
    switch (i % 5) {
    case 0:
        return user("bob", "AIDABOB");
    case 1:
        return user("alice", "AIDAALICE");
    case 2: {
        const QJsonObject issuer{{"type", "Role"},
                                 {"principalId", "AROADEVROLE"},
                                 {"arn", "arn:aws:iam::111122223333:role/DevRole"},
                                 {"accountId", Home},
                                 {"userName", "DevRole"}};
        return QJsonObject{
            {"type", "AssumedRole"},
            {"principalId", "AROADEVROLE:dev-session"},
            {"arn", "arn:aws:sts::111122223333:assumed-role/DevRole/dev-session"},
            {"accountId", Home},
            {"sessionContext", QJsonObject{{"sessionIssuer", issuer},
                                           {"attributes", QJsonObject{{"creationDate", "2026-02-21T19:00:00Z"},
                                                                      {"mfaAuthenticated", "true"}}}}}};
    }
    case 3:
        return QJsonObject{
            {"type", "Root"}, {"principalId", Home}, {"arn", "arn:aws:iam::111122223333:root"}, {"accountId", Home}};
    default:
        return QJsonObject{{"type", "AWSService"}, {"invokedBy", "ec2.amazonaws.com"}};
    }
}

QJsonObject record(int i)
{
    static const QStringList Names{"CreateBucket", "DeleteBucket",      "RunInstances", "ConsoleLogin",
                                   "StartQuery",   "DescribeInstances", "GetObject",    "AssumeRole"};
    static const QStringList Sources{"s3", "s3", "ec2", "signin", "cloudtrail", "ec2", "s3", "sts"};
    static const QStringList Regions{"us-east-1", "us-west-2", "eu-west-1"};
    const int kind = i % 8;
    // Unique times: 40 events from 2023-01-21 12:00 every 37 minutes, then 2026-02-21 20:00 on, every 4 minutes.
    const QDateTime when = i < 40
                               ? QDateTime(QDate(2023, 1, 21), QTime(12, 0), Qt::UTC).addSecs(i * 37 * 60 + i)
                               : QDateTime(QDate(2026, 2, 21), QTime(20, 0), Qt::UTC).addSecs((i - 40) * 240 + i % 7);
    QJsonObject overrides{
        {"userIdentity", identity(i)},
        {"eventSource", QString(Sources[kind] + ".amazonaws.com")},
        {"awsRegion", Regions[i % 3]},
        {"sourceIPAddress", QString("203.0.113." + QString::number(i % 50))},
        {"userAgent", i % 4 == 0 ? QStringLiteral("aws-cli/2.15.0 Python/3.11.6") : QStringLiteral("Mozilla/5.0")},
        {"readOnly", i % 2 == 0},
        {"tlsDetails", QJsonObject{{"tlsVersion", i % 2 ? "TLSv1.2" : "TLSv1.3"}}},
    };
    if (kind == 2)
        overrides["requestParameters"] =
            QJsonObject{{"instanceType", i % 3 ? "t3.micro" : "g5.12xlarge"},
                        {"networkInterfaceSet", QJsonObject{{"GroupId", QString("sg-%1").arg(i)}}}};
    if (kind == 4) {
        overrides["requestParameters"] = QJsonObject{{"queryStatement", QString("SELECT %1 FROM eds").arg(i)}};
        overrides["responseElements"] =
            i % 3 ? QJsonValue(QJsonObject{{"queryId", QString("query-%1").arg(i)}}) : QJsonValue(QJsonValue::Null);
    }
    if (kind == 0 || kind == 1 || kind == 6)
        overrides["resources"] = QJsonArray{
            QJsonObject{
                {"ARN", QString("arn:aws:s3:::bucket-%1").arg(i)}, {"accountId", Home}, {"type", "AWS::S3::Bucket"}},
            QJsonObject{{"ARN", QString("arn:aws:s3:::bucket-%1/key").arg(i)}, {"type", "AWS::S3::Object"}}};
    if (i % 5 == 0)
        overrides["sessionCredentialFromConsole"] = "true";
    if (i % 6 == 1)
        overrides["errorCode"] = i % 4 == 1 ? "AccessDenied" : "accessdenied";
    QJsonObject result = Trailscope::Test::makeRecord(Trailscope::Test::fixtureEventId(i + 1),
                                                      when.toString(Qt::ISODate), Names[kind], overrides);
    if (i % 9 == 0)
        result.remove("tlsDetails");
    return result;
}

} // namespace

std::vector<QJsonObject> records()
{
    std::vector<QJsonObject> list;
    for (int i = 0; i < 120; ++i)
        list.push_back(record(i));
    return list;
}

QString buildCase(const QString& dir, const std::vector<QJsonObject>& records)
{
    using namespace Trailscope::Test;
    writeFile(dir, "trail/" + trailKey(Home, "us-east-1", "20260222T0205Z"), gzip(recordsEnvelope(records)));
    const QString casePath = dir + "/lake.tscase";
    const auto summary = importPaths(casePath, {dir + "/trail"});
    if (!summary || summary->counts.events != static_cast<qint64>(records.size())) {
        QTest::qFail("importing the Lake fixture failed", __FILE__, __LINE__);
        return {};
    }
    return casePath;
}

QJsonValue at(const QJsonObject& record, const QString& dotted)
{
    QJsonValue value = record;
    for (const QString& key : dotted.split(u'.')) {
        if (!value.isObject())
            return QJsonValue::Undefined;
        const QJsonObject object = value.toObject();
        QJsonValue next = QJsonValue::Undefined;
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key().compare(key, Qt::CaseInsensitive) == 0)
                next = it.value();
        value = next;
    }
    return value;
}

std::optional<QString> text(const QJsonObject& record, const QString& dotted)
{
    const QJsonValue value = at(record, dotted);
    return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
}

qint64 timeOf(const QJsonObject& record)
{
    return QDateTime::fromString(record.value("eventTime").toString(), Qt::ISODate).toMSecsSinceEpoch();
}

qint64 utc(const char* text)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(text), "yyyy-MM-dd HH:mm:ss");
    if (!time.isValid())
        time = QDateTime(QDate::fromString(QString::fromLatin1(text), Qt::ISODate), QTime(0, 0));
    time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString("yyyy-MM-ddTHH:mm:ss.zzz") + "Z";
}

QJsonValue orNull(const std::optional<QString>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

Rows runStatement(Trailscope::Core::Query::Lake::LakeQuery& lake, const QString& sql)
{
    using namespace Trailscope::Core::Query::Lake;
    auto prepared = lake.prepare(sql);
    if (!prepared) {
        QTest::qFail(qPrintable(sql + "\n" + describeQueryError(prepared.error())), __FILE__, __LINE__);
        return {};
    }
    Rows rows;
    QJsonArray row;
    while (true) {
        const auto more = lake.next(prepared->front(), row);
        if (!more) {
            QTest::qFail(qPrintable(sql + "\n" + describeQueryError(more.error())), __FILE__, __LINE__);
            return rows;
        }
        if (!*more)
            return rows;
        rows << row;
    }
}

Rows sortedRows(Rows rows)
{
    const auto text = [](const QJsonArray& row) { return QJsonDocument(row).toJson(QJsonDocument::Compact); };
    std::sort(rows.begin(), rows.end(), [&](const QJsonArray& a, const QJsonArray& b) { return text(a) < text(b); });
    return rows;
}

} // namespace LakeFixture
