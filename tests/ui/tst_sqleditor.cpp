// The SQL editor: what completion offers (keywords, functions, every case field with nested paths, the case's key
// paths), the popup as you type, Ctrl+Enter, the text to run and errors placed in the text.
#include "sql/sqleditor.h"

#include "query/lake/lakefunctioncatalogue.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QSignalSpy>
#include <QTest>

using namespace Trailscope::Ui;

class TestSqlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completionContents()
    {
        SqlEditor editor;
        const QStringList words = editor.completionWords();
        for (const char* expected : {"SELECT", "GROUP", "LIMIT", "count", "json_extract_scalar", "date_trunc",
                                     "eventName", "eventTime", "sourceIPAddress", "requestParameters",
                                     "userIdentity.arn", "userIdentity.sessionContext.sessionIssuer.arn",
                                     "userIdentity.sessionContext.attributes.mfaAuthenticated", "tlsDetails.tlsVersion",
                                     "responseElements.ConsoleLogin", "additionalEventData.MFAUsed", "cloudtrail_logs"})
            QVERIFY2(words.contains(expected), expected);
        QCOMPARE(words.count("eventName"), 1);

        editor.setKeyPaths(
            {"requestParameters.bucketName", "requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp"});
        const QStringList withPaths = editor.completionWords();
        QVERIFY(withPaths.contains("requestParameters.bucketName"));
        // Arrays are offered as Lake SQL reads them: the first element.
        QVERIFY(withPaths.contains("requestParameters.ipPermissions.items[1].ipRanges.items[1].cidrIp"));
        QVERIFY(!withPaths.join(' ').contains("[*]"));
    }

    // The editor offers exactly the translator's function catalogue, and its help as the tooltip of a name.
    void functionsAreTheCatalogue()
    {
        SqlEditor editor;
        const QStringList words = editor.completionWords();
        for (const auto& function : Trailscope::Core::Query::Lake::lakeFunctionCatalogue())
            QVERIFY2(words.contains(QString::fromLatin1(function.name.data(), qsizetype(function.name.size())),
                                    Qt::CaseInsensitive), // date, day, year... are keywords too
                     function.name.data());

        editor.setPlainText("SELECT STDDEV_POP(length(eventName)) FROM cloudtrail_logs");
        QVERIFY2(editor.helpAt(10).contains("population standard deviation"), qPrintable(editor.helpAt(10)));
        QVERIFY(editor.helpAt(1).isEmpty());  // SELECT is a keyword, not a function
        QVERIFY(editor.helpAt(45).isEmpty()); // a table name
    }

    void popupFiltersAsYouType()
    {
        SqlEditor editor;
        editor.setKeyPaths({"requestParameters.bucketName", "requestParameters.key"});
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClicks(&editor, "SELECT userIdentity.sessionContext.sess");
        QCompleter* completer = editor.completer();
        QVERIFY(completer->popup()->isVisible());
        QStringList offered;
        for (int i = 0; i < completer->completionModel()->rowCount(); ++i)
            offered << completer->completionModel()->index(i, 0).data().toString();
        QVERIFY(offered.contains("userIdentity.sessionContext.sessionIssuer.arn"));
        QVERIFY(!offered.contains("eventName"));

        // Accepting replaces the typed prefix.
        completer->popup()->setCurrentIndex(completer->completionModel()->index(
            static_cast<int>(offered.indexOf("userIdentity.sessionContext.sessionIssuer.arn")), 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), QString("SELECT userIdentity.sessionContext.sessionIssuer.arn"));

        // The case's key paths, after a dot.
        QTest::keyClicks(&editor, ", requestParameters.");
        QVERIFY(completer->popup()->isVisible());
        QStringList keys;
        for (int i = 0; i < completer->completionModel()->rowCount(); ++i)
            keys << completer->completionModel()->index(i, 0).data().toString();
        QCOMPARE(keys, QStringList({"requestParameters.bucketName", "requestParameters.key"}));
    }

    void controlEnterRuns()
    {
        SqlEditor editor;
        QSignalSpy run(&editor, &SqlEditor::runRequested);
        editor.setPlainText("SELECT 1");
        QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(run.count(), 1);
        QCOMPARE(editor.toPlainText(), QString("SELECT 1")); // no newline inserted
    }

    void textToRunIsTheSelection()
    {
        SqlEditor editor;
        editor.setPlainText("SELECT 1;\nSELECT eventName\nFROM t;");
        int offset = -1;
        QCOMPARE(editor.textToRun(&offset), editor.toPlainText());
        QCOMPARE(offset, 0);
        QTextCursor cursor = editor.textCursor();
        cursor.setPosition(10);
        cursor.setPosition(static_cast<int>(editor.toPlainText().size()), QTextCursor::KeepAnchor);
        editor.setTextCursor(cursor);
        QCOMPARE(editor.textToRun(&offset), QString("SELECT eventName\nFROM t;"));
        QCOMPARE(offset, 10);
    }

    void errorIsMarkedWhereItIs()
    {
        SqlEditor editor;
        editor.setPlainText("SELECT eventName\nFROM t WHERE nosuch = 1");
        const int at = static_cast<int>(editor.toPlainText().indexOf("nosuch"));
        editor.showError(at, "column 'nosuch' cannot be resolved");
        QVERIFY(editor.hasError());
        QCOMPARE(editor.textCursor().position(), at);
        const auto selections = editor.extraSelections();
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.front().cursor.selectedText(), QString("nosuch"));
        QCOMPARE(selections.front().format.underlineStyle(), QTextCharFormat::SpellCheckUnderline);
        // Editing clears it.
        QTest::keyClick(&editor, Qt::Key_X);
        QVERIFY(!editor.hasError());
        QVERIFY(editor.extraSelections().isEmpty());
    }
};

QTEST_MAIN(TestSqlEditor)
#include "tst_sqleditor.moc"
