// The insights dashboard on the fixture of insightfixture.h (known episodes): its models against the core's results,
// its computation off the GUI thread, a finding opening its events in the browser, "apply as filter" and "exclude"
// narrowing the browser's search by trees, "limit to current search", the out-of-date state during an import, a
// principal's drill-down (its tables against SQL, its events in the browser), the facets dock beside the dashboard, and
// the shipped detection rules: their list against runDetections, a rule opening exactly its matches, Star Matches.
#include "clitest.h"
#include "insightfixture.h"
#include "testsupport.h"

#include "browser/casesession.h"
#include "browser/detailpane.h"
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "browser/filterchips.h"
#include "browser/searchbar.h"
#include "browser/timerangebar.h"
#include "dashboard/activitymodel.h"
#include "dashboard/dashboardjob.h"
#include "dashboard/dashboardview.h"
#include "dashboard/detectionsmodel.h"
#include "dashboard/findingchart.h"
#include "dashboard/findingsmodel.h"
#include "dashboard/firstseenmodel.h"
#include "dashboard/insightcard.h"
#include "dashboard/principaldrilldown.h"
#include "dashboard/rulelistmodel.h"
#include "dashboard/rulesdialog.h"
#include "dashboard/tacticsmodel.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"

#include "casedb/caseschema.h"
#include "detect/detector.h"
#include "detect/shippedrules.h"
#include "insights/activitytables.h"
#include "insights/deliveredinsights.h"
#include "insights/firstseen.h"
#include "insights/insightfinder.h"
#include "query/searchparser.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChart>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Trailscope;
using namespace Trailscope::Ui;
using namespace Trailscope::Core::Insights;

namespace {

int shippedRuleCount()
{
    return int(Trailscope::Core::Detect::shippedRules().size());
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_case;

    DashboardRequest request() const
    {
        DashboardRequest request;
        request.casePath = m_case;
        request.caseEvents = Test::queryCount(m_case, "SELECT count(*) FROM events");
        request.caseStart = InsightFixture::Origin;
        request.caseEnd = InsightFixture::at(14400);
        return request;
    }

    static int rowNamed(const FindingsModel* model, const QString& name, FindingOrigin origin)
    {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->findingAt(row)->eventName == name && model->findingAt(row)->origin == origin)
                return row;
        return -1;
    }

