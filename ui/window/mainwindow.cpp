#include "mainwindow.h"

#include "common/errortext.h"

#include "browser/casechangewatcher.h"
#include "browser/casesession.h"
#include "browser/colourrules.h"
#include "browser/colourrulesdialog.h"
#include "browser/detailpane.h"
#include "browser/eventannotationbar.h"
#include "browser/eventcomparison.h"
#include "browser/eventdetections.h"
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "browser/facetpane.h"
#include "browser/filterchips.h"
#include "browser/searchbar.h"
#include "browser/searchworker.h"
#include "browser/timerangebar.h"
#include "dashboard/dashboardview.h"
#include "export/exportcontroller.h"
#include "export/exportdialog.h"
#include "help/aboutdialog.h"
#include "help/shortcutsdialog.h"
#include "import/importcoordinator.h"
#include "import/importjob.h"
#include "import/importprogresswidget.h"
#include "integrity/integritydialog.h"
#include "sql/sqlconsole.h"
#include "timeline/timelineview.h"
#include "window/casedialogs.h"
#include "window/casefiles.h"
#include "window/recentcasesmenu.h"
#include "window/searchesmenu.h"
#include "window/statusstrip.h"
#include "window/storycontroller.h"
#include "window/timelineseriesmenu.h"
#include "window/welcomepage.h"
#include "window/windowactions.h"

#include "casedb/caseschema.h"
#include "import/importer.h"
#include "query/eventcolumns.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("Trailscope"));
    setWindowIcon(AboutDialog::applicationIcon());
    setAcceptDrops(true);
    m_session = new CaseSession(this);
    m_model = new EventTableModel(m_session, this);
    buildBrowser();
    buildActions();
    connectSession();
    connectStories();
    applyColourRules(ColourRules::load());
    restoreLayout();
    m_welcome->setRecentCases(RecentCasesMenu::cases());
}

MainWindow::~MainWindow() = default;

ImportJob* MainWindow::importJob() const
{
    return m_imports->job();
}

