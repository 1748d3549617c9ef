// The main window's actions and its changing menus, each on its own: the menu bar's order and shortcuts, the recent
// cases, the timeline series (their limits, removal and colours) and the refusal to compare fewer than two events.
#include "browser/casesession.h"
#include "browser/eventcomparison.h"
#include "browser/eventtablemodel.h"
#include "browser/searchbar.h"
#include "window/recentcasesmenu.h"
#include "window/timelineseriesmenu.h"
#include "window/windowactions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Trailscope::Ui;

namespace {

QStringList actionTexts(const QMenu* menu)
{
    QStringList texts;
    for (const QAction* action : menu->actions())
        texts << action->text();
    return texts;
}

QAction* actionNamed(const QMenu* menu, const QString& text)
{
    for (QAction* action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class TestWindowMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("TrailscopeTest");
        QCoreApplication::setApplicationName("tst_windowmenus");
        QSettings().clear();
    }

    void theMenuBarHoldsEveryActionInItsPlace()
    {
        QMainWindow window;
        WindowActions actions(&window);
        QMenu recent("Open &Recent"), series("Timeline &Series"), searches("&Searches");
        actions.fillMenuBar(window.menuBar(), &recent, &series, &searches);
        QStringList titles;
        for (const QAction* menu : window.menuBar()->actions())
            titles << menu->text();
        QCOMPARE(titles, (QStringList{"&File", "&Edit", "&Go", "&View", "&Searches", "E&vents", "&Help"}));
        const QMenu* file = window.menuBar()->actions().first()->menu();
        QCOMPARE(file->actions().at(2)->menu(), &recent);
        QCOMPARE(actions.openCase->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(actions.star->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_M));
        QVERIFY(actions.utc->isCheckable() && actions.utc->isChecked());
        QVERIFY(actions.starredOnly->isCheckable() && !actions.starredOnly->isChecked());
        QVERIFY(!actions.back->isEnabled() && !actions.forward->isEnabled());
        // Each shortcut belongs to one action only.
        QSet<QString> shortcuts;
        for (const QAction* action : actions.findChildren<QAction*>()) {
            if (action->shortcut().isEmpty())
                continue;
            QVERIFY2(!shortcuts.contains(action->shortcut().toString()), qPrintable(action->text()));
            shortcuts.insert(action->shortcut().toString());
        }
    }

    void recentCasesAreNewestFirstOnceEachAndAtMostEight()
    {
        QSettings().remove("recentCases");
        RecentCasesMenu menu;
        QVERIFY(!menu.isEnabled());
        QSignalSpy changed(&menu, &RecentCasesMenu::casesChanged);
        for (int i = 1; i <= 10; ++i)
            menu.remember(QString("/cases/case%1.tscase").arg(i));
        menu.remember("/cases/case5.tscase");
        const QStringList cases = RecentCasesMenu::cases();
        QCOMPARE(cases.size(), RecentCasesMenu::MaxCases);
        QCOMPARE(cases.first(), QString("/cases/case5.tscase"));
        QCOMPARE(cases.at(1), QString("/cases/case10.tscase"));
        QCOMPARE(cases.count("/cases/case5.tscase"), 1);
        QCOMPARE(changed.size(), 11);
        QCOMPARE(changed.last().first().toStringList(), cases);
        QCOMPARE(actionTexts(&menu).first(), QString("case5.tscase"));

        RecentCasesMenu another; // a second window lists the same cases
        QCOMPARE(actionTexts(&another), actionTexts(&menu));
        QSignalSpy chosen(&another, &RecentCasesMenu::caseChosen);
        another.actions().at(1)->trigger();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QString("/cases/case10.tscase"));
    }

    void seriesRefuseTheEmptyTheInvalidTheRepeatedAndASixth()
    {
        SearchBar bar;
        TimelineSeriesMenu menu(&bar);
        QSignalSpy changed(&menu, &TimelineSeriesMenu::seriesChanged);
        menu.addExpression("");
        menu.addExpression("eventName:(");
        QCOMPARE(changed.size(), 0);
        for (const char* expression :
             {"eventName:A", "eventName:B", "eventName:A", "user:c", "ip:10.0.0.1", "errorCode:*", "region:us-east-1"})
            menu.addExpression(expression);
        QCOMPARE(menu.labels(), (QStringList{"eventName:A", "eventName:B", "user:c", "ip:10.0.0.1", "errorCode:*"}));
        QCOMPARE(changed.size(), 5);
        QVERIFY(menu.series().first().search);
    }

    void aSeriesIsRemovedFromTheMenu()
    {
        SearchBar bar;
        TimelineSeriesMenu menu(&bar);
        menu.addExpression("eventName:A");
        menu.addExpression("eventName:B");
        QAction* remove = actionNamed(&menu, "Remove \"eventName:A\"");
        QVERIFY(remove);
        remove->trigger();
        QCOMPARE(menu.labels(), QStringList{"eventName:B"});
        QVERIFY(!actionNamed(&menu, "Remove \"eventName:A\""));
        actionNamed(&menu, "Remove All Series")->trigger();
        QVERIFY(menu.labels().isEmpty());
        QVERIFY(!actionNamed(&menu, "Remove All Series"));
    }

    void splittingWithoutFacetsSaysSoAndKeepsTheSeries()
    {
        SearchBar bar;
        TimelineSeriesMenu menu(&bar);
        menu.addExpression("eventName:A");
        QSignalSpy message(&menu, &TimelineSeriesMenu::message);
        menu.splitBy("user");
        QCOMPARE(message.size(), 1);
        QVERIFY(message.first().first().toString().contains("user"));
        QCOMPARE(menu.labels(), QStringList{"eventName:A"});
    }

    // Counts come back for the request they were asked with: a series added since, or counts of another bucket
    // count, are not drawn; each drawn series keeps its own colour.
    void onlyCountsThatMatchTheHistogramAreDrawn()
    {
        SearchBar bar;
        TimelineSeriesMenu menu(&bar);
        menu.addExpression("eventName:A");
        menu.addExpression("eventName:B");
        menu.addExpression("eventName:C");
        const SeriesCounts counts{{1, 2, 3}, {4, 5}};
        const QList<TimelineSeries> drawn = menu.drawn(counts, 3);
        QCOMPARE(drawn.size(), 1);
        QCOMPARE(drawn.first().label, QString("eventName:A"));
        QCOMPARE(drawn.first().counts, (std::vector<std::int64_t>{1, 2, 3}));
        const QList<TimelineSeries> both = menu.drawn({{1}, {2}}, 1);
        QCOMPARE(both.size(), 2);
        QVERIFY(both.at(0).color != both.at(1).color);
    }

    void comparingNeedsTwoEvents()
    {
        CaseSession session;
        EventTableModel model(&session);
        QWidget parent;
        QVERIFY(!EventComparison::start(&session, &model, {}, &parent));
        QVERIFY(!EventComparison::start(&session, &model, {0, 1}, &parent)); // no rows loaded: no events to compare
        QVERIFY(parent.findChildren<EventComparison*>().isEmpty());
    }
};

QTEST_MAIN(TestWindowMenus)
#include "tst_windowmenus.moc"
