#include "browserfixture.h"
#include "testsupport.h"

#include "browser/casesession.h"
#include "browser/colourrules.h"
#include "browser/eventtablemodel.h"
#include "query/eventcolumns.h"
#include "query/searchparser.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope;
using namespace Trailscope::Ui;
using Trailscope::Test::BrowserFixture;

class TestEventTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    BrowserFixture m_fixture;

    static void openAndSearch(CaseSession& session, const QString& casePath, const QString& text,
                              Core::Query::SortOrder order = Core::Query::SortOrder::NewestFirst)
    {
        QSignalSpy opened(&session, &CaseSession::caseOpened);
        session.openCase(casePath);
        QVERIFY(opened.wait(10000));
        SearchRequest request;
        auto parsed = Core::Query::parseSearch(text);
        QVERIFY(parsed.has_value());
        request.search = Core::Query::shareSearch(std::move(*parsed));
        request.options.order = order;
        session.search(request);
    }

    // Asks for every cell, as a view scrolling through would, until all rows have arrived.
    static bool loadAll(EventTableModel& model)
    {
        for (int attempt = 0; attempt < 200; ++attempt) {
            bool all = true;
            for (int row = 0; row < model.rowCount(); ++row) {
                model.data(model.index(row, EventTableModel::TimeColumn));
                all = all && model.data(model.index(row, 0), EventTableModel::LoadedRole).toBool();
            }
            if (all)
                return true;
            QTest::qWait(20);
        }
        return false;
    }

