#include "sqlconsole.h"

#include "sql/sqleditor.h"
#include "sql/sqlresultmodel.h"
#include "sql/sqlresultview.h"
#include "sql/sqlsamples.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Trailscope::Ui {

namespace {

enum LibraryRole { TextRole = Qt::UserRole + 1, SavedIdRole, TitleRole };

void registerTypes()
{
    qRegisterMetaType<SqlStatementList>();
    qRegisterMetaType<SqlRowList>();
    qRegisterMetaType<SqlError>();
    qRegisterMetaType<SqlKeyPathList>();
    qRegisterMetaType<SqlSavedQueryList>();
    qRegisterMetaType<SqlExportFormat>();
    qRegisterMetaType<std::int64_t>("std::int64_t");
    qRegisterMetaType<QList<std::int64_t>>();
}

// The character offset of a 1-based line and column of `text`.
int offsetOf(const QString& text, int line, int column)
{
    qsizetype offset = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype newline = text.indexOf(u'\n', offset);
        if (newline < 0)
            return static_cast<int>(text.size());
        offset = newline + 1;
    }
    return static_cast<int>(std::min<qsizetype>(offset + column - 1, text.size()));
}

QString firstLine(const QString& text)
{
    for (const QString& line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1String("--")))
            return trimmed.size() > 80 ? trimmed.left(80) + u'…' : trimmed;
    }
    return text.trimmed().left(80);
}

} // namespace

SqlConsole::SqlConsole(QWidget* parent) : QWidget(parent), m_stop(std::make_shared<std::atomic<quint64>>(0))
{
    registerTypes();
    m_worker = new SqlQueryWorker(m_stop);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("ts-sql"));
    buildUi();
    connectWorker();
    m_thread.start();
    updateActions();
}

SqlConsole::~SqlConsole()
{
    nextStamp(); // interrupts a running statement so the thread can finish
    m_thread.quit();
    m_thread.wait();
}

