#pragma once

#include "browser/searchrequest.h"
#include "integrity/integrityjob.h"

#include <QMainWindow>

#include <optional>

namespace Trailscope::Core {
struct ImportSummary;
struct SavedItem;
namespace Report {
struct CaseFinding;
}
} // namespace Trailscope::Core

class QAction;
class QDockWidget;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace Trailscope::Ui {

class CaseChangeWatcher;
class CaseSession;
class DashboardView;
class DetailPane;
class EventAnnotationBar;
class ExportController;
class IntegrityDialog;
class ExportDialog;
class EventTableModel;
class EventTableView;
class FacetPane;
class FilterChips;
class ImportJob;
class ImportCoordinator;
class ImportProgressWidget;
class RecentCasesMenu;
class SearchBar;
class SearchesMenu;
class SqlConsole;
class StatusStrip;
class StoryController;
class TimelineSeriesMenu;
class TimelineView;
class TimeRangeBar;
class WelcomePage;
class WindowActions;

/// The console: places the search bar, time range, facets, timeline, event table, detail pane and SQL editor, wires
/// them to a case session, and runs imports dropped on it. Its actions, changing menus and status bar are classes of
/// their own; what it keeps is the wiring and the browser's state (the row set, the selected event).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openCase(const QString& path);
    /// Imports into the open case, or into a new case beside the first source (or in the data folder).
    void importPaths(const QStringList& paths);
    /// Opens the bundled sample, importing it into the data folder on first use.
    void openSample();
    /// What start-up without arguments does: the last case, else the welcome page.
    void openLastOrWelcome();

    CaseSession* session() const { return m_session; }
    /// Notices events another process (trailscope-cli import) adds to the open case.
    CaseChangeWatcher* changeWatcher() const { return m_changes; }
    EventTableModel* eventModel() const { return m_model; }
    SearchBar* searchBar() const { return m_searchBar; }
    FacetPane* facetPane() const { return m_facets; }
    TimelineView* timeline() const { return m_timeline; }
    /// View > Timeline Series: the searches drawn as lines on the timeline, splitting it by a field.
    TimelineSeriesMenu* seriesMenu() const { return m_series; }
    WindowActions* actions() const { return m_actions; }
    DetailPane* detailPane() const { return m_detail; }
    EventAnnotationBar* annotationBar() const { return m_annotation; }
    TimeRangeBar* timeRange() const { return m_timeRange; }
    EventTableView* eventView() const { return m_table; }
    SqlConsole* sqlConsole() const { return m_sql; }
    DashboardView* dashboard() const { return m_dashboard; }
    /// The dashboard, drilled down into this principal once it has been computed (`--drill-down`).
    void drillDownWhenComputed(const QString& principal);
    /// The trees other views pinned onto the browser's search (an insight's episode, a table row's filter).
    FilterChips* filterChips() const { return m_chips; }
    /// Shows `search`'s events in [start, end) in the browser: the pinned filters become this one, the typed search
    /// is emptied, the time range set.
    void showEventsOf(const QString& label, const Core::Query::SearchTree& search, std::int64_t start,
                      std::int64_t end);
    /// Browses only these events (a result set of the SQL editor) until cleared; `select` is selected when shown.
    void showRowSet(const QList<std::int64_t>& rowIds, std::optional<std::int64_t> select = std::nullopt);
    /// Exactly these events (a detection rule's matches) in [start, end), with no other filter.
    void showEventSetOf(const QString& label, const QList<std::int64_t>& rowIds, std::int64_t start, std::int64_t end);
    void clearRowSet();
    bool hasRowSet() const { return m_rowSet != nullptr; }
    /// The events the browser is limited to (a result set, a finding's or a story's events); null: none.
    std::shared_ptr<const QList<std::int64_t>> currentRowSet() const { return m_rowSet; }
    /// Selects this event once the running search's rows arrive.
    void selectWhenShown(std::int64_t rowId) { m_selectWhenShown = rowId; }
    /// The credential story: its dock, the lookups, the "who is behind this" line.
    StoryController* stories() const { return m_stories; }
    ImportJob* importJob() const;
    ExportController* exports() const { return m_exports; }
    /// Events › Validate Log Integrity…, showing the last validation of the open case (the one after an import).
    IntegrityDialog* openIntegrityDialog();
    /// The validation the window runs on the case after an import, while it runs (tests).
    IntegrityJob* integrityJob() const { return m_integrityJob; }

