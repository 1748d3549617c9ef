// The sample-query library on the bundled sample trail: every query runs without error and returns rows; and the
// key paths the import collected from the sample include the ones its incidents use.
#include "casedb/caseschema.h"
#include "query/lake/lakequery.h"
#include "sql/sqlsamples.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope;
using namespace Trailscope::Core::Query::Lake;

class TestSqlSamples : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        m_case = m_dir.filePath("sample.tscase");
        const auto summary =
            Test::importPaths(m_case, {QStringLiteral(TRAILSCOPE_SOURCE_DIR "/resources/sample/sample-trail.tar.gz")});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
    }

    void libraryCoversTheInvestigations()
    {
        const auto samples = Ui::sqlSamples();
        QVERIFY(samples.size() >= 15);
        QStringList titles;
        for (const Ui::SqlSample& sample : samples) {
            QVERIFY2(!sample.description.isEmpty(), qPrintable(sample.id));
            titles << sample.title;
        }
        const QString all = titles.join('\n');
        for (const char* topic :
             {"guide", "deleted or terminated", "access key", "principal", "without MFA", "Root", "denied", "IAM users",
              "0.0.0.0/0", "Logging", "Cross-account", "source IP", "API call counts", "errors"})
            QVERIFY2(all.contains(topic, Qt::CaseInsensitive), topic);
    }

    void samplesRunAndReturnRows_data()
    {
        QTest::addColumn<QString>("text");
        for (const Ui::SqlSample& sample : Ui::sqlSamples())
            QTest::newRow(qPrintable(sample.id)) << sample.text;
    }

    void samplesRunAndReturnRows()
    {
        QFETCH(QString, text);
        auto lake = LakeQuery::open(m_case);
        QVERIFY(lake.has_value());
        auto prepared = (*lake)->prepare(text);
        QVERIFY2(prepared.has_value(), prepared ? "" : qPrintable(describeQueryError(prepared.error())));
        for (PreparedQuery& query : *prepared) {
            QJsonArray row;
            int rows = 0;
            while (true) {
                const auto next = (*lake)->next(query, row);
                QVERIFY2(next.has_value(), next ? "" : qPrintable(next.error().detail));
                if (!*next)
                    break;
                ++rows;
            }
            QVERIFY2(rows >= 1, qPrintable(query.text));
        }
    }

    void incidentsShowInTheirSamples_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("deleted bucket") << "01-guide-deleted-buckets"
                                        << "DeleteBucket";
        QTest::newRow("persistence") << "09-new-iam-users-keys-policies"
                                     << "AKIAEXAMPLEBACKDOOR1";
        QTest::newRow("ssh open") << "10-security-groups-open-to-world"
                                  << "sg-0bad5ec0ffee12345";
        QTest::newRow("defense evasion") << "11-logging-tampering"
                                         << "cleanup-session";
        QTest::newRow("console without MFA") << "06-console-logins-without-mfa"
                                             << "mark.chen";
        QTest::newRow("root") << "07-root-activity"
                              << "DeleteAccessKey";
    }

    void incidentsShowInTheirSamples()
    {
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QString text;
        for (const Ui::SqlSample& sample : Ui::sqlSamples())
            if (sample.id == id)
                text = sample.text;
        QVERIFY(!text.isEmpty());
        auto lake = LakeQuery::open(m_case);
        QVERIFY(lake.has_value());
        auto prepared = (*lake)->prepare(text);
        QVERIFY(prepared.has_value());
        QJsonArray row;
        QString seen;
        while ((*lake)->next(prepared->front(), row).value_or(false))
            for (const QJsonValue& value : row)
                seen += value.toVariant().toString() + '\n';
        QVERIFY2(seen.contains(expected), qPrintable(expected));
    }

    void sampleKeyPaths()
    {
        auto db = Core::CaseSchema::open(m_case, Core::CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        QHash<QString, qint64> paths;
        auto rows = db->prepare("SELECT path, events FROM key_paths");
        while (rows.step() == SQLITE_ROW)
            paths.insert(rows.columnQString(0), rows.columnInt(1));
        QVERIFY(paths.value("requestParameters.bucketName") > 100);
        QCOMPARE(paths.value("requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp"), 1);
        QVERIFY(paths.value("requestParameters.instanceType") >= 18); // the leaked key launched 18
        QVERIFY(paths.value("responseElements.ConsoleLogin") >= 6);
        QVERIFY(paths.value("additionalEventData.MFAUsed") >= 6);
        QVERIFY(paths.contains("responseElements.accessKey.accessKeyId"));
    }
};

QTEST_MAIN(TestSqlSamples)
#include "tst_sqlsamples.moc"
