// Help › About and Help › Keyboard Shortcuts: the version comes from CMake's project(), the library versions are the
// ones loaded, and the shortcuts list is read from the actions (a new action appears without touching the dialog).
// TRAILSCOPE_SCREENSHOTS=folder saves both dialogs there as PNG.
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "help/aboutdialog.h"
#include "help/shortcutsdialog.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include "trailscopeversion.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <sqlite3.h>
#include <zlib.h>

using namespace Trailscope::Ui;

namespace {

QString rowValue(const QTreeWidget* tree, const QString& name, int column)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == name)
            return tree->topLevelItem(i)->text(column);
    return {};
}

// Group title → (action, shortcut) rows, as the dialog shows them.
QMap<QString, QList<QStringList>> shownShortcuts(const ShortcutsDialog& dialog)
{
    QMap<QString, QList<QStringList>> shown;
    const QTreeWidget* tree = dialog.tree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* group = tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            shown[group->text(0)].append({group->child(j)->text(0), group->child(j)->text(1)});
    }
    return shown;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("TRAILSCOPE_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QVERIFY(widget->grab().save(folder + '/' + name));
}

} // namespace

class TestHelpDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("TrailscopeTest");
        QCoreApplication::setApplicationName("tst_helpdialogs");
    }

    void aboutShowsTheVersionAndTheLoadedLibraries()
    {
        AboutDialog about;
        QVERIFY(QString(TRAILSCOPE_VERSION).count('.') == 2);
        QVERIFY(about.versionText().contains(QString("Version ") + TRAILSCOPE_VERSION));
        QVERIFY(about.versionText().contains(QString("Build: ") + TRAILSCOPE_BUILD));
        QCOMPARE(about.findChild<QLabel*>("version")->text(), about.versionText());
        const auto* libraries = about.findChild<QTreeWidget*>("libraries");
        QVERIFY(libraries);
        QCOMPARE(rowValue(libraries, "Qt", 1), QString(qVersion()));
        QCOMPARE(rowValue(libraries, "SQLite", 1), QString(sqlite3_libversion()));
        QCOMPARE(rowValue(libraries, "SQLite", 2), QString("public domain"));
        QCOMPARE(rowValue(libraries, "zlib", 1), QString(zlibVersion()));
        QCOMPARE(rowValue(libraries, "Qt Charts", 2), QString("GPL-3.0-only"));
        for (const char* name : {"simdjson", "libarchive", "Zstandard", "OpenSSL", "libdeflate", "yaml-cpp"}) {
            QVERIFY2(rowValue(libraries, name, 1).contains(QRegularExpression("^\\d+\\.\\d+")), qPrintable(name));
            QVERIFY2(!rowValue(libraries, name, 2).isEmpty(), qPrintable(name));
        }
        QVERIFY(about.findChild<QLabel*>("attribution")->text().contains("TrailDiscover (Adan Alvarez, CC-BY-4.0)"));
        QVERIFY(!about.findChild<QLabel*>("licence")->text().isEmpty());
        QVERIFY(!AboutDialog::applicationIcon().pixmap(64, 64).isNull());
        saveScreenshot(&about, "about.png");
    }

    void shortcutsAreReadFromTheActions()
    {
        QMainWindow window;
        WindowActions actions(&window);
        QMenu recent("Open &Recent"), series("Timeline &Series"), searches("&Searches");
        actions.fillMenuBar(window.menuBar(), &recent, &series, &searches);
        auto* extra = new QAction("&Frobnicate…", &window);
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
        actions.find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_F3)});

        const QList<QAction*> withShortcuts = ShortcutsDialog::actionsWithShortcuts(&window);
        QVERIFY(withShortcuts.contains(actions.openCase));
        QVERIFY(withShortcuts.contains(extra));
        QVERIFY(!withShortcuts.contains(actions.openSample)); // no shortcut
        ShortcutsDialog dialog(withShortcuts);
        const auto shown = shownShortcuts(dialog);
        const auto native = [](const QKeySequence& keys) { return keys.toString(QKeySequence::NativeText); };
        QVERIFY(shown["File"].contains(QStringList({"Open Case", native(QKeySequence::Open)})));
        QVERIFY(shown["File"].contains(QStringList({"Import", native(QKeySequence(Qt::CTRL | Qt::Key_I))})));
        QVERIFY(
            shown["Events"].contains(QStringList({"Star or Unstar Selected Events", native(Qt::CTRL | Qt::Key_M)})));
        QVERIFY(shown["Help"].contains(QStringList({"Keyboard Shortcuts", native(Qt::CTRL | Qt::Key_Slash)})));
        QVERIFY(shown["Edit"].contains(
            QStringList({"Find", native(QKeySequence::Find) + ", " + native(QKeySequence(Qt::Key_F3))})));
        QCOMPARE(shown["Other"], QList<QStringList>({{"Frobnicate", native(Qt::CTRL | Qt::ALT | Qt::Key_F)}}));
        qsizetype rows = 0;
        for (const auto& group : shown)
            rows += group.size();
        QCOMPARE(rows, withShortcuts.size());
        // The groups follow the menu bar.
        QCOMPARE(dialog.tree()->topLevelItem(0)->text(0), QString("File"));
        saveScreenshot(&dialog, "shortcuts.png");
    }

    void theHelpMenuOpensBothDialogs()
    {
        MainWindow window;
        QAction* help = window.menuBar()->actions().last();
        QCOMPARE(help->text(), QString("&Help"));
        QCOMPARE(help->menu()->actions().first(), window.actions()->keyboardShortcuts);
        QCOMPARE(help->menu()->actions().last(), window.actions()->about);
        window.actions()->about->trigger();
        QTRY_VERIFY(window.findChild<AboutDialog*>() && window.findChild<AboutDialog*>()->isVisible());
        window.actions()->keyboardShortcuts->trigger();
        QTRY_VERIFY(window.findChild<ShortcutsDialog*>());
        const auto* tree = window.findChild<ShortcutsDialog*>()->tree();
        // The window's own actions and those its rooms add (Searches › Save Search…) are all listed.
        QStringList names;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                names << tree->topLevelItem(i)->child(j)->text(0);
        QVERIFY(names.contains("Save Search"));
        QVERIFY(names.contains("Compare Selected Events"));
        QVERIFY(!window.windowIcon().isNull());
    }

    // The AppStream screenshot of the event browser (docs/screenshots/event-browser.png), only when asked for.
    void eventBrowserScreenshot()
    {
        if (qEnvironmentVariable("TRAILSCOPE_SCREENSHOTS").isEmpty())
            QSKIP("TRAILSCOPE_SCREENSHOTS is not set");
        MainWindow window;
        window.resize(1360, 860);
        QSignalSpy ready(&window, &MainWindow::caseReady);
        window.openSample();
        QVERIFY(ready.wait(180000));
        // The rows arrive from their worker; the first one's record fills the detail pane.
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.eventModel()->index(0, 1).data().toString().isEmpty(), 30000);
        window.eventView()->selectRow(0);
        QTest::qWait(2000);
        saveScreenshot(&window, "event-browser.png");
    }
};

QTEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"
