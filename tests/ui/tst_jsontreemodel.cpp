// The record tree: member order as in the record, decoded strings, paths, and a model that passes the model tester.
#include "common/jsonnode.h"
#include "common/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QTest>

using namespace Trailscope::Ui;

namespace {

QStringList childKeys(const JsonTreeModel& model, const QModelIndex& parent = {})
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(parent); ++row)
        keys << model.index(row, JsonTreeModel::KeyColumn, parent).data().toString();
    return keys;
}

QStringList allPaths(const JsonTreeModel& model, const QModelIndex& parent = {})
{
    QStringList paths;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        paths << index.data(JsonTreeModel::PathRole).toString();
        paths << allPaths(model, index);
    }
    return paths;
}

const QByteArray CloudTrailRecord =
    "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:dev\","
    "\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/dev\",\"sessionContext\":{\"sessionIssuer\":{"
    "\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/Admin\"},\"attributes\":{}}},"
    "\"eventTime\":\"2026-02-21T18:00:00Z\",\"resources\":[{\"accountId\":\"111122223333\",\"type\":"
    "\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::logs\"}],\"readOnly\":false,\"requestParameters\":null}";

} // namespace

class TestJsonTreeModel : public QObject
{
    Q_OBJECT

    JsonTreeModel m_model;
    QAbstractItemModelTester* m_tester = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        // One tester for the whole run: it checks every reset below as it happens.
        m_tester = new QAbstractItemModelTester(&m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    }

    void keyOrderIsTheRecordOrder()
    {
        QVERIFY(m_model.setRecord("{\"zeta\":1,\"alpha\":2,\"mid\":{\"b\":true,\"a\":null},\"Alpha\":3}"));
        QCOMPARE(childKeys(m_model), (QStringList{"zeta", "alpha", "mid", "Alpha"}));
        const QModelIndex mid = m_model.index(2, 0);
        QCOMPARE(childKeys(m_model, mid), (QStringList{"b", "a"}));
        QCOMPARE(m_model.index(0, JsonTreeModel::ValueColumn, mid).data().toString(), QString("true"));
        QCOMPARE(m_model.index(1, JsonTreeModel::TypeColumn, mid).data().toString(), QString("null"));
        QCOMPARE(m_model.index(2, JsonTreeModel::ValueColumn).data().toString(), QString("{2}"));
        QCOMPARE(m_model.index(2, JsonTreeModel::TypeColumn).data().toString(), QString("object"));
    }

    void pathsOfACloudTrailRecord()
    {
        QVERIFY(m_model.setRecord(CloudTrailRecord));
        const QStringList paths = allPaths(m_model);
        QVERIFY(paths.contains("userIdentity.sessionContext.sessionIssuer.arn"));
        QVERIFY(paths.contains("resources[0].ARN"));
        QVERIFY(paths.contains("userIdentity.sessionContext.attributes"));
        const QModelIndex arn = m_model.indexForPath("userIdentity.sessionContext.sessionIssuer.arn");
        QVERIFY(arn.isValid());
        QCOMPARE(arn.data(JsonTreeModel::ValueRole).toString(), QString("arn:aws:iam::111122223333:role/Admin"));
        QCOMPARE(arn.data().toString(), QString("arn"));
        const QModelIndex resource = m_model.indexForPath("resources[0]");
        QCOMPARE(resource.data().toString(), QString("[0]"));
        QCOMPARE(childKeys(m_model, resource), (QStringList{"accountId", "type", "ARN"}));
        QCOMPARE(m_model.indexForPath("resources[0].ARN").data(JsonTreeModel::ValueRole).toString(),
                 QString("arn:aws:s3:::logs"));
        // Containers have no scalar value, but their JSON.
        QVERIFY(!resource.data(JsonTreeModel::ValueRole).isValid());
        QCOMPARE(QJsonDocument::fromJson(resource.data(JsonTreeModel::JsonRole).toString().toUtf8()).toJson(),
                 QJsonDocument::fromJson("{\"accountId\":\"111122223333\",\"type\":\"AWS::S3::Bucket\","
                                         "\"ARN\":\"arn:aws:s3:::logs\"}")
                     .toJson());
        QVERIFY(!m_model.indexForPath("resources[1]").isValid());
    }