void SqlConsole::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    m_runAction = toolbar->addAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("Run"));
    m_runAction->setToolTip(tr("Run the query, or the selected text (Ctrl+Enter)"));
    connect(m_runAction, &QAction::triggered, this, &SqlConsole::run);
    m_stopAction = toolbar->addAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Stop"));
    m_stopAction->setToolTip(tr("Stop the running query"));
    connect(m_stopAction, &QAction::triggered, this, &SqlConsole::stop);
    toolbar->addSeparator();
    QAction* newTab = toolbar->addAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("New"));
    newTab->setToolTip(tr("A new query tab"));
    connect(newTab, &QAction::triggered, this, [this] { addEditor({}, {}); });
    m_saveAction = toolbar->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("Save…"));
    m_saveAction->setToolTip(tr("Save the query in the case under a name"));
    connect(m_saveAction, &QAction::triggered, this, &SqlConsole::askSave);
    toolbar->addSeparator();
    m_csvAction = toolbar->addAction(tr("Export CSV…"));
    connect(m_csvAction, &QAction::triggered, this, [this] { askExport(SqlExportFormat::Csv); });
    m_jsonAction = toolbar->addAction(tr("Export JSON…"));
    connect(m_jsonAction, &QAction::triggered, this, [this] { askExport(SqlExportFormat::Json); });
    m_eventsAction = toolbar->addAction(tr("Open events in browser"));
    m_eventsAction->setToolTip(tr("Show the events of this result (its eventID column) in the event browser"));
    connect(m_eventsAction, &QAction::triggered, this, [this] { openResultEvents(m_results->currentIndex()); });
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_busy = new QProgressBar(toolbar);
    m_busy->setRange(0, 0); // busy until the query reports how many events it has examined
    m_busy->setToolTip(tr("The share of the case's events the query has examined; a query that reads an index range "
                          "finishes before reaching the end"));
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    toolbar->addWidget(m_busy);
    layout->addWidget(toolbar);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    auto* horizontal = new QSplitter(Qt::Horizontal, vertical);
    m_editors = new QTabWidget(horizontal);
    m_editors->setTabsClosable(true);
    m_editors->setMovable(true);
    m_editors->setDocumentMode(true);
    connect(m_editors, &QTabWidget::tabCloseRequested, this, &SqlConsole::closeEditor);

    m_library = new QTreeWidget(horizontal);
    m_library->setHeaderHidden(true);
    m_library->setRootIsDecorated(true);
    m_library->setContextMenuPolicy(Qt::CustomContextMenu);
    m_library->setToolTip(tr("Double-click to open in a new tab"));
    m_samplesItem = new QTreeWidgetItem(m_library, {tr("Sample queries")});
    m_savedItem = new QTreeWidgetItem(m_library, {tr("Saved queries")});
    m_historyItem = new QTreeWidgetItem(m_library, {tr("History")});
    for (QTreeWidgetItem* group : {m_samplesItem, m_savedItem, m_historyItem}) {
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
        group->setFlags(Qt::ItemIsEnabled);
    }
    connect(m_library, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { onLibraryActivated(item); });
    connect(m_library, &QWidget::customContextMenuRequested, this, &SqlConsole::showLibraryMenu);
    horizontal->addWidget(m_editors);
    horizontal->addWidget(m_library);
    horizontal->setStretchFactor(0, 1);
    horizontal->setSizes({900, 260});

    // The results, or a word on why there are none (nothing run yet, an error, stopped).
    auto* resultsArea = new QWidget(vertical);
    m_resultsStack = new QStackedLayout(resultsArea);
    m_placeholder = new QLabel(resultsArea);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setEnabled(false);
    m_results = new QTabWidget(resultsArea);
    m_results->setDocumentMode(true);
    m_resultsStack->addWidget(m_placeholder);
    m_resultsStack->addWidget(m_results);
    connect(m_results, &QTabWidget::currentChanged, this, &SqlConsole::updateActions);
    vertical->addWidget(horizontal);
    vertical->addWidget(resultsArea);
    // The results get the larger share and never collapse, also while a run shows only an error.
    vertical->setChildrenCollapsible(false);
    vertical->setSizes({320, 480});
    resultsArea->setMinimumHeight(120);
    layout->addWidget(vertical, 1);

    m_status = new QLabel(this);
    m_status->setContentsMargins(6, 3, 6, 3);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    for (const SqlSample& sample : sqlSamples()) {
        auto* item = new QTreeWidgetItem(m_samplesItem, {sample.title});
        item->setToolTip(0, sample.description);
        item->setData(0, TextRole, sample.text);
        item->setData(0, TitleRole, sample.title);
    }
    m_samplesItem->setExpanded(true);
    m_savedItem->setExpanded(true);
    addEditor({}, {});
    setStatus(tr("No case open"));
}

