// Sigma constructs and modifiers one by one, each on records it must and must not match; and rules that use what
// Trailscope does not support are refused with the reason.
#include "detect/sigmarule.h"

#include <QTest>

#include <simdjson.h>

using namespace Trailscope::Core::Detect;

namespace {

QByteArray ruleWith(const QByteArray& detection)
{
    return "title: Test rule\nid: 00000000-0000-4000-8000-000000000001\nstatus: test\nauthor: Tester\n"
           "tags:\n    - attack.t1562.008\nreferences:\n    - https://example.com/rule\n"
           "logsource:\n    product: aws\n    service: cloudtrail\ndetection:\n" +
           detection + "level: high\n";
}

const char* Record = "{\"eventName\":\"PutBucketPolicy\",\"eventSource\":\"s3.amazonaws.com\",\"errorCode\":null,"
                     "\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/"
                     "aws:ec2-instance/i-1\","
                     "\"userName\":\"alice\"},\"sourceIPAddress\":\"10.1.2.3\",\"userAgent\":\"S3 Browser 11.5\","
                     "\"requestParameters\":{\"bucketName\":\"Logs-Bucket\",\"userName\":\"arn:aws:sts::111122223333:"
                     "assumed-role/aws:ec2-instance/i-1\","
                     "\"policy\":\"{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":[\\\"s3:GetObject\\\"]}\",\"enable\":"
                     "false,\"maxItems\":50,\"tags\":[\"a\",\"prod-1\"]},"
                     "\"additionalEventData\":{\"MFAUsed\":\"No\"}}";

} // namespace

class TestSigmaRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metadata()
    {
        const auto rule = parseSigmaRule(ruleWith("    selection:\n        eventName: X\n    condition: selection\n"),
                                         QStringLiteral("x.yml"));
        QVERIFY(rule.has_value());
        QCOMPARE(rule->info.id, QStringLiteral("00000000-0000-4000-8000-000000000001"));
        QCOMPARE(rule->info.title, QStringLiteral("Test rule"));
        QCOMPARE(rule->info.level, QStringLiteral("high"));
        QCOMPARE(rule->info.author, QStringLiteral("Tester"));
        QCOMPARE(rule->info.tags, QStringList{QStringLiteral("attack.t1562.008")});
        QCOMPARE(rule->info.references, QStringList{QStringLiteral("https://example.com/rule")});
        QCOMPARE(rule->info.source, RuleSource::Sigma);
        QCOMPARE(rule->info.path, QStringLiteral("x.yml"));
    }