void MainWindow::buildBrowser()
{
    m_searchBar = new SearchBar(this);
    m_searchBar->setObjectName(QStringLiteral("searchBar"));
    m_timeRange = new TimeRangeBar(this);
    m_timeline = new TimelineView(this);
    m_timeline->setMinimumHeight(120);
    m_table = new EventTableView(m_model, this);
    m_detail = new DetailPane(this);
    m_annotation = new EventAnnotationBar(this);
    auto* detailBox = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(0);
    detailLayout->addWidget(m_annotation);
    detailLayout->addWidget(m_detail, 1);

    m_browser = new QSplitter(Qt::Vertical, this);
    m_browser->setObjectName(QStringLiteral("browserSplitter"));
    m_browser->addWidget(m_timeline);
    m_browser->addWidget(m_table);
    m_browser->addWidget(detailBox);
    m_browser->setStretchFactor(0, 1);
    m_browser->setStretchFactor(1, 4);
    m_browser->setStretchFactor(2, 3);
    m_browser->setSizes({150, 420, 300});

    m_chips = new FilterChips(this);
    m_browserPage = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(m_browserPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(m_chips);
    pageLayout->addWidget(m_browser, 1);

    m_sql = new SqlConsole(this);
    m_dashboard = new DashboardView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_browserPage, tr("Events"));
    m_tabs->addTab(m_sql, tr("SQL"));
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    connect(m_chips, &FilterChips::changed, this, &MainWindow::runSearch);
    connect(m_dashboard, &DashboardView::openEventsRequested, this, &MainWindow::showEventsOf);
    // The detail pane names the rules the shown event is in, from the dashboard's last result.
    connect(m_dashboard, &DashboardView::updated, this, [this] {
        if (m_dashboard->data().casePath == windowFilePath())
            m_detail->setDetections(EventDetections::of(m_dashboard->data().detections));
    });
    connect(m_dashboard, &DashboardView::openEventSetRequested, this, &MainWindow::showEventSetOf);
    connect(m_dashboard, &DashboardView::starEventsRequested, this, [this](const QList<std::int64_t>& rowIds) {
        m_session->starEvents(rowIds);
        m_status->showMessage(tr("Starring %n event(s)…", nullptr, static_cast<int>(rowIds.size())));
    });
    connect(m_dashboard, &DashboardView::filterRequested, this,
            [this](const QString& label, const Core::Query::SearchTree& search, bool andShow) {
                m_chips->add({label, search});
                if (andShow)
                    m_tabs->setCurrentWidget(m_browserPage);
                else
                    m_status->showMessage(tr("Added to the browser's search: %1").arg(label));
            });
    connect(m_sql, &SqlConsole::openEventRequested, this, [this](std::int64_t rowId) { showRowSet({rowId}, rowId); });
    connect(m_sql, &SqlConsole::openEventSetRequested, this,
            [this](const QList<std::int64_t>& rowIds) { showRowSet(rowIds); });

    m_welcome = new WelcomePage(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_facets = new FacetPane(this);
    m_facetDock = new QDockWidget(tr("Facets"), this);
    m_facetDock->setObjectName(QStringLiteral("facetDock"));
    m_facetDock->setWidget(m_facets);
    addDockWidget(Qt::LeftDockWidgetArea, m_facetDock);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onViewChanged);
    // The analyst showing or hiding the dock themselves overrides what the dashboard did with it.
    connect(m_facetDock->toggleViewAction(), &QAction::triggered, this, [this] { m_facetsHiddenForDashboard = false; });

    m_exports = new ExportController(this);
    connect(m_dashboard, &DashboardView::exportFindingRequested, this,
            [this](const Core::Report::CaseFinding& finding) { openExportDialog(ExportStart::Finding, {}, &finding); });
    connect(m_sql, &SqlConsole::exportRequested, this,
            [this](const QString& statement) { openExportDialog(ExportStart::Query, statement); });

    m_importProgress = new ImportProgressWidget(this);
    m_imports = new ImportCoordinator(m_importProgress, this);
    m_status = new StatusStrip(statusBar(), m_importProgress);
    connect(m_status, &StatusStrip::rowSetClearRequested, this, &MainWindow::clearRowSet);

    connect(m_searchBar, &SearchBar::searchSubmitted, this, &MainWindow::runSearch);
    connect(m_annotation, &EventAnnotationBar::starToggled, m_session, &CaseSession::setStarred);
    connect(m_annotation, &EventAnnotationBar::noteEdited, m_session, &CaseSession::setNote);
    connect(m_searchBar, &SearchBar::validityChanged, this, [this](bool valid, const QString& message, int position) {
        m_status->showMessage(valid ? QString() : tr("Search error at column %1: %2").arg(position + 1).arg(message));
    });
    connect(m_timeRange, &TimeRangeBar::rangeChanged, this, &MainWindow::runSearch);
    connect(m_facets, &FacetPane::termActivated, this,
            [this](const QString& term) { m_searchBar->addTerm(term, false); });
    connect(m_detail, &DetailPane::filterRequested, m_searchBar, &SearchBar::addTerm);
    connect(m_detail, &DetailPane::searchRequested, m_searchBar, &SearchBar::submit);
    connect(m_timeline, &TimelineView::rangeSelected, m_timeRange, &TimeRangeBar::setCustomRange);
    connect(m_timeline, &TimelineView::rangeReset, this, [this] { m_timeRange->setPreset(TimeRangeBar::All); });
    connect(m_timeline, &TimelineView::bucketActivated, this, [this](std::int64_t start, std::int64_t end) {
        if (m_session->currentRequest().sortField) {
            m_status->showMessage(tr("Sort by event time to jump to a bucket's events."));
            return;
        }
        const bool newestFirst = m_session->currentRequest().options.order == Core::Query::SortOrder::NewestFirst;
        m_session->locate(newestFirst ? end : start);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    // Sorting happens in SQL on the whole result, never in the view.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &MainWindow::runSearch);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSample);
    connect(m_welcome, &WelcomePage::importRequested, this, &MainWindow::chooseAndImport);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openCase);

    m_importRefresh = new QTimer(this);
    m_importRefresh->setInterval(3000);
    connect(m_importRefresh, &QTimer::timeout, this, [this] {
        // Events arriving refresh the view only while the analyst watches the top of it; a refresh elsewhere would
        // pull the rows from under them. The import's end refreshes everything.
        if (m_session->isOpen() && watchingTheTop())
            runSearch();
    });
    connect(m_imports, &ImportCoordinator::started, m_importRefresh, qOverload<>(&QTimer::start));
    // Another process's import is watched the same way; this window's own is refreshed by the timer above.
    m_changes = new CaseChangeWatcher(m_session, this);
    connect(m_imports, &ImportCoordinator::started, m_changes, &CaseChangeWatcher::pause);
    connect(m_changes, &CaseChangeWatcher::eventsArrived, this, &MainWindow::onEventsArrived);
    connect(m_imports, &ImportCoordinator::started, m_dashboard, &DashboardView::markOutOfDate);
    connect(m_imports, &ImportCoordinator::finished, this, &MainWindow::onImportFinished);
    connect(m_imports, &ImportCoordinator::firstEventsStored, this, [this](const QString& casePath) {
        // A new case opens as soon as it has events, so the analyst can start while the rest arrives.
        if (!m_session->isOpen())
            openCase(casePath);
    });
}

void MainWindow::buildActions()
{
    m_actions = new WindowActions(this);
    m_recent = new RecentCasesMenu(this);
    m_series = new TimelineSeriesMenu(m_searchBar, this);
    m_searches = new SearchesMenu(m_session, m_searchBar, this);
    m_actions->fillMenuBar(menuBar(), m_recent, m_series, m_searches);

    const WindowActions& actions = *m_actions;
    connect(actions.newCase, &QAction::triggered, this, &MainWindow::chooseNewCase);
    connect(actions.openCase, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    connect(actions.openSample, &QAction::triggered, this, &MainWindow::openSample);
    connect(actions.reloadCase, &QAction::triggered, this, [this] {
        if (m_session->isOpen() && !m_imports->isRunning())
            openCase(m_session->summary().path);
    });
    connect(actions.importTrail, &QAction::triggered, this, &MainWindow::chooseAndImport);
    connect(actions.exportData, &QAction::triggered, this, [this] {
        const bool inSql = m_tabs->currentWidget() == m_sql && !m_sql->currentResultStatement().isEmpty();
        openExportDialog(inSql ? ExportStart::Query : ExportStart::View, m_sql->currentResultStatement());
    });
    connect(m_exports, &ExportController::message, m_status, &StatusStrip::showMessage);
    // The table's own menu: what is done to the selected rows, and the view's export.
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* separator = new QAction(m_table);
    separator->setSeparator(true);
    m_table->addActions({actions.star, actions.compare, actions.showStory, separator, actions.exportData});
    connect(actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(actions.find, &QAction::triggered, this, [this] {
        m_searchBar->setFocus();
        m_searchBar->selectAll();
    });
    connect(actions.back, &QAction::triggered, m_searchBar, &SearchBar::goBack);
    connect(actions.forward, &QAction::triggered, m_searchBar, &SearchBar::goForward);
    connect(m_searchBar, &SearchBar::navigationChanged, this, [this] {
        m_actions->back->setEnabled(m_searchBar->canGoBack());
        m_actions->forward->setEnabled(m_searchBar->canGoForward());
    });
    connect(actions.showEvents, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_browserPage); });
    connect(actions.showSql, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_sql); });
    connect(actions.showDashboard, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_dashboard); });
    connect(actions.utc, &QAction::toggled, this, &MainWindow::setUtc);
    connect(actions.logScale, &QAction::toggled, m_timeline, &TimelineView::setLogScale);
    connect(actions.colourRules, &QAction::triggered, this, &MainWindow::editColourRules);
    connect(actions.star, &QAction::triggered, this, &MainWindow::toggleStarOnSelection);
    connect(actions.starredOnly, &QAction::toggled, this, &MainWindow::runSearch);
    connect(actions.compare, &QAction::triggered, this, &MainWindow::compareSelected);
    connect(actions.keyboardShortcuts, &QAction::triggered, this, [this] {
        auto* dialog = new ShortcutsDialog(ShortcutsDialog::actionsWithShortcuts(this), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(actions.about, &QAction::triggered, this, [this] {
        auto* dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(actions.detectionRules, &QAction::triggered, this, [this] {
        if (m_dashboard->editRules() == nullptr)
            statusBar()->showMessage(tr("Open a case to see its detection rules."), 5000);
    });
    connect(actions.validateIntegrity, &QAction::triggered, this, &MainWindow::openIntegrityDialog);
    connect(m_recent, &RecentCasesMenu::caseChosen, this, &MainWindow::openCase);
    connect(m_recent, &RecentCasesMenu::casesChanged, m_welcome, &WelcomePage::setRecentCases);
    connect(m_series, &TimelineSeriesMenu::seriesChanged, this, &MainWindow::runSearch);
    connect(m_series, &TimelineSeriesMenu::message, m_status, &StatusStrip::showMessage);
    connect(m_searches, &SearchesMenu::message, m_status, &StatusStrip::showMessage);

    auto* toolbar = addToolBar(tr("Search"));
    toolbar->setObjectName(QStringLiteral("searchToolbar"));
    toolbar->setMovable(false);
    toolbar->addActions({actions.back, actions.forward});
    toolbar->addWidget(m_searchBar);
    toolbar->addWidget(m_timeRange);
    toolbar->addAction(actions.utc);
}

void MainWindow::connectSession()
{
    connect(m_session, &CaseSession::caseOpened, this, &MainWindow::onCaseOpened);
    // Said where the analyst looks, not only in the status bar: the message names the file and the reason.
    connect(m_session, &CaseSession::caseFailed, this, [this](const QString&, const QString& message) {
        m_status->showMessage(tr("Cannot open the case: %1").arg(message));
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the case"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("caseFailedMessage"));
        box->open();
    });
    connect(m_session, &CaseSession::scanProgress, m_status, &StatusStrip::showScanProgress);
    connect(m_session, &CaseSession::searchStarted, this, [this] {
        m_status->searchStarted();
        m_timeline->setBusy(true);
        m_facets->setBusy(true);
    });
    connect(m_session, &CaseSession::histogramReady, this,
            [this](const Core::Query::Histogram& histogram, const SeriesCounts& extra) {
                m_timeline->setHistogram(histogram);
                // A story's events are drawn one line per key, in the colours of its tree and rows.
                m_timeline->setExtraSeries(m_stories->isShowingStory()
                                               ? m_stories->timelineSeries(histogram)
                                               : m_series->drawn(extra, histogram.buckets.size()));
                m_timeline->setBusy(false);
            });
    connect(m_session, &CaseSession::facetsReady, this, [this](const FacetList& facets) {
        m_series->setFacets(facets);
        m_facets->setFacets(facets);
        m_facets->setBusy(false);
        m_searchBar->suggestValuesFrom(facets);
    });
    connect(m_session, &CaseSession::searchFailed, this, [this](const QString& message) {
        m_timeline->setBusy(false);
        m_facets->setBusy(false);
        m_status->searchFailed(message);
    });
    connect(m_session, &CaseSession::searchFinished, this, [this](qint64 matched, double milliseconds) {
        m_matched = matched;
        m_lastQueryMs = milliseconds;
        updateStatus();
    });
    connect(m_model, &EventTableModel::rowsReset, this, [this] {
        m_matched = -1;
        updateStatus();
        if (m_selectWhenShown) {
            m_selectedRowId = m_selectWhenShown;
            m_selectWhenShown.reset();
        }
        if (m_selectedRowId) {
            // Keep the analyst's event selected across refreshes when it is still in the results.
            const std::int64_t wanted = *m_selectedRowId;
            m_selectedRowId.reset(); // so the selection below loads the event's record
            const int row = m_model->rowOfRowId(wanted);
            if (row >= 0)
                m_table->makeCurrent(row);
        }
    });
    connect(m_session, &CaseSession::recordReady, this, [this](std::int64_t rowId, const QByteArray& record) {
        if (m_selectedRowId && rowId == *m_selectedRowId) {
            m_detail->setEvent(rowId, record);
            m_detail->setIntegrityNote(m_model->integrityNote(rowId));
            m_stories->eventShown(rowId);
        }
    });
    connect(m_session, &CaseSession::recordFailed, this, [this](std::int64_t rowId, const QString& message) {
        if (m_selectedRowId && rowId == *m_selectedRowId) {
            m_detail->clear();
            m_detail->setPlaceholderText(message);
        }
    });
    connect(m_session, &CaseSession::markChanged, this,
            [this](std::int64_t eventRowId, bool starred, const QString& note) {
                if (m_selectedRowId && eventRowId == *m_selectedRowId)
                    m_annotation->setEvent(eventRowId, starred, note);
            });
    connect(m_session, &CaseSession::analystFailed, m_status, &StatusStrip::showMessage);
    connect(m_session, &CaseSession::located, this, [this](qint64 row) {
        if (row >= 0 && row < m_model->rowCount())
            m_table->makeCurrent(static_cast<int>(row), true);
    });
}

void MainWindow::connectStories()
{
    m_stories = new StoryController(this);
    connect(m_actions->showStory, &QAction::triggered, m_stories, &StoryController::showStoryOfCurrentEvent);
    connect(m_dashboard, &DashboardView::storyRequested, m_stories, &StoryController::showStory);
    connect(m_stories, &StoryController::message, m_status, &StatusStrip::showMessage);
}

void MainWindow::openCase(const QString& path)
{
    m_rowSet.reset();
    m_status->hideRowSet();
    m_model->clear();
    m_selectedRowId.reset();
    m_detail->clear();
    m_session->openCase(path);
}

void MainWindow::onCaseOpened(const CaseSummary& summary)
{
    setWindowTitle(tr("%1 — Trailscope").arg(QFileInfo(summary.path).fileName()));
    setWindowFilePath(summary.path);
    applyIntegrityMarks();
    m_stories->setCase(summary.path);
    m_stack->setCurrentWidget(m_tabs);
    if (m_sql->casePath() != summary.path || !m_imports->isRunning())
        m_sql->setCase(summary.path); // again after an import: new key paths for completion
    m_timeRange->setCaseSpan(summary.oldest, summary.newest);
    m_recent->remember(summary.path);
    if (m_dashboard->data().casePath != summary.path)
        m_detail->setDetections(nullptr); // another case's rows
    // A case opened while events still arrive (a new case's first events) is computed when the import ends.
    if (m_imports->isRunning())
        m_dashboard->markOutOfDate();
    else
        m_dashboard->setCase(summary.path, summary.events, summary.oldest, summary.newest);
    if (!summary.missingIndexes.isEmpty() && !m_imports->isRunning())
        m_status->showMessage(tr("Some lookup indexes are not built yet (an import was interrupted): lookups on "
                                 "fields may be slow until the next import into this case."));
    if (!m_imports->isRunning())
        m_changes->watch(summary.lastEventRow);
    // Through the bar, so the search the case opened with is the first step back.
    m_searchBar->submit(m_searchBar->text());
    Q_EMIT caseReady();
}

bool MainWindow::watchingTheTop() const
{
    return m_table->verticalScrollBar()->value() == 0 && !m_selectedRowId;
}

// Another process added events. While it goes on, the rows are refreshed as during an import of this window's own;
// once it has ended, the case is opened again (its span, the dashboard, the indexes). Either waits while the analyst
// reads somewhere below the top or has an event selected: the status bar says what arrived and F5 shows it.
void MainWindow::onEventsArrived(std::int64_t added, bool stillRunning)
{
    m_dashboard->markOutOfDate();
    if (!watchingTheTop()) {
        m_status->showMessage(tr("%n new event(s) from another import; File › Reload Case (F5) shows them.", "",
                                 static_cast<int>(std::min<std::int64_t>(added, INT_MAX))));
        return;
    }
    if (stillRunning) {
        m_status->showMessage(tr("Another import is adding events to this case: %n so far.", "",
                                 static_cast<int>(std::min<std::int64_t>(added, INT_MAX))));
        runSearch();
    } else {
        openCase(m_session->summary().path);
    }
}

QStringList MainWindow::visibleColumnIds() const
{
    QStringList ids;
    const auto columns = Core::Query::eventColumns();
    const QHeaderView* header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && logical < static_cast<int>(columns.size()) && !m_table->isColumnHidden(logical)) {
            const std::string_view id = columns[static_cast<std::size_t>(logical)].id;
            ids << QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size()));
        }
    }
    return ids;
}

