// Lake SQL on the real-record corpus (../shared/corpus): for every event, the fields the translator reads from typed
// columns and those it reads from the raw record agree with the record as Qt's JSON parser reads it (keys compared
// ignoring case, as Lake's nested names); and a grouped count agrees with counting the records.
#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"
#include "lakefixture.h"
#include "query/lake/lakequery.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Query::Lake;
using namespace Trailscope::Test;

namespace {

// A scalar as the case stores it in a typed string column: strings as they are, numbers and booleans as text.
QJsonValue asStoredText(const QJsonValue& value)
{
    if (value.isString())
        return value;
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    if (value.isDouble())
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return QJsonValue::Null;
}

QJsonValue asBoolean(const QJsonValue& value)
{
    if (value.isBool())
        return value;
    if (value == QJsonValue("true") || value == QJsonValue("false"))
        return value == QJsonValue("true");
    return QJsonValue::Null;
}

// A key path with CloudTrail's own spelling (keys compared exactly); Undefined where absent.
QJsonValue atExactly(const QJsonObject& record, const QString& canonical)
{
    QJsonValue value = record;
    for (const QString& key : canonical.split(u'.'))
        value = value.isObject() ? value.toObject().value(key) : QJsonValue(QJsonValue::Undefined);
    return value;
}

} // namespace

class TestLakeCorpus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;
    QHash<QString, QJsonObject> m_byEventId;

private Q_SLOTS:
    void initTestCase()
    {
        const QString corpus = corpusDir();
        if (corpus.isEmpty())
            QSKIP("../shared/corpus is absent: the corpus Lake SQL tests are skipped");
        m_case = m_dir.filePath("corpus.tscase");
        const auto summary = importPaths(m_case, {corpus});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        RawRecordReader reader(*db);
        auto rows = db->prepare("SELECT id FROM events");
        while (rows.step() == SQLITE_ROW) {
            const auto raw = reader.eventRecord(rows.columnInt(0));
            QVERIFY(raw.has_value());
            const QJsonObject record = QJsonDocument::fromJson(QByteArray::fromStdString(*raw)).object();
            if (record.value("eventID").isString())
                m_byEventId.insert(record.value("eventID").toString(), record);
        }
        QVERIFY(m_byEventId.size() > 500);
    }

    void fieldsAgreeWithRecords()
    {
        auto lake = LakeQuery::open(m_case);
        QVERIFY(lake.has_value());
        // As Lake writes them (any case), and as CloudTrail spells the keys.
        const QStringList paths{"eventName",
                                "eventSource",
                                "awsRegion",
                                "errorCode",
                                "userIdentity.type",
                                "userIdentity.arn",
                                "userIdentity.username",
                                "userIdentity.accesskeyid",
                                "userIdentity.sessioncontext.sessionissuer.arn",
                                "userIdentity.sessioncontext.attributes.mfaauthenticated",
                                "tlsDetails.tlsversion",
                                "sessionCredentialFromConsole"};
        const QStringList canonical{"eventName",
                                    "eventSource",
                                    "awsRegion",
                                    "errorCode",
                                    "userIdentity.type",
                                    "userIdentity.arn",
                                    "userIdentity.userName",
                                    "userIdentity.accessKeyId",
                                    "userIdentity.sessionContext.sessionIssuer.arn",
                                    "userIdentity.sessionContext.attributes.mfaAuthenticated",
                                    "tlsDetails.tlsVersion",
                                    "sessionCredentialFromConsole"};
        int otherSpelling = 0;
        auto prepared = (*lake)->prepare("SELECT eventID, " + paths.join(", ") +
                                         ", readOnly, element_at(resources, 1).arn, requestParameters FROM corpus");
        QVERIFY2(prepared.has_value(), prepared ? "" : qPrintable(describeQueryError(prepared.error())));
        QJsonArray row;
        int checked = 0;
        while (true) {
            const auto more = (*lake)->next(prepared->front(), row);
            QVERIFY(more.has_value());
            if (!*more)
                break;
            const auto it = m_byEventId.constFind(row.at(0).toString());
            if (it == m_byEventId.constEnd())
                continue; // a copy kept under a content-derived ID
            const QJsonObject& record = *it;
            for (qsizetype i = 0; i < paths.size(); ++i) {
                const QJsonValue want = asStoredText(LakeFixture::at(record, paths[i]));
                // Records that spell a key in another case ("accountid") read the same as through Lake's
                // case-insensitive paths: the importer matches keys in any case.
                if (!want.isNull() && atExactly(record, canonical[i]).isUndefined())
                    ++otherSpelling;
                QVERIFY2(row.at(i + 1) == want, qPrintable(row.at(0).toString() + " " + paths[i] + ": " +
                                                           QJsonDocument(QJsonArray{row.at(i + 1), want}).toJson()));
            }
            const qsizetype next = paths.size() + 1;
            QCOMPARE(row.at(next), asBoolean(record.value("readOnly")));
            const QJsonValue firstResource = LakeFixture::at(record, "resources").toArray().at(0);
            const QJsonValue arn = firstResource.isObject() ? LakeFixture::at(firstResource.toObject(), "arn")
                                                            : QJsonValue(QJsonValue::Undefined);
            QCOMPARE(row.at(next + 1), arn.isUndefined() ? QJsonValue(QJsonValue::Null) : arn);
            const QJsonValue parameters = LakeFixture::at(record, "requestParameters");
            QCOMPARE(row.at(next + 2), parameters.isUndefined() ? QJsonValue(QJsonValue::Null) : parameters);
            ++checked;
        }
        QVERIFY(checked > 500);
        QVERIFY(otherSpelling > 0); // the corpus has such records; they were read above
        qInfo("%d events checked; %d typed fields spelled in another case in their records", checked, otherSpelling);
    }

    void groupedCount()
    {
        auto lake = LakeQuery::open(m_case);
        QVERIFY(lake.has_value());
        auto prepared = (*lake)->prepare("SELECT eventSource, count(*) AS n FROM corpus GROUP BY eventSource");
        QVERIFY(prepared.has_value());
        QHash<QString, qint64> got, want;
        QJsonArray row;
        while ((*lake)->next(prepared->front(), row).value_or(false))
            got.insert(row.at(0).toString(), row.at(1).toInteger());
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        RawRecordReader reader(*db);
        auto rows = db->prepare("SELECT id FROM events");
        while (rows.step() == SQLITE_ROW) {
            const QJsonObject record =
                QJsonDocument::fromJson(QByteArray::fromStdString(*reader.eventRecord(rows.columnInt(0)))).object();
            ++want[asStoredText(record.value("eventSource")).toString()];
        }
        QCOMPARE(got, want);
    }
};

QTEST_GUILESS_MAIN(TestLakeCorpus)
#include "tst_lakecorpus.moc"
