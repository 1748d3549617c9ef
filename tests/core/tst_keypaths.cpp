// The importer records the distinct nested key paths under requestParameters, responseElements,
// additionalEventData and serviceEventDetails, with how many stored events carry each (SQL completion reads them).
#include "casedb/caseschema.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

namespace {

QMap<QString, qint64> keyPaths(const QString& casePath)
{
    QMap<QString, qint64> paths;
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return paths;
    auto rows = db->prepare("SELECT path, events FROM key_paths");
    while (rows.step() == SQLITE_ROW)
        paths.insert(rows.columnQString(0), rows.columnInt(1));
    return paths;
}

QString uuid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

QJsonObject securityGroupRecord(int n)
{
    const QJsonObject range{{"cidrIp", "0.0.0.0/0"}};
    const QJsonObject permission{
        {"ipProtocol", "tcp"}, {"fromPort", 22}, {"ipRanges", QJsonObject{{"items", QJsonArray{range, range}}}}};
    QJsonObject overrides{
        {"requestParameters",
         QJsonObject{{"groupId", "sg-1"},
                     {"ipPermissions", QJsonObject{{"items", QJsonArray{permission, permission, permission}}}}}},
        {"responseElements", QJsonObject{{"_return", true}}},
        {"additionalEventData", QJsonObject{{"MFAUsed", "No"}}},
        {"serviceEventDetails", QJsonObject{{"snapshotId", "snap-1"}}},
    };
    return makeRecord(uuid(n), "2026-02-21T09:22:10Z", "AuthorizeSecurityGroupIngress", overrides);
}

} // namespace

class TestKeyPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathsAndCounts()
    {
        QTemporaryDir dir;
        const QJsonObject deep{
            {"a",
             QJsonObject{{"b", QJsonObject{{"c", QJsonObject{{"d", QJsonObject{{"e", QJsonObject{{"f", 1}}}}}}}}}}}};
        QJsonObject odd =
            makeRecord(uuid(9), "2026-02-21T10:00:00Z", "PutObject",
                       {{"requestParameters", QJsonObject{{"deep", deep}, {"dotted.key", 1}, {"bucketName", "b"}}}});
        const QString file = writeFile(dir.path(), "trail.json",
                                       recordsEnvelope({securityGroupRecord(1), securityGroupRecord(2), odd,
                                                        makeRecord(uuid(10), "2026-02-21T10:00:01Z")}));
        const QString casePath = dir.filePath("k.tscase");
        QVERIFY(importPaths(casePath, {file}).has_value());

        const auto paths = keyPaths(casePath);
        // An event counts once per path, however many array items repeat it.
        QCOMPARE(paths.value("requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp"), 2);
        QCOMPARE(paths.value("requestParameters.ipPermissions.items[*].fromPort"), 2);
        QCOMPARE(paths.value("requestParameters.ipPermissions.items"), 2);
        QCOMPARE(paths.value("requestParameters.groupId"), 2);
        QCOMPARE(paths.value("responseElements._return"), 2);
        QCOMPARE(paths.value("additionalEventData.MFAUsed"), 2);
        QCOMPARE(paths.value("serviceEventDetails.snapshotId"), 2);
        QCOMPARE(paths.value("requestParameters.maxResults"), 1); // makeRecord's default
        QCOMPARE(paths.value("requestParameters.bucketName"), 1);
        // Five keys below the top field, no deeper; a dotted key is data, not a path.
        QCOMPARE(paths.value("requestParameters.deep.a.b.c.d"), 1);
        QVERIFY(!paths.contains("requestParameters.deep.a.b.c.d.e"));
        QVERIFY(!paths.contains("requestParameters.dotted.key"));
        // Only the four parameter fields.
        for (auto it = paths.cbegin(); it != paths.cend(); ++it)
            QVERIFY2(it.key().startsWith("requestParameters.") || it.key().startsWith("responseElements.") ||
                         it.key().startsWith("additionalEventData.") || it.key().startsWith("serviceEventDetails."),
                     qPrintable(it.key()));

        // A later import adds its events; duplicates add nothing.
        const QString more =
            writeFile(dir.path(), "more.json", recordsEnvelope({securityGroupRecord(3), securityGroupRecord(1)}));
        QVERIFY(importPaths(casePath, {more}).has_value());
        QCOMPARE(keyPaths(casePath).value("requestParameters.groupId"), 3);
    }

    // A case made before the table existed gains it on its next import.
    void olderCaseGainsTheTable()
    {
        QTemporaryDir dir;
        const QString casePath = dir.filePath("old.tscase");
        QVERIFY(importPaths(casePath, {writeFile(dir.path(), "a.json", recordsEnvelope({securityGroupRecord(1)}))})
                    .has_value());
        {
            auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
            QVERIFY(db.has_value());
            QVERIFY(db->exec("DROP TABLE key_paths").has_value());
        }
        QVERIFY(keyPaths(casePath).isEmpty());
        QVERIFY(importPaths(casePath, {writeFile(dir.path(), "b.json", recordsEnvelope({securityGroupRecord(2)}))})
                    .has_value());
        QCOMPARE(keyPaths(casePath).value("requestParameters.groupId"), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeyPaths)
#include "tst_keypaths.moc"