void SqlConsole::connectWorker()
{
    connect(this, &SqlConsole::requestOpen, m_worker, &SqlQueryWorker::openCase);
    connect(this, &SqlConsole::requestClose, m_worker, &SqlQueryWorker::closeCase);
    connect(this, &SqlConsole::requestRun, m_worker, &SqlQueryWorker::run);
    connect(this, &SqlConsole::requestFetch, m_worker, &SqlQueryWorker::fetch);
    connect(this, &SqlConsole::requestResolve, m_worker, &SqlQueryWorker::resolveEvent);
    connect(this, &SqlConsole::requestEventSet, m_worker, &SqlQueryWorker::collectEventSet);
    connect(this, &SqlConsole::requestExport, m_worker, &SqlQueryWorker::exportResult);
    connect(this, &SqlConsole::requestSave, m_worker, &SqlQueryWorker::saveQuery);
    connect(this, &SqlConsole::requestRemove, m_worker, &SqlQueryWorker::removeSavedQuery);

    connect(m_worker, &SqlQueryWorker::caseOpened, this,
            [this](const SqlKeyPathList& keyPaths, const SqlSavedQueryList& saved, const QStringList& history) {
                m_keyPaths.clear();
                for (const SqlKeyPath& path : keyPaths)
                    m_keyPaths << path.path;
                for (int i = 0; i < m_editors->count(); ++i)
                    if (auto* editor = qobject_cast<SqlEditor*>(m_editors->widget(i)))
                        editor->setKeyPaths(m_keyPaths);
                m_saved = saved;
                m_history = history;
                m_caseReady = true;
                fillLibrary();
                setStatus(tr("Ready: %n key path(s) of request and response fields to complete", nullptr,
                             static_cast<int>(m_keyPaths.size())));
                updateActions();
                Q_EMIT caseReady();
            });
    connect(m_worker, &SqlQueryWorker::caseFailed, this, [this](const QString& message) {
        m_caseReady = false;
        setStatus(tr("Cannot open the case for queries: %1").arg(message), true);
        updateActions();
    });
    connect(m_worker, &SqlQueryWorker::storeFailed, this, [this](const QString& message) {
        setStatus(tr("Saved queries and history are unavailable: %1").arg(message), true);
    });
    connect(m_worker, &SqlQueryWorker::statementsPrepared, this, &SqlConsole::onStatementsPrepared);
    connect(m_worker, &SqlQueryWorker::rowsReady, this, &SqlConsole::onRowsReady);
    connect(m_worker, &SqlQueryWorker::runFailed, this, &SqlConsole::onRunFailed);
    connect(m_worker, &SqlQueryWorker::progress, this, &SqlConsole::onProgress);
    connect(m_worker, &SqlQueryWorker::runFinished, this, [this](quint64 runId, double milliseconds) {
        if (runId != m_runId || !m_running)
            return;
        m_running = false;
        setBusy(false);
        setStatus(
            tr("%n statement(s) in %1 ms", nullptr, m_results->count()).arg(QLocale().toString(milliseconds, 'f', 1)));
        updateActions();
        Q_EMIT runEnded();
    });
    connect(m_worker, &SqlQueryWorker::eventResolved, this, [this](quint64 job, std::int64_t rowId) {
        if (job != m_resolveJob)
            return;
        if (rowId > 0)
            Q_EMIT openEventRequested(rowId);
        else
            setStatus(tr("That event is not in the case"), true);
    });
    connect(m_worker, &SqlQueryWorker::eventSetReady, this,
            [this](quint64 job, const QList<std::int64_t>& rowIds, bool truncated) {
                if (job != m_job)
                    return;
                m_jobRunning = false;
                setBusy(false);
                setStatus(truncated
                              ? tr("Opened the first %1 events in the browser").arg(QLocale().toString(rowIds.size()))
                              : tr("Opened %n event(s) in the browser", nullptr, static_cast<int>(rowIds.size())));
                updateActions();
                Q_EMIT openEventSetRequested(rowIds);
            });
    connect(m_worker, &SqlQueryWorker::exportFinished, this, [this](quint64 job, const QString& path, qint64 rows) {
        if (job != m_job)
            return;
        m_jobRunning = false;
        setBusy(false);
        setStatus(tr("Exported %1 rows to %2").arg(QLocale().toString(rows), path));
        updateActions();
        Q_EMIT exportEnded(path, true);
    });
    connect(m_worker, &SqlQueryWorker::jobFailed, this, [this](quint64 job, const QString& message) {
        if (job != m_job)
            return;
        m_jobRunning = false;
        setBusy(false);
        setStatus(message, true);
        updateActions();
        Q_EMIT exportEnded({}, false);
    });
    connect(m_worker, &SqlQueryWorker::savedQueriesChanged, this, [this](const SqlSavedQueryList& saved) {
        m_saved = saved;
        fillLibrary();
    });
    connect(m_worker, &SqlQueryWorker::historyChanged, this, [this](const QStringList& history) {
        m_history = history;
        fillLibrary();
    });
}

quint64 SqlConsole::nextStamp()
{
    m_stamp = m_stop->fetch_add(1) + 1;
    return m_stamp;
}

void SqlConsole::setCase(const QString& casePath)
{
    stop();
    m_casePath = casePath;
    m_caseReady = false;
    m_results->clear();
    setStatus(tr("Opening the case…"));
    Q_EMIT requestOpen(casePath);
    updateActions();
}

void SqlConsole::clearCase()
{
    stop();
    m_casePath.clear();
    m_caseReady = false;
    m_keyPaths.clear();
    m_saved.clear();
    m_history.clear();
    while (m_results->count() > 0) {
        QWidget* page = m_results->widget(0);
        m_results->removeTab(0);
        page->deleteLater();
    }
    fillLibrary();
    Q_EMIT requestClose();
    setStatus(tr("No case open"));
    updateActions();
}

