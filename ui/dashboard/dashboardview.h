#pragma once

#include "dashboard/dashboarddata.h"
#include "dashboard/dashboardjob.h"

#include "query/searchast.h"
#include "query/searchsql.h"
#include "report/casefindings.h"
#include "story/credentialstory.h"

#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Trailscope::Ui {

class ActivityModel;
class DetectionsModel;
class FindingChart;
class FindingsModel;
class FirstSeenModel;
class InsightCard;
class PrincipalDrillDown;
class RulesDialog;
class TacticsModel;

/// The insights dashboard: cards per kind of finding, the findings list with a finding's graph, the who/what/where
/// tables and first-seen activity of the open case. Computed on DashboardJob after a case opens and after each import;
/// it says when it is out of date and never waits on the GUI thread. It opens events in the browser by search trees
/// (openEventsRequested, filterRequested): the window decides what the browser does with them.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    enum class State { NoCase, Computing, Current, OutOfDate, Failed };
    enum class Card { CallRate, ErrorRate, Delivered, FirstSeen, Detections };

    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    /// The case the window opened (again, after an import): computed anew unless what is shown is of this case at
    /// this size and sensitivity.
    void setCase(const QString& path, std::int64_t events, std::optional<std::int64_t> oldest,
                 std::optional<std::int64_t> newest);
    /// Events are being added to the case: what is shown stays, marked out of date, until setCase again.
    void markOutOfDate();
    /// The browser's current search, for "limit to current search".
    void setBrowserSearch(const Core::Query::SearchTree& search, const Core::Query::SearchOptions& options);
    void recompute();
    void setSensitivity(Core::Insights::Sensitivity sensitivity);

    State state() const { return m_state; }
    QString statusText() const;
    const DashboardData& data() const { return m_data; }
    FindingsModel* findingsModel() const { return m_findings; }
    ActivityModel* activityModel() const { return m_activity; }
    FirstSeenModel* firstSeenModel() const { return m_firstSeen; }
    DetectionsModel* detectionsModel() const { return m_detections; }
    TacticsModel* tacticsModel() const { return m_tactics; }
    QTableView* tacticsView() const { return m_tacticsView; }
    /// Opens the case's rules (non-modal; deleted on close); the dashboard computes again when they changed.
    RulesDialog* editRules();
    QTableView* detectionsView() const { return m_detectionsView; }
    QTableView* findingsView() const { return m_findingsView; }
    QTableView* activityView() const { return m_activityView; }
    FindingChart* findingChart() const { return m_chart; }
    InsightCard* card(Card card) const;

    /// Opens the events of the finding a row of the findings list shows.
    void openFinding(int row);
    /// Opens exactly the events a row of the detections list matched, as a row set in the browser.
    void openDetection(int row);
    /// Stars every event a row of the detections list matched (starEventsRequested).
    void starMatches(int row);
    void setDimension(Core::Insights::ActivityDimension dimension);
    void setLimitToSearch(bool limit);
    bool limitsToSearch() const;
    /// The events of a row of the shown who/what/where table, into the browser's search (or out of it).
    void filterByActivityRow(int row, bool exclude, bool andShow = false);
    /// The drill-down of the principal of a row of the shown table (principals, or principal + event source).
    void drillDownRow(int row);
    /// The drill-down of this principal, computed off the GUI thread and shown under the who/what/where table.
    void drillDown(const QString& principal);
    PrincipalDrillDown* drillDownPanel() const { return m_drill; }

Q_SIGNALS:
    /// Show these events in the browser, in [start, end).
    void openEventsRequested(const QString& label, const Trailscope::Core::Query::SearchTree& search,
                             std::int64_t start, std::int64_t end);
    /// Narrow the browser's search by this tree (already negated for "Exclude"); `andShow`: switch to the browser.
    void filterRequested(const QString& label, const Trailscope::Core::Query::SearchTree& search, bool andShow);
    /// Show exactly these events (a detection rule's matches) in the browser, in [start, end).
    void openEventSetRequested(const QString& label, const QList<std::int64_t>& eventRowIds, std::int64_t start,
                               std::int64_t end);
    /// Star these events (the window hands them to the analyst store's worker).
    void starEventsRequested(const QList<std::int64_t>& eventRowIds);
    void stateChanged(Trailscope::Ui::DashboardView::State state);
    /// "Export…" on a detection: File › Export… with its events as the scope.
    void exportFindingRequested(const Trailscope::Core::Report::CaseFinding& finding);
    /// New results are shown (tests; the window's status).
    void updated();
    /// "Show Credential Story" on a principal or access key of the who/what/where tables.
    void storyRequested(const Trailscope::Core::Story::StorySeed& seed);

private:
    void buildCards(QHBoxLayout* row);
    QWidget* buildFindingsTab();
    QWidget* buildActivityTab();
    QWidget* buildFirstSeenTab();
    QWidget* buildDetectionsTab();
    void setState(State state);
    void showData(const DashboardData& data);
    void showCards();
    void showDetectionsCard();
    void showTable();
    void exportDetection(int row);
    void onCurrentFindingChanged();
    std::vector<int> buckets(const std::vector<std::int64_t>& times) const;
    void openCard(Card card);
    void showActivityMenu(const QPoint& position);
    void showDetectionsMenu(const QPoint& position);
    void closeDrillDown();
    QString rulesNoteText() const;

    DashboardJob* m_job = nullptr;
    DashboardData m_data;
    DashboardRequest m_request;
    State m_state = State::NoCase;
    Core::Query::SearchTree m_browserSearch = Core::Query::shareSearch({});
    Core::Query::SearchOptions m_browserOptions;

    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_recompute = nullptr;
    QComboBox* m_sensitivity = nullptr;
    InsightCard* m_cards[5] = {};
    QTabWidget* m_tabs = nullptr;
    FindingsModel* m_findings = nullptr;
    QTableView* m_findingsView = nullptr;
    FindingChart* m_chart = nullptr;
    ActivityModel* m_activity = nullptr;
    QTableView* m_activityView = nullptr;
    QComboBox* m_dimension = nullptr;
    QCheckBox* m_limit = nullptr;
    QLabel* m_tableNote = nullptr;
    PrincipalDrillDown* m_drill = nullptr;
    FirstSeenModel* m_firstSeen = nullptr;
    QTableView* m_firstSeenView = nullptr;
    DetectionsModel* m_detections = nullptr;
    QTableView* m_detectionsView = nullptr;
    TacticsModel* m_tactics = nullptr;
    QTableView* m_tacticsView = nullptr;
    QLabel* m_rulesNote = nullptr;
};

} // namespace Trailscope::Ui