ExportDialog* MainWindow::openExportDialog(ExportStart start, const QString& statement,
                                           const Core::Report::CaseFinding* finding)
{
    if (!m_session->isOpen()) {
        m_status->showMessage(tr("Open a case to export from it."));
        return nullptr;
    }
    using Kind = Core::Report::ReportScope::Kind;
    std::vector<ExportChoice> choices;
    int chosen = 0;
    ExportRequest base;
    base.casePath = windowFilePath();

    const SearchRequest& view = m_session->currentRequest();
    ExportRequest events = base;
    events.scope.kind = Kind::Search;
    events.scope.text = m_searchBar->text();
    events.scope.search = *view.search;
    events.scope.window = view.options;
    events.scope.within.starredOnly = view.starredOnly;
    events.rowSet = view.rowSet;
    events.sortField = view.sortField;
    events.sortDescending = view.sortDescending;
    events.expectedRows = m_matched;
    choices.push_back({m_matched >= 0 ? tr("The events in the current view (%1)").arg(QLocale().toString(m_matched))
                                      : tr("The events in the current view"),
                       events});
    if (!statement.isEmpty()) {
        ExportRequest query = base;
        query.scope.kind = Kind::Query;
        query.scope.text = statement;
        if (start == ExportStart::Query)
            chosen = static_cast<int>(choices.size());
        choices.push_back({tr("The SQL result: %1").arg(statement.simplified().left(60)), query});
    }
    if (finding) {
        ExportRequest found = base;
        found.scope.kind = Kind::Finding;
        found.scope.text = finding->id;
        found.scope.finding = *finding;
        found.expectedRows = static_cast<std::int64_t>(finding->eventRows.size());
        if (start == ExportStart::Finding)
            chosen = static_cast<int>(choices.size());
        choices.push_back({tr("The finding %1: %2").arg(finding->id, finding->title), found});
    }
    ExportRequest starred = base;
    starred.scope.kind = Kind::Starred;
    starred.scope.window.order = view.options.order;
    choices.push_back({tr("The starred events with their notes"), starred});
    ExportRequest summary = base;
    summary.scope.kind = Kind::Summary;
    choices.push_back({tr("The case summary"), summary});

    auto* dialog = new ExportDialog(std::move(choices), visibleColumnIds(), chosen, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_exports->start(dialog->request()); });
    dialog->open();
    return dialog;
}