    void nestedArraysAndEmptyContainers()
    {
        QVERIFY(m_model.setRecord("{\"a\":[[1,2],[],{\"x\":[{\"y\":\"z\"}]}],\"e\":{},\"n\":[[[]]]}"));
        QCOMPARE(allPaths(m_model), (QStringList{"a", "a[0]", "a[0][0]", "a[0][1]", "a[1]", "a[2]", "a[2].x",
                                                 "a[2].x[0]", "a[2].x[0].y", "e", "n", "n[0]", "n[0][0]"}));
        const QModelIndex empty = m_model.indexForPath("e");
        QCOMPARE(m_model.rowCount(empty), 0);
        QCOMPARE(m_model.index(empty.row(), JsonTreeModel::ValueColumn).data().toString(), QString("{0}"));
        const QModelIndex emptyArray = m_model.indexForPath("a[1]");
        QCOMPARE(m_model.rowCount(emptyArray), 0);
        QCOMPARE(emptyArray.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), QString("array"));
        QCOMPARE(m_model.indexForPath("a[2].x[0].y").data(JsonTreeModel::ValueRole).toString(), QString("z"));
        QCOMPARE(m_model.indexForPath("a[0][1]").data(JsonTreeModel::ValueRole).toString(), QString("2"));
    }

    void strings_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("raw");
        QTest::newRow("unicode as UTF-8") << QByteArray("{\"v\":\"J\xc3\xbcrgen \xf0\x9f\x98\x80\"}")
                                          << QString::fromUtf8("J\xc3\xbcrgen \xf0\x9f\x98\x80")
                                          << QString::fromUtf8("J\xc3\xbcrgen \xf0\x9f\x98\x80");
        QTest::newRow("unicode escapes and a surrogate pair")
            << QByteArray("{\"v\":\"\\u00e9\\ud83d\\ude00\"}") << QString::fromUtf8("\xc3\xa9\xf0\x9f\x98\x80")
            << QString("\\u00e9\\ud83d\\ude00");
        QTest::newRow("quotes and backslashes") << QByteArray("{\"v\":\"say \\\"hi\\\" C:\\\\x\"}")
                                                << QString("say \"hi\" C:\\x") << QString("say \\\"hi\\\" C:\\\\x");
        QTest::newRow("control escapes") << QByteArray("{\"v\":\"a\\nb\\tc\\/d\\r\"}") << QString("a\nb\tc/d\r")
                                         << QString("a\\nb\\tc\\/d\\r");
        QTest::newRow("empty") << QByteArray("{\"v\":\"\"}") << QString() << QString();
    }

    void strings()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, value);
        QFETCH(QString, raw);
        QVERIFY2(m_model.setRecord(record), qPrintable(m_model.errorString()));
        const QModelIndex index = m_model.index(0, 0);
        QCOMPARE(index.data(JsonTreeModel::ValueRole).toString(), value);
        QCOMPARE(index.data(JsonTreeModel::RawValueRole).toString(), raw);
        QCOMPARE(index.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), QString("string"));
        // The tree shows a line per value: a newline reads as \n.
        QVERIFY(!index.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString().contains('\n'));
    }

    void numbersAsWritten()
    {
        QVERIFY(m_model.setRecord("{\"a\":1.50,\"b\":-0,\"c\":1E+10,\"d\":123456789012345678901234567890}"));
        QCOMPARE(m_model.indexForPath("a").data(JsonTreeModel::ValueRole).toString(), QString("1.50"));
        QCOMPARE(m_model.indexForPath("b").data(JsonTreeModel::ValueRole).toString(), QString("-0"));
        QCOMPARE(m_model.indexForPath("c").data(JsonTreeModel::ValueRole).toString(), QString("1E+10"));
        QCOMPARE(m_model.indexForPath("d").data(JsonTreeModel::ValueRole).toString(),
                 QString("123456789012345678901234567890"));
        QCOMPARE(m_model.indexForPath("d").siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(),
                 QString("number"));
    }

    void keysThatAreNotPathSteps()
    {
        QVERIFY(m_model.setRecord("{\"a.b\":{\"c\":1},\"\":2,\"x\":{\"it's\":3}}"));
        QCOMPARE(allPaths(m_model), (QStringList{"['a.b']", "['a.b'].c", "['']", "x", "x['it\\'s']"}));
    }

    void scalarRecord()
    {
        QVERIFY(m_model.setRecord(" 42 "));
        QCOMPARE(m_model.rowCount(), 1);
        QCOMPARE(m_model.index(0, JsonTreeModel::ValueColumn).data().toString(), QString("42"));
        QCOMPARE(m_model.index(0, 0).data(JsonTreeModel::PathRole).toString(), QString());
    }

    void invalidRecords_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray("{\"a\":[1,2");
        QTest::newRow("unterminated string") << QByteArray("{\"a\":\"abc");
        QTest::newRow("trailing text") << QByteArray("{} x");
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\q\"}");
        QTest::newRow("bad unicode escape") << QByteArray("{\"a\":\"\\u12G4\"}");
        QTest::newRow("raw newline in a string") << QByteArray("{\"a\":\"x\ny\"}");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
        QTest::newRow("bare word") << QByteArray("{\"a\":nope}");
        QTest::newRow("too deep") << QByteArray(600, '[') + QByteArray(600, ']');
    }

    void invalidRecords()
    {
        QFETCH(QByteArray, record);
        QVERIFY(m_model.setRecord("{\"before\":1}"));
        QVERIFY(!m_model.setRecord(record));
        QCOMPARE(m_model.rowCount(), 0);
        QVERIFY(!m_model.errorString().isEmpty());
        QVERIFY(m_model.root() == nullptr);
    }

    void prettyTextKeepsOrderAndContent()
    {
        const auto parsed = parseJson(CloudTrailRecord);
        QVERIFY(parsed.has_value());
        const QString pretty = toPrettyJson(**parsed);
        QCOMPARE(QJsonDocument::fromJson(pretty.toUtf8()), QJsonDocument::fromJson(CloudTrailRecord));
        QVERIFY(pretty.indexOf("\"eventVersion\"") < pretty.indexOf("\"userIdentity\""));
        QVERIFY(pretty.indexOf("\"userIdentity\"") < pretty.indexOf("\"eventTime\""));
        QVERIFY(pretty.contains("\n    \"userIdentity\": {\n        \"type\": \"AssumedRole\","));
        QVERIFY(pretty.contains("\"attributes\": {}"));
        // Escapes survive the round trip.
        const auto escaped = parseJson("{\"v\":\"a\\\"b\\\\c\\nd\\u0001\"}");
        QVERIFY(escaped.has_value());
        QCOMPARE(QJsonDocument::fromJson(toPrettyJson(**escaped).toUtf8())["v"].toString(), QString("a\"b\\c\nd\x01"));
    }

    void clearEmpties()
    {
        QVERIFY(m_model.setRecord(CloudTrailRecord));
        m_model.clear();
        QCOMPARE(m_model.rowCount(), 0);
        QVERIFY(m_model.errorString().isEmpty());
    }
};

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
