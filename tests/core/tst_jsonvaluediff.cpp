// Two copies of one record are the same event when they are equal as JSON values: key order does not matter, array
// order does, numbers compare as numbers. Where they differ is listed by key path for the conflict list.
#include "record/jsonvaluediff.h"

#include <QStringList>
#include <QTest>

using namespace Trailscope::Core;

class TestJsonValueDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differences_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("identical") << QByteArray(R"({"a":1,"b":"x"})") << QByteArray(R"({"a":1,"b":"x"})")
                                   << QStringList{};
        QTest::newRow("whitespace") << QByteArray(R"({"a": 1, "b": [1, 2]})") << QByteArray(R"({"a":1,"b":[1,2]})")
                                    << QStringList{};
        QTest::newRow("top-level key order")
            << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"b":2,"a":1})") << QStringList{};
        QTest::newRow("nested key order")
            << QByteArray(R"({"userIdentity":{"type":"IAMUser","sessionContext":{"attributes":{"a":"1","b":"2"}}}})")
            << QByteArray(R"({"userIdentity":{"sessionContext":{"attributes":{"b":"2","a":"1"}},"type":"IAMUser"}})")
            << QStringList{};
        QTest::newRow("numbers as numbers")
            << QByteArray(R"({"n":1,"d":0.5,"e":100})") << QByteArray(R"({"n":1.0,"d":5e-1,"e":1E2})") << QStringList{};
        QTest::newRow("string escapes") << QByteArray(R"({"s":"A\/B"})") << QByteArray(R"({"s":"\u0041/B"})")
                                        << QStringList{};
        QTest::newRow("a number is not its text")
            << QByteArray(R"({"n":1})") << QByteArray(R"({"n":"1"})") << QStringList{"n"};
        QTest::newRow("array order kept")
            << QByteArray(R"({"r":[{"ARN":"a"},{"ARN":"b"}]})") << QByteArray(R"({"r":[{"ARN":"b"},{"ARN":"a"}]})")
            << QStringList{"r[0].ARN", "r[1].ARN"};
        QTest::newRow("array length") << QByteArray(R"({"r":[1,2]})") << QByteArray(R"({"r":[1]})") << QStringList{"r"};
        QTest::newRow("a key on one side only")
            << QByteArray(R"({"a":1,"requestParameters":{"x":1}})")
            << QByteArray(R"({"requestParameters":{"x":1,"y":null},"a":1})") << QStringList{"requestParameters.y"};
        QTest::newRow("several paths, in key order")
            << QByteArray(R"({"sourceIPAddress":"1.2.3.4","userAgent":"a","eventName":"X"})")
            << QByteArray(R"({"userAgent":"b","eventName":"X","sourceIPAddress":"5.6.7.8"})")
            << QStringList{"sourceIPAddress", "userAgent"};
        QTest::newRow("null against a value")
            << QByteArray(R"({"r":null})") << QByteArray(R"({"r":{}})") << QStringList{"r"};
        QTest::newRow("booleans") << QByteArray(R"({"b":true})") << QByteArray(R"({"b":false})") << QStringList{"b"};
        QTest::newRow("different top-level kinds")
            << QByteArray(R"({"a":1})") << QByteArray(R"([1])") << QStringList{"(the whole record)"};
        QTest::newRow("invalid JSON, same bytes") << QByteArray(R"({"a":)") << QByteArray(R"({"a":)") << QStringList{};
        QTest::newRow("invalid JSON, other bytes")
            << QByteArray(R"({"a":)") << QByteArray(R"({"a":1})") << QStringList{"(not valid JSON)"};
    }

    void differences()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QStringList, paths);
        QStringList found;
        for (const std::string& path : jsonDifferences(left.toStdString(), right.toStdString()))
            found << QString::fromStdString(path);
        QCOMPARE(found, paths);
        // Symmetric: the same paths whichever copy comes first.
        QStringList reversed;
        for (const std::string& path : jsonDifferences(right.toStdString(), left.toStdString()))
            reversed << QString::fromStdString(path);
        QCOMPARE(reversed, paths);
    }

    void listsAtMostTheLimit()
    {
        QByteArray left = "{", right = "{";
        for (int i = 0; i < 50; ++i) {
            const QByteArray key = "\"k" + QByteArray::number(100 + i) + "\":";
            left += (i ? "," : "") + key + "1";
            right += (i ? "," : "") + key + "2";
        }
        left += '}';
        right += '}';
        const auto paths = jsonDifferences(left.toStdString(), right.toStdString(), 5);
        QCOMPARE(paths.size(), std::size_t(5));
        QCOMPARE(QString::fromStdString(paths.front()), QStringLiteral("k100"));
    }
};

QTEST_GUILESS_MAIN(TestJsonValueDiff)
#include "tst_jsonvaluediff.moc"