void MainWindow::runSearch()
{
    if (!m_session->isOpen() || !m_searchBar->isValid())
        return;
    SearchRequest request;
    request.search = m_chips->narrow(m_searchBar->search());
    request.options.start = m_timeRange->start();
    request.options.end = m_timeRange->end();
    request.starredOnly = m_actions->starredOnly->isChecked();
    request.extraSeries = m_series->series();
    request.rowSet = m_rowSet;
    const int sortColumn = m_table->horizontalHeader()->sortIndicatorSection();
    const bool ascending = m_table->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
    if (const Core::Query::FieldDef* field = EventTableModel::fieldOfColumn(sortColumn)) {
        request.sortField = field;
        request.sortDescending = !ascending;
    } else {
        request.options.order = ascending ? Core::Query::SortOrder::OldestFirst : Core::Query::SortOrder::NewestFirst;
    }
    m_session->search(request);
    m_dashboard->setBrowserSearch(request.search, request.options);
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const std::int64_t rowId = m_model->rowIdAt(current.row());
    if (rowId < 0) {
        m_selectedRowId.reset();
        m_timeline->setMarkedTime(std::nullopt);
        m_annotation->setEvent(-1, false, {});
        return;
    }
    if (m_selectedRowId && *m_selectedRowId == rowId)
        return;
    m_selectedRowId = rowId;
    m_annotation->setEvent(rowId, m_session->starred().contains(rowId), {});
    m_session->readMark(rowId);
    const QVariant time = m_model->data(current, EventTableModel::EventTimeRole);
    m_timeline->setMarkedTime(time.isValid() ? std::optional<std::int64_t>(time.toLongLong()) : std::nullopt);
    m_session->fetchRecord(rowId);
}