    static int detectionRowOf(const DetectionsModel* model, const QString& id)
    {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->findingAt(row)->rule.id == id)
                return row;
        return -1;
    }

    static int activityRowOf(const ActivityModel* model, const QString& value)
    {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->rowAt(row)->value == value)
                return row;
        return -1;
    }

    // A window with the fixture open and its dashboard computed.
    static void openAndCompute(MainWindow& window, const QString& path)
    {
        QSignalSpy ready(&window, &MainWindow::caseReady);
        window.openCase(path);
        QVERIFY(ready.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(window.dashboard()->state(), DashboardView::State::Current, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->isComplete(), 10000);
    }

    static std::int64_t count(const QString& casePath, const QString& search,
                              const Core::Query::SearchOptions& options = {})
    {
        auto db = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly);
        auto parsed = Core::Query::parseSearch(search);
        if (!db || !parsed)
            return -1;
        const auto rows =
            computeActivityTable(*db, ActivityDimension::Account, Core::Query::compileSearch(*parsed), options);
        std::int64_t total = 0;
        for (const ActivityRow& row : *rows)
            total += row.events;
        return total;
    }

    // "value events errors" per row, sorted, of a drill-down table.
    static QStringList rowsOf(const ActivityModel* model)
    {
        QStringList rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            const ActivityRow* activity = model->rowAt(row);
            const QString value =
                activity->eventSource.isEmpty() ? activity->value : activity->eventSource + ' ' + activity->value;
            rows << QString("%1 %2 %3").arg(value).arg(activity->events).arg(activity->errors);
        }
        rows.sort();
        return rows;
    }

    // The same, by SQL alone over Mallory's events: `value` an SQL expression over strings joined as v.
    QStringList directRows(const QString& valueJoin, const QString& value) const
    {
        const QString sql = QString("SELECT %1 || ' ' || count(*) || ' ' || count(e.error_code) FROM events e "
                                    "JOIN identities i ON i.id = e.identity JOIN strings p ON p.id = i.arn %2 "
                                    "WHERE p.value = '%3' GROUP BY %1")
                                .arg(value, valueJoin, InsightFixture::Mallory);
        QStringList rows = Test::queryStrings(m_case, sql.toUtf8().constData());
        rows.sort();
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_case = InsightFixture::buildCase(m_dir.path());
        QVERIFY(!m_case.isEmpty());
    }

    void modelsHoldTheCoresResults()
    {
        const DashboardData data = DashboardJob::compute(request());
        QVERIFY(!data.error);
        auto db = Core::CaseSchema::open(m_case, Core::CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto ours = computeInsights(*db, {});
        const auto delivered = deliveredInsights(*db, std::nullopt, std::nullopt);
        QVERIFY(ours && delivered);
        QCOMPARE(data.findings.size(), ours->size() + delivered->size()); // the fixture's AWS Start has no End

        FindingsModel findings;
        QAbstractItemModelTester tester(&findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        findings.setFindings(data.findings);
        QCOMPARE(findings.rowCount(), int(data.findings.size()));
        const int storm = rowNamed(&findings, "ListRoles", FindingOrigin::Trailscope);
        QVERIFY(storm >= 0);
        const auto cell = [&findings](int row, int column) { return findings.index(row, column).data().toString(); };
        QCOMPARE(cell(storm, FindingsModel::Start), QString("2026-02-09 15:00")); // minute 12420
        QCOMPARE(cell(storm, FindingsModel::Type), QString("Error rate"));
        QCOMPARE(cell(storm, FindingsModel::Api), QString("iam.amazonaws.com ListRoles"));
        QCOMPARE(cell(storm, FindingsModel::ErrorCode), QString("AccessDenied"));
        QCOMPARE(cell(storm, FindingsModel::Principal), InsightFixture::Mallory);
        QCOMPARE(cell(storm, FindingsModel::SourceIp), InsightFixture::MalloryIp);
        QCOMPARE(cell(storm, FindingsModel::Region), QString("eu-west-1"));
        QCOMPARE(cell(storm, FindingsModel::Baseline), QString("0.00069")); // 7 / 10080
        QCOMPARE(cell(storm, FindingsModel::Insight), QString("13.7"));     // 41 / 3
        QCOMPARE(cell(storm, FindingsModel::Minutes), QString("3"));
        const int aws = rowNamed(&findings, "RunInstances", FindingOrigin::Aws);
        QVERIFY(aws >= 0);
        QCOMPARE(cell(aws, FindingsModel::Origin), QString("AWS"));
        // Sorted by insight rate, highest first.
        findings.sort(FindingsModel::Insight, Qt::DescendingOrder);
        for (int row = 1; row < findings.rowCount(); ++row)
            QVERIFY(findings.findingAt(row - 1)->insightAverage >= findings.findingAt(row)->insightAverage);

        ActivityModel activity;
        QAbstractItemModelTester activityTester(&activity, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto principals = computeActivityTable(*db, ActivityDimension::Principal);
        QVERIFY(principals.has_value());
        activity.setRows(ActivityDimension::Principal, data.tables.at(ActivityDimension::Principal));
        QCOMPARE(activity.rowCount(), int(principals->size()));
        for (const ActivityRow& row : *principals) {
            const int at = activityRowOf(&activity, row.value);
            QVERIFY(at >= 0);
            QCOMPARE(activity.index(at, ActivityModel::Events).data().toLongLong(), row.events);
            QCOMPARE(activity.index(at, ActivityModel::DistinctApis).data().toLongLong(), row.distinctApis);
        }
        activity.sort(ActivityModel::Events, Qt::DescendingOrder);
        for (int row = 1; row < activity.rowCount(); ++row)
            QVERIFY(activity.rowAt(row - 1)->events >= activity.rowAt(row)->events);
        activity.sort(ActivityModel::Value, Qt::AscendingOrder);
        for (int row = 1; row < activity.rowCount(); ++row)
            QVERIFY(activity.rowAt(row - 1)->value <= activity.rowAt(row)->value);

        FirstSeenModel firstSeen;
        QAbstractItemModelTester firstTester(&firstSeen, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto seen = computeFirstSeen(*db);
        QVERIFY(seen.has_value());
        firstSeen.setItems(data.firstSeen.items);
        QCOMPARE(firstSeen.rowCount(), int(seen->items.size()));
    }

    void computedOffTheGuiThreadWithCards()
    {
        DashboardView view;
        view.resize(1400, 900);
        view.show();
        QSignalSpy updated(&view, &DashboardView::updated);
        const DashboardRequest r = request();
        view.setCase(r.casePath, r.caseEvents, r.caseStart, r.caseEnd);
        QCOMPARE(view.state(), DashboardView::State::Computing); // returned at once; the job runs elsewhere
        QVERIFY(updated.wait(20000));
        QCOMPARE(view.state(), DashboardView::State::Current);
        QCOMPARE(view.card(DashboardView::Card::CallRate)->countText(), QString("3"));
        QCOMPARE(view.card(DashboardView::Card::ErrorRate)->countText(), QString("1"));
        QCOMPARE(view.card(DashboardView::Card::Delivered)->countText(), QString("1"));
        QVERIFY(view.card(DashboardView::Card::ErrorRate)->worstText().contains("ListRoles"));
        QCOMPARE(view.card(DashboardView::Card::CallRate)->sparklinePoints(), 48);
        // Selecting a finding draws its minutes against the baseline, and its attributions.
        const int storm = rowNamed(view.findingsModel(), "ListRoles", FindingOrigin::Trailscope);
        view.findingsView()->selectRow(storm);
        QCOMPARE(view.findingChart()->rateChart()->series().size(), 3); // episode, rate, baseline
        QVERIFY(view.findingChart()->summaryText().contains("ListRoles"));
        QCOMPARE(view.findingChart()->attributionChart()->series().size(), 1);
        // The same case at the same size is not computed again.
        view.setCase(r.casePath, r.caseEvents, r.caseStart, r.caseEnd);
        QCOMPARE(view.state(), DashboardView::State::Current);
    }

    void activatingAFindingShowsItsEvents_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("events");
        QTest::newRow("storm") << "ListRoles" << 41;    // 20 + 15 + 6 in 12420..12422
        QTest::newRow("spike") << "RunInstances" << 20; // 12 + 8 in 12270..12271
    }

    void activatingAFindingShowsItsEvents()
    {
        QFETCH(QString, name);
        QFETCH(int, events);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndCompute(window, m_case);
        window.searchBar()->submit("user:alice");
        window.actions()->showDashboard->trigger();
        QTabWidget* tabs = window.findChild<QTabWidget*>("mainTabs");
        QCOMPARE(tabs->currentWidget(), window.dashboard());
        QTableView* view = window.dashboard()->findingsView();
        const int row = rowNamed(window.dashboard()->findingsModel(), name, FindingOrigin::Trailscope);
        QVERIFY(row >= 0);
        const DashboardFinding finding = *window.dashboard()->findingsModel()->findingAt(row);
        const QRect cell = view->visualRect(view->model()->index(row, FindingsModel::Api));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        // The browser, with the episode's window, its API as a pinned tree and the typed search emptied.
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(window.timeRange()->start(), std::optional<std::int64_t>(finding.start));
        QCOMPARE(window.timeRange()->end(), std::optional<std::int64_t>(finding.end));
        QCOMPARE(window.searchBar()->text(), QString());
        QCOMPARE(window.filterChips()->filters().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), events, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->isComplete(), 10000);
        QCOMPARE(window.session()->currentRequest().search->kind, Core::Query::SearchNode::Kind::And);
        // As many as the core counts for the API in that window.
        QCOMPARE(count(m_case, QString("eventName:%1 region:%2").arg(finding.eventName, finding.region),
                       {finding.start, finding.end, Core::Query::SortOrder::NewestFirst}),
                 std::int64_t(events));
    }

    void applyAsFilterAndExcludeNarrowTheSearch()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndCompute(window, m_case);
        const int total = window.eventModel()->rowCount();
        DashboardView* dashboard = window.dashboard();
        window.actions()->showDashboard->trigger();
        dashboard->setDimension(ActivityDimension::Principal);
        const int mallory = activityRowOf(dashboard->activityModel(), InsightFixture::Mallory);
        QVERIFY(mallory >= 0);
        const int malloryEvents = static_cast<int>(dashboard->activityModel()->rowAt(mallory)->events);
        QVERIFY(malloryEvents > 0 && malloryEvents < total);

        dashboard->activityView()->selectRow(mallory);
        QTest::mouseClick(dashboard->findChild<QPushButton*>("applyAsFilter"), Qt::LeftButton);
        QCOMPARE(window.filterChips()->filters().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), malloryEvents, 10000);
        QCOMPARE(window.searchBar()->text(), QString()); // a tree, not text

        window.filterChips()->setFilters({});
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), total, 10000);
        const int again = activityRowOf(dashboard->activityModel(), InsightFixture::Mallory);
        dashboard->activityView()->selectRow(again);
        QTest::mouseClick(dashboard->findChild<QPushButton*>("excludeFilter"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), total - malloryEvents, 10000);
        QVERIFY(window.filterChips()->filters().front().label.startsWith("not "));
    }

    void limitToCurrentSearch()
    {
        MainWindow window;
        openAndCompute(window, m_case);
        DashboardView* dashboard = window.dashboard();
        dashboard->setDimension(ActivityDimension::Principal);
        window.searchBar()->submit("errorCode:AccessDenied");
        dashboard->setLimitToSearch(true);
        auto db = Core::CaseSchema::open(m_case, Core::CaseSchema::OpenMode::ReadOnly);
        const auto expected = computeActivityTable(
            *db, ActivityDimension::Principal,
            Core::Query::compileSearch(*Core::Query::parseSearch(QStringLiteral("errorCode:AccessDenied"))));
        QVERIFY(expected.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->activityModel()->rowCount(), int(expected->size()), 10000);
        for (const ActivityRow& row : *expected) {
            const int at = activityRowOf(dashboard->activityModel(), row.value);
            QVERIFY(at >= 0);
            QCOMPARE(dashboard->activityModel()->rowAt(at)->events, row.events);
        }
        dashboard->setLimitToSearch(false);
        QCOMPARE(dashboard->activityModel()->rowCount(),
                 int(dashboard->data().tables.at(ActivityDimension::Principal).size()));
    }

    void outOfDateDuringAnImport()
    {
        // A copy of the case, so the import does not change the others' fixture.
        const QString copy = m_dir.filePath("grown.tscase");
        QVERIFY(QFile::copy(m_case, copy));
        MainWindow window;
        openAndCompute(window, copy);
        const std::int64_t before = window.dashboard()->data().caseEvents;
        QJsonObject record = InsightFixture::records().front();
        record["eventID"] = "0f8f3c9e-1111-4222-8333-944455556666";
        const QString trail = m_dir.filePath("more.json");
        QFile file(trail);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{"Records", QJsonArray{record}}}).toJson());
        file.close();
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.importPaths({trail});
        QCOMPARE(window.dashboard()->state(), DashboardView::State::OutOfDate);
        QVERIFY(window.dashboard()->statusText().startsWith("Out of date"));
        QVERIFY(imported.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(window.dashboard()->state(), DashboardView::State::Current, 20000);
        QCOMPARE(window.dashboard()->data().caseEvents, before + 1);
    }

    void drillDownMatchesDirectSql()
    {
        DashboardView view;
        view.resize(1400, 900);
        view.show();
        QSignalSpy updated(&view, &DashboardView::updated);
        const DashboardRequest r = request();
        view.setCase(r.casePath, r.caseEvents, r.caseStart, r.caseEnd);
        QVERIFY(updated.wait(20000));
        view.setDimension(ActivityDimension::Principal);
        PrincipalDrillDown* drill = view.drillDownPanel();
        QVERIFY(drill->isHidden());
        const int mallory = activityRowOf(view.activityModel(), InsightFixture::Mallory);
        QVERIFY(mallory >= 0);
        // From the context menu's "Drill Down".
        QTableView* table = view.activityView();
        const QPoint at = table->visualRect(view.activityModel()->index(mallory, ActivityModel::Value)).center();
        Q_EMIT table->customContextMenuRequested(at);
        QMenu* menu = view.findChild<QMenu*>("activityMenu");
        QVERIFY(menu);
        QAction* drillAction = nullptr;
        for (QAction* action : menu->actions())
            if (action->text() == "&Drill Down")
                drillAction = action;
        QVERIFY(drillAction && drillAction->isEnabled());
        drillAction->trigger();
        menu->close();
        QVERIFY(!drill->isHidden());
        QVERIFY(drill->isPending()); // computed on the job, not here
        QTRY_VERIFY_WITH_TIMEOUT(!drill->isPending(), 10000);
        QCOMPARE(drill->activity().principal, InsightFixture::Mallory);
        QVERIFY(!drill->activity().error);

        QCOMPARE(rowsOf(drill->apisModel()),
                 directRows("JOIN strings src ON src.id = e.source JOIN strings n ON n.id = e.name",
                            "src.value || ' ' || n.value"));
        QCOMPARE(rowsOf(drill->sourceIpsModel()), directRows("JOIN strings v ON v.id = e.ip", "v.value"));
        QCOMPARE(rowsOf(drill->regionsModel()), directRows("JOIN strings v ON v.id = e.region", "v.value"));
        QCOMPARE(drill->apisModel()->rowCount(), 3); // RunInstances, ListRoles, GetObject
        QCOMPARE(drill->activity().events(), std::int64_t(18 + 42 + 60));
        QCOMPARE(drill->activity().errors(), std::int64_t(42 + 60));
        QVERIFY(drill->titleText().contains(InsightFixture::Mallory));

        // Errors over time: hourly over mallory's afternoon, calls and errors, adding up to the counts above.
        const Core::Insights::ActivitySeries& series = drill->activity().series;
        QCOMPARE(series.bucketMs, Core::Insights::ActivitySeries::Hour);
        std::int64_t calls = 0, errors = 0;
        for (const Core::Insights::ActivityBucket& bucket : series.buckets) {
            calls += bucket.events;
            errors += bucket.errors;
        }
        QCOMPARE(calls, drill->activity().events());
        QCOMPARE(errors, drill->activity().errors());
        QCOMPARE(drill->chart()->series().size(), 2);
        QVERIFY(drill->chart()->title().contains("per hour"));

        // A region has no principal to drill into; Close hides the drill-down.
        view.setDimension(ActivityDimension::Region);
        Q_EMIT table->customContextMenuRequested(table->visualRect(view.activityModel()->index(0, 0)).center());
        QMenu* regionMenu = nullptr;
        for (QMenu* candidate : view.findChildren<QMenu*>("activityMenu"))
            if (candidate != menu)
                regionMenu = candidate;
        QVERIFY(regionMenu);
        QVERIFY(!regionMenu->actions().first()->isEnabled());
        regionMenu->close();
        QTest::mouseClick(drill->findChild<QPushButton*>("drillDownClose"), Qt::LeftButton);
        QVERIFY(drill->isHidden());
    }

    void drillDownOpensThePrincipalsEvents()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndCompute(window, m_case);
        window.actions()->showDashboard->trigger();
        DashboardView* dashboard = window.dashboard();
        dashboard->setDimension(ActivityDimension::Principal);
        const int mallory = activityRowOf(dashboard->activityModel(), InsightFixture::Mallory);
        QVERIFY(mallory >= 0);
        const std::int64_t malloryEvents = dashboard->activityModel()->rowAt(mallory)->events;
        // Double-click on a principal drills down (it no longer jumps to the browser).
        QTableView* table = dashboard->activityView();
        const QRect cell = table->visualRect(dashboard->activityModel()->index(mallory, ActivityModel::Value));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTabWidget* tabs = window.findChild<QTabWidget*>("mainTabs");
        QCOMPARE(tabs->currentWidget(), dashboard);
        PrincipalDrillDown* drill = dashboard->drillDownPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!drill->isPending() && drill->activity().principal == InsightFixture::Mallory, 10000);
        QPushButton* open = drill->findChild<QPushButton*>("drillDownOpenEvents");
        QVERIFY(open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        // The browser, over mallory's first to last event, by a tree for the principal.
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(window.timeRange()->start(), drill->activity().first());
        QCOMPARE(window.timeRange()->end(), std::optional<std::int64_t>(*drill->activity().last() + 1));
        QCOMPARE(window.searchBar()->text(), QString());
        QCOMPARE(window.filterChips()->filters().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), int(malloryEvents), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->isComplete(), 10000);
        QCOMPARE(window.eventModel()->rowCount(),
                 int(Test::queryCount(m_case, QString("SELECT count(*) FROM events e JOIN identities i ON i.id = "
                                                      "e.identity JOIN strings p ON p.id = i.arn WHERE p.value = '%1'")
                                                  .arg(InsightFixture::Mallory))));
    }

    void drillDownWhenComputedWaitsForTheDashboard()
    {
        // --drill-down PRINCIPAL: asked before the case opens, shown once the dashboard is current.
        MainWindow window;
        window.drillDownWhenComputed(InsightFixture::Mallory);
        QCOMPARE(window.findChild<QTabWidget*>("mainTabs")->currentWidget(), window.dashboard());
        openAndCompute(window, m_case);
        PrincipalDrillDown* drill = window.dashboard()->drillDownPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!drill->isHidden() && !drill->isPending(), 10000);
        QCOMPARE(drill->activity().principal, InsightFixture::Mallory);
        QCOMPARE(drill->activity().events(), std::int64_t(18 + 42 + 60));
    }

    void detectionsHoldTheCoresResults()
    {
        const DashboardData data = DashboardJob::compute(request());
        QVERIFY(!data.error);
        auto db = Core::CaseSchema::open(m_case, Core::CaseSchema::OpenMode::ReadOnly);
        QVERIFY(db.has_value());
        const auto fired = Core::Detect::runDetections(m_case, *db, Core::Detect::shippedRuleSet());
        QVERIFY(fired.has_value());
        QCOMPARE(data.detections.size(), fired->size());
        for (std::size_t i = 0; i < fired->size(); ++i) {
            QCOMPARE(data.detections[i].rule.id, (*fired)[i].rule.id);
            QCOMPARE(data.detections[i].count, (*fired)[i].count);
            QCOMPARE(data.detections[i].eventRows, (*fired)[i].eventRows);
        }

        DetectionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFindings(data.detections, data.caseStart, data.caseEnd);
        QCOMPARE(model.rowCount(), int(fired->size()));
        // The mallory's AccessDenied storm (42 in 12420..12423, one 5-minute period) is a burst.
        const int burst = detectionRowOf(&model, "trailscope.unauthorized-burst");
        QVERIFY(burst >= 0);
        const Core::Detect::Finding& finding = *model.findingAt(burst);
        const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(burst, DetectionsModel::Level), QString("high"));
        QCOMPARE(cell(burst, DetectionsModel::Source), QString("Trailscope"));
        QCOMPARE(cell(burst, DetectionsModel::Count), QString::number(finding.count));
        QVERIFY(finding.count >= 42);
        QCOMPARE(cell(burst, DetectionsModel::First),
                 QDateTime::fromMSecsSinceEpoch(finding.first, Qt::UTC).toString("yyyy-MM-dd HH:mm:ss"));
        // The sparkline: every hit in a bucket, the storm's in the bucket of minute 12420 of the case's 14400.
        const QList<int> hits =
            model.index(burst, DetectionsModel::Hits).data(DetectionsModel::SparklineRole).value<QList<int>>();
        QCOMPARE(hits.size(), DetectionsModel::Buckets);
        QCOMPARE(std::accumulate(hits.begin(), hits.end(), std::int64_t(0)), finding.count);
        QVERIFY(hits[12420 * DetectionsModel::Buckets / 14400] >= 42);
        // Sorted by level, worst first; then by count.
        model.sort(DetectionsModel::Level, Qt::DescendingOrder);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(DetectionsModel::levelRank(model.findingAt(row - 1)->rule.level) >=
                    DetectionsModel::levelRank(model.findingAt(row)->rule.level));
        model.sort(DetectionsModel::Count, Qt::AscendingOrder);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.findingAt(row - 1)->count <= model.findingAt(row)->count);

        // The card: how many rules fired and the worst level.
        DashboardView view;
        QSignalSpy updated(&view, &DashboardView::updated);
        view.setCase(m_case, request().caseEvents, InsightFixture::Origin, InsightFixture::at(14400));
        QTRY_COMPARE_WITH_TIMEOUT(view.state(), DashboardView::State::Current, 20000);
        QCOMPARE(view.detectionsModel()->rowCount(), int(fired->size()));
        QCOMPARE(view.card(DashboardView::Card::Detections)->countText(), QString::number(fired->size()));
        QVERIFY2(view.card(DashboardView::Card::Detections)->worstText().contains("high"),
                 qPrintable(view.card(DashboardView::Card::Detections)->worstText()));

        // Per ATT&CK tactic: the first row counts every finding, each tactic row the findings tagged with it, and
        // choosing a tactic lists only its rules (the card still counts them all).
        TacticsModel* tactics = view.tacticsModel();
        QAbstractItemModelTester tacticsTester(tactics, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(tactics->rowCount() >= 2);
        QCOMPARE(tactics->index(0, TacticsModel::Rules).data().toInt(), int(fired->size()));
        int discoveryRow = -1;
        for (int row = 0; row < tactics->rowCount(); ++row) {
            if (tactics->index(row, 0).data(TacticsModel::TagRole).toString() == "discovery")
                discoveryRow = row;
        }
        QVERIFY2(discoveryRow > 0, "the unauthorized burst is tagged attack.discovery");
        const int tagged = int(std::count_if(fired->begin(), fired->end(), [](const Core::Detect::Finding& f) {
            return f.rule.tags.contains("attack.discovery");
        }));
        QCOMPARE(tactics->index(discoveryRow, TacticsModel::Rules).data().toInt(), tagged);
        QCOMPARE(tactics->index(discoveryRow, TacticsModel::Tactic).data().toString(), QString("Discovery (TA0007)"));
        view.tacticsView()->selectRow(discoveryRow);
        QCOMPARE(view.detectionsModel()->rowCount(), tagged);
        QVERIFY(detectionRowOf(view.detectionsModel(), "trailscope.unauthorized-burst") >= 0);
        QVERIFY(view.detectionsModel()
                    ->index(detectionRowOf(view.detectionsModel(), "trailscope.unauthorized-burst"),
                            DetectionsModel::Attack)
                    .data()
                    .toString()
                    .contains("Discovery"));
        QCOMPARE(view.card(DashboardView::Card::Detections)->countText(), QString::number(fired->size()));
        view.tacticsView()->selectRow(0);
        QCOMPARE(view.detectionsModel()->rowCount(), int(fired->size()));
        QVERIFY2(view.findChild<QLabel*>("rulesNote")->text().contains(QString::number(shippedRuleCount())),
                 qPrintable(view.findChild<QLabel*>("rulesNote")->text()));
    }

    void activatingADetectionShowsExactlyItsEvents()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndCompute(window, m_case);
        window.searchBar()->submit("user:alice"); // replaced: the rule's matches are all that show
        window.actions()->showDashboard->trigger();
        DashboardView* dashboard = window.dashboard();
        auto* tabs = window.findChild<QTabWidget*>("dashboardTabs");
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(dashboard->detectionsView()))
                tabs->setCurrentIndex(i);
        }
        QVERIFY(dashboard->detectionsView()->isVisible());
        QTableView* view = dashboard->detectionsView();
        const int row = detectionRowOf(dashboard->detectionsModel(), "trailscope.unauthorized-burst");
        QVERIFY(row >= 0);
        const Core::Detect::Finding finding = *dashboard->detectionsModel()->findingAt(row);
        const QRect cell = view->visualRect(view->model()->index(row, DetectionsModel::Title));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(window.findChild<QTabWidget*>("mainTabs")->currentIndex(), 0);
        QCOMPARE(window.timeRange()->start(), std::optional<std::int64_t>(finding.first));
        QCOMPARE(window.timeRange()->end(), std::optional<std::int64_t>(finding.last + 1));
        QCOMPARE(window.searchBar()->text(), QString());
        QCOMPARE(window.filterChips()->filters().size(), 0);
        QVERIFY(window.hasRowSet());
        QTRY_COMPARE_WITH_TIMEOUT(window.eventModel()->rowCount(), int(finding.count), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->isComplete(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.eventModel()->rowIdAt(window.eventModel()->rowCount() - 1) > 0, 10000);
        QList<std::int64_t> shown;
        for (int i = 0; i < window.eventModel()->rowCount(); ++i)
            shown << window.eventModel()->rowIdAt(i);
        QList<std::int64_t> expected(finding.eventRows.begin(), finding.eventRows.end());
        std::sort(shown.begin(), shown.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(shown, expected);

        // The detail pane of one of them names the rule, with its ATT&CK tactic.
        window.eventView()->setFocus();
        window.eventView()->selectRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.detailPane()->rowId(), window.eventModel()->rowIdAt(0), 10000);
        const QStringList labels = window.detailPane()->detectionLabels();
        QVERIFY2(labels.filter("trailscope.unauthorized-burst").size() == 1, qPrintable(labels.join("; ")));
        QVERIFY2(labels.filter("trailscope.unauthorized-burst").first().contains("Discovery"),
                 qPrintable(labels.join("; ")));
        auto* line = window.detailPane()->findChild<QLabel*>("detectionsLine");
        QVERIFY(line && line->isVisible());
        QVERIFY(line->text().startsWith("Detections: "));
    }

    void switchingARuleOffRunsTheRulesAgain()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndCompute(window, m_case);
        DashboardView* dashboard = window.dashboard();
        QVERIFY(detectionRowOf(dashboard->detectionsModel(), "trailscope.unauthorized-burst") >= 0);
        const auto toggle = [&](bool on) {
            window.actions()->detectionRules->trigger();
            auto* dialog = window.findChild<RulesDialog*>();
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->model()->rowCount() > 0);
            const int row = dialog->model()->rowOf("trailscope.unauthorized-burst");
            QSignalSpy loaded(dialog, &RulesDialog::rulesLoaded);
            dialog->model()->setData(dialog->model()->index(row, RuleListModel::On), on ? Qt::Checked : Qt::Unchecked,
                                     Qt::CheckStateRole);
            QVERIFY(loaded.wait(5000));
            QSignalSpy updated(dashboard, &DashboardView::updated);
            dialog->close(); // deleted on close; the dashboard computes again
            QVERIFY(updated.wait(20000));
            QTRY_VERIFY(!window.findChild<RulesDialog*>());
        };
        toggle(false);
        QCOMPARE(detectionRowOf(dashboard->detectionsModel(), "trailscope.unauthorized-burst"), -1);
        QVERIFY(window.findChild<QLabel*>("rulesNote")->text().contains("1 switched off"));
        toggle(true);
        QVERIFY(detectionRowOf(dashboard->detectionsModel(), "trailscope.unauthorized-burst") >= 0);
    }

    void starMatchesStarsEveryMatch()
    {
        // A copy of the case, so the stars stay out of the others' fixture.
        const QString copy = m_dir.filePath("starred.tscase");
        QVERIFY(QFile::copy(m_case, copy));
        MainWindow window;
        openAndCompute(window, copy);
        DashboardView* dashboard = window.dashboard();
        const int row = detectionRowOf(dashboard->detectionsModel(), "trailscope.unauthorized-burst");
        QVERIFY(row >= 0);
        const Core::Detect::Finding finding = *dashboard->detectionsModel()->findingAt(row);
        QSignalSpy starred(window.session(), &CaseSession::starredLoaded);
        QCOMPARE(Test::queryCount(copy, "SELECT count(*) FROM analyst_marks WHERE starred = 1"), 0);
        dashboard->starMatches(row);
        QTRY_COMPARE_WITH_TIMEOUT(Test::queryCount(copy, "SELECT count(*) FROM analyst_marks WHERE starred = 1"),
                                  finding.count, 10000);
        QStringList ids;
        for (const std::int64_t id : finding.eventRows)
            ids << QString::number(id);
        const QString matched =
            QString("SELECT count(*) FROM analyst_marks WHERE starred = 1 AND event IN (%1)").arg(ids.join(','));
        QCOMPARE(Test::queryCount(copy, matched), finding.count);
        // The browser's starred set follows (the star column of the event table).
        QTRY_VERIFY_WITH_TIMEOUT(!starred.isEmpty(), 10000);
        QCOMPARE(starred.last().first().value<QSet<std::int64_t>>().size(), qsizetype(finding.count));
    }

    void facetsDockHidesBesideTheDashboard()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndCompute(window, m_case);
        QDockWidget* dock = window.findChild<QDockWidget*>("facetDock");
        QVERIFY(dock);
        window.actions()->showEvents->trigger();
        QVERIFY(dock->isVisible());
        window.actions()->showDashboard->trigger();
        QVERIFY(!dock->isVisible());
        window.actions()->showSql->trigger();
        QVERIFY(dock->isVisible());
        window.actions()->showDashboard->trigger();
        QVERIFY(!dock->isVisible());
        window.actions()->showEvents->trigger();
        QVERIFY(dock->isVisible());

        // Closed by the analyst: it stays closed after the dashboard.
        dock->toggleViewAction()->trigger();
        QVERIFY(!dock->isVisible());
        window.actions()->showDashboard->trigger();
        window.actions()->showEvents->trigger();
        QVERIFY(!dock->isVisible());
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());

        // Shown by the analyst on the dashboard, then closed there again: leaving does not bring it back.
        window.actions()->showDashboard->trigger();
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
        dock->toggleViewAction()->trigger();
        window.actions()->showEvents->trigger();
        QVERIFY(!dock->isVisible());
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
