#pragma once

#include "browser/searchrequest.h"
#include "common/settingswriter.h"

#include <QMainWindow>

#include <optional>

namespace Trailscope::Core {
struct ImportSummary;
struct SavedItem;
} // namespace Trailscope::Core

class QAction;
class QLabel;
class QProgressBar;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace Trailscope::Ui {

class CaseSession;
class DetailPane;
class EventAnnotationBar;
class EventTableModel;
class FacetPane;
class ImportJob;
class ImportCoordinator;
class ImportProgressWidget;
class SearchBar;
class SqlConsole;
class TimelineView;
class TimeRangeBar;
class WelcomePage;

/// The console: wires the search bar, time range, facets, timeline, event table and detail pane to a case session,
/// and runs imports dropped on it. Holds no logic of its own beyond the wiring.
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
    EventTableModel* eventModel() const { return m_model; }
    SearchBar* searchBar() const { return m_searchBar; }
    FacetPane* facetPane() const { return m_facets; }
    TimelineView* timeline() const { return m_timeline; }
    /// Adds a search expression as a line on the timeline (Wireshark's I/O graph).
    void addTimelineSeriesExpression(const QString& expression) { addTimelineSeries(expression); }
    /// The labels of the timeline's extra series, in order.
    QStringList timelineSeries() const;
    /// Replaces the timeline series with one per top value of `field` under the current search (up to five).
    void splitTimelineBy(const QString& field);
    DetailPane* detailPane() const { return m_detail; }
    EventAnnotationBar* annotationBar() const { return m_annotation; }
    QAction* starAction() const { return m_starAction; }
    QAction* starredOnlyAction() const { return m_starredOnlyAction; }
    TimeRangeBar* timeRange() const { return m_timeRange; }
    QTableView* eventView() const { return m_table; }
    SqlConsole* sqlConsole() const { return m_sql; }
    /// Browses only these events (a result set of the SQL editor) until cleared; `select` is selected when shown.
    void showRowSet(const QList<std::int64_t>& rowIds, std::optional<std::int64_t> select = std::nullopt);
    void clearRowSet();
    bool hasRowSet() const { return m_rowSet != nullptr; }
    ImportJob* importJob() const;

Q_SIGNALS:
    void importFinished();
    void caseReady();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildBrowser();
    void connectSession();
    void showScanProgress(Trailscope::Ui::ScanPass pass, qint64 examined, qint64 total);
    void runSearch();
    void onCaseOpened(const CaseSummary& summary);
    void onCurrentRowChanged();
    void onImportFinished(const QString& casePath, const Core::ImportSummary& summary, const QString& error);
    static QString importFinishedMessage(const Core::ImportSummary& summary);
    void startImport(const QString& casePath, const QStringList& paths, bool openWhenDone);
    void chooseAndOpen();
    void chooseAndImport();
    void chooseNewCase();
    void compareSelected();
    void toggleStarOnSelection();
    void applyColourRules(const QList<struct ColourRule>& rules);
    void editColourRules();
    void addTimelineSeries(const QString& expression);
    void updateSeriesMenu();

    void chooseSaveSearch();
    void updateSavedSearchMenu(const QList<Core::SavedItem>& items);
    void rememberSearch(const QString& text);
    void updateHistoryMenu();
    void setUtc(bool utc);
    void showHeaderMenu(const QPoint& position);
    void rememberCase(const QString& path);
    QStringList recentCases() const;
    void updateRecentMenu();
    void updateStatus();
    void restoreLayout();
    void saveLayout();

    CaseSession* m_session = nullptr;
    EventTableModel* m_model = nullptr;
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    QSplitter* m_browser = nullptr;
    class QTabWidget* m_tabs = nullptr;
    SqlConsole* m_sql = nullptr;
    QWidget* m_rowSetBox = nullptr;
    QLabel* m_rowSetLabel = nullptr;
    std::shared_ptr<const QList<std::int64_t>> m_rowSet;
    std::optional<std::int64_t> m_selectWhenShown;
    SearchBar* m_searchBar = nullptr;
    TimeRangeBar* m_timeRange = nullptr;
    FacetPane* m_facets = nullptr;
    TimelineView* m_timeline = nullptr;
    QTableView* m_table = nullptr;
    DetailPane* m_detail = nullptr;
    EventAnnotationBar* m_annotation = nullptr;
    ImportProgressWidget* m_importProgress = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_timeLabel = nullptr;
    QProgressBar* m_scanProgress = nullptr;
    QLabel* m_messageLabel = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_forwardAction = nullptr;
    QAction* m_utcAction = nullptr;
    QAction* m_logScaleAction = nullptr;
    QAction* m_starAction = nullptr;
    QAction* m_starredOnlyAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_savedMenu = nullptr;
    QMenu* m_historyMenu = nullptr;
    QStringList m_searchHistory; // newest first; the settings file is written by m_settingsWriter
    SettingsWriter m_settingsWriter;
    QMenu* m_seriesMenu = nullptr;
    QList<SeriesSearch> m_extraSeries; // timeline series, each drawn as a line
    FacetList m_facetsShown;           // the facets of the current search, for splitting the timeline by a field
    ImportCoordinator* m_imports = nullptr;
    QTimer* m_importRefresh = nullptr;
    qint64 m_matched = -1;
    double m_lastQueryMs = 0;
    std::optional<std::int64_t> m_selectedRowId;
};

} // namespace Trailscope::Ui