void MainWindow::updateStatus()
{
    const qint64 shown = m_matched >= 0 ? m_matched : m_model->rowCount();
    m_status->showCounts(shown, m_session->summary().events,
                         m_matched >= 0 ? std::optional<double>(m_lastQueryMs) : std::nullopt);
}

void MainWindow::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_timeline->setUtc(utc);
    m_timeRange->setUtc(utc);
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    if (m_imports->isRunning()) {
        m_status->showMessage(tr("An import is already running; drop again when it has finished."));
        return;
    }
    if (m_session->isOpen())
        m_imports->start(m_session->summary().path, paths, false);
    else
        m_imports->start(CaseFiles::newCaseFor(paths), paths, true);
}

void MainWindow::onImportFinished(const QString& casePath, const Core::ImportSummary& summary, const QString& error)
{
    m_importRefresh->stop();
    if (!error.isEmpty())
        m_status->showMessage(tr("Import failed: %1").arg(error));
    else
        m_status->showMessage(summary.cancelled ? tr("Import cancelled; the events imported so far are kept.")
                                                : ImportCoordinator::finishedMessage(summary));
    // Reopening refreshes the case's size and clock, then the search.
    if (!casePath.isEmpty() && (m_session->isOpen() || summary.counts.events > 0))
        openCase(casePath);
    if (error.isEmpty() && !summary.cancelled && !casePath.isEmpty())
        validateAfterImport(casePath);
    Q_EMIT importFinished();
}