SqlEditor* SqlConsole::addEditor(const QString& title, const QString& text)
{
    auto* editor = new SqlEditor(m_editors);
    editor->setPlainText(text);
    editor->setKeyPaths(m_keyPaths);
    connect(editor, &SqlEditor::runRequested, this, &SqlConsole::run);
    const QString name = title.isEmpty() ? tr("Query %1").arg(++m_untitled) : title;
    const int index = m_editors->addTab(editor, name);
    m_editors->setTabToolTip(index, name);
    m_editors->setCurrentIndex(index);
    editor->setFocus();
    return editor;
}

void SqlConsole::closeEditor(int index)
{
    QWidget* editor = m_editors->widget(index);
    m_editors->removeTab(index);
    editor->deleteLater();
    if (m_editors->count() == 0)
        addEditor({}, {});
}

SqlEditor* SqlConsole::openQuery(const QString& title, const QString& text)
{
    // An empty untouched tab is reused rather than left behind.
    auto* current = currentEditor();
    if (current && current->toPlainText().isEmpty() && !current->document()->isUndoAvailable()) {
        current->setPlainText(text);
        m_editors->setTabText(m_editors->currentIndex(), title);
        m_editors->setTabToolTip(m_editors->currentIndex(), title);
        return current;
    }
    return addEditor(title, text);
}

SqlEditor* SqlConsole::currentEditor() const
{
    return qobject_cast<SqlEditor*>(m_editors->currentWidget());
}

void SqlConsole::run()
{
    SqlEditor* editor = currentEditor();
    if (!editor || !m_caseReady)
        return;
    int offset = 0;
    const QString text = editor->textToRun(&offset);
    if (text.trimmed().isEmpty())
        return;
    editor->clearError();
    m_noResultsReason.clear();
    m_runEditor = editor;
    m_runOffset = offset;
    m_runText = text;
    m_runId = nextStamp(); // interrupts whatever ran before
    m_fetching.clear();
    m_running = true;
    while (m_results->count() > 0) {
        QWidget* page = m_results->widget(0);
        m_results->removeTab(0);
        page->deleteLater();
    }
    setBusy(true, tr("Running…"));
    updateActions();
    Q_EMIT requestRun(m_runId, text);
}

void SqlConsole::stop()
{
    if (!isBusy())
        return;
    nextStamp();
    const bool wasRunning = m_running || !m_fetching.isEmpty();
    m_running = false;
    m_fetching.clear();
    m_jobRunning = false;
    for (int i = 0; i < m_results->count(); ++i)
        if (auto* view = qobject_cast<SqlResultView*>(m_results->widget(i)))
            view->model()->finish(true);
    setBusy(false);
    m_noResultsReason = tr("Stopped");
    setStatus(tr("Stopped"));
    updateActions();
    if (wasRunning)
        Q_EMIT runEnded();
}

bool SqlConsole::isBusy() const
{
    return m_running || !m_fetching.isEmpty() || m_jobRunning;
}

void SqlConsole::onStatementsPrepared(quint64 runId, const SqlStatementList& statements)
{
    if (runId != m_runId || !m_running)
        return;
    for (int i = 0; i < statements.size(); ++i) {
        auto* model = new SqlResultModel(statements.at(i));
        auto* view = new SqlResultView(model, i + 1, m_results);
        connect(model, &SqlResultModel::fetchRequested, this, [this, i, runId](int count) {
            if (runId != m_runId)
                return;
            m_fetching.insert(i);
            setBusy(true, tr("Fetching rows…"));
            updateActions();
            Q_EMIT requestFetch(m_stamp, runId, i, count);
        });
        connect(view, &SqlResultView::eventIdClicked, this,
                [this](const QString& eventId) { Q_EMIT requestResolve(++m_resolveJob, eventId); });
        // File › Export… with this result as its scope (CSV, JSON, or an HTML/PDF report of it).
        auto* exportAction = new QAction(tr("Export…"), view->table());
        connect(exportAction, &QAction::triggered, this,
                [this, text = statements.at(i).text] { Q_EMIT exportRequested(text); });
        view->table()->addAction(exportAction);
        view->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
        m_results->addTab(view, statements.size() == 1 ? tr("Result") : tr("Result %1").arg(i + 1));
    }
    updateActions();
}

