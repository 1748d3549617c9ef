// The one result writer the CLI (query, lookup) and the window's SQL export share: every format, byte for byte.
#include "export/resultwriter.h"

#include <QJsonObject>
#include <QTest>

using namespace Trailscope::Core::Export;

namespace {

QByteArray written(Format format, const QStringList& columns, const std::vector<QJsonArray>& rows)
{
    QByteArray out;
    ResultWriter writer(format, [&out](const QByteArray& bytes) {
        out += bytes;
        return true;
    });
    if (!writer.begin(columns))
        return "<begin failed>";
    for (const QJsonArray& row : rows)
        if (!writer.row(row))
            return "<row failed>";
    if (!writer.finish())
        return "<finish failed>";
    return out;
}

const QStringList Columns{"name", "n", "name"};

std::vector<QJsonArray> rows()
{
    return {QJsonArray{"=cmd()", 1.5, true}, QJsonArray{QJsonValue(), 3, QJsonObject{{"k", "a,\"b\""}}}};
}

} // namespace

class TestResultWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("csv")
            << int(Format::Csv)
            << QByteArray("name,n,name\r\n'=cmd(),1.5,true\r\n,3,\"{\"\"k\"\":\"\"a,\\\"\"b\\\"\"\"\"}\"\r\n");
        QTest::newRow("json") << int(Format::Json)
                              << QByteArray(
                                     "{\"columns\":[\"name\",\"n\",\"name\"],\"rows\":[\n[\"=cmd()\",1.5,true],\n"
                                     "[null,3,{\"k\":\"a,\\\"b\\\"\"}]\n]}\n");
        QTest::newRow("json lines") << int(Format::JsonLines)
                                    << QByteArray("{\"name\":\"=cmd()\",\"n\":1.5}\n{\"name\":null,\"n\":3}\n");
        QTest::newRow("table") << int(Format::Table)
                               << QByteArray(
                                      "name    n    name\n=cmd()  1.5  true\n        3    {\"k\":\"a,\\\"b\\\"\"}\n");
    }

    void formats()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, expected);
        QCOMPARE(written(Format(format), Columns, rows()), expected);
    }

    void emptyResults()
    {
        QCOMPARE(written(Format::Json, {"a"}, {}), QByteArray("{\"columns\":[\"a\"],\"rows\":[]}\n"));
        QCOMPARE(written(Format::Table, {"a", "b"}, {}), QByteArray("a  b\n")); // the header says what would show
        QCOMPARE(written(Format::Csv, {"a"}, {}), QByteArray("a\r\n"));
    }

    void aFailingSinkFails()
    {
        ResultWriter writer(Format::Csv, [](const QByteArray&) { return false; });
        QVERIFY(!writer.begin({"a"}));
    }

    void formatNames()
    {
        QCOMPARE(formatNamed(u"jsonl"), std::optional<Format>(Format::JsonLines));
        QCOMPARE(formatNamed(u"table"), std::optional<Format>(Format::Table));
        QVERIFY(!formatNamed(u"xml"));
    }

    void cellTexts()
    {
        QCOMPARE(cellText(QJsonValue()), QString());
        QCOMPARE(cellText(QJsonValue(false)), QString("false"));
        QCOMPARE(cellText(QJsonValue(1e21)), QString("1e+21"));
        QCOMPARE(cellText(QJsonArray{1, "x"}), QString("[1,\"x\"]"));
    }
};

QTEST_GUILESS_MAIN(TestResultWriter)
#include "tst_resultwriter.moc"