    /// What File › Export… opens on: the browser's view, a query's result, a finding (a context menu's).
    enum class ExportStart { View, Query, Finding };
    /// File › Export… with the scopes the case offers, `start` chosen; a Query or Finding start adds that scope.
    ExportDialog* openExportDialog(ExportStart start = ExportStart::View, const QString& statement = {},
                                   const Core::Report::CaseFinding* finding = nullptr);

Q_SIGNALS:
    void importFinished();
    void caseReady();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void onViewChanged();
    void buildActions();
    void buildBrowser();
    void connectSession();
    void connectStories();
    void runSearch();
    void onCaseOpened(const CaseSummary& summary);
    void onCurrentRowChanged();
    void onImportFinished(const QString& casePath, const Core::ImportSummary& summary, const QString& error);
    void onEventsArrived(std::int64_t added, bool stillRunning);
    /// True while the analyst watches the newest rows with nothing selected: a refresh then pulls nothing away.
    bool watchingTheTop() const;
    void chooseAndOpen();
    void chooseAndImport();
    void chooseNewCase();
    void compareSelected();
    void toggleStarOnSelection();
    void applyColourRules(const QList<struct ColourRule>& rules);
    void editColourRules();
    void setUtc(bool utc);
    void updateStatus();
    void restoreLayout();
    QStringList visibleColumnIds() const;
    void validateAfterImport(const QString& casePath);
    /// Keeps a validation of `casePath` and, when it is the open case, marks its flagged files' events.
    void showIntegrity(const QString& casePath, const SharedIntegrityReport& report, const SharedFlaggedFiles& flagged);
    void applyIntegrityMarks();
    void saveLayout();

    CaseSession* m_session = nullptr;
    EventTableModel* m_model = nullptr;
    WindowActions* m_actions = nullptr;
    RecentCasesMenu* m_recent = nullptr;
    TimelineSeriesMenu* m_series = nullptr;
    SearchesMenu* m_searches = nullptr;
    StatusStrip* m_status = nullptr;
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    QSplitter* m_browser = nullptr;
    class QTabWidget* m_tabs = nullptr;
    SqlConsole* m_sql = nullptr;
    DashboardView* m_dashboard = nullptr;
    FilterChips* m_chips = nullptr;
    QWidget* m_browserPage = nullptr;
    std::shared_ptr<const QList<std::int64_t>> m_rowSet;
    std::optional<std::int64_t> m_selectWhenShown;
    SearchBar* m_searchBar = nullptr;
    TimeRangeBar* m_timeRange = nullptr;
    FacetPane* m_facets = nullptr;
    QDockWidget* m_facetDock = nullptr;
    bool m_facetsHiddenForDashboard = false; ///< the dashboard hid the dock; leaving it shows the dock again
    TimelineView* m_timeline = nullptr;
    EventTableView* m_table = nullptr;
    DetailPane* m_detail = nullptr;
    EventAnnotationBar* m_annotation = nullptr;
    ImportProgressWidget* m_importProgress = nullptr;
    ImportCoordinator* m_imports = nullptr;
    ExportController* m_exports = nullptr;
    StoryController* m_stories = nullptr;
    IntegrityJob* m_integrityJob = nullptr;
    QString m_integrityCase; ///< the case m_integrityReport validated
    SharedIntegrityReport m_integrityReport;
    SharedFlaggedFiles m_integrityFlagged;
    QTimer* m_importRefresh = nullptr;
    CaseChangeWatcher* m_changes = nullptr;
    qint64 m_matched = -1;
    double m_lastQueryMs = 0;
    std::optional<std::int64_t> m_selectedRowId;
};

} // namespace Trailscope::Ui