// What arrived may hold digest files: the case is validated from the hashes the import recorded (a second for a
// million events), and the analyst told the outcome only when there were digests to check.
void MainWindow::validateAfterImport(const QString& casePath)
{
    if (m_integrityJob)
        return;
    m_integrityJob = new IntegrityJob({casePath, {}, {}}, this);
    const auto done = [this] {
        m_integrityJob->deleteLater();
        m_integrityJob = nullptr;
    };
    connect(m_integrityJob, &IntegrityJob::finished, this,
            [this, casePath, done](const SharedIntegrityReport& report, const SharedFlaggedFiles& flagged) {
                done();
                showIntegrity(casePath, report, flagged);
                if (report->chains.empty())
                    return;
                const int invalid = report->count(Core::Integrity::EntryKind::Digest, false) +
                                    report->count(Core::Integrity::EntryKind::Log, false) +
                                    report->countStatus(Core::Integrity::FileStatus::NotInAnyDigest);
                m_status->showMessage(
                    invalid == 0
                        ? tr("Integrity: every digest and log file the digests list is valid (signatures not checked).")
                        : tr("Integrity: %n file(s) INVALID. Events › Validate Log Integrity… lists them.", nullptr,
                             invalid));
            });
    connect(m_integrityJob, &IntegrityJob::failed, this, [this, done](const QString& message) {
        done();
        m_status->showMessage(tr("Integrity not checked: %1").arg(message));
    });
    connect(m_integrityJob, &IntegrityJob::cancelled, this, done);
    m_integrityJob->start();
}

