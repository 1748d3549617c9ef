#pragma once

#include "story/storycolours.h"
#include "story/storylookup.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace Trailscope::Ui {

class StoryTreeModel;

/// The credential story pane: whose chain it is (the origin in words), the chain as a tree of keys with the call
/// that issued each, and the chain's totals. A seed with several origins (an ARN two people acted as) offers each
/// story in turn. The chain's events are shown by the browser, coloured by key.
class StoryView : public QWidget
{
    Q_OBJECT

public:
    explicit StoryView(QWidget* parent = nullptr);

    /// "Finding the story of …" until the lookup answers.
    void setPending(const QString& seedText);
    void setStories(const QString& seedText, SharedStories stories);
    void setFailed(const QString& seedText, const QString& message);
    void clear();

    /// The story shown (one of several for an ARN); null when none.
    const Core::Story::CredentialStory* currentStory() const;
    int storyCount() const;
    void setCurrentStory(int index);
    const StoryColours& colours() const { return m_colours; }
    /// The heading as shown (the origin and the totals).
    QString heading() const;
    StoryTreeModel* model() const { return m_model; }
    QTreeView* treeView() const { return m_tree; }

Q_SIGNALS:
    /// The shown story changed (a new lookup, another of an ARN's stories): its events go to the browser.
    void storyChanged();
    /// Show the chain's events in the browser again (after the analyst browsed elsewhere).
    void showEventsRequested();
    /// Select this event (events.id) of the chain in the browser: the call that issued a key.
    void eventActivated(std::int64_t rowId);
    void exportRequested();

private:
    void showCurrent();
    void activate(const QModelIndex& index);

    SharedStories m_stories;
    StoryColours m_colours;
    QLabel* m_heading;
    QComboBox* m_choice;
    QTreeView* m_tree;
    StoryTreeModel* m_model;
    QPushButton* m_showEvents;
    QPushButton* m_export;
};

} // namespace Trailscope::Ui
