#include "record/recordparser.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace Trailscope::Core;

namespace {

struct Parsed
{
    EventBatch batch;
    QString view(const TextRef& ref) const
    {
        const std::string_view text = batch.view(ref);
        return ref.present ? QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))
                           : QStringLiteral("<absent>");
    }
    const ParsedEvent& event() const { return batch.events.front(); }
};

Parsed parseOne(const QByteArray& json, RecordEncoding encoding = RecordEncoding::Json, std::uint64_t offset = 0)
{
    Parsed parsed;
    RecordParser parser;
    RecordSlice slice;
    slice.json = std::string_view(json.constData(), static_cast<std::size_t>(json.size()));
    slice.offset = offset;
    slice.length = static_cast<std::uint64_t>(json.size());
    slice.index = 4;
    slice.line = 9;
    parser.parse(slice, encoding, parsed.batch);
    return parsed;
}

QByteArray withIdentity(const QJsonObject& identity)
{
    return Trailscope::Test::compact(
        Trailscope::Test::makeRecord(QStringLiteral("e1"), QStringLiteral("2026-02-21T18:04:05Z"), QStringLiteral("X"),
                                     QJsonObject{{QStringLiteral("userIdentity"), identity}}));
}

} // namespace

class TestRecordParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedColumns()
    {
        QJsonObject overrides{
            {QStringLiteral("errorCode"), QStringLiteral("AccessDenied")},
            {QStringLiteral("errorMessage"), QStringLiteral("User is not authorized")},
            {QStringLiteral("readOnly"), QStringLiteral("false")}, // odd but real: a string
            {QStringLiteral("eventVersion"), QStringLiteral("1.11")},
            {QStringLiteral("sharedEventID"), QStringLiteral("5a5a5a5a-0000-4000-8000-000000000001")},
            {QStringLiteral("vpcEndpointId"), QStringLiteral("vpce-0123")},
            {QStringLiteral("sessionCredentialFromConsole"), QStringLiteral("true")},
            {QStringLiteral("responseElements"),
             QJsonObject{{QStringLiteral("ConsoleLogin"), QStringLiteral("Success")}}},
            {QStringLiteral("additionalEventData"), QJsonObject{{QStringLiteral("MFAUsed"), QStringLiteral("No")}}},
            {QStringLiteral("resources"),
             QJsonArray{QJsonObject{{QStringLiteral("ARN"), QStringLiteral("arn:aws-us-gov:s3:::bucket/key")},
                                    {QStringLiteral("accountId"), QStringLiteral("111122223333")},
                                    {QStringLiteral("type"), QStringLiteral("AWS::S3::Object")}},
                        QJsonObject{{QStringLiteral("ARNPrefix"), QStringLiteral("arn:aws-cn:s3:::bucket/")},
                                    {QStringLiteral("type"), QStringLiteral("AWS::S3::Object")}}}}};
        const Parsed p = parseOne(Trailscope::Test::compact(Trailscope::Test::makeRecord(
            QStringLiteral("6a7b8c9d-0000-4000-8000-00000000abcd"), QStringLiteral("2026-02-21 18:04:05.250"),
            QStringLiteral("ConsoleLogin"), overrides)));
        QCOMPARE(p.batch.events.size(), std::size_t(1));
        QVERIFY(p.batch.rejected.empty());
        const ParsedEvent& e = p.event();
        QCOMPARE(p.view(e.eventId), QStringLiteral("6a7b8c9d-0000-4000-8000-00000000abcd"));
        QCOMPARE(e.time.value_or(-1), qint64(1771697045250));
        QCOMPARE(e.versionMajor, 1);
        QCOMPARE(e.versionMinor, 11);
        QCOMPARE(p.view(e.name), QStringLiteral("ConsoleLogin"));
        QCOMPARE(p.view(e.source), QStringLiteral("ec2.amazonaws.com"));
        QCOMPARE(p.view(e.region), QStringLiteral("us-east-1"));
        QCOMPARE(p.view(e.recipientAccount), QStringLiteral("111122223333"));
        QCOMPARE(p.view(e.sourceIp), QStringLiteral("198.51.100.7"));
        QCOMPARE(p.view(e.errorCode), QStringLiteral("AccessDenied"));
        QCOMPARE(p.view(e.errorMessage), QStringLiteral("User is not authorized"));
        QCOMPARE(p.view(e.sharedEventId), QStringLiteral("5a5a5a5a-0000-4000-8000-000000000001"));
        QCOMPARE(p.view(e.vpcEndpointId), QStringLiteral("vpce-0123"));
        QCOMPARE(p.view(e.sessionCredentialFromConsole), QStringLiteral("true"));
        QCOMPARE(p.view(e.consoleLogin), QStringLiteral("Success"));
        QCOMPARE(p.view(e.mfaUsed), QStringLiteral("No"));
        QCOMPARE(e.readOnly, 0);
        QCOMPARE(e.managementEvent, 1);
        QCOMPARE(p.view(e.tls.version), QStringLiteral("TLSv1.3"));
        QCOMPARE(p.view(e.tls.hostHeader), QStringLiteral("ec2.us-east-1.amazonaws.com"));
        QCOMPARE(p.view(e.identity.type), QStringLiteral("IAMUser"));
        QCOMPARE(p.view(e.identity.accessKeyId), QStringLiteral("AKIAEXAMPLEALICE0001"));
        QCOMPARE(p.view(e.identity.user), QStringLiteral("alice"));
        QCOMPARE(p.batch.resources.size(), std::size_t(2));
        QCOMPARE(p.view(p.batch.resources[0].arn), QStringLiteral("arn:aws-us-gov:s3:::bucket/key"));
        QVERIFY(!p.batch.resources[0].arnIsPrefix);
        QCOMPARE(p.view(p.batch.resources[1].arn), QStringLiteral("arn:aws-cn:s3:::bucket/"));
        QVERIFY(p.batch.resources[1].arnIsPrefix);
        QCOMPARE(e.flags, 0u);
    }

    void userIsDerived_data()
    {
        QTest::addColumn<QJsonObject>("identity");
        QTest::addColumn<QString>("user");
        QTest::newRow("userName wins") << QJsonObject{{QStringLiteral("type"), QStringLiteral("IAMUser")},
                                                      {QStringLiteral("userName"), QStringLiteral("bob")},
                                                      {QStringLiteral("arn"),
                                                       QStringLiteral("arn:aws:iam::1:user/bob")}}
                                       << "bob";
        QTest::newRow("assumed-role session name")
            << QJsonObject{{QStringLiteral("type"), QStringLiteral("AssumedRole")},
                           {QStringLiteral("arn"),
                            QStringLiteral("arn:aws:sts::111122223333:assumed-role/Admin/dev-session")},
                           {QStringLiteral("sessionContext"),
                            QJsonObject{{QStringLiteral("sessionIssuer"),
                                         QJsonObject{{QStringLiteral("userName"), QStringLiteral("Admin")}}}}}}
            << "dev-session";
        QTest::newRow("issuer name without session")
            << QJsonObject{{QStringLiteral("type"), QStringLiteral("AssumedRole")},
                           {QStringLiteral("sessionContext"),
                            QJsonObject{{QStringLiteral("sessionIssuer"),
                                         QJsonObject{{QStringLiteral("userName"), QStringLiteral("Admin")}}}}}}
            << "Admin";
        QTest::newRow("invokedBy last") << QJsonObject{{QStringLiteral("type"), QStringLiteral("AWSService")},
                                                       {QStringLiteral("invokedBy"),
                                                        QStringLiteral("ec2.amazonaws.com")}}
                                        << "ec2.amazonaws.com";
        QTest::newRow("no type at all") << QJsonObject{{QStringLiteral("userName"), QStringLiteral("carol")}}
                                        << "carol";
        QTest::newRow("nothing") << QJsonObject{{QStringLiteral("type"), QStringLiteral("Root")}} << "<absent>";
    }

    void userIsDerived()
    {
        QFETCH(QJsonObject, identity);
        QFETCH(QString, user);
        const Parsed p = parseOne(withIdentity(identity));
        QCOMPARE(p.view(p.event().identity.user), user);
    }

    // Some tools write keys in another case ("accountid", "sessioncontext"): the typed columns still get them.
    void keysMatchInAnyCase()
    {
        const QJsonObject issuer{{QStringLiteral("type"), QStringLiteral("Role")},
                                 {QStringLiteral("arn"), QStringLiteral("arn:aws:iam::112233445566:role/TestAdmin")},
                                 {QStringLiteral("username"), QStringLiteral("TestAdmin")}};
        const QJsonObject identity{
            {QStringLiteral("type"), QStringLiteral("AssumedRole")},
            {QStringLiteral("principalid"), QStringLiteral("AROAEXAMPLE:alan")},
            {QStringLiteral("accountid"), QStringLiteral("112233445566")},
            {QStringLiteral("accesskeyid"), QStringLiteral("ASIAEXAMPLE")},
            {QStringLiteral("sessioncontext"),
             QJsonObject{{QStringLiteral("sessionissuer"), issuer},
                         {QStringLiteral("attributes"),
                          QJsonObject{{QStringLiteral("mfaauthenticated"), QStringLiteral("true")}}}}}};
        QJsonObject record =
            Trailscope::Test::makeRecord(QStringLiteral("e1"), QStringLiteral("2026-02-21T18:04:05Z"),
                                         QStringLiteral("X"), QJsonObject{{QStringLiteral("userIdentity"), identity}});
        record[QStringLiteral("EVENTSOURCE")] = record.take(QStringLiteral("eventSource"));
        const Parsed p = parseOne(Trailscope::Test::compact(record));
        QCOMPARE(p.batch.events.size(), std::size_t(1));
        const IdentityFields& id = p.event().identity;
        QCOMPARE(p.view(id.principalId), QStringLiteral("AROAEXAMPLE:alan"));
        QCOMPARE(p.view(id.accountId), QStringLiteral("112233445566"));
        QCOMPARE(p.view(id.accessKeyId), QStringLiteral("ASIAEXAMPLE"));
        QCOMPARE(p.view(id.issuerArn), QStringLiteral("arn:aws:iam::112233445566:role/TestAdmin"));
        QCOMPARE(p.view(id.issuerName), QStringLiteral("TestAdmin"));
        QCOMPARE(p.view(id.mfaAuthenticated), QStringLiteral("true"));
        QCOMPARE(p.view(p.event().source), record.value(QStringLiteral("EVENTSOURCE")).toString());
    }

    void identityAsString()
    {
        QJsonObject record = Trailscope::Test::makeRecord(QStringLiteral("e1"), QStringLiteral("2026-02-21T18:04:05Z"));
        record[QStringLiteral("userIdentity")] = QStringLiteral("None");
        const Parsed p = parseOne(Trailscope::Test::compact(record));
        QCOMPARE(p.batch.events.size(), std::size_t(1));
        QVERIFY(!p.event().identity.type.present);
    }

    void problems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("stored");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid json") << QByteArray("{\"eventID\":\"x\",}") << 0 << "invalid-json";
        QTest::newRow("invalid utf-8") << QByteArray("{\"eventID\":\"x\xff\",\"eventTime\":\"2026-02-21T00:00:00Z\"}")
                                       << 0 << "invalid-utf8";
        QTest::newRow("too deep") << QByteArray("{\"eventID\":\"x\",\"eventName\":\"y\",\"p\":" + QByteArray(500, '[') +
                                                QByteArray(500, ']') + "}")
                                  << 0 << "too-deep";
        QTest::newRow("not a record") << QByteArray("{\"index\":1,\"rule\":\"x\"}") << 0 << "not-a-record";
        QTest::newRow("missing eventTime is kept")
            << QByteArray("{\"eventID\":\"x\",\"eventName\":\"y\"}") << 1 << "missing-event-time";
        QTest::newRow("redacted eventTime is kept")
            << QByteArray("{\"eventID\":\"x\",\"eventName\":\"y\",\"eventTime\":\"redacted\"}") << 1
            << "unusable-event-time";
        QTest::newRow("missing eventID is kept")
            << QByteArray("{\"eventName\":\"y\",\"eventTime\":\"2026-02-21T00:00:00Z\"}") << 1 << "missing-event-id";
    }

    void problems()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, stored);
        QFETCH(QString, code);
        const Parsed p = parseOne(json);
        QCOMPARE(int(p.batch.events.size()), stored);
        const std::vector<Error>& list = stored ? p.batch.warnings : p.batch.rejected;
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(errorCodeName(list.front().code), code);
        QCOMPARE(list.front().record, qint64(4));
        QCOMPARE(list.front().line, qint64(9));
    }

    void synthesizedIdIsStable()
    {
        const QByteArray json = "{\"eventName\":\"y\",\"eventTime\":\"2026-02-21T00:00:00Z\"}";
        const Parsed first = parseOne(json);
        const Parsed again = parseOne("{ \"eventName\" : \"y\", \"eventTime\" : \"2026-02-21T00:00:00Z\" }");
        QVERIFY(first.view(first.event().eventId).startsWith(QStringLiteral("ts-")));
        QCOMPARE(first.event().flags & FlagSynthesizedId, std::uint32_t(FlagSynthesizedId));
        QCOMPARE(first.view(first.event().eventId), again.view(again.event().eventId));
        QCOMPARE(contentHashOf(std::string_view(json.constData(), std::size_t(json.size()))),
                 contentHashOf("{ \"eventName\" : \"y\", \"eventTime\" : \"2026-02-21T00:00:00Z\" }"));
    }

    void eventBridgeDetailIsLocated()
    {
        const QByteArray detail = Trailscope::Test::compact(
            Trailscope::Test::makeRecord(QStringLiteral("eb-1"), QStringLiteral("2026-02-21T18:04:05Z")));
        const QByteArray envelope = "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"AWS API Call via CloudTrail\","
                                    "\"source\":\"aws.ec2\",\"detail\": " +
                                    detail + " ,\"region\":\"us-east-1\"}";
        const Parsed p = parseOne(envelope, RecordEncoding::Json, 1000);
        QCOMPARE(p.batch.events.size(), std::size_t(1));
        const ParsedEvent& e = p.event();
        QCOMPARE(p.view(e.eventId), QStringLiteral("eb-1"));
        QCOMPARE(envelope.mid(qsizetype(e.offset - 1000), qsizetype(e.length)), detail);
    }

    void lookupEventsItem()
    {
        const QByteArray inner = Trailscope::Test::compact(
            Trailscope::Test::makeRecord(QStringLiteral("le-1"), QStringLiteral("2026-02-21T18:04:05Z")));
        const QJsonObject item{{QStringLiteral("EventId"), QStringLiteral("le-1")},
                               {QStringLiteral("CloudTrailEvent"), QString::fromUtf8(inner)}};
        const Parsed p = parseOne(Trailscope::Test::compact(item), RecordEncoding::LookupEvents);
        QCOMPARE(p.batch.events.size(), std::size_t(1));
        QCOMPARE(p.view(p.event().eventId), QStringLiteral("le-1"));
        QCOMPARE(p.view(p.event().identity.userName), QStringLiteral("alice"));
    }

    void insightDetails()
    {
        const QByteArray json =
            "{\"eventVersion\":\"1.08\",\"eventTime\":\"2023-01-02T00:22:00Z\",\"awsRegion\":\"us-east-1\","
            "\"eventID\":\"i-1\",\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\"123456789012\","
            "\"sharedEventID\":\"s-1\",\"insightDetails\":{\"state\":\"End\",\"eventSource\":\"ssm.amazonaws.com\","
            "\"eventName\":\"UpdateInstanceInformation\",\"insightType\":\"ApiCallRateInsight\","
            "\"insightContext\":{\"statistics\":{\"baseline\":{\"average\":74.156423842},"
            "\"insight\":{\"average\":657},\"insightDuration\":1}}},\"eventCategory\":\"Insight\"}";
        const Parsed p = parseOne(json);
        QCOMPARE(p.batch.events.size(), std::size_t(1));
        const auto& insight = p.event().insight;
        QVERIFY(insight.has_value());
        QCOMPARE(p.view(insight->state), QStringLiteral("End"));
        QCOMPARE(p.view(insight->eventName), QStringLiteral("UpdateInstanceInformation"));
        QCOMPARE(p.view(insight->insightType), QStringLiteral("ApiCallRateInsight"));
        QCOMPARE(insight->baselineAverage.value_or(-1), 74.156423842);
        QCOMPARE(insight->insightAverage.value_or(-1), 657.0);
        QCOMPARE(insight->insightDuration.value_or(-1), qint64(1));
        QCOMPARE(p.view(p.event().category), QStringLiteral("Insight"));
    }
};

QTEST_GUILESS_MAIN(TestRecordParser)
#include "tst_recordparser.moc"
