// Events › Validate Log Integrity… (ui/integrity): the job validates a case from the hashes its import recorded, or
// the original files; the dialog shows the AWS CLI's words per file, the chains and the summary, filters to the
// problems and exports CSV; the window validates by itself after an import and says what it found.
#include "browser/casesession.h"
#include "browser/detailpane.h"
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "integrity/integritydialog.h"
#include "integrity/integrityjob.h"
#include "integrity/integritymodel.h"
#include "signedtrail.h"
#include "testsupport.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope::Ui;
using namespace Trailscope::Test;
namespace Integrity = Trailscope::Core::Integrity;

class TestIntegrityDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SigningKey m_key;
    SignedTrail m_trail;
    QString m_tree, m_case, m_keys;

    // A copy of the signed tree under `name` with the log file `key` changed (its region); the changed content.
    QByteArray copyWithChangedLog(const QString& name, const QString& key) const
    {
        const QString copy = m_dir.filePath(name);
        if (!QDir().mkpath(copy) || QProcess::execute("cp", {"-r", m_tree + "/.", copy}) != 0)
            return {};
        QByteArray content = readGzip(copy + u'/' + key);
        content.replace("us-east-1", "us-west-2");
        writeGzip(copy + u'/' + key, content);
        return content;
    }

    int rowsWith(const IntegrityModel& model, const QString& result) const
    {
        int rows = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            rows += model.index(row, IntegrityModel::Result).data().toString() == result ? 1 : 0;
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("TrailscopeTest");
        QCoreApplication::setApplicationName("tst_integritydialog");
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_tree = m_dir.filePath("tree");
        QVERIFY(m_trail.write(m_tree, m_key));
        m_keys = SigningKey::writePublicKeys(m_dir.filePath("keys.json"), {&m_key});
        m_case = m_dir.filePath("trail.tscase");
        QVERIFY(importPaths(m_case, {m_tree}).has_value());
    }

    // From the case, with the keys: every digest and log valid, signatures verified, in the AWS CLI's words.
    void validatesTheCaseWithKeys()
    {
        IntegrityDialog dialog(m_case);
        dialog.keyList()->addItem(m_keys);
        QSignalSpy validated(&dialog, &IntegrityDialog::validated);
        dialog.validate();
        QVERIFY(validated.wait(20000));
        const auto report = validated.at(0).at(0).value<SharedIntegrityReport>();
        QVERIFY(report->fromCase);
        QVERIFY(report->allValid());
        const int logs = static_cast<int>(m_trail.logKeys.size());
        const int digests = static_cast<int>(m_trail.digestKeys.size());
        QCOMPARE(rowsWith(*dialog.model(), "valid"), logs + digests);
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral("%1/%1 log files valid").arg(logs)));
        // The newest digest's signature lives in S3's metadata (a .sig beside it here), which the case does not
        // keep: every other digest's is verified through its successor.
        QVERIFY2(dialog.summaryLabel()->text().contains(
                     QStringLiteral("%1/%2 digest signatures verified").arg(digests - 1).arg(digests)),
                 qPrintable(dialog.summaryLabel()->text()));
        // All valid: nothing left when only problems are shown.
        dialog.model()->setProblemsOnly(true);
        QCOMPARE(dialog.model()->rowCount(), 0);
        // The CSV holds every line, whatever the filter.
        const QString csv = m_dir.filePath("integrity.csv");
        QVERIFY(dialog.exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), 1 + logs + digests);
    }

    // The originals, one of them changed after the import: that file is INVALID, and it is what "problems" shows.
    void validatesChangedOriginals()
    {
        const QString copy = m_dir.filePath("copy");
        QVERIFY(!copyWithChangedLog("copy", m_trail.logKeys.first()).isEmpty());
        IntegrityDialog dialog(m_case);
        dialog.originalsEdit()->setText(copy);
        QSignalSpy validated(&dialog, &IntegrityDialog::validated);
        dialog.validate();
        QVERIFY(validated.wait(20000));
        QVERIFY(!validated.at(0).at(0).value<SharedIntegrityReport>()->allValid());
        dialog.model()->setProblemsOnly(true);
        QCOMPARE(dialog.model()->rowCount(), 1);
        QCOMPARE(dialog.model()->index(0, IntegrityModel::Result).data().toString(),
                 QString("INVALID: hash value doesn't match"));
        QVERIFY(dialog.model()->index(0, IntegrityModel::File).data().toString().endsWith(m_trail.logKeys.first()));
        QVERIFY(dialog.summaryLabel()->text().contains("log files INVALID"));
    }

    void badKeyFileIsSaid()
    {
        IntegrityDialog dialog(m_case);
        const QString bad = writeFile(m_dir.path(), "bad-keys.json", "{not json");
        dialog.keyList()->addItem(bad);
        dialog.validate();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.summaryLabel()->text().startsWith("Could not validate"), 20000);
        QVERIFY(dialog.summaryLabel()->text().contains("bad-keys.json"));
    }

    // An import into the window ends with a validation of the case, told in the status bar, shown by the dialog.
    void windowValidatesAfterImport()
    {
        MainWindow window;
        window.show();
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.importPaths({m_tree});
        QVERIFY(imported.wait(30000));
        const auto* message = window.findChild<QLabel*>("statusMessage");
        QVERIFY(message);
        QTRY_VERIFY_WITH_TIMEOUT(window.integrityJob() == nullptr && message->text().startsWith("Integrity:"), 20000);
        QVERIFY2(message->text().contains("is valid"), qPrintable(message->text()));
        QVERIFY(window.actions()->validateIntegrity != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 20000); // the case opens as the import ends
        IntegrityDialog* dialog = window.openIntegrityDialog();
        QVERIFY(dialog);
        QCOMPARE(rowsWith(*dialog->model(), "valid"),
                 static_cast<int>(m_trail.logKeys.size() + m_trail.digestKeys.size()));
        dialog->close();
    }

    // A log file changed before it was imported: the case's hash is not the digest's, so its events carry the
    // mark and the reason, in the table and the detail pane, and no other event does.
    void windowMarksTheEventsOfAChangedFile()
    {
        const QString tampered = m_dir.filePath("tampered");
        const QByteArray content = copyWithChangedLog("tampered", m_trail.logKeys.last());
        QVERIFY(!content.isEmpty());
        QSet<QString> changedIds;
        for (const QJsonValue& record : QJsonDocument::fromJson(content).object()["Records"].toArray())
            changedIds.insert(record["eventID"].toString());
        QVERIFY(!changedIds.isEmpty());

        MainWindow window;
        window.show();
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.importPaths({tampered});
        QVERIFY(imported.wait(30000));
        const auto* message = window.findChild<QLabel*>("statusMessage");
        QTRY_VERIFY_WITH_TIMEOUT(window.integrityJob() == nullptr && message->text().startsWith("Integrity:"), 20000);
        QVERIFY2(message->text().contains("INVALID"), qPrintable(message->text()));
        EventTableModel* model = window.eventModel();
        // One event a log file.
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(m_trail.logKeys.size()), 20000);
        const int idColumn = model->columnCount() - 1;
        int marked = 0, changedRow = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            model->index(row, idColumn).data(); // asks for the row
            QTRY_VERIFY_WITH_TIMEOUT(model->index(row, 0).data(EventTableModel::LoadedRole).toBool(), 10000);
            const QString note = model->index(row, 0).data(EventTableModel::IntegrityRole).toString();
            const bool fromChanged = changedIds.contains(model->index(row, idColumn).data().toString());
            QCOMPARE(note.isEmpty(), !fromChanged);
            if (fromChanged) {
                QCOMPARE(note, QString("INVALID: hash value doesn't match"));
                QVERIFY(!model->index(row, EventTableModel::NameColumn).data(Qt::DecorationRole).isNull());
                ++marked;
                changedRow = row;
            }
        }
        QCOMPARE(marked, changedIds.size());
        window.eventView()->makeCurrent(changedRow);
        QTRY_VERIFY_WITH_TIMEOUT(window.detailPane()->integrityNote().contains("hash value doesn't match"), 10000);
    }
};

QTEST_MAIN(TestIntegrityDialog)
#include "tst_integritydialog.moc"