void MainWindow::showIntegrity(const QString& casePath, const SharedIntegrityReport& report,
                               const SharedFlaggedFiles& flagged)
{
    m_integrityCase = casePath;
    m_integrityReport = report;
    m_integrityFlagged = flagged;
    applyIntegrityMarks();
}

// The marks belong to the case validated: another case open shows none.
void MainWindow::applyIntegrityMarks()
{
    const bool ours = !m_integrityCase.isEmpty() && m_integrityCase == windowFilePath();
    m_model->setFlaggedFiles(ours ? m_integrityFlagged : nullptr);
    if (m_selectedRowId)
        m_detail->setIntegrityNote(m_model->integrityNote(*m_selectedRowId));
}

IntegrityDialog* MainWindow::openIntegrityDialog()
{
    if (!m_session->isOpen()) {
        m_status->showMessage(tr("Open a case to validate its log files."));
        return nullptr;
    }
    auto* dialog = new IntegrityDialog(windowFilePath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_integrityReport && m_integrityCase == windowFilePath())
        dialog->showReport(m_integrityReport);
    connect(dialog, &IntegrityDialog::validated, this,
            [this, path = windowFilePath()](const SharedIntegrityReport& report) {
                m_integrityCase = path;
                m_integrityReport = report;
            });
    dialog->show();
    return dialog;
}

void MainWindow::openSample()
{
    const QString sampleCase = CaseFiles::sampleCase();
    if (CaseFiles::isCaseFile(sampleCase)) {
        const auto opened = Core::CaseSchema::open(sampleCase, Core::CaseSchema::OpenMode::ReadOnly);
        if (opened || opened.error().code != Core::ErrorCode::OlderCase) {
            openCase(sampleCase);
            return;
        }
    }
    if (m_imports->isRunning())
        return;
    // The sample case is derived from the bundled trail, so one an older Trailscope made is simply made again.
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(sampleCase + suffix);
    m_model->clear();
    m_imports->start(sampleCase, {CaseFiles::sampleTrail()}, true);
}

void MainWindow::openLastOrWelcome()
{
    const QStringList recent = RecentCasesMenu::cases();
    if (!recent.isEmpty() && CaseFiles::isCaseFile(recent.first()))
        openCase(recent.first());
    else
        m_stack->setCurrentWidget(m_welcome);
}

void MainWindow::chooseAndOpen()
{
    QFileDialog* dialog = CaseDialogs::openCase(this);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (CaseFiles::isCaseFile(path))
            openCase(path);
        else
            importPaths({path}); // a trail archive chosen here gets a case of its own
    });
    dialog->open();
}

void MainWindow::chooseAndImport()
{
    QFileDialog* dialog = CaseDialogs::importTrail(this);
    connect(dialog, &QFileDialog::filesSelected, this, &MainWindow::importPaths);
    dialog->open();
}

void MainWindow::chooseNewCase()
{
    QFileDialog* dialog = CaseDialogs::newCase(this);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        // Creating the schema takes a few milliseconds; the importer would do the same on first use.
        if (auto created = Core::CaseSchema::open(path, Core::CaseSchema::OpenMode::CreateOrOpen); !created) {
            m_status->showMessage(ErrorText::describe(created.error()));
            return;
        }
        openCase(path);
    });
    dialog->open();
}

void MainWindow::compareSelected()
{
    QList<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end()); // in the table's order, not the order they were clicked
    EventComparison* comparison = EventComparison::start(m_session, m_model, rows, this);
    if (!comparison) {
        m_status->showMessage(tr("Select two to five events to compare."));
        return;
    }
    connect(comparison, &EventComparison::failed, m_status, &StatusStrip::showMessage);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    if (paths.size() == 1 && CaseFiles::isCaseFile(paths.first()))
        openCase(paths.first());
    else
        importPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_imports->cancel(); // committed events stay; the job's destructor waits for the writer
    saveLayout();
    event->accept();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 880); // first start: room for facets, table and detail pane side by side
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({findChild<QDockWidget*>(QStringLiteral("facetDock"))}, {300}, Qt::Horizontal);
    m_browser->restoreState(settings.value(QStringLiteral("window/browser")).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/columns")).toByteArray());
    m_actions->utc->setChecked(settings.value(QStringLiteral("view/utc"), true).toBool());
}