    void matches_data()
    {
        QTest::addColumn<QByteArray>("detection");
        QTest::addColumn<bool>("expected");
        const auto add = [](const char* name, const char* detection, bool expected) {
            QTest::newRow(name) << QByteArray(detection) << expected;
        };
        // Equality: case-insensitive unless cased; a list means any, a map means all.
        add("equal", "    s:\n        eventName: PutBucketPolicy\n    condition: s\n", true);
        add("equal other case", "    s:\n        eventName: putbucketpolicy\n    condition: s\n", true);
        add("equal miss", "    s:\n        eventName: PutBucketAcl\n    condition: s\n", false);
        add("cased miss", "    s:\n        eventName|cased: putbucketpolicy\n    condition: s\n", false);
        add("cased hit", "    s:\n        eventName|cased: PutBucketPolicy\n    condition: s\n", true);
        add("list any",
            "    s:\n        eventName:\n            - A\n            - PutBucketPolicy\n    condition: s\n", true);
        add("list none", "    s:\n        eventName:\n            - A\n            - B\n    condition: s\n", false);
        add("map all",
            "    s:\n        eventName: PutBucketPolicy\n        eventSource: s3.amazonaws.com\n    condition: s\n",
            true);
        add("map one fails",
            "    s:\n        eventName: PutBucketPolicy\n        eventSource: ec2.amazonaws.com\n    condition: s\n",
            false);
        add("list of maps",
            "    s:\n        - eventName: X\n        - eventSource: s3.amazonaws.com\n    condition: s\n", true);
        // Nested paths, numbers and booleans compare as their text.
        add("nested", "    s:\n        additionalEventData.MFAUsed: 'no'\n    condition: s\n", true);
        add("boolean", "    s:\n        requestParameters.enable: 'false'\n    condition: s\n", true);
        add("boolean miss", "    s:\n        requestParameters.enable: 'true'\n    condition: s\n", false);
        add("number", "    s:\n        requestParameters.maxItems: 50\n    condition: s\n", true);
        add("missing field", "    s:\n        requestParameters.nothing: x\n    condition: s\n", false);
        add("array element", "    s:\n        requestParameters.tags: prod-1\n    condition: s\n", true);
        // Wildcards and escapes.
        add("star", "    s:\n        eventName: Put*Policy\n    condition: s\n", true);
        add("question", "    s:\n        eventName: PutBucketPolic?\n    condition: s\n", true);
        add("question too short", "    s:\n        eventName: PutBucketPolicy?\n    condition: s\n", false);
        add("escaped star", "    s:\n        eventName: 'PutBucket\\*'\n    condition: s\n", false);
        // String modifiers.
        add("contains", "    s:\n        userAgent|contains: 's3 browser'\n    condition: s\n", true);
        add("contains miss", "    s:\n        userAgent|contains: 'cyberduck'\n    condition: s\n", false);
        add("startswith", "    s:\n        eventName|startswith: put\n    condition: s\n", true);
        add("startswith miss", "    s:\n        eventName|startswith: Bucket\n    condition: s\n", false);
        add("endswith", "    s:\n        eventName|endswith: Policy\n    condition: s\n", true);
        add("endswith miss", "    s:\n        eventName|endswith: Put\n    condition: s\n", false);
        add("contains all",
            "    s:\n        requestParameters|contains|all:\n            - '\"Allow\"'\n            - "
            "'\"s3:GetObject\"'\n"
            "    condition: s\n",
            true);
        add("contains all one missing",
            "    s:\n        requestParameters|contains|all:\n            - '\"Allow\"'\n            - "
            "'\"s3:PutObject\"'\n"
            "    condition: s\n",
            false);
        add("re", "    s:\n        userIdentity.arn|re: '.+:assumed-role/aws:.+'\n    condition: s\n", true);
        add("re is cased", "    s:\n        userIdentity.arn|re: 'ASSUMED-ROLE'\n    condition: s\n", false);
        add("re i", "    s:\n        userIdentity.arn|re|i: 'ASSUMED-ROLE'\n    condition: s\n", true);
        add("fieldref", "    s:\n        userIdentity.arn|fieldref: requestParameters.userName\n    condition: s\n",
            true);
        add("fieldref miss",
            "    s:\n        userIdentity.userName|fieldref: requestParameters.userName\n    condition: s\n", false);
        add("exists", "    s:\n        additionalEventData.MFAUsed|exists: true\n    condition: s\n", true);
        add("exists false", "    s:\n        additionalEventData.Nothing|exists: false\n    condition: s\n", true);
        add("exists of null", "    s:\n        errorCode|exists: true\n    condition: s\n", true);
        add("null is null", "    s:\n        errorCode: null\n    condition: s\n", true);
        add("null is absent", "    s:\n        errorMessage: null\n    condition: s\n", true);
        add("null miss", "    s:\n        eventName: null\n    condition: s\n", false);
        add("cidr", "    s:\n        sourceIPAddress|cidr: 10.0.0.0/8\n    condition: s\n", true);
        add("cidr miss", "    s:\n        sourceIPAddress|cidr: 192.168.0.0/16\n    condition: s\n", false);
        add("gte", "    s:\n        requestParameters.maxItems|gte: 50\n    condition: s\n", true);
        add("lt miss", "    s:\n        requestParameters.maxItems|lt: 50\n    condition: s\n", false);
        add("keyword", "    keywords:\n        - 'logs-bucket'\n    condition: keywords\n", true);
        add("keyword miss", "    keywords:\n        - 'other-bucket'\n    condition: keywords\n", false);
        // Conditions.
        add("and not",
            "    s:\n        eventName: PutBucketPolicy\n    f:\n        userAgent|contains: S3\n"
            "    condition: s and not f\n",
            false);
        add("or", "    s:\n        eventName: X\n    f:\n        userAgent|contains: S3\n    condition: s or f\n",
            true);
        add("parentheses",
            "    a:\n        eventName: X\n    b:\n        eventName: PutBucketPolicy\n    c:\n        eventSource: Y\n"
            "    condition: (a or b) and not c\n",
            true);
        add("precedence",
            "    a:\n        eventName: X\n    b:\n        eventName: PutBucketPolicy\n    c:\n        eventSource: Y\n"
            "    condition: b or a and c\n",
            true);
        add("1 of",
            "    sel_a:\n        eventName: X\n    sel_b:\n        eventSource: s3.amazonaws.com\n"
            "    condition: 1 of sel_*\n",
            true);
        add("all of",
            "    sel_a:\n        eventName: X\n    sel_b:\n        eventSource: s3.amazonaws.com\n"
            "    condition: all of sel_*\n",
            false);
        add("1 of them",
            "    a:\n        eventName: X\n    b:\n        eventSource: s3.amazonaws.com\n"
            "    condition: 1 of them\n",
            true);
        add("all of them",
            "    a:\n        eventName: PutBucketPolicy\n    b:\n        eventSource: s3.amazonaws.com\n"
            "    condition: all of them\n",
            true);
        add("not 1 of",
            "    s:\n        eventName: PutBucketPolicy\n    filter_a:\n        eventSource: x\n"
            "    filter_b:\n        sourceIPAddress: 'AWS Internal'\n    condition: s and not 1 of filter_*\n",
            true);
    }

