#include "mainwindow.h"

#include "browser/casesession.h"
#include "browser/colourrules.h"
#include "browser/colourrulesdialog.h"
#include "browser/comparedialog.h"
#include "browser/detailpane.h"
#include "browser/eventannotationbar.h"
#include "browser/eventtablemodel.h"
#include "browser/facetpane.h"
#include "browser/searchbar.h"
#include "browser/searchworker.h"
#include "browser/timerangebar.h"
#include "import/importcoordinator.h"
#include "import/importjob.h"
#include "import/importprogresswidget.h"
#include "sql/sqlconsole.h"
#include "timeline/timelineview.h"
#include "window/casefiles.h"
#include "window/welcomepage.h"

#include "casedb/caseschema.h"
#include "import/importer.h"
#include "query/eventcolumns.h"
#include "query/searchparser.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

constexpr int MaxRecentCases = 8;
constexpr int MaxCompared = 5;

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
    setAcceptDrops(true);
    m_session = new CaseSession(this);
    m_model = new EventTableModel(m_session, this);
    buildBrowser();
    buildActions();
    connectSession();
    applyColourRules(ColourRules::load());
    restoreLayout();
    m_welcome->setRecentCases(recentCases());
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
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setVisible(false);
    // Uniform row heights: the view never asks every row for its size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(EventTableModel::TimeColumn, Qt::DescendingOrder);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setDefaultSectionSize(140);
    const auto columns = Core::Query::eventColumns();
    for (std::size_t column = 0; column < columns.size(); ++column) {
        if (columns[column].widthHint > 0)
            m_table->setColumnWidth(static_cast<int>(column), columns[column].widthHint);
        m_table->setColumnHidden(static_cast<int>(column), columns[column].hiddenByDefault);
    }
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

    m_sql = new SqlConsole(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_browser, tr("Events"));
    m_tabs->addTab(m_sql, tr("SQL"));
    connect(m_sql, &SqlConsole::openEventRequested, this, [this](std::int64_t rowId) { showRowSet({rowId}, rowId); });
    connect(m_sql, &SqlConsole::openEventSetRequested, this,
            [this](const QList<std::int64_t>& rowIds) { showRowSet(rowIds); });

    m_welcome = new WelcomePage(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_facets = new FacetPane(this);
    auto* facetDock = new QDockWidget(tr("Facets"), this);
    facetDock->setObjectName(QStringLiteral("facetDock"));
    facetDock->setWidget(m_facets);
    addDockWidget(Qt::LeftDockWidgetArea, facetDock);

    m_importProgress = new ImportProgressWidget(this);
    m_imports = new ImportCoordinator(m_importProgress, this);
    m_countLabel = new QLabel(this);
    m_timeLabel = new QLabel(this);
    m_scanProgress = new QProgressBar(this);
    m_scanProgress->setObjectName(QStringLiteral("scanProgress"));
    m_scanProgress->setRange(0, 1000);
    // Wide enough for the longest pass label beside the percentage, so the text never wraps inside the bar.
    m_scanProgress->setMinimumWidth(m_scanProgress->fontMetrics().horizontalAdvance(
                                        tr("Scanning records for the timeline") + QStringLiteral(" 100%")) +
                                    48);
    m_scanProgress->setToolTip(tr("Free text and {…} patterns on fields the case does not index read every raw "
                                  "record of the time range, once for the rows, the timeline and the facets."));
    m_scanProgress->hide();
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("statusMessage"));
    m_rowSetBox = new QWidget(this);
    auto* rowSetLayout = new QHBoxLayout(m_rowSetBox);
    rowSetLayout->setContentsMargins(0, 0, 0, 0);
    m_rowSetLabel = new QLabel(m_rowSetBox);
    auto* clearRowSetButton = new QToolButton(m_rowSetBox);
    clearRowSetButton->setText(tr("Show all"));
    clearRowSetButton->setToolTip(tr("Stop browsing only the SQL result set"));
    connect(clearRowSetButton, &QToolButton::clicked, this, &MainWindow::clearRowSet);
    rowSetLayout->addWidget(m_rowSetLabel);
    rowSetLayout->addWidget(clearRowSetButton);
    m_rowSetBox->hide();
    statusBar()->addWidget(m_messageLabel, 1);
    statusBar()->addPermanentWidget(m_rowSetBox);
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_scanProgress);
    statusBar()->addPermanentWidget(m_timeLabel);

    connect(m_searchBar, &SearchBar::searchSubmitted, this, &MainWindow::runSearch);
    connect(m_searchBar, &SearchBar::searchSubmitted, this, &MainWindow::rememberSearch);
    connect(m_annotation, &EventAnnotationBar::starToggled, m_session, &CaseSession::setStarred);
    connect(m_annotation, &EventAnnotationBar::noteEdited, m_session, &CaseSession::setNote);
    connect(m_searchBar, &SearchBar::validityChanged, this, [this](bool valid, const QString& message, int position) {
        m_messageLabel->setText(valid ? QString() : tr("Search error at column %1: %2").arg(position + 1).arg(message));
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
            m_messageLabel->setText(tr("Sort by event time to jump to a bucket's events."));
            return;
        }
        const bool newestFirst = m_session->currentRequest().options.order == Core::Query::SortOrder::NewestFirst;
        m_session->locate(newestFirst ? end : start);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    // Sorting happens in SQL on the whole result, never in the view.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &MainWindow::runSearch);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &MainWindow::showHeaderMenu);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSample);
    connect(m_welcome, &WelcomePage::importRequested, this, &MainWindow::chooseAndImport);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openCase);

    m_importRefresh = new QTimer(this);
    m_importRefresh->setInterval(3000);
    connect(m_importRefresh, &QTimer::timeout, this, [this] {
        // Events arriving refresh the view only while the analyst watches the top of it; a refresh elsewhere would
        // pull the rows from under them. The import's end refreshes everything.
        if (m_session->isOpen() && m_table->verticalScrollBar()->value() == 0 && !m_selectedRowId)
            runSearch();
    });
    connect(m_imports, &ImportCoordinator::started, m_importRefresh, qOverload<>(&QTimer::start));
    connect(m_imports, &ImportCoordinator::finished, this, &MainWindow::onImportFinished);
    connect(m_imports, &ImportCoordinator::firstEventsStored, this, [this](const QString& casePath) {
        // A new case opens as soon as it has events, so the analyst can start while the rest arrives.
        if (!m_session->isOpen())
            openCase(casePath);
    });
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Case…"), QKeySequence::New, this, &MainWindow::chooseNewCase);
    file->addAction(tr("&Open Case…"), QKeySequence::Open, this, &MainWindow::chooseAndOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open the &Sample Trail"), this, &MainWindow::openSample);
    file->addSeparator();
    file->addAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, &MainWindow::chooseAndImport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Find"), QKeySequence::Find, this, [this] {
        m_searchBar->setFocus();
        m_searchBar->selectAll();
    });

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    m_backAction = go->addAction(tr("&Back"), QKeySequence::Back, m_searchBar, &SearchBar::goBack);
    m_forwardAction = go->addAction(tr("&Forward"), QKeySequence::Forward, m_searchBar, &SearchBar::goForward);
    m_backAction->setEnabled(false);
    m_forwardAction->setEnabled(false);
    connect(m_searchBar, &SearchBar::navigationChanged, this, [this] {
        m_backAction->setEnabled(m_searchBar->canGoBack());
        m_forwardAction->setEnabled(m_searchBar->canGoForward());
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Events"), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                    [this] { m_tabs->setCurrentWidget(m_browser); });
    view->addAction(tr("S&QL Editor"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                    [this] { m_tabs->setCurrentWidget(m_sql); });
    view->addSeparator();
    m_utcAction = view->addAction(tr("Times in &UTC"));
    m_utcAction->setCheckable(true);
    m_utcAction->setChecked(true);
    connect(m_utcAction, &QAction::toggled, this, &MainWindow::setUtc);
    m_logScaleAction = view->addAction(tr("Timeline &Log Scale"));
    m_logScaleAction->setCheckable(true);
    connect(m_logScaleAction, &QAction::toggled, m_timeline, &TimelineView::setLogScale);
    m_seriesMenu = view->addMenu(tr("Timeline &Series"));
    updateSeriesMenu();
    view->addSeparator();
    view->addAction(tr("&Colouring Rules…"), this, &MainWindow::editColourRules);

    QMenu* searches = menuBar()->addMenu(tr("&Searches"));
    searches->addAction(tr("&Save Search…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                        &MainWindow::chooseSaveSearch);
    m_savedMenu = searches->addMenu(tr("Saved Searches"));
    m_savedMenu->setEnabled(false);
    m_historyMenu = searches->addMenu(tr("Recent Searches"));
    m_searchHistory = QSettings().value(QStringLiteral("searchHistory")).toStringList();
    updateHistoryMenu();

    QMenu* events = menuBar()->addMenu(tr("E&vents"));
    m_starAction = events->addAction(tr("&Star or Unstar Selected Events"), QKeySequence(Qt::CTRL | Qt::Key_M), this,
                                     &MainWindow::toggleStarOnSelection);
    m_starredOnlyAction = events->addAction(tr("Show &Only Starred Events"));
    m_starredOnlyAction->setCheckable(true);
    connect(m_starredOnlyAction, &QAction::toggled, this, &MainWindow::runSearch);
    events->addSeparator();
    events->addAction(tr("&Compare Selected Events"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                      &MainWindow::compareSelected);

    auto* toolbar = addToolBar(tr("Search"));
    toolbar->setObjectName(QStringLiteral("searchToolbar"));
    toolbar->setMovable(false);
    toolbar->addAction(m_backAction);
    toolbar->addAction(m_forwardAction);
    toolbar->addWidget(m_searchBar);
    toolbar->addWidget(m_timeRange);
    toolbar->addAction(m_utcAction);
    updateRecentMenu();
}

void MainWindow::showScanProgress(ScanPass pass, qint64 examined, qint64 total)
{
    QString what;
    switch (pass) {
    case ScanPass::Rows:
        what = tr("Scanning records for rows");
        break;
    case ScanPass::Timeline:
        what = tr("Scanning records for the timeline");
        break;
    case ScanPass::Facets:
        what = tr("Scanning records for facets");
        break;
    }
    m_scanProgress->setValue(total > 0 ? static_cast<int>(std::min<qint64>(1000, examined * 1000 / total)) : 0);
    m_scanProgress->setFormat(what + QStringLiteral(" %p%"));
    m_scanProgress->show();
}

void MainWindow::connectSession()
{
    connect(m_session, &CaseSession::caseOpened, this, &MainWindow::onCaseOpened);
    connect(m_session, &CaseSession::caseFailed, this, [this](const QString& path, const QString& message) {
        m_messageLabel->setText(tr("Cannot open %1: %2").arg(path, message));
    });
    connect(m_session, &CaseSession::scanProgress, this, &MainWindow::showScanProgress);
    connect(m_session, &CaseSession::searchStarted, this, [this] {
        m_scanProgress->hide();
        m_timeline->setBusy(true);
        m_facets->setBusy(true);
        m_timeLabel->setText(tr("searching…"));
    });
    connect(m_session, &CaseSession::histogramReady, this,
            [this](const Core::Query::Histogram& histogram, const SeriesCounts& extra) {
                m_timeline->setHistogram(histogram);
                static const QColor palette[] = {QColor(20, 150, 90), QColor(200, 120, 0), QColor(140, 60, 200),
                                                 QColor(0, 140, 170), QColor(180, 40, 120)};
                QList<TimelineSeries> series;
                for (qsizetype i = 0; i < extra.size() && i < m_extraSeries.size(); ++i)
                    if (extra[i].size() == histogram.buckets.size())
                        series.append({m_extraSeries[i].label, palette[i % 5], extra[i]});
                m_timeline->setExtraSeries(series);
                m_timeline->setBusy(false);
            });
    connect(m_session, &CaseSession::facetsReady, this, [this](const FacetList& facets) {
        m_facetsShown = facets;
        m_facets->setFacets(facets);
        m_facets->setBusy(false);
        for (const Core::Query::Facet& facet : facets) {
            if (!facet.field)
                continue;
            QStringList values;
            for (const Core::Query::FacetValue& value : facet.top)
                if (!value.absent)
                    values << value.value;
            m_searchBar->setValueSuggestions(
                QString::fromUtf8(facet.field->name.data(), static_cast<qsizetype>(facet.field->name.size())), values);
        }
    });
    connect(m_session, &CaseSession::searchFailed, this, [this](const QString& message) {
        m_scanProgress->hide();
        m_timeline->setBusy(false);
        m_facets->setBusy(false);
        m_messageLabel->setText(message);
        m_timeLabel->clear();
    });
    connect(m_session, &CaseSession::searchFinished, this, [this](qint64 matched, double milliseconds) {
        m_scanProgress->hide();
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
                m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                                       QItemSelectionModel::Rows);
        }
    });
    connect(m_session, &CaseSession::recordReady, this, [this](std::int64_t rowId, const QByteArray& record) {
        if (m_selectedRowId && rowId == *m_selectedRowId)
            m_detail->setEvent(rowId, record);
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
    connect(m_session, &CaseSession::analystFailed, m_messageLabel, &QLabel::setText);
    connect(m_session, &CaseSession::savedSearchesChanged, this, &MainWindow::updateSavedSearchMenu);
    connect(m_session, &CaseSession::located, this, [this](qint64 row) {
        if (row < 0 || row >= m_model->rowCount())
            return;
        const QModelIndex index = m_model->index(static_cast<int>(row), 0);
        m_table->selectionModel()->setCurrentIndex(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index, QAbstractItemView::PositionAtTop);
    });
}

void MainWindow::openCase(const QString& path)
{
    m_rowSet.reset();
    m_rowSetBox->hide();
    m_model->clear();
    m_selectedRowId.reset();
    m_detail->clear();
    m_session->openCase(path);
}

void MainWindow::onCaseOpened(const CaseSummary& summary)
{
    setWindowTitle(tr("%1 — Trailscope").arg(QFileInfo(summary.path).fileName()));
    setWindowFilePath(summary.path);
    m_stack->setCurrentWidget(m_tabs);
    if (m_sql->casePath() != summary.path || !m_imports->isRunning())
        m_sql->setCase(summary.path); // again after an import: new key paths for completion
    m_timeRange->setCaseSpan(summary.oldest, summary.newest);
    rememberCase(summary.path);
    if (!summary.missingIndexes.isEmpty() && !m_imports->isRunning())
        m_messageLabel->setText(tr("Some lookup indexes are not built yet (an import was interrupted): lookups on "
                                   "fields may be slow until the next import into this case."));
    // Through the bar, so the search the case opened with is the first step back.
    m_searchBar->submit(m_searchBar->text());
    Q_EMIT caseReady();
}

void MainWindow::runSearch()
{
    if (!m_session->isOpen() || !m_searchBar->isValid())
        return;
    SearchRequest request;
    request.search = m_searchBar->search();
    request.options.start = m_timeRange->start();
    request.options.end = m_timeRange->end();
    request.starredOnly = m_starredOnlyAction->isChecked();
    request.extraSeries = m_extraSeries;
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
    const QLocale locale;
    const qint64 total = m_session->summary().events;
    const qint64 shown = m_matched >= 0 ? m_matched : m_model->rowCount();
    m_countLabel->setText(tr("%1 of %2 events").arg(locale.toString(shown), locale.toString(total)));
    m_timeLabel->setText(m_matched >= 0 ? tr("%1 ms").arg(locale.toString(m_lastQueryMs, 'f', 0)) : tr("searching…"));
}

void MainWindow::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_timeline->setUtc(utc);
    m_timeRange->setUtc(utc);
}

void MainWindow::showHeaderMenu(const QPoint& position)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
        QAction* action = menu->addAction(EventTableModel::columnTitle(column));
        action->setCheckable(true);
        action->setChecked(!m_table->isColumnHidden(column));
        action->setEnabled(column != EventTableModel::TimeColumn);
        connect(action, &QAction::toggled, this,
                [this, column](bool shown) { m_table->setColumnHidden(column, !shown); });
    }
    menu->popup(m_table->horizontalHeader()->mapToGlobal(position));
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    if (m_imports->isRunning()) {
        m_messageLabel->setText(tr("An import is already running; drop again when it has finished."));
        return;
    }
    if (m_session->isOpen())
        startImport(m_session->summary().path, paths, false);
    else
        startImport(CaseFiles::newCaseFor(paths), paths, true);
}

void MainWindow::startImport(const QString& casePath, const QStringList& paths, bool openWhenDone)
{
    m_imports->start(casePath, paths, openWhenDone);
}

void MainWindow::onImportFinished(const QString& casePath, const Core::ImportSummary& summary, const QString& error)
{
    m_importRefresh->stop();
    if (!error.isEmpty())
        m_messageLabel->setText(tr("Import failed: %1").arg(error));
    else
        m_messageLabel->setText(summary.cancelled ? tr("Import cancelled; the events imported so far are kept.")
                                                  : importFinishedMessage(summary));
    // Reopening refreshes the case's size and clock, then the search.
    if (!casePath.isEmpty() && (m_session->isOpen() || summary.counts.events > 0))
        openCase(casePath);
    Q_EMIT importFinished();
}

QString MainWindow::importFinishedMessage(const Core::ImportSummary& summary)
{
    QString message = tr("Import finished: %n event(s)", nullptr, static_cast<int>(summary.counts.events));
    if (summary.counts.conflicts > 0)
        message += tr(", %n conflicting copies set aside", nullptr, static_cast<int>(summary.counts.conflicts));
    if (summary.ignoredFiles > 0)
        message += tr(", %n file(s) ignored as not trail content (LICENSE, README, …)", nullptr,
                      static_cast<int>(summary.ignoredFiles));
    return message + u'.';
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
    startImport(sampleCase, {CaseFiles::sampleTrail()}, true);
}

void MainWindow::openLastOrWelcome()
{
    const QStringList recent = recentCases();
    if (!recent.isEmpty() && CaseFiles::isCaseFile(recent.first()))
        openCase(recent.first());
    else
        m_stack->setCurrentWidget(m_welcome);
}

void MainWindow::chooseAndOpen()
{
    auto* dialog =
        new QFileDialog(this, tr("Open Case"), CaseFiles::dataFolder(),
                        tr("Trailscope cases (*.%1);;All files (*)").arg(QLatin1String(Core::CaseSchema::FileSuffix)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
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
    auto* dialog = new QFileDialog(this, tr("Import Trail Files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilter(
        tr("CloudTrail logs (*.json.gz *.json *.jsonl *.gz *.zip *.tar *.tar.gz *.tgz);;All files (*)"));
    connect(dialog, &QFileDialog::filesSelected, this, &MainWindow::importPaths);
    dialog->open();
}

void MainWindow::chooseNewCase()
{
    auto* dialog = new QFileDialog(this, tr("New Case"), CaseFiles::dataFolder(),
                                   tr("Trailscope cases (*.%1)").arg(QLatin1String(Core::CaseSchema::FileSuffix)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QLatin1String(Core::CaseSchema::FileSuffix));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        // Creating the schema takes a few milliseconds; the importer would do the same on first use.
        if (auto created = Core::CaseSchema::open(path, Core::CaseSchema::OpenMode::CreateOrOpen); !created) {
            m_messageLabel->setText(created.error().toString());
            return;
        }
        openCase(path);
    });
    dialog->open();
}

void MainWindow::compareSelected()
{
    QList<std::int64_t> rowIds;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        if (rowIds.size() < MaxCompared)
            rowIds << m_model->rowIdAt(index.row());
    if (rowIds.size() < 2) {
        m_messageLabel->setText(tr("Select two to five events to compare."));
        return;
    }
    // Records arrive one by one from the row worker; the dialog opens when all have.
    auto records = std::make_shared<QHash<std::int64_t, QByteArray>>();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_session, &CaseSession::recordReady, this,
                          [this, rowIds, records, connection](std::int64_t rowId, const QByteArray& record) {
                              if (!rowIds.contains(rowId))
                                  return;
                              records->insert(rowId, record);
                              if (records->size() < rowIds.size())
                                  return;
                              disconnect(*connection);
                              QList<std::pair<QString, QByteArray>> events;
                              for (const std::int64_t id : rowIds) {
                                  const int row = m_model->rowOfRowId(id);
                                  const QString label =
                                      m_model->data(m_model->index(row, EventTableModel::NameColumn)).toString();
                                  events.append({tr("%1 (row %2)").arg(label).arg(row + 1), records->value(id)});
                              }
                              auto* dialog = new CompareDialog(events, this);
                              dialog->setAttribute(Qt::WA_DeleteOnClose);
                              dialog->show();
                          });
    for (const std::int64_t rowId : rowIds)
        m_session->fetchRecord(rowId);
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

QStringList MainWindow::recentCases() const
{
    return QSettings().value(QStringLiteral("recentCases")).toStringList();
}

void MainWindow::rememberCase(const QString& path)
{
    QStringList recent = recentCases();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentCases)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentCases"), recent);
    updateRecentMenu();
    m_welcome->setRecentCases(recent);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentCases();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openCase(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
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
    m_utcAction->setChecked(settings.value(QStringLiteral("view/utc"), true).toBool());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/browser"), m_browser->saveState());
    settings.setValue(QStringLiteral("window/columns"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("view/utc"), m_utcAction->isChecked());
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

void MainWindow::chooseSaveSearch()
{
    if (!m_session->isOpen() || m_searchBar->text().trimmed().isEmpty()) {
        m_messageLabel->setText(tr("Type a search to save first."));
        return;
    }
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Search"));
    dialog->setLabelText(tr("Name for \"%1\":").arg(m_searchBar->text()));
    const QString text = m_searchBar->text();
    connect(dialog, &QInputDialog::textValueSelected, this, [this, text](const QString& name) {
        if (!name.trimmed().isEmpty())
            m_session->saveSearch(name.trimmed(), text);
    });
    dialog->open();
}

void MainWindow::updateSavedSearchMenu(const QList<Core::SavedItem>& items)
{
    m_savedMenu->clear();
    for (const Core::SavedItem& item : items) {
        QAction* action =
            m_savedMenu->addAction(item.name, this, [this, text = item.text] { m_searchBar->submit(text); });
        action->setToolTip(item.text);
    }
    if (!items.isEmpty()) {
        m_savedMenu->addSeparator();
        QMenu* remove = m_savedMenu->addMenu(tr("Remove"));
        for (const Core::SavedItem& item : items)
            remove->addAction(item.name, this, [this, id = item.id] { m_session->removeSavedSearch(id); });
    }
    m_savedMenu->setEnabled(!items.isEmpty());
}

void MainWindow::rememberSearch(const QString& text)
{
    if (text.trimmed().isEmpty())
        return;
    m_searchHistory.removeAll(text);
    m_searchHistory.prepend(text);
    while (m_searchHistory.size() > 30)
        m_searchHistory.removeLast();
    // Off the GUI thread: saving the settings file syncs it to disk, which an import's writes can hold up.
    m_settingsWriter.setValue(QStringLiteral("searchHistory"), m_searchHistory);
    updateHistoryMenu();
}

void MainWindow::updateHistoryMenu()
{
    m_historyMenu->clear();
    for (const QString& text : std::as_const(m_searchHistory))
        m_historyMenu->addAction(text, this, [this, text] { m_searchBar->submit(text); });
    m_historyMenu->setEnabled(!m_searchHistory.isEmpty());
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

void MainWindow::addTimelineSeries(const QString& expression)
{
    auto parsed = Core::Query::parseSearch(expression);
    if (expression.trimmed().isEmpty() || !parsed || m_extraSeries.size() >= 5 ||
        std::any_of(m_extraSeries.begin(), m_extraSeries.end(),
                    [&expression](const SeriesSearch& series) { return series.label == expression; }))
        return;
    m_extraSeries.append({expression, Core::Query::shareSearch(std::move(*parsed))});
    updateSeriesMenu();
    runSearch();
}

QStringList MainWindow::timelineSeries() const
{
    QStringList labels;
    for (const SeriesSearch& series : m_extraSeries)
        labels << series.label;
    return labels;
}

void MainWindow::updateSeriesMenu()
{
    m_seriesMenu->clear();
    m_seriesMenu->addAction(tr("Add the Current Search as a Series"), this, [this] {
        if (m_searchBar->isValid())
            addTimelineSeries(m_searchBar->text());
    });
    m_seriesMenu->addAction(tr("Add a Series…"), this, [this] {
        auto* dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Timeline Series"));
        dialog->setLabelText(tr("Search expression to count on the timeline:"));
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& text) {
            if (Core::Query::parseSearch(text))
                addTimelineSeries(text);
            else
                m_messageLabel->setText(tr("Not a valid search: %1").arg(text));
        });
        dialog->open();
    });
    QMenu* split = m_seriesMenu->addMenu(tr("Split by Field"));
    for (const Core::Query::FieldDef* field : sidebarFacetFields()) {
        const QString name = QString::fromUtf8(field->name.data(), static_cast<qsizetype>(field->name.size()));
        split->addAction(name, this, [this, name] { splitTimelineBy(name); });
    }
    if (!m_extraSeries.isEmpty()) {
        m_seriesMenu->addAction(tr("Remove All Series"), this, [this] {
            m_extraSeries.clear();
            updateSeriesMenu();
            runSearch();
        });
        m_seriesMenu->addSeparator();
        for (const QString& expression : timelineSeries())
            m_seriesMenu->addAction(tr("Remove \"%1\"").arg(expression), this, [this, expression] {
                m_extraSeries.removeIf(
                    [&expression](const SeriesSearch& series) { return series.label == expression; });
                updateSeriesMenu();
                runSearch();
            });
    }
}

void MainWindow::showRowSet(const QList<std::int64_t>& rowIds, std::optional<std::int64_t> select)
{
    m_rowSet = std::make_shared<const QList<std::int64_t>>(rowIds);
    m_rowSetLabel->setText(tr("Browsing %n event(s) from the SQL editor", nullptr, static_cast<int>(rowIds.size())));
    m_rowSetBox->show();
    m_selectWhenShown = select;
    m_tabs->setCurrentWidget(m_browser);
    runSearch();
}

void MainWindow::clearRowSet()
{
    m_rowSet.reset();
    m_rowSetBox->hide();
    runSearch();
}

void MainWindow::splitTimelineBy(const QString& field)
{
    const auto facet = std::find_if(m_facetsShown.begin(), m_facetsShown.end(), [&field](const Core::Query::Facet& f) {
        return f.field &&
               QString::fromUtf8(f.field->name.data(), static_cast<qsizetype>(f.field->name.size())) == field;
    });
    if (facet == m_facetsShown.end() || facet->top.empty()) {
        m_messageLabel->setText(tr("No values of %1 under the current search.").arg(field));
        return;
    }
    // Each series is the field's value within the current search, so the lines add up to (part of) the bars. The
    // trees are combined, not the texts: an OR or a `{…}` filter pattern keeps its meaning.
    const Core::Query::SearchTree base = m_searchBar->search();
    m_extraSeries.clear();
    for (const Core::Query::FacetValue& value : facet->top) {
        if (m_extraSeries.size() == 5)
            break;
        const QString term = FacetPane::termFor(*facet->field, value, false);
        auto narrowing = Core::Query::parseSearch(term);
        if (!narrowing)
            continue;
        m_extraSeries.append({term, Core::Query::shareSearch(Core::Query::allOf({*base, std::move(*narrowing)}))});
    }
    updateSeriesMenu();
    runSearch();
}

} // namespace Trailscope::Ui
