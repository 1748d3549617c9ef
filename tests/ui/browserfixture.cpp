#include "browserfixture.h"

#include "testsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace Trailscope::Test {

namespace {

const QDateTime Origin(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc());

QJsonObject identity(int user)
{
    static const char* const names[] = {"alice", "bob", "carol", "root"};
    const QString name = QString::fromLatin1(names[user % 4]);
    if (name == QLatin1String("root"))
        return QJsonObject{{"type", "Root"},
                           {"principalId", "111122223333"},
                           {"arn", "arn:aws:iam::111122223333:root"},
                           {"accountId", "111122223333"}};
    return QJsonObject{{"type", "IAMUser"},
                       {"principalId", QString("AIDA" + name.toUpper())},
                       {"arn", QString("arn:aws:iam::111122223333:user/" + name)},
                       {"accountId", "111122223333"},
                       {"accessKeyId", QString("AKIA" + name.toUpper() + "0001")},
                       {"userName", name}};
}

} // namespace

BrowserFixture BrowserFixture::create(const QString& dir)
{
    BrowserFixture fixture;
    static const char* const names[] = {"DescribeInstances", "GetObject",  "PutObject",    "AssumeRole",
                                        "ListBuckets",       "CreateUser", "DeleteBucket", "ConsoleLogin"};
    for (int i = 0; i < 240; ++i) {
        // Spread over four days, one event every 24 minutes, so time ranges have predictable counts.
        const QDateTime time = Origin.addSecs(static_cast<qint64>(i) * 24 * 60);
        const QString name = QString::fromLatin1(names[(i * 7) % 8]);
        QJsonObject overrides{{"userIdentity", identity(i % 4)},
                              {"sourceIPAddress", QStringLiteral("203.0.113.%1").arg(i % 5)},
                              {"readOnly", name.startsWith(QLatin1String("Describe")) ||
                                               name.startsWith(QLatin1String("Get")) ||
                                               name.startsWith(QLatin1String("List"))}};
        if (i % 9 == 0) {
            overrides.insert("errorCode", "AccessDenied");
            overrides.insert("errorMessage", "User is not authorized");
        }
        if (name == QLatin1String("DeleteBucket"))
            overrides.insert("resources",
                             QJsonArray{QJsonObject{{"type", "AWS::S3::Bucket"},
                                                    {"ARN", QString("arn:aws:s3:::bucket-" + QString::number(i))},
                                                    {"accountId", "111122223333"}}});
        const QString eventId =
            QUuid::fromString(QStringLiteral("{00000000-0000-4000-8000-%1}").arg(i, 12, 10, QLatin1Char('0')))
                .toString(QUuid::WithoutBraces);
        fixture.records.push_back(makeRecord(eventId, time.toString(Qt::ISODate), name, overrides));
    }
    fixture.trailFile =
        writeFile(dir, trailKey("111122223333", "us-east-1", "20260305T0000Z"), gzip(recordsEnvelope(fixture.records)));
    fixture.casePath = dir + QStringLiteral("/browser.tscase");
    const auto imported = importPaths(fixture.casePath, {fixture.trailFile});
    if (!imported || imported->counts.events != 240)
        qFatal("fixture import failed");
    return fixture;
}

qsizetype BrowserFixture::countWhere(const QString& key, const QString& value) const
{
    return std::count_if(records.begin(), records.end(),
                         [&](const QJsonObject& record) { return record.value(key).toString() == value; });
}

qsizetype BrowserFixture::countBetween(qint64 startMs, qint64 endMs) const
{
    return std::count_if(records.begin(), records.end(), [&](const QJsonObject& record) {
        const qint64 time =
            QDateTime::fromString(record.value("eventTime").toString(), Qt::ISODate).toMSecsSinceEpoch();
        return time >= startMs && time < endMs;
    });
}

QString BrowserFixture::newestEventId() const
{
    return records.back().value("eventID").toString();
}

} // namespace Trailscope::Test
