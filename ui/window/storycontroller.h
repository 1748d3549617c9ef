#pragma once

#include "story/storylookup.h"
#include "timeline/timelineview.h"

#include "query/eventstatistics.h"

#include <QHash>
#include <QObject>

#include <memory>

class QDockWidget;

namespace Trailscope::Ui {

class MainWindow;
class StoryView;

/// The credential story in the window: "Show Credential Story" from the table, the detail pane or the dashboard
/// looks the story up off the GUI thread, shows the chain in a dock and its events in the browser (the table's rows
/// and the timeline's lines coloured per key), and the detail pane of a role session's event says in one line who
/// is behind it.
class StoryController : public QObject
{
    Q_OBJECT

public:
    explicit StoryController(MainWindow* window);

    void setCase(const QString& casePath);
    /// Opens the dock on `seed`'s story; its events replace the browser's view once found.
    void showStory(const Core::Story::StorySeed& seed);
    /// The story of the table's current event.
    void showStoryOfCurrentEvent();
    /// The detail pane shows `rowId`'s record: for a role session, look up who is behind it.
    void eventShown(std::int64_t rowId);
    /// Whether the browser shows the story's events (not another view since).
    bool isShowingStory() const;
    /// The timeline's lines while the story's events are shown: one per key, in the key's colour.
    QList<TimelineSeries> timelineSeries(const Core::Query::Histogram& histogram) const;

    StoryView* view() const { return m_view; }
    QDockWidget* dock() const { return m_dock; }
    StoryLookup* storyLookup() const { return m_lookup; }
    StoryLookup* sessionLookup() const { return m_sessionLookup; }

Q_SIGNALS:
    /// A story's events went to the browser (tests wait for it).
    void storyShown();
    /// The detail pane's "who is behind this" line was filled.
    void storyLineShown();
    void message(const QString& text);

private:
    void onStoryFound(quint64 token, const Core::Story::StorySeed& seed, const SharedStories& stories);
    void onSessionFound(quint64 token, const Core::Story::StorySeed& seed, const SharedStories& stories);
    void showEvents();
    void selectEvent(std::int64_t rowId);
    static QString seedText(const Core::Story::StorySeed& seed);

    MainWindow* m_window;
    StoryLookup* m_lookup;
    StoryLookup* m_sessionLookup;
    QDockWidget* m_dock;
    StoryView* m_view;
    QString m_shownSeed;
    std::shared_ptr<const QList<std::int64_t>> m_shownSet; ///< the row set the story's events went to the browser as
    std::int64_t m_sessionRow = -1;
    QHash<QString, QString> m_lineOfKey; ///< the "who is behind this" line per session key, for this case
};

} // namespace Trailscope::Ui