void SqlConsole::onRowsReady(quint64 runId, int index, const SqlRowList& rows, bool complete, bool stopped,
                             double milliseconds)
{
    if (runId != m_runId || index < 0 || index >= m_results->count())
        return;
    auto* view = qobject_cast<SqlResultView*>(m_results->widget(index));
    if (!view)
        return;
    view->model()->appendRows(rows, complete, stopped, milliseconds);
    if (m_fetching.remove(index) && !isBusy()) {
        setBusy(false);
        setStatus(tr("%1 rows of result %2").arg(QLocale().toString(view->model()->rowCount())).arg(index + 1));
    }
    updateActions();
}

void SqlConsole::onRunFailed(quint64 runId, const SqlError& error)
{
    if (runId != m_runId)
        return;
    m_running = false;
    m_fetching.clear();
    for (int i = 0; i < m_results->count(); ++i)
        if (auto* view = qobject_cast<SqlResultView*>(m_results->widget(i)))
            view->model()->finish(false);
    setBusy(false);
    m_noResultsReason = error.line > 0
                            ? tr("Line %1, column %2: %3").arg(error.line).arg(error.column).arg(error.message)
                            : error.message;
    if (error.line > 0) {
        setStatus(tr("Line %1, column %2: %3").arg(error.line).arg(error.column).arg(error.message), true);
        if (m_runEditor)
            m_runEditor->showError(m_runOffset + offsetOf(m_runText, error.line, error.column), error.message);
    } else {
        setStatus(error.message, true);
    }
    updateActions();
    Q_EMIT runEnded();
}

void SqlConsole::onProgress(quint64 stamp, qint64 examined, qint64 total, bool bounded)
{
    if (stamp != m_stamp || !isBusy())
        return;
    const QLocale locale;
    // A share of the case only for a statement that examines each event at most once (not joins or subqueries).
    if (bounded && total > 0) {
        m_busy->setRange(0, 1000);
        m_busy->setValue(static_cast<int>(std::min<qint64>(1000, examined * 1000 / total)));
        setStatus(
            tr("%1 examined %2 of %3 events").arg(m_busyMessage, locale.toString(examined), locale.toString(total)));
    } else {
        m_busy->setRange(0, 0);
        setStatus(tr("%1 examined %2 events (the case holds %3)")
                      .arg(m_busyMessage, locale.toString(examined), locale.toString(std::max<qint64>(total, 0))));
    }
}

int SqlConsole::resultCount() const
{
    return m_results->count();
}

QString SqlConsole::currentResultStatement() const
{
    const SqlResultView* view = resultView(m_results->currentIndex());
    return view ? view->model()->statement().text : QString();
}

SqlResultView* SqlConsole::resultView(int index) const
{
    return qobject_cast<SqlResultView*>(m_results->widget(index));
}

void SqlConsole::exportResult(int index, const QString& path, SqlExportFormat format)
{
    SqlResultView* view = resultView(index);
    if (!view || !m_caseReady)
        return;
    if (m_running)
        stop();
    m_jobRunning = true;
    setBusy(true, tr("Exporting…"));
    updateActions();
    Q_EMIT requestExport(m_stamp, ++m_job, view->model()->statement().text, path, format);
}

void SqlConsole::openResultEvents(int index)
{
    SqlResultView* view = resultView(index);
    if (!view || !m_caseReady || view->model()->statement().eventIdColumn < 0)
        return;
    if (m_running)
        stop();
    m_jobRunning = true;
    setBusy(true, tr("Collecting the events…"));
    updateActions();
    Q_EMIT requestEventSet(m_stamp, ++m_job, view->model()->statement().text, view->model()->statement().eventIdColumn);
}

void SqlConsole::saveCurrentQuery(const QString& name)
{
    SqlEditor* editor = currentEditor();
    if (!editor || name.trimmed().isEmpty() || !m_caseReady)
        return;
    Q_EMIT requestSave(name.trimmed(), editor->toPlainText());
    m_editors->setTabText(m_editors->currentIndex(), name.trimmed());
}

