#include "casedb/caseschema.h"
#include "insights/insightfinder.h"
#include "testsupport.h"
#include "util/eventtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Core;
using namespace Trailscope::Test;

// The bundled sample trail (resources/sample) is what `packaging/run.sh` opens: it must import cleanly and keep the
// incidents its README promises.
class TestSample : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("sample.tscase"));
        const auto summary =
            importPaths(m_case, {QStringLiteral(TRAILSCOPE_SOURCE_DIR "/resources/sample/sample-trail.tar.gz")});
        QVERIFY2(summary.has_value(), summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->counts.rejected, 0);
        QCOMPARE(summary->counts.duplicates, 3); // CloudTrail's occasional double delivery, kept once
    }

    void incidentsArePresent_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("count");
        const QString byName =
            QStringLiteral("SELECT count(*) FROM events e JOIN strings s ON s.id = e.name WHERE s.value = '%1'");
        QTest::newRow("StopLogging") << byName.arg("StopLogging") << qint64(1);
        QTest::newRow("DeleteTrail") << byName.arg("DeleteTrail") << qint64(1);
        QTest::newRow("DeleteBucket") << byName.arg("DeleteBucket") << qint64(1);
        QTest::newRow("leaked key RunInstances")
            << QStringLiteral(
                   "SELECT count(*) FROM events e JOIN strings n ON n.id = e.name JOIN identities i ON i.id = "
                   "e.identity JOIN strings k ON k.id = i.access_key_id WHERE n.value = 'RunInstances' AND "
                   "k.value = 'AKIAEXAMPLELEAKED001'")
            << qint64(18);
        QTest::newRow("insights") << QStringLiteral("SELECT count(*) FROM insights") << qint64(4);
    }

    void incidentsArePresent()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, count);
        QCOMPARE(queryCount(m_case, sql), count);
    }

    void stopLoggingLeavesAGap()
    {
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        auto row = db->prepare("SELECT gaps FROM coverage WHERE account = '204816349572' AND region = 'us-east-1'");
        QCOMPARE(row.step(), SQLITE_ROW);
        const QJsonArray gaps =
            QJsonDocument::fromJson(QByteArray::fromStdString(std::string(row.columnText(0)))).array();
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps[0][QStringLiteral("from")].toString(), QStringLiteral("2026-02-21T20:06:00.000Z"));
        QCOMPARE(gaps[0][QStringLiteral("to")].toString(), QStringLiteral("2026-02-21T22:12:00.000Z"));
    }

    void insightsFindTheSweepAtLowAndMedium_data()
    {
        QTest::addColumn<Insights::Sensitivity>("sensitivity");
        QTest::newRow("low") << Insights::Sensitivity::Low;
        QTest::newRow("medium") << Insights::Sensitivity::Medium;
    }

    // The dashboard's first look at the sample is not empty: the leaked key's AttachRolePolicy sweep, 18:47-18:50Z.
    void insightsFindTheSweepAtLowAndMedium()
    {
        QFETCH(Insights::Sensitivity, sensitivity);
        auto db = CaseSchema::open(m_case, CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        Insights::InsightOptions options;
        options.sensitivity = sensitivity;
        const auto findings = Insights::computeInsights(*db, options);
        QVERIFY(findings.has_value());
        int sweep = 0;
        for (const Insights::InsightFinding& finding : *findings) {
            if (finding.eventName != QLatin1String("AttachRolePolicy"))
                continue;
            ++sweep;
            QCOMPARE(finding.region, QStringLiteral("us-east-1"));
            QCOMPARE(finding.startTime(), *parseEventTime("2026-02-21T18:47:00Z"));
            QCOMPARE(finding.episode.durationMinutes(), 3);
            QCOMPARE(finding.episodeAverage(), 10.0);
            if (finding.type == Insights::InsightType::ApiErrorRate)
                QCOMPARE(finding.errorCode, QStringLiteral("AccessDenied"));
        }
        QCOMPARE(sweep, 2); // call rate and error rate
    }
};

QTEST_GUILESS_MAIN(TestSample)
#include "tst_sample.moc"
