// The rules dialog over a real case: shipped rules listed read-only, a switch stored, a new rule validated as typed,
// saved, edited and deleted, a folder imported and exported; every change read back from the case itself.
#include "testsupport.h"

#include "dashboard/rulelistmodel.h"
#include "dashboard/rulesdialog.h"

#include "casedb/caseschema.h"
#include "detect/rulestore.h"
#include "detect/shippedrules.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Trailscope;
using namespace Trailscope::Ui;

namespace {

const char* OwnRule = "id: user.caller\n"
                      "title: Caller identity checked\n"
                      "level: low\n"
                      "filterPattern: '{ $.eventName = \"GetCallerIdentity\" }'\n";

Core::Detect::CaseRules stored(const QString& casePath)
{
    auto db = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return {};
    return Core::Detect::readCaseRules(*db).value_or(Core::Detect::CaseRules{});
}

int shippedCount()
{
    return int(Core::Detect::shippedRules().size());
}

} // namespace

class TestRulesDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

private Q_SLOTS:
    void initTestCase()
    {
        Test::writeFile(
            m_dir.path(), "trail/" + Test::trailKey("111122223333", "us-east-1", "20260301T1205Z"),
            Test::gzip(Test::recordsEnvelope({Test::makeRecord("e1", "2026-03-01T10:00:00Z", "GetCallerIdentity")})));
        m_case = m_dir.filePath("rules.tscase");
        QVERIFY(Test::importPaths(m_case, {m_dir.filePath("trail")}).has_value());
    }

    void listsShippedRulesReadOnly()
    {
        RulesDialog dialog(m_case);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&dialog, &RulesDialog::rulesLoaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(dialog.model()->rowCount(), shippedCount());
        dialog.selectRule("CloudWatch.1");
        QVERIFY(dialog.editor()->isReadOnly());
        QVERIFY(dialog.editor()->toPlainText().contains("filterPattern:"));
        QVERIFY(dialog.editor()->toPlainText().contains("$.userIdentity.type=\"Root\""));
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void switchIsStored()
    {
        RulesDialog dialog(m_case);
        QSignalSpy loaded(&dialog, &RulesDialog::rulesLoaded);
        QVERIFY(loaded.wait(5000));
        const int row = dialog.model()->rowOf("CloudWatch.2");
        QVERIFY(row >= 0);
        QVERIFY(
            dialog.model()->setData(dialog.model()->index(row, RuleListModel::On), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(loaded.wait(5000)); // read back after the write
        QCOMPARE(stored(m_case).disabled, QSet<QString>{"CloudWatch.2"});
        QCOMPARE(dialog.model()->index(row, RuleListModel::On).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QSignalSpy changed(&dialog, &RulesDialog::rulesChanged);
        dialog.reject();
        QCOMPARE(changed.count(), 1); // the dashboard computes again
        // Back on, for the next tests.
        RulesDialog again(m_case);
        QSignalSpy reloaded(&again, &RulesDialog::rulesLoaded);
        QVERIFY(reloaded.wait(5000));
        again.model()->setData(again.model()->index(row, RuleListModel::On), Qt::Checked, Qt::CheckStateRole);
        QVERIFY(reloaded.wait(5000));
        QVERIFY(stored(m_case).disabled.isEmpty());
    }

    void newRuleValidatedSavedEditedDeleted()
    {
        RulesDialog dialog(m_case);
        QSignalSpy loaded(&dialog, &RulesDialog::rulesLoaded);
        QVERIFY(loaded.wait(5000));

        dialog.newMetricFilter();
        QVERIFY(!dialog.editor()->isReadOnly());
        QVERIFY(dialog.editorValid()); // the template itself loads
        QVERIFY(dialog.saveButton()->isEnabled());

        // Validated as typed: a broken pattern says where and cannot be saved.
        dialog.editor()->setPlainText("id: user.caller\nfilterPattern: '{ $.eventName = }'\n");
        QTRY_VERIFY(dialog.validation()->text().contains("filter pattern does not parse"));
        QVERIFY(!dialog.editorValid());
        QVERIFY(!dialog.saveButton()->isEnabled());
        // A shipped rule's id is refused.
        dialog.editor()->setPlainText("id: CloudWatch.3\nfilterPattern: '{ $.eventName = X }'\n");
        QTRY_VERIFY(dialog.validation()->text().contains("shipped rule's id"));
        QVERIFY(!dialog.saveButton()->isEnabled());

        dialog.editor()->setPlainText(OwnRule);
        dialog.validateNow();
        QVERIFY(dialog.editorValid());
        dialog.saveRule();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), shippedCount() + 1, 5000);
        auto rules = stored(m_case);
        QCOMPARE(rules.rules.size(), std::size_t(1));
        QCOMPARE(rules.rules[0].text, QByteArray(OwnRule));
        QTRY_COMPARE(dialog.model()->entryAt(dialog.model()->rowOf("user.caller"))->title,
                     QString("Caller identity checked"));

        // An edit that renames the rule moves it rather than copying it.
        dialog.selectRule("user.caller");
        QVERIFY(!dialog.editor()->isReadOnly());
        dialog.editor()->setPlainText(QString::fromLatin1(OwnRule).replace("user.caller", "user.whoami"));
        dialog.validateNow();
        dialog.saveRule();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.model()->rowOf("user.whoami") >= 0, 5000);
        QCOMPARE(dialog.model()->rowOf("user.caller"), -1);
        rules = stored(m_case);
        QCOMPARE(rules.rules.size(), std::size_t(1));
        QCOMPARE(rules.rules[0].ruleId, QString("user.whoami"));

        // Duplicating a shipped rule gives an editable own copy under a new id.
        dialog.selectRule("CloudWatch.6");
        dialog.duplicateRule();
        QVERIFY(!dialog.editor()->isReadOnly());
        QVERIFY(dialog.editor()->toPlainText().startsWith("id: user.CloudWatch.6"));
        QVERIFY(dialog.editorValid());
        dialog.saveRule();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.model()->rowOf("user.CloudWatch.6") >= 0, 5000);

        dialog.selectRule("user.whoami");
        dialog.deleteRule();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowOf("user.whoami"), -1, 5000);
        rules = stored(m_case);
        QCOMPARE(rules.rules.size(), std::size_t(1));
        QCOMPARE(rules.rules[0].ruleId, QString("user.CloudWatch.6"));
    }

    void folderExportAndImport()
    {
        const QString folder = m_dir.filePath("exported");
        {
            RulesDialog dialog(m_case);
            QSignalSpy loaded(&dialog, &RulesDialog::rulesLoaded);
            QVERIFY(loaded.wait(5000));
            QSignalSpy message(&dialog, &RulesDialog::message);
            dialog.exportFolder(folder);
            QVERIFY(message.wait(5000));
            QVERIFY2(message.first().first().toString().contains("exported"),
                     qPrintable(message.first().first().toString()));
        }
        QVERIFY(QFile::exists(folder + "/user.CloudWatch.6.yml"));
        QFile copy(m_dir.filePath("copy.tscase"));
        QVERIFY(QFile::copy(m_case, copy.fileName()));
        {
            auto store = Core::Detect::RuleStore::open(copy.fileName());
            QVERIFY(store.has_value());
            QVERIFY(store->remove("user.CloudWatch.6").has_value());
        }
        Test::writeFile(folder, "broken.yml", "id: user.b\nfilterPattern: '{ $.x = }'\n");
        RulesDialog dialog(copy.fileName());
        QSignalSpy loaded(&dialog, &RulesDialog::rulesLoaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(dialog.model()->rowCount(), shippedCount());
        QSignalSpy message(&dialog, &RulesDialog::message);
        dialog.importFolder(folder);
        QVERIFY(message.wait(5000));
        const QString text = message.first().first().toString();
        QVERIFY2(text.contains("1 rule") && text.contains("broken.yml"), qPrintable(text));
        QTRY_COMPARE(dialog.model()->rowCount(), shippedCount() + 1);
    }
};

QTEST_MAIN(TestRulesDialog)
#include "tst_rulesdialog.moc"