QString SqlConsole::statusText() const
{
    return m_status->text();
}

void SqlConsole::setBusy(bool busy, const QString& message)
{
    m_busy->setVisible(busy);
    m_busy->setRange(0, 0); // until the new work reports progress
    if (!message.isEmpty()) {
        m_busyMessage = message;
        setStatus(message);
    }
}

void SqlConsole::setStatus(const QString& message, bool error)
{
    m_status->setText(message);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xe0, 0x1b, 0x24) : QPalette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void SqlConsole::updateActions()
{
    if (m_results->count() > 0) {
        m_resultsStack->setCurrentWidget(m_results);
    } else {
        m_resultsStack->setCurrentWidget(m_placeholder);
        if (m_running)
            m_placeholder->setText(tr("Running…"));
        else if (!m_caseReady)
            m_placeholder->setText(tr("Open a case to query it"));
        else if (!m_noResultsReason.isEmpty())
            m_placeholder->setText(m_noResultsReason);
        else
            m_placeholder->setText(tr("Results appear here: Ctrl+Enter runs the query or the selected text"));
    }
    const bool busy = isBusy();
    m_runAction->setEnabled(m_caseReady);
    m_stopAction->setEnabled(busy);
    m_saveAction->setEnabled(m_caseReady);
    SqlResultView* view = resultView(m_results->currentIndex());
    const bool result = view && m_caseReady;
    m_csvAction->setEnabled(result && !m_jobRunning);
    m_jsonAction->setEnabled(result && !m_jobRunning);
    m_eventsAction->setEnabled(result && !m_jobRunning && view->model()->statement().eventIdColumn >= 0);
}

void SqlConsole::fillLibrary()
{
    qDeleteAll(m_savedItem->takeChildren());
    qDeleteAll(m_historyItem->takeChildren());
    for (const SqlSavedQuery& saved : m_saved) {
        auto* item = new QTreeWidgetItem(m_savedItem, {saved.name});
        item->setToolTip(0, saved.text);
        item->setData(0, TextRole, saved.text);
        item->setData(0, TitleRole, saved.name);
        item->setData(0, SavedIdRole, saved.id);
    }
    for (const QString& text : m_history) {
        auto* item = new QTreeWidgetItem(m_historyItem, {firstLine(text)});
        item->setToolTip(0, text);
        item->setData(0, TextRole, text);
        item->setData(0, TitleRole, tr("History"));
    }
}

void SqlConsole::onLibraryActivated(QTreeWidgetItem* item)
{
    if (!item || !item->parent())
        return;
    openQuery(item->data(0, TitleRole).toString(), item->data(0, TextRole).toString());
}

void SqlConsole::showLibraryMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = m_library->itemAt(pos);
    if (!item || !item->parent())
        return;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Open in a new tab"), this, [this, item] { onLibraryActivated(item); });
    if (item->parent() == m_savedItem) {
        const qint64 id = item->data(0, SavedIdRole).toLongLong();
        menu->addAction(tr("Delete saved query"), this, [this, id] { Q_EMIT requestRemove(id); });
    }
    menu->popup(m_library->viewport()->mapToGlobal(pos));
}

void SqlConsole::askExport(SqlExportFormat format)
{
    const int index = m_results->currentIndex();
    if (!resultView(index))
        return;
    const bool csv = format == SqlExportFormat::Csv;
    auto* dialog = new QFileDialog(this, csv ? tr("Export result as CSV") : tr("Export result as JSON"), QString(),
                                   csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, index, format](const QString& path) { exportResult(index, path, format); });
    dialog->open();
}

void SqlConsole::askSave()
{
    auto* dialog = new QInputDialog(this);
    dialog->setWindowTitle(tr("Save query"));
    dialog->setLabelText(tr("Name (a saved query of the same name is replaced):"));
    dialog->setTextValue(m_editors->tabText(m_editors->currentIndex()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, &SqlConsole::saveCurrentQuery);
    dialog->open();
}

} // namespace Trailscope::Ui
