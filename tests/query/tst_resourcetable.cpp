// The resource table: which resource type and name Event history shows for a call whose record has no `resources`
// array, derived from its request and response. The table's own shape, lookups, derivation from records, what the
// import stores and how the search bar finds it.
#include "query/eventstatistics.h"
#include "query/fieldtable.h"
#include "record/derivedresources.h"
#include "record/resourcetable.h"
#include "searchoracle.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query;
using namespace Trailscope::Test;

namespace {

QString text(std::string_view view)
{
    return QString::fromLatin1(view.data(), static_cast<qsizetype>(view.size()));
}

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

// "type=name" for each derived resource, in order.
QStringList derived(const QJsonObject& record)
{
    QStringList found;
    const QByteArray json = QJsonDocument(record).toJson(QJsonDocument::Compact);
    for (const DerivedResource& resource : deriveResources(std::string_view(json.constData(), json.size())))
        found << QString::fromStdString(resource.type) + u'=' + QString::fromStdString(resource.name);
    return found;
}

QJsonObject call(const char* source, const char* name, const char* rest)
{
    QJsonObject record = parse(rest);
    record.insert(QStringLiteral("eventSource"), QString::fromLatin1(source));
    record.insert(QStringLiteral("eventName"), QString::fromLatin1(name));
    return record;
}

// The eventIDs a search finds, sorted.
QStringList searchEventIds(const QString& casePath, const QString& search)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return {QStringLiteral("cannot open: ") + db.error().toString()};
    const auto result = Oracle::runSearch(*db, search);
    if (const auto* error = std::get_if<QString>(&result))
        return {QStringLiteral("error: ") + *error};
    const QHash<qint64, QString> ids = Oracle::eventIdsByRow(*db);
    QStringList found;
    for (const Query::EventKey& key : std::get<0>(result))
        found << ids.value(key.rowId);
    found.sort();
    return found;
}

} // namespace

class TestResourceTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRuleIsWellFormed()
    {
        const QRegularExpression type(QStringLiteral("^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$"));
        const QRegularExpression path(QStringLiteral("^(requestParameters|responseElements|additionalEventData)"
                                                     "(\\.[A-Za-z0-9_]+(\\[\\])?)+$"));
        QSet<QString> calls;
        QVERIFY(resourceRules().size() > 300);
        for (const ResourceRule& rule : resourceRules()) {
            const QString call = text(rule.eventSource) + u' ' + text(rule.eventName);
            QVERIFY2(rule.eventSource.ends_with(".amazonaws.com"), qPrintable(call));
            QVERIFY2(!calls.contains(call), qPrintable(QStringLiteral("listed twice: ") + call));
            calls.insert(call);
            QVERIFY2(!rule.resources[0].type.empty(), qPrintable(call));
            bool ended = false;
            for (const ResourcePath& resource : rule.resources) {
                if (resource.type.empty()) {
                    ended = true;
                    QVERIFY2(resource.path.empty(), qPrintable(call));
                    continue;
                }
                QVERIFY2(!ended, qPrintable(call + QStringLiteral(": a gap among the resources")));
                QVERIFY2(type.match(text(resource.type)).hasMatch(), qPrintable(call + u' ' + text(resource.type)));
                QVERIFY2(path.match(text(resource.path)).hasMatch(), qPrintable(call + u' ' + text(resource.path)));
            }
        }
    }

    void findsRules_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("firstType");
        QTest::newRow("exact") << "ec2.amazonaws.com"
                               << "RunInstances"
                               << "AWS::EC2::Instance";
        QTest::newRow("same name, other service") << "ecs.amazonaws.com"
                                                  << "CreateCluster"
                                                  << "AWS::ECS::Cluster";
        QTest::newRow("dated Lambda name") << "lambda.amazonaws.com"
                                           << "UpdateFunctionConfiguration20150331v2"
                                           << "AWS::Lambda::Function";
        QTest::newRow("names are case-sensitive") << "ec2.amazonaws.com"
                                                  << "runinstances"
                                                  << "";
        QTest::newRow("unknown call") << "ec2.amazonaws.com"
                                      << "DescribeInstances"
                                      << "";
        QTest::newRow("unknown service") << "example.amazonaws.com"
                                         << "RunInstances"
                                         << "";
    }

    void findsRules()
    {
        QFETCH(QString, source);
        QFETCH(QString, name);
        QFETCH(QString, firstType);
        const ResourceRule* rule = findResourceRule(source.toStdString(), name.toStdString());
        QCOMPARE(rule ? text(rule->resources[0].type) : QString(), firstType);
    }

    void derivesFromRequestAndResponse_data()
    {
        QTest::addColumn<QJsonObject>("record");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("RunInstances: every instance of the response")
            << call("ec2.amazonaws.com", "RunInstances",
                    R"({"responseElements":{"instancesSet":{"items":[{"instanceId":"i-01"},{"instanceId":"i-02"}]}}})")
            << QStringList{"AWS::EC2::Instance=i-01", "AWS::EC2::Instance=i-02"};
        QTest::newRow("CreateBucket") << call("s3.amazonaws.com", "CreateBucket",
                                              R"({"requestParameters":{"bucketName":"evidence","Host":"x"}})")
                                      << QStringList{"AWS::S3::Bucket=evidence"};
        QTest::newRow("AttachUserPolicy: the user and the policy")
            << call("iam.amazonaws.com", "AttachUserPolicy",
                    R"({"requestParameters":{"userName":"mallory",
                        "policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}})")
            << QStringList{"AWS::IAM::User=mallory", "AWS::IAM::Policy=arn:aws:iam::aws:policy/AdministratorAccess"};
        QTest::newRow("SSM GetParameters: an array of names")
            << call("ssm.amazonaws.com", "GetParameters", R"({"requestParameters":{"names":["/a","/b"]}})")
            << QStringList{"AWS::SSM::Parameter=/a", "AWS::SSM::Parameter=/b"};
        QTest::newRow("the same name twice is one resource")
            << call("ec2.amazonaws.com", "StopInstances",
                    R"({"requestParameters":{"instancesSet":{"items":[{"instanceId":"i-9"},{"instanceId":"i-9"}]}}})")
            << QStringList{"AWS::EC2::Instance=i-9"};
        QTest::newRow("a failed call has no response to name")
            << call("ec2.amazonaws.com", "RunInstances",
                    R"({"errorCode":"UnauthorizedOperation","responseElements":null})")
            << QStringList{};
        QTest::newRow("a resources array speaks for itself")
            << call("s3.amazonaws.com", "GetObject",
                    R"({"requestParameters":{"bucketName":"b","key":"k"},
                        "resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"}]})")
            << QStringList{};
        QTest::newRow("resources written as strings say nothing")
            << call("s3.amazonaws.com", "CreateBucket",
                    R"({"requestParameters":{"bucketName":"b"},"resources":["{'type': 'AWS::S3::Bucket'}"]})")
            << QStringList{"AWS::S3::Bucket=b"};
        QTest::newRow("unknown call") << call("ec2.amazonaws.com", "DescribeInstances",
                                              R"({"requestParameters":{"instanceId":"i-1"}})")
                                      << QStringList{};
    }

    void derivesFromRequestAndResponse()
    {
        QFETCH(QJsonObject, record);
        QFETCH(QStringList, expected);
        QCOMPARE(derived(record), expected);
    }

    void invalidJsonDerivesNothing()
    {
        QVERIFY(deriveResources("{\"eventSource\":\"s3.amazonaws.com\",").empty());
        QVERIFY(deriveResources("[1,2]").empty());
    }

    // The import stores derived resources beside listed ones, and the search bar finds them by type and name.
    void importStoresAndSearchFinds_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("eventIds");
        QTest::newRow("resourceType") << "resourceType:AWS::EC2::Instance" << QStringList{"run"};
        QTest::newRow("resourceName") << "resourceName:i-0abc" << QStringList{"run"};
        QTest::newRow("resourceName of a bucket") << "resourceName:evidence-bucket" << QStringList{"bucket"};
        QTest::newRow("policy by pattern") << "resourceName:*AdministratorAccess" << QStringList{"attach"};
        QTest::newRow("listed resources still found") << "resourceType:AWS::S3::Object" << QStringList{"object"};
        QTest::newRow("user type") << "resourceType:AWS::IAM::User" << QStringList{"attach"};
    }

    void importStoresAndSearchFinds()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, eventIds);
        QTemporaryDir dir;
        const QString casePath = dir.filePath(QStringLiteral("case.tscase"));
        const auto record = [](const char* id, const char* source, const char* name, const char* rest) {
            return makeRecord(QString::fromLatin1(id), QStringLiteral("2026-02-21T18:00:00Z"),
                              QString::fromLatin1(name), [&] {
                                  QJsonObject extra = QJsonDocument::fromJson(rest).object();
                                  extra.insert(QStringLiteral("eventSource"), QString::fromLatin1(source));
                                  return extra;
                              }());
        };
        const std::vector<QJsonObject> records{
            record("run", "ec2.amazonaws.com", "RunInstances",
                   R"({"responseElements":{"instancesSet":{"items":[{"instanceId":"i-0abc"}]}}})"),
            record("bucket", "s3.amazonaws.com", "CreateBucket",
                   R"({"requestParameters":{"bucketName":"evidence-bucket"}})"),
            record(
                "attach", "iam.amazonaws.com", "AttachUserPolicy",
                R"({"requestParameters":{"userName":"mallory","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}})"),
            record("object", "s3.amazonaws.com", "GetObject",
                   R"({"requestParameters":{"bucketName":"b","key":"k"},
                       "resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"}]})"),
        };
        const QString path = writeFile(dir.path(), QStringLiteral("trail.json"), jsonArray(records));
        QVERIFY(importPaths(casePath, {path}).has_value());
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM resources WHERE derived = 1")), 4);
        QCOMPARE(queryCount(casePath, QStringLiteral("SELECT count(*) FROM resources WHERE derived = 0")), 1);
        QCOMPARE(searchEventIds(casePath, search), eventIds);
        // The resource type facet counts them like listed ones.
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto parsed = parseSearch(QString());
        QVERIFY(parsed.has_value());
        const auto facets = computeFacets(*db, compileSearch(*parsed), {}, {findField(u"resourceType")}, 10);
        QVERIFY(facets.has_value());
        QStringList counted;
        for (const FacetValue& value : facets->front().top)
            counted << value.value + u'=' + QString::number(value.count);
        counted.sort();
        QCOMPARE(counted, (QStringList{"AWS::EC2::Instance=1", "AWS::IAM::Policy=1", "AWS::IAM::User=1",
                                       "AWS::S3::Bucket=1", "AWS::S3::Object=1"}));
    }
};

QTEST_GUILESS_MAIN(TestResourceTable)
#include "tst_resourcetable.moc"
