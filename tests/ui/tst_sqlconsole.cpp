// The SQL console on the imported sample trail: runs on its worker, one result per statement, the lazy grid under
// QAbstractItemModelTester, Stop that stops a long query at once, errors placed in the editor, eventID clicks and
// event sets as row ids, saved queries and history kept in the case, and CSV and JSON exports.
#include "sql/sqlconsole.h"
#include "sql/sqleditor.h"
#include "sql/sqlresultmodel.h"
#include "sql/sqlresultview.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope;
using namespace Trailscope::Ui;

class TestSqlConsole : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    // A console with the case open.
    std::unique_ptr<SqlConsole> openConsole()
    {
        auto console = std::make_unique<SqlConsole>();
        QSignalSpy ready(console.get(), &SqlConsole::caseReady);
        console->setCase(m_case);
        if (!ready.wait(10000))
            return nullptr;
        return console;
    }

    // Runs `text` and waits for the run to end.
    static bool runText(SqlConsole& console, const QString& text)
    {
        console.openQuery("test", text);
        QSignalSpy ended(&console, &SqlConsole::runEnded);
        console.run();
        return ended.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_case = m_dir.filePath("sample.tscase");
        const auto summary =
            Test::importPaths(m_case, {QStringLiteral(TRAILSCOPE_SOURCE_DIR "/resources/sample/sample-trail.tar.gz")});
        QVERIFY(summary.has_value());
    }

    void oneResultPerStatement()
    {
        auto console = openConsole();
        QVERIFY(console);
        QVERIFY(runText(*console, "SELECT eventName, count(*) AS n FROM cloudtrail_logs WHERE eventName = "
                                  "'DeleteBucket' GROUP BY 1;\nSELECT 1 AS one, 'x' AS two"));
        QCOMPARE(console->resultCount(), 2);
        SqlResultModel* first = console->resultView(0)->model();
        QCOMPARE(first->rowCount(), 1);
        QCOMPARE(first->headerData(0, Qt::Horizontal).toString(), QString("eventName"));
        QCOMPARE(first->index(0, 0).data().toString(), QString("DeleteBucket"));
        QCOMPARE(first->index(0, 1).data().toString(), QString("1"));
        QVERIFY(first->isComplete());
        SqlResultModel* second = console->resultView(1)->model();
        QCOMPARE(second->statement().line, 2);
        QCOMPARE(second->index(0, 1).data().toString(), QString("x"));
        // The header says rows and time.
        QVERIFY2(console->resultView(0)->headerText().contains("1 row"),
                 qPrintable(console->resultView(0)->headerText()));
        QVERIFY(console->resultView(0)->headerText().contains(" ms"));
        QVERIFY(!console->isBusy());
    }

    void lazyResultFetchesInBatches()
    {
        auto console = openConsole();
        QVERIFY(console);
        const qint64 total = Test::queryCount(m_case, "SELECT count(*) FROM events");
        QVERIFY(total > 2 * SqlResultModel::BatchSize);
        QVERIFY(runText(*console, "SELECT eventTime, eventName, eventID FROM cloudtrail_logs"));
        SqlResultModel* model = console->resultView(0)->model();
        QCOMPARE(model->rowCount(), SqlQueryWorker::FirstBatch); // not the whole result
        QVERIFY(!model->isComplete());
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QVERIFY(!model->canFetchMore({})); // one batch in flight at a time
        QVERIFY(console->isBusy());
        QTRY_COMPARE(model->rowCount(), SqlQueryWorker::FirstBatch + SqlResultModel::BatchSize);
        QVERIFY(console->resultView(0)->headerText().contains("more as you scroll"));
        // The tester checks every change and itself asks for more whenever the model can fetch.
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (!model->isComplete()) {
            const int before = model->rowCount();
            if (model->canFetchMore({}))
                model->fetchMore({});
            QTRY_VERIFY(model->rowCount() > before || model->isComplete());
        }
        QCOMPARE(model->rowCount(), int(total));
        QTRY_VERIFY(!console->isBusy());
    }

    void stopStopsALongQuery()
    {
        auto console = openConsole();
        QVERIFY(console);
        // About five minutes of work if nothing stops it.
        console->openQuery("long", "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < "
                                   "1000000000) SELECT count(*) FROM c");
        QSignalSpy ended(console.get(), &SqlConsole::runEnded);
        console->run();
        QVERIFY(console->isBusy());
        QTest::qWait(300);
        QVERIFY(ended.isEmpty());
        QElapsedTimer clock;
        clock.start();
        console->stop();
        QVERIFY(!console->isBusy());
        QCOMPARE(ended.count(), 1);
        QVERIFY(console->statusText().contains("Stopped"));
        // The worker is free again at once: the next query answers promptly.
        QVERIFY(runText(*console, "SELECT count(*) AS n FROM cloudtrail_logs WHERE eventName = 'StopLogging'"));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(console->resultView(0)->model()->index(0, 0).data().toString(), QString("1"));
    }

    void errorsArePlacedInTheEditor()
    {
        auto console = openConsole();
        QVERIFY(console);
        const QString text = "SELECT eventName FROM cloudtrail_logs\nWHERE eventName = = 'x'";
        QVERIFY(runText(*console, text));
        SqlEditor* editor = console->currentEditor();
        QVERIFY(editor->hasError());
        QCOMPARE(editor->errorPosition(), int(text.lastIndexOf("= '")));
        QCOMPARE(editor->textCursor().position(), editor->errorPosition());
        QVERIFY2(console->statusText().startsWith("Line 2, column 19:"), qPrintable(console->statusText()));
        QCOMPARE(console->resultCount(), 0);

        // In a selection, the place counts from where the selection starts.
        const QString two = "SELECT 1;\nSELECT nosuch FROM cloudtrail_logs";
        editor = console->openQuery("two", two);
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(10);
        cursor.setPosition(static_cast<int>(two.size()), QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
        QSignalSpy ended(console.get(), &SqlConsole::runEnded);
        console->run();
        QVERIFY(ended.wait(10000));
        QCOMPARE(editor->errorPosition(), int(two.indexOf("nosuch")));
    }

    void eventIdsOpenEvents()
    {
        auto console = openConsole();
        QVERIFY(console);
        QVERIFY(runText(*console, "SELECT eventName, eventID FROM cloudtrail_logs WHERE eventName IN ('StopLogging', "
                                  "'DeleteTrail') ORDER BY eventTime"));
        SqlResultView* view = console->resultView(0);
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->statement().eventIdColumn, 1);
        const QString eventId = view->model()->index(0, 1).data().toString();
        const qint64 rowId = Test::queryCount(
            m_case, "SELECT e.id FROM events e JOIN strings s ON s.id = e.name WHERE s.value = 'StopLogging'");

        QSignalSpy one(console.get(), &SqlConsole::openEventRequested);
        const QModelIndex cell = view->model()->index(0, 1);
        QCOMPARE(cell.data(SqlResultModel::EventIdRole).toString(), eventId);
        QTest::mouseClick(view->table()->viewport(), Qt::LeftButton, {}, view->table()->visualRect(cell).center());
        QVERIFY(one.wait(5000));
        QCOMPARE(one.front().front().value<std::int64_t>(), rowId);

        QSignalSpy set(console.get(), &SqlConsole::openEventSetRequested);
        console->openResultEvents(0);
        QVERIFY(set.wait(5000));
        const auto rowIds = set.front().front().value<QList<std::int64_t>>();
        QCOMPARE(rowIds.size(), 2);
        QCOMPARE(rowIds.front(), rowId);
    }

    void savedQueriesAndHistorySurviveReopening()
    {
        {
            auto console = openConsole();
            QVERIFY(console);
            QVERIFY(runText(*console, "SELECT count(*) FROM cloudtrail_logs WHERE errorCode = 'AccessDenied'"));
            console->openQuery("mine", "SELECT eventName FROM cloudtrail_logs LIMIT 5");
            console->saveCurrentQuery("Five events");
            QTRY_COMPARE(console->savedQueries().size(), 1);
            QTRY_VERIFY(
                console->history().contains("SELECT count(*) FROM cloudtrail_logs WHERE errorCode = 'AccessDenied'"));
            console->clearCase();
            QVERIFY(console->savedQueries().isEmpty());
        }
        auto console = openConsole();
        QVERIFY(console);
        QCOMPARE(console->savedQueries().size(), 1);
        QCOMPARE(console->savedQueries().front().name, QString("Five events"));
        QCOMPARE(console->savedQueries().front().text, QString("SELECT eventName FROM cloudtrail_logs LIMIT 5"));
        QVERIFY(console->history().contains("SELECT count(*) FROM cloudtrail_logs WHERE errorCode = 'AccessDenied'"));
    }

    void exports()
    {
        auto console = openConsole();
        QVERIFY(console);
        QVERIFY(runText(*console, "SELECT '=1+2' AS f, 'a,b' AS g, 'say \"hi\"' AS h, 5 AS n, NULL AS z, '-x' AS m, "
                                  "'line\nbreak' AS l"));
        QTemporaryDir out;
        QSignalSpy exported(console.get(), &SqlConsole::exportEnded);
        console->exportResult(0, out.filePath("r.csv"), SqlExportFormat::Csv);
        QVERIFY(exported.wait(5000));
        QVERIFY(exported.front().at(1).toBool());
        QFile csv(out.filePath("r.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(),
                 QByteArray("f,g,h,n,z,m,l\r\n'=1+2,\"a,b\",\"say \"\"hi\"\"\",5,,'-x,\"line\nbreak\"\r\n"));

        exported.clear();
        console->exportResult(0, out.filePath("r.json"), SqlExportFormat::Json);
        QVERIFY(exported.wait(5000));
        QFile json(out.filePath("r.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject document = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(document.value("columns").toArray(), QJsonArray({"f", "g", "h", "n", "z", "m", "l"}));
        QCOMPARE(document.value("rows").toArray(),
                 QJsonArray({QJsonArray({"=1+2", "a,b", "say \"hi\"", 5, QJsonValue::Null, "-x", "line\nbreak"})}));

        // All rows, not only those fetched so far.
        QVERIFY(runText(*console, "SELECT eventID FROM cloudtrail_logs"));
        exported.clear();
        console->exportResult(0, out.filePath("all.csv"), SqlExportFormat::Csv);
        QVERIFY(exported.wait(10000));
        QFile all(out.filePath("all.csv"));
        QVERIFY(all.open(QIODevice::ReadOnly));
        QCOMPARE(all.readAll().count("\r\n"), Test::queryCount(m_case, "SELECT count(*) FROM events") + 1);
    }
};

QTEST_MAIN(TestSqlConsole)
#include "tst_sqlconsole.moc"