    void matches()
    {
        QFETCH(QByteArray, detection);
        QFETCH(bool, expected);
        const auto rule = parseSigmaRule(ruleWith(detection));
        QVERIFY2(rule.has_value(), rule ? "" : qPrintable(describeProblem(rule.error())));
        simdjson::dom::parser parser;
        const std::string_view text(Record);
        const simdjson::dom::element record = parser.parse(text.data(), text.size()).value();
        QCOMPARE(matchesSigma(*rule, record, text), expected);
        // Narrowing by API never drops a match.
        if (expected)
            QVERIFY(mayMatchApi(*rule, "s3.amazonaws.com", "PutBucketPolicy"));
    }

    void narrowsByApi()
    {
        const auto rule =
            parseSigmaRule(ruleWith("    s:\n        eventSource: iam.amazonaws.com\n        eventName|startswith: "
                                    "Put\n    f:\n        userAgent: x\n    condition: s and not f\n"));
        QVERIFY(rule.has_value());
        QVERIFY(constrainsApi(*rule));
        QVERIFY(mayMatchApi(*rule, "iam.amazonaws.com", "PutUserPolicy"));
        QVERIFY(!mayMatchApi(*rule, "iam.amazonaws.com", "GetUser"));
        QVERIFY(!mayMatchApi(*rule, "s3.amazonaws.com", "PutBucketPolicy"));
        const auto open = parseSigmaRule(ruleWith("    s:\n        userIdentity.arn|re: x\n    condition: s\n"));
        QVERIFY(open.has_value());
        QVERIFY(!constrainsApi(*open));
        // The identity's fields narrow it instead: only identities whose ARN the expression finds.
        const std::vector<std::string> identity{"userIdentity.type", "userIdentity.arn"};
        QVERIFY(constrainsFields(*open, identity));
        QVERIFY(mayMatchFields(*open, identity, {std::string("IAMUser"), std::string("arn:aws:iam::1:user/x")}));
        QVERIFY(!mayMatchFields(*open, identity, {std::string("IAMUser"), std::string("arn:aws:iam::1:user/y")}));
        QVERIFY(!mayMatchFields(*open, identity, {std::string("IAMUser"), std::nullopt}));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        QTest::newRow("windash") << ruleWith("    s:\n        userAgent|windash: -x\n    condition: s\n")
                                 << int(RuleProblem::Kind::UnsupportedModifier) << "windash";
        QTest::newRow("base64offset") << ruleWith(
                                             "    s:\n        userAgent|base64offset|contains: x\n    condition: s\n")
                                      << int(RuleProblem::Kind::UnsupportedModifier) << "base64offset";
        QTest::newRow("aggregation") << ruleWith("    s:\n        eventName: X\n    condition: s | count() > 5\n")
                                     << int(RuleProblem::Kind::UnsupportedCondition) << "aggregation";
        QTest::newRow("unknown selection") << ruleWith("    s:\n        eventName: X\n    condition: t\n")
                                           << int(RuleProblem::Kind::BadCondition) << "t";
        QTest::newRow("null in list") << ruleWith("    s:\n        eventName:\n            - X\n            - null\n"
                                                  "    condition: s\n")
                                      << int(RuleProblem::Kind::BadValue) << "eventName: null";
        QTest::newRow("windows logsource")
            << QByteArray(
                   "title: x\nlogsource:\n    product: windows\ndetection:\n    s:\n        a: b\n    condition: s\n")
            << int(RuleProblem::Kind::NotCloudTrail) << "";
        QTest::newRow("not yaml") << QByteArray("title: [unclosed\n") << int(RuleProblem::Kind::NotYaml) << "*";
        QTest::newRow("no condition") << ruleWith("    s:\n        eventName: X\n")
                                      << int(RuleProblem::Kind::NoDetection) << "";
    }

    void refused()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        const auto rule = parseSigmaRule(yaml);
        QVERIFY(!rule.has_value());
        QCOMPARE(int(rule.error().kind), kind);
        if (detail != u"*")
            QCOMPARE(rule.error().detail, detail);
        QVERIFY(!describeProblem(rule.error()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSigmaRule)
#include "tst_sigmarule.moc"