private Q_SLOTS:
    // The model's columns are the column table's (query/eventcolumns.cpp), in its order.
    void columnsComeFromTheColumnTable()
    {
        CaseSession session;
        EventTableModel model(&session);
        const auto columns = Core::Query::eventColumns();
        QCOMPARE(model.columnCount(), int(columns.size()));
        QCOMPARE(int(EventTableModel::ColumnCount), int(columns.size()));
        for (int column = 0; column < model.columnCount(); ++column)
            if (column != EventTableModel::TimeColumn)
                QCOMPARE(model.headerData(column, Qt::Horizontal).toString(),
                         QString::fromLatin1(columns[std::size_t(column)].title));
        QCOMPARE(EventTableModel::fieldOfColumn(EventTableModel::TimeColumn), nullptr);
        QCOMPARE(EventTableModel::fieldOfColumn(EventTableModel::SourceIpColumn), Core::Query::findField(u"ip"));
        QCOMPARE(EventTableModel::fieldOfColumn(EventTableModel::ResourceNameColumn),
                 Core::Query::findField(u"resource"));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixture = BrowserFixture::create(m_dir.path());
    }

    void rowsArriveNewestFirstWithTheirValues()
    {
        CaseSession session;
        EventTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        openAndSearch(session, m_fixture.casePath, QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 240, 10000);
        QVERIFY(model.isComplete());
        QVERIFY(loadAll(model));
        QCOMPARE(model.data(model.index(0, EventTableModel::EventIdColumn)).toString(), m_fixture.newestEventId());
        // Every row shows its own record's values, in time order, newest first.
        for (int row = 0; row < model.rowCount(); ++row) {
            const QJsonObject& record = m_fixture.records[static_cast<std::size_t>(239 - row)];
            QCOMPARE(model.data(model.index(row, EventTableModel::EventIdColumn)).toString(),
                     record.value("eventID").toString());
            QCOMPARE(model.data(model.index(row, EventTableModel::NameColumn)).toString(),
                     record.value("eventName").toString());
            QCOMPARE(model.data(model.index(row, EventTableModel::SourceIpColumn)).toString(),
                     record.value("sourceIPAddress").toString());
            QCOMPARE(model.data(model.index(row, EventTableModel::ErrorCodeColumn)).toString(),
                     record.value("errorCode").toString());
            const qint64 time =
                QDateTime::fromString(record.value("eventTime").toString(), Qt::ISODate).toMSecsSinceEpoch();
            QCOMPARE(model.data(model.index(row, 0), EventTableModel::EventTimeRole).toLongLong(), time);
        }
    }

    void searchReplacesRowsAndOrderReverses()
    {
        CaseSession session;
        EventTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        openAndSearch(session, m_fixture.casePath, QStringLiteral("eventName:DeleteBucket"),
                      Core::Query::SortOrder::OldestFirst);
        const int expected = static_cast<int>(m_fixture.countWhere("eventName", "DeleteBucket"));
        QVERIFY(expected > 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), expected, 10000);
        QVERIFY(loadAll(model));
        qint64 previous = std::numeric_limits<qint64>::min();
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.data(model.index(row, EventTableModel::NameColumn)).toString(), QString("DeleteBucket"));
            QVERIFY(model.data(model.index(row, EventTableModel::ResourceNameColumn))
                        .toString()
                        .startsWith("arn:aws:s3:::bucket-"));
            const qint64 time = model.data(model.index(row, 0), EventTableModel::EventTimeRole).toLongLong();
            QVERIFY(time > previous);
            previous = time;
        }
        QCOMPARE(model.data(model.index(0, EventTableModel::NameColumn), EventTableModel::SearchTermRole).toString(),
                 QString("eventName:\"DeleteBucket\""));
    }

    void defaultRulesColourRootActivityThenFailedCalls()
    {
        CaseSession session;
        EventTableModel model(&session);
        const QList<ColourRule> rules = ColourRules::defaults();
        session.setColourRules(ColourRules::enabledExpressions(rules));
        model.setRuleColours(ColourRules::enabledColours(rules));
        openAndSearch(session, m_fixture.casePath, QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 240, 10000);
        QVERIFY(loadAll(model));
        int root = 0, failed = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QJsonObject& record = m_fixture.records[static_cast<std::size_t>(239 - row)];
            // First match wins: root activity (rule 0) before failed calls (rule 1).
            const int expected = record.value("userIdentity").toObject().value("type").toString() == "Root" ? 0
                                 : record.contains("errorCode")                                             ? 1
                                                                                                            : -1;
            root += expected == 0;
            failed += expected == 1;
            QCOMPARE(model.data(model.index(row, 1), EventTableModel::ColourRuleRole).toInt(), expected);
            QCOMPARE(model.data(model.index(row, 1), Qt::BackgroundRole).isValid(), expected >= 0);
        }
        QVERIFY(root > 0 && failed > 0);
    }

    void customRulesApplyInOrderAndDisabledOnesDoNot()
    {
        CaseSession session;
        EventTableModel model(&session);
        openAndSearch(session, m_fixture.casePath, QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 240, 10000);
        const QList<ColourRule> rules{{"off", "eventName:GetObject", QColor(Qt::green), false},
                                      {"creations", "eventName:Create* OR ip:203.0.113.4", QColor(Qt::blue), true},
                                      {"free text", "\"not authorized\"", QColor(Qt::red), true}};
        session.setColourRules(ColourRules::enabledExpressions(rules));
        model.setRuleColours(ColourRules::enabledColours(rules));
        QVERIFY(loadAll(model));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QJsonObject& record = m_fixture.records[static_cast<std::size_t>(239 - row)];
            const bool creation = record.value("eventName").toString().startsWith("Create") ||
                                  record.value("sourceIPAddress").toString() == "203.0.113.4";
            const bool denied = record.value("errorMessage").toString().contains("not authorized");
            const int expected = creation ? 0 : denied ? 1 : -1;
            QCOMPARE(model.data(model.index(row, 0), EventTableModel::ColourRuleRole).toInt(), expected);
        }
    }

    void timesFollowTheZoneToggle()
    {
        CaseSession session;
        EventTableModel model(&session);
        openAndSearch(session, m_fixture.casePath, QString());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 240, 10000);
        QVERIFY(loadAll(model));
        QVERIFY(model.headerData(0, Qt::Horizontal).toString().contains("UTC"));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QString("2026-03-04 23:36:00.000Z"));
        qputenv("TZ", "Asia/Kolkata"); // a zone with a half-hour offset and no DST
        QSignalSpy changed(&model, &EventTableModel::dataChanged);
        model.setUtc(false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QString("2026-03-05 05:06:00.000"));
        qunsetenv("TZ");
    }

    void aBigResultArrivesInChunks()
    {
        // The sample trail has more events than the first chunk: the rest arrive as appended rows.
        QTemporaryDir dir;
        const QString casePath = dir.path() + "/sample.tscase";
        const auto imported =
            Test::importPaths(casePath, {TRAILSCOPE_SOURCE_DIR "/resources/sample/sample-trail.tar.gz"});
        QVERIFY(imported.has_value());
        const qint64 total = Test::queryCount(casePath, "SELECT count(*) FROM events");
        QVERIFY(total > 2000);
        CaseSession session;
        EventTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &EventTableModel::rowsInserted);
        QSignalSpy finished(&session, &CaseSession::searchFinished);
        openAndSearch(session, casePath, QString());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toLongLong(), total);
        QCOMPARE(model.rowCount(), static_cast<int>(total));
        QVERIFY(inserted.count() >= 1);
        QVERIFY(model.isComplete());
        // The last row is reachable and loads like any other.
        model.data(model.index(model.rowCount() - 1, 0));
        QTRY_VERIFY_WITH_TIMEOUT(model.data(model.index(model.rowCount() - 1, 0), EventTableModel::LoadedRole).toBool(),
                                 10000);
    }
};

QTEST_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
