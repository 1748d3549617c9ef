#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;

namespace Trailscope::Ui {

/// The main window's actions (text, shortcut, checkable state) and the menu bar they are laid out in. The window
/// connects each to what it does; menus whose items change (recent cases, series, searches) are rooms of their own
/// and are placed here.
class WindowActions : public QObject
{
    Q_OBJECT

public:
    explicit WindowActions(QObject* parent);

    /// File, Edit, Go, View, Searches, Events, Help, in that order, with the given changing menus in their places.
    void fillMenuBar(QMenuBar* bar, QMenu* recentCases, QMenu* timelineSeries, QMenu* searches) const;

    QAction* newCase;
    QAction* openCase;
    QAction* openSample;
    QAction* reloadCase; ///< File › Reload Case: the open case again, with what another import added
    QAction* importTrail;
    QAction* exportData; ///< File › Export…: the view, a query's result, the starred events, a finding, a report
    QAction* quit;
    QAction* find;
    QAction* back;
    QAction* forward;
    QAction* showEvents;
    QAction* showSql;
    QAction* showDashboard;
    QAction* utc;
    QAction* logScale;
    QAction* colourRules;
    QAction* star;
    QAction* starredOnly;
    QAction* compare;
    QAction* showStory;         ///< the credential story of the current event
    QAction* detectionRules;    ///< the case's detection rules (the dashboard's Rules…)
    QAction* validateIntegrity; ///< the offline validate-logs of the case or its original files
    QAction* keyboardShortcuts;
    QAction* about;
};

} // namespace Trailscope::Ui
