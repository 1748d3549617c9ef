// File › Export… (ui/export): the dialog offers the window's scopes and builds the request the analyst chose; the job
// writes it on its own thread, and a cancelled job leaves no file (nor touches an existing one); from the window,
// Ctrl+E exports the browser's current view (its search and starred-only filter) and the table's menu holds Export….
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "browser/searchbar.h"
#include "browserfixture.h"
#include "export/exportcontroller.h"
#include "export/exportdialog.h"
#include "export/exportjob.h"
#include "query/searchparser.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Ui;
using Trailscope::Test::BrowserFixture;
namespace Report = Trailscope::Core::Report;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ExportRequest searchRequest(const QString& casePath, const QString& search, ExportFormat format, const QString& path)
{
    ExportRequest request;
    request.casePath = casePath;
    request.scope.text = search;
    request.scope.search = *Trailscope::Core::Query::parseSearch(search);
    request.format = format;
    request.path = path;
    return request;
}

QStringList recordIds(const QByteArray& json)
{
    QStringList ids;
    for (const QJsonValue& record : QJsonDocument::fromJson(json).object().value("Records").toArray())
        ids << record["eventID"].toString();
    return ids;
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    BrowserFixture m_fixture;

    static void openFixture(MainWindow& window, const QString& casePath)
    {
        QSignalSpy ready(&window, &MainWindow::caseReady);
        window.openCase(casePath);
        QVERIFY(ready.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->isComplete(), 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("TrailscopeTest");
        QCoreApplication::setApplicationName("tst_exportdialog");
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_fixture = BrowserFixture::create(m_dir.path());
    }

    void jobWritesTheSearchOnItsThread()
    {
        const QString path = m_dir.filePath("deletes.json");
        ExportJob job(searchRequest(m_fixture.casePath, "eventName:DeleteBucket", ExportFormat::Json, path));
        QSignalSpy finished(&job, &ExportJob::finished);
        job.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), path);
        const QStringList ids = recordIds(readAll(path));
        QCOMPARE(ids.size(), m_fixture.countWhere("eventName", "DeleteBucket"));
        QVERIFY(ids.size() > 0);
    }

    // Cancelled before its first page: no file, an existing one untouched; reports likewise.
    void cancelledJobLeavesNoFile()
    {
        for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Pdf}) {
            const QString path = m_dir.filePath("cancelled." + exportFormatSuffix(format));
            ExportJob job(searchRequest(m_fixture.casePath, "", format, path));
            QSignalSpy cancelled(&job, &ExportJob::cancelled);
            QSignalSpy finished(&job, &ExportJob::finished);
            job.cancel();
            job.start();
            QVERIFY(cancelled.wait(20000));
            QCOMPARE(finished.count(), 0);
            QVERIFY(!QFile::exists(path));
        }
        QFile kept(m_dir.filePath("kept.csv"));
        QVERIFY(kept.open(QIODevice::WriteOnly));
        kept.write("earlier");
        kept.close();
        ExportJob job(searchRequest(m_fixture.casePath, "", ExportFormat::Csv, kept.fileName()));
        QSignalSpy cancelled(&job, &ExportJob::cancelled);
        job.cancel();
        job.start();
        QVERIFY(cancelled.wait(20000));
        QCOMPARE(readAll(kept.fileName()), QByteArray("earlier"));
        QCOMPARE(QDir(m_dir.path()).entryList({"cancelled*", "kept.csv.*"}, QDir::Files), QStringList());
    }

    void dialogBuildsTheChosenRequest()
    {
        ExportRequest view = searchRequest(m_fixture.casePath, "user:alice", ExportFormat::Csv, {});
        ExportRequest summary;
        summary.scope.kind = Report::ReportScope::Kind::Summary;
        ExportDialog dialog({{"The view", view}, {"The summary", summary}}, {"eventTime", "eventID"}, 0);
        QCOMPARE(dialog.scopeBox()->count(), 2);
        QCOMPARE(dialog.scopeBox()->currentIndex(), 0);
        dialog.pathEdit()->setText(m_dir.filePath("out.csv"));
        // A report format shows the report's options and takes its suffix.
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ExportFormat::Pdf)));
        QVERIFY(dialog.pathEdit()->text().endsWith("out.pdf"));
        QVERIFY(dialog.findChild<QGroupBox*>()->isVisibleTo(&dialog));
        dialog.sectionBox(Report::ReportPart::Sources)->setChecked(false);
        QVERIFY(dialog.tableColumnsBox()->isChecked()); // the table's columns by default
        ExportRequest request = dialog.request();
        QCOMPARE(request.format, ExportFormat::Pdf);
        QCOMPARE(request.scope.kind, Report::ReportScope::Kind::Search);
        QCOMPARE(request.scope.text, QString("user:alice"));
        QCOMPARE(request.parts, Report::AllReportParts & ~static_cast<unsigned>(Report::ReportPart::Sources));
        QCOMPARE(request.columns, (QStringList{"eventTime", "eventID"}));
        QCOMPARE(request.path, m_dir.filePath("out.pdf"));
        dialog.tableColumnsBox()->setChecked(false); // the report's own set
        QVERIFY(dialog.request().columns.isEmpty());
        dialog.scopeBox()->setCurrentIndex(1);
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ExportFormat::Csv)));
        QVERIFY(!dialog.findChild<QGroupBox*>()->isVisibleTo(&dialog));
        request = dialog.request();
        QCOMPARE(request.scope.kind, Report::ReportScope::Kind::Summary);
        QCOMPARE(request.format, ExportFormat::Csv);
        QVERIFY(request.path.endsWith("out.csv"));
    }

    // Ctrl+E on the browser exports what it shows: the typed search, newest first, as the table lists it.
    void windowExportsTheCurrentView()
    {
        MainWindow window;
        window.show();
        openFixture(window, m_fixture.casePath);
        QCOMPARE(window.actions()->exportData->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(window.eventView()->actions().contains(window.actions()->exportData));
        window.searchBar()->submit("eventName:DeleteBucket");
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(),
                                  int(m_fixture.countWhere("eventName", "DeleteBucket")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->isComplete(), 10000);
        window.actions()->exportData->trigger();
        auto* dialog = window.findChild<ExportDialog*>();
        QVERIFY(dialog);
        // The view, the starred events and the summary (no SQL result, no finding yet).
        QCOMPARE(dialog->scopeBox()->count(), 3);
        dialog->formatBox()->setCurrentIndex(dialog->formatBox()->findData(int(ExportFormat::Json)));
        const QString path = m_dir.filePath("view.json");
        dialog->pathEdit()->setText(path);
        QSignalSpy ended(window.exports(), &ExportController::ended);
        dialog->accept();
        QVERIFY(ended.wait(20000));
        QCOMPARE(ended.at(0).at(0).toBool(), true);
        QStringList shown;
        for (int row = 0; row < window.eventModel()->rowCount(); ++row)
            shown << window.eventModel()->index(row, window.eventModel()->columnCount() - 1).data().toString();
        QCOMPARE(recordIds(readAll(path)), shown);
    }

    void findingStartsTheDialogOnIt()
    {
        MainWindow window;
        window.show();
        openFixture(window, m_fixture.casePath);
        Report::CaseFinding finding;
        finding.id = "CloudWatch.1";
        finding.title = "Root account usage";
        finding.eventRows = {1, 2, 3};
        ExportDialog* dialog = window.openExportDialog(MainWindow::ExportStart::Finding, {}, &finding);
        QVERIFY(dialog);
        QVERIFY(dialog->scopeBox()->currentText().contains("CloudWatch.1"));
        dialog->pathEdit()->setText(m_dir.filePath("finding.csv"));
        const ExportRequest request = dialog->request();
        QCOMPARE(request.scope.kind, Report::ReportScope::Kind::Finding);
        QVERIFY(request.scope.finding.has_value());
        QCOMPARE(request.scope.finding->eventRows, (std::vector<std::int64_t>{1, 2, 3}));
        QSignalSpy ended(window.exports(), &ExportController::ended);
        dialog->accept();
        QVERIFY(ended.wait(20000));
        const QList<QByteArray> lines = readAll(m_dir.filePath("finding.csv")).split('\n');
        QCOMPARE(lines.size(), 5); // the header, three events, the last line's end
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
