// The search-bar language and CloudWatch filter patterns, parsed to the tree the query builder compiles.
#include "query/searchparser.h"

#include <QTest>

using namespace Trailscope::Core::Query;

class TestSearchParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("tree");

        QTest::newRow("empty") << ""
                               << "(all)";
        QTest::newRow("blank") << "   "
                               << "(all)";
        QTest::newRow("field") << "eventName:RunInstances"
                               << R"((eventName : "RunInstances"))";
        QTest::newRow("equals is match") << "eventName=RunInstances"
                                         << R"((eventName : "RunInstances"))";
        QTest::newRow("alias any case") << "EVENTSOURCE:ec2.amazonaws.com"
                                        << R"((eventSource : "ec2.amazonaws.com"))";
        QTest::newRow("event history username") << "Username:alice"
                                                << R"((user : "alice"))";
        QTest::newRow("json path name") << "userIdentity.arn:x"
                                        << R"((userArn : "x"))";
        QTest::newRow("free word") << "g5.12xlarge"
                                   << R"((text "g5.12xlarge"))";
        QTest::newRow("free phrase") << R"("two words")"
                                     << R"((text "two words"))";
        QTest::newRow("arn is free text") << "arn:aws:iam::111122223333:role/Admin"
                                          << R"((text "arn:aws:iam::111122223333:role/Admin"))";
        QTest::newRow("unknown field is text") << "colour:blue"
                                               << R"((text "colour:blue"))";
        QTest::newRow("implicit and") << "eventName:A user:b"
                                      << R"((and (eventName : "A") (user : "b")))";
        QTest::newRow("explicit and") << "eventName:A AND user:b"
                                      << R"((and (eventName : "A") (user : "b")))";
        QTest::newRow("and binds tighter than or") << "eventName:A user:b OR eventName:C"
                                                   << R"((or (and (eventName : "A") (user : "b")) (eventName : "C")))";
        QTest::newRow("or then and") << "a OR b c"
                                     << R"((or (text "a") (and (text "b") (text "c"))))";
        QTest::newRow("parentheses") << "eventName:A (user:b OR user:c)"
                                     << R"((and (eventName : "A") (or (user : "b") (user : "c"))))";
        QTest::newRow("nested parentheses") << "((a))"
                                            << R"((text "a"))";
        QTest::newRow("minus field") << "-readOnly:true"
                                     << R"((not (readOnly : "true")))";
        QTest::newRow("minus text") << "-foo"
                                    << R"((not (text "foo")))";
        QTest::newRow("minus phrase") << R"(-"a b")"
                                      << R"((not (text "a b")))";
        QTest::newRow("minus group") << "-(a OR b)"
                                     << R"((not (or (text "a") (text "b"))))";
        QTest::newRow("not keyword") << "NOT eventName:A"
                                     << R"((not (eventName : "A")))";
        QTest::newRow("not not") << "NOT NOT a"
                                 << R"((not (not (text "a"))))";
        QTest::newRow("lower-case keywords are words") << "a or b"
                                                       << R"((and (text "a") (text "or") (text "b")))";
        QTest::newRow("lone dash is a word") << "a - b"
                                             << R"((and (text "a") (text "-") (text "b")))";
        QTest::newRow("not equal") << "errorCode!=AccessDenied"
                                   << R"((not (errorCode : "AccessDenied")))";
        QTest::newRow("time ge") << "time>=2026-02-21T18:00Z"
                                 << R"((time >= "2026-02-21T18:00Z"))";
        QTest::newRow("time gt") << "time>2026-02-21"
                                 << R"((time > "2026-02-21"))";
        QTest::newRow("time lt") << "eventTime<2026-02-21T18"
                                 << R"((time < "2026-02-21T18"))";
        QTest::newRow("time le") << "time<=2026-02"
                                 << R"((time <= "2026-02"))";
        QTest::newRow("version ge") << "version>=1.08"
                                    << R"((version >= "1.08"))";
        QTest::newRow("wildcard") << "eventName:Delete*"
                                  << R"((eventName : "Delete*"))";
        QTest::newRow("quoted value") << R"(userAgent:"aws-cli/2.15 Python")"
                                      << R"((userAgent : "aws-cli/2.15 Python"))";
        QTest::newRow("quoted value with quote") << "errorMessage:\"say \\\"hi\\\"\""
                                                 << "(errorMessage : \"say \\\"hi\\\"\")";
        QTest::newRow("escaped star") << "errorMessage:a\\*b"
                                      << "(errorMessage : \"a\\*b\")";
        QTest::newRow("escaped star quoted") << "errorMessage:\"a\\*b*\""
                                             << "(errorMessage : \"a\\*b*\")";
        QTest::newRow("any value") << "errorCode:*"
                                   << R"((errorCode : "*"))";
        QTest::newRow("ipv4 cidr") << "ip:10.0.0.0/8"
                                   << R"((ip : "10.0.0.0/8"))";
        QTest::newRow("ipv6 cidr") << "ip:2001:db8::/32"
                                   << R"((ip : "2001:db8::/32"))";
        QTest::newRow("ip service name") << "ip:ec2.amazonaws.com"
                                         << R"((ip : "ec2.amazonaws.com"))";
        QTest::newRow("paren ends a value") << "(eventName:A OR eventName:B)"
                                            << R"((or (eventName : "A") (eventName : "B")))";
        QTest::newRow("resource arn value") << "resource:arn:aws:s3:::bucket/key"
                                            << R"((resource : "arn:aws:s3:::bucket/key"))";
        QTest::newRow("issue example")
            << R"(eventName:RunInstances user:dev-temp-key ip:185.220.101.0/24 -readOnly:true time>=2026-02-21T18:00Z "g5.12xlarge")"
            << R"((and (eventName : "RunInstances") (user : "dev-temp-key") (ip : "185.220.101.0/24") )"
               R"((not (readOnly : "true")) (time >= "2026-02-21T18:00Z") (text "g5.12xlarge")))";

        // CloudWatch Logs JSON filter patterns.
        QTest::newRow("pattern string") << R"({ $.eventName = "ConsoleLogin" })"
                                        << R"((json $.eventName = "ConsoleLogin"))";
        QTest::newRow("pattern bare string") << "{$.eventSource=kms.amazonaws.com}"
                                             << R"((json $.eventSource = "kms.amazonaws.com"))";
        QTest::newRow("pattern wildcard") << R"({ $.sourceIPAddress != 123.123.* })"
                                          << R"((json $.sourceIPAddress != "123.123.*"))";
        QTest::newRow("pattern number") << "{ $.number[0] = 1e+3 }"
                                        << "(json $.number[0] = 1e+3)";
        QTest::newRow("pattern numeric compare") << "{ $.latency >= -5.5 }"
                                                 << "(json $.latency >= -5.5)";
        QTest::newRow("pattern is null") << "{ $.SomeObject IS NULL }"
                                         << "(json $.SomeObject IS NULL)";
        QTest::newRow("pattern is true") << "{ $.readOnly IS TRUE }"
                                         << "(json $.readOnly IS TRUE)";
        QTest::newRow("pattern is false") << "{ $.readOnly IS FALSE }"
                                          << "(json $.readOnly IS FALSE)";
        QTest::newRow("pattern not exists") << "{ $.userIdentity.invokedBy NOT EXISTS }"
                                            << "(json $.userIdentity.invokedBy NOT EXISTS)";
        QTest::newRow("pattern and over or") << R"({ $.a = 1 || $.b = 2 && $.c = 3 })"
                                             << "(or (json $.a = 1) (and (json $.b = 2) (json $.c = 3)))";
        QTest::newRow("pattern parentheses") << R"({ ($.a = 1 || $.b = 2) && $.c = 3 })"
                                             << "(and (or (json $.a = 1) (json $.b = 2)) (json $.c = 3))";
        QTest::newRow("pattern array index") << R"({ $.resources[1].ARN = "x" })"
                                             << R"((json $.resources[1].ARN = "x"))";
        QTest::newRow("pattern array wildcard") << R"({ $.resources[*].type = "AWS::S3::*" })"
                                                << R"((json $.resources[*].type = "AWS::S3::*"))";
        QTest::newRow("pattern member wildcard") << R"({ $.* = "x" })"
                                                 << R"((json $.* = "x"))";
        QTest::newRow("pattern quoted key") << R"({ $.['cluster.name'] = "x" })"
                                            << R"((json $.['cluster.name'] = "x"))";
        QTest::newRow("pattern regex") << "{ $.eventType = %Trail% }"
                                       << "(json $.eventType = %Trail%)";
        QTest::newRow("pattern leading space") << "  {$.a=b}"
                                               << R"((json $.a = "b"))";
        QTest::newRow("cis root")
            << R"({$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"})"
            << R"((and (json $.userIdentity.type = "Root") (json $.userIdentity.invokedBy NOT EXISTS) )"
               R"((json $.eventType != "AwsServiceEvent")))";
    }

    void parses()
    {
        QFETCH(QString, search);
        QFETCH(QString, tree);
        const auto parsed = parseSearch(search);
        QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(dumpSearch(*parsed), tree);
    }

    // Views narrow a search by combining trees (issue 13): the text of either side never changes what the other means.
    void combinesTreesNotTexts_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("narrowing");
        QTest::addColumn<QString>("tree");
        QTest::newRow("an OR without spaces stays one side")
            << "eventName:A OR(user:b)"
            << "region:eu-west-1"
            << R"((and (or (eventName : "A") (user : "b")) (region : "eu-west-1")))";
        QTest::newRow("a filter pattern and a term")
            << R"({ $.errorCode = "AccessDenied*" })"
            << "user:alice"
            << R"((and (json $.errorCode = "AccessDenied*") (user : "alice")))";
        QTest::newRow("an empty search drops out") << ""
                                                   << "-user:*"
                                                   << R"((not (user : "*")))";
        QTest::newRow("ANDs are flattened")
            << "eventName:A user:b"
            << "region:x ip:10.0.0.0/8"
            << R"((and (eventName : "A") (user : "b") (region : "x") (ip : "10.0.0.0/8")))";
        QTest::newRow("both empty") << ""
                                    << ""
                                    << "(all)";
    }

    void combinesTreesNotTexts()
    {
        QFETCH(QString, base);
        QFETCH(QString, narrowing);
        QFETCH(QString, tree);
        auto left = parseSearch(base);
        auto right = parseSearch(narrowing);
        QVERIFY(left.has_value() && right.has_value());
        QCOMPARE(dumpSearch(allOf({std::move(*left), std::move(*right)})), tree);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");

        QTest::newRow("missing value") << "eventName: x" << 10 << "expected a value after 'eventName:'";
        QTest::newRow("missing value at end") << "a eventName:" << 12 << "expected a value";
        QTest::newRow("unterminated quote") << "a \"bc" << 2 << "unterminated quoted value";
        QTest::newRow("unterminated quoted value") << "user:\"bc" << 5 << "unterminated quoted value";
        QTest::newRow("unclosed paren") << "a (b OR c" << 2 << "unclosed '('";
        QTest::newRow("unmatched paren") << "a b) c" << 3 << "unmatched ')'";
        QTest::newRow("empty parens") << "a () b" << 2 << "empty parentheses";
        QTest::newRow("or at end") << "a OR" << 4 << "expected a search term at the end";
        QTest::newRow("or at start") << "OR a" << 0 << "expected a search term before OR";
        QTest::newRow("and and") << "a AND AND b" << 6 << "expected a search term before AND";
        QTest::newRow("not at end") << "a NOT" << 5 << "expected a search term at the end";
        QTest::newRow("not before paren") << "(a NOT)" << 6 << "expected a search term before ')'";
        QTest::newRow("order on string") << "eventName>x" << 9 << "eventName does not support >";
        QTest::newRow("order on ip") << "x ip>=10.0.0.1" << 4 << "ip does not support >=";
        QTest::newRow("bad time") << "time:yesterday" << 5 << "not a time";
        QTest::newRow("bad month") << "time>=2026-13-01" << 6 << "not a time";
        QTest::newRow("bad day") << "time:2026-02-30" << 5 << "not a time";
        QTest::newRow("time wildcard") << "time:2026-02*" << 5 << "not a time";
        QTest::newRow("time star order") << "time>*" << 5 << "needs a time";
        QTest::newRow("bad boolean") << "readOnly:maybe" << 9 << "readOnly takes true or false";
        QTest::newRow("bad version") << "version:one" << 8 << "version takes a number";
        QTest::newRow("wildcard exact id") << "eventId:abc*" << 8 << "eventId takes an exact value";
        QTest::newRow("bad prefix length") << "ip:10.0.0.0/33" << 3 << "not a valid network prefix length";
        QTest::newRow("bad v6 prefix length") << "ip:2001:db8::/129" << 3 << "not a valid network prefix length";

        QTest::newRow("pattern unclosed") << "{ $.a = 1" << 0 << "unclosed '{'";
        QTest::newRow("pattern empty") << "{ }" << 2 << "empty filter pattern";
        QTest::newRow("pattern no selector") << "{ a = 1 }" << 2 << "expected a property selector";
        QTest::newRow("pattern no operator") << "{ $.a 1 }" << 6 << "expected an operator";
        QTest::newRow("pattern no value") << "{ $.a = }" << 8 << "expected a value";
        QTest::newRow("pattern two wildcards") << "{ $.a[*].b[*] = 1 }" << 10 << "only one wildcard";
        QTest::newRow("pattern bad index") << "{ $.a[x] = 1 }" << 6 << "expected an array index";
        QTest::newRow("pattern ordered string") << R"({ $.a > "x" })" << 8 << "quoted value";
        QTest::newRow("pattern ordered word") << "{ $.a < abc }" << 8 << "expected a number";
        QTest::newRow("pattern is not") << "{ $.a IS NOT NULL }" << 9 << "expected NULL, TRUE or FALSE";
        QTest::newRow("pattern exists") << "{ $.a EXISTS }" << 6 << "EXISTS is not supported";
        QTest::newRow("pattern trailing") << "{ $.a = 1 } x" << 12 << "unexpected text after";
        QTest::newRow("pattern unclosed paren") << "{ ($.a = 1 }" << 2 << "unclosed '('";
        QTest::newRow("pattern dangling and") << "{ $.a = 1 && }" << 13 << "expected a property selector";
        QTest::newRow("pattern bad regex") << "{ $.a = %ab[% }" << 12 << "invalid regular expression";
        QTest::newRow("pattern offset") << "   { $.a = }" << 11 << "expected a value";
    }

    void errors()
    {
        QFETCH(QString, search);
        QFETCH(int, position);
        QFETCH(QString, message);
        const auto parsed = parseSearch(search);
        QVERIFY2(!parsed.has_value(), qPrintable(parsed ? dumpSearch(*parsed) : QString()));
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
        QCOMPARE(parsed.error().position, qsizetype(position));
    }

    void decodesValues()
    {
        const auto day = parseSearch(u"time:2026-02-21");
        QVERIFY(day.has_value());
        QCOMPARE(day->time->start, 1771632000000LL); // 2026-02-21T00:00:00Z
        QCOMPARE(day->time->end - day->time->start, 86400000LL);
        const auto hour = parseSearch(u"time:2026-02-21T18");
        QVERIFY(hour.has_value());
        QCOMPARE(hour->time->start, 1771632000000LL + 18 * 3600000LL);
        QCOMPARE(hour->time->end - hour->time->start, 3600000LL);
        const auto zoned = parseSearch(u"time>=2026-02-21T20:00+02:00");
        QVERIFY(zoned.has_value());
        QCOMPARE(zoned->time->start, 1771632000000LL + 18 * 3600000LL);
        const auto millis = parseSearch(u"time:2026-02-21T00:00:00.250Z");
        QVERIFY(millis.has_value());
        QCOMPARE(millis->time->start, 1771632000250LL);
        QCOMPARE(millis->time->end, 1771632000251LL);
        const auto month = parseSearch(u"time:2024-02");
        QVERIFY(month.has_value());
        QCOMPARE(month->time->end - month->time->start, 29 * 86400000LL); // leap year
        const auto version = parseSearch(u"version:1.10");
        QVERIFY(version.has_value());
        QCOMPARE(version->version->major, 1);
        QCOMPARE(version->version->minor, 10);
        const auto network = parseSearch(u"ip:10.1.2.3/8");
        QVERIFY(network.has_value() && network->network.has_value());
        QVERIFY(network->network->contains(std::string_view("10.200.0.1")));
        QVERIFY(!network->network->contains(std::string_view("11.0.0.1")));
        QVERIFY(!network->network->contains(std::string_view("::ffff:10.0.0.1")));
        const auto v6 = parseSearch(u"ip:2001:db8::/32");
        QVERIFY(v6.has_value() && v6->network.has_value());
        QVERIFY(v6->network->contains(std::string_view("2001:db8:ffff::1")));
        QVERIFY(v6->network->contains(std::string_view("2001:DB8::1")));
        QVERIFY(!v6->network->contains(std::string_view("2001:db9::1")));
        const auto name = parseSearch(u"ip:ec2.amazonaws.com");
        QVERIFY(name.has_value() && !name->network.has_value());
        const auto boolean = parseSearch(u"readOnly:TRUE");
        QVERIFY(boolean.has_value() && boolean->boolean == true);
    }

    void filterPatternSpecRoundTrips()
    {
        const auto parsed = parseSearch(u"{ $.resources[*].ARN = \"arn:*:s3:::b\\*\" }");
        QVERIFY(parsed.has_value());
        const JsonCondition& condition = *parsed->json;
        const auto back = JsonCondition::fromSpec(condition.toSpec());
        QVERIFY(back.has_value());
        QCOMPARE(back->path.size(), condition.path.size());
        QCOMPARE(back->path[1].kind, JsonStep::Kind::AnyMember);
        QCOMPARE(back->pattern.pieces, condition.pattern.pieces);
        QCOMPARE(back->op, condition.op);
    }
};

QTEST_GUILESS_MAIN(TestSearchParser)
#include "tst_searchparser.moc"