void MainWindow::onViewChanged()
{
    // The facets count the browser's search: beside the dashboard they only take its room. Hidden there, and shown
    // again on leaving unless the analyst closed it (before) or showed it (meanwhile) themselves.
    if (m_tabs->currentWidget() == m_dashboard) {
        if (!m_facetsHiddenForDashboard && !m_facetDock->isHidden()) {
            m_facetsHiddenForDashboard = true;
            m_facetDock->hide();
        }
    } else if (m_facetsHiddenForDashboard) {
        m_facetsHiddenForDashboard = false;
        if (m_facetDock->isHidden())
            m_facetDock->show();
    }
}

void MainWindow::drillDownWhenComputed(const QString& principal)
{
    m_tabs->setCurrentWidget(m_dashboard);
    connect(
        m_dashboard, &DashboardView::updated, m_dashboard,
        [this, principal] {
            if (m_dashboard->state() == DashboardView::State::Current)
                m_dashboard->drillDown(principal);
            else // the case's first, empty showing: wait for its results
                drillDownWhenComputed(principal);
        },
        Qt::SingleShotConnection);
}

void MainWindow::saveLayout()
{
    if (m_facetsHiddenForDashboard)
        m_facetDock->show(); // the saved layout is the analyst's, not the dashboard's
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/browser"), m_browser->saveState());
    settings.setValue(QStringLiteral("window/columns"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("view/utc"), m_actions->utc->isChecked());
}

void MainWindow::toggleStarOnSelection()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    // Like a mail client: if any selected event lacks a star, star them all; otherwise unstar them all.
    bool allStarred = true;
    for (const QModelIndex& index : rows)
        allStarred = allStarred && m_session->starred().contains(m_model->rowIdAt(index.row()));
    for (const QModelIndex& index : rows)
        m_session->setStarred(m_model->rowIdAt(index.row()), !allStarred);
}

void MainWindow::applyColourRules(const QList<ColourRule>& rules)
{
    // The worker learns the expressions before the model asks for rows again, so no row carries a stale rule.
    m_session->setColourRules(ColourRules::enabledExpressions(rules));
    m_model->setRuleColours(ColourRules::enabledColours(rules));
}

void MainWindow::editColourRules()
{
    auto* dialog = new ColourRulesDialog(ColourRules::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ColourRulesDialog::rulesAccepted, this, [this](const QList<ColourRule>& rules) {
        ColourRules::save(rules);
        applyColourRules(rules);
    });
    dialog->open();
}

void MainWindow::showRowSet(const QList<std::int64_t>& rowIds, std::optional<std::int64_t> select)
{
    m_rowSet = std::make_shared<const QList<std::int64_t>>(rowIds);
    m_status->showRowSet(rowIds.size());
    m_selectWhenShown = select;
    m_tabs->setCurrentWidget(m_browserPage);
    runSearch();
}

void MainWindow::showEventsOf(const QString& label, const Core::Query::SearchTree& search, std::int64_t start,
                              std::int64_t end)
{
    m_rowSet.reset();
    m_status->hideRowSet();
    // One search for the three changes: the range and filters quietly, then the emptied search bar submits.
    m_timeRange->blockSignals(true);
    m_timeRange->setCustomRange(start, end);
    m_timeRange->blockSignals(false);
    m_chips->setFilters({{label, search}}, true);
    m_tabs->setCurrentWidget(m_browserPage);
    m_searchBar->submit(QString());
}

void MainWindow::showEventSetOf(const QString& label, const QList<std::int64_t>& rowIds, std::int64_t start,
                                std::int64_t end)
{
    m_rowSet = std::make_shared<const QList<std::int64_t>>(rowIds);
    m_status->showRowSet(rowIds.size(), label);
    m_timeRange->blockSignals(true);
    m_timeRange->setCustomRange(start, end);
    m_timeRange->blockSignals(false);
    m_chips->setFilters({}, true);
    m_tabs->setCurrentWidget(m_browserPage);
    m_searchBar->submit(QString());
}

void MainWindow::clearRowSet()
{
    m_rowSet.reset();
    m_status->hideRowSet();
    runSearch();
}

} // namespace Trailscope::Ui
