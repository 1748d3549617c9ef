#include "storycontroller.h"

#include "browser/detailpane.h"
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "story/storytext.h"
#include "story/storyview.h"
#include "window/mainwindow.h"

#include <QDockWidget>
#include <QItemSelectionModel>

namespace Trailscope::Ui {

using Core::Story::StorySeed;

StoryController::StoryController(MainWindow* window)
    : QObject(window), m_window(window), m_lookup(new StoryLookup(this)), m_sessionLookup(new StoryLookup(this)),
      m_dock(new QDockWidget(tr("Credential Story"), window)), m_view(new StoryView(m_dock))
{
    m_dock->setObjectName(QStringLiteral("storyDock"));
    m_dock->setWidget(m_view);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();

    connect(m_lookup, &StoryLookup::found, this, &StoryController::onStoryFound);
    connect(m_lookup, &StoryLookup::failed, this,
            [this](quint64, const StorySeed& seed, const QString& error) { m_view->setFailed(seedText(seed), error); });
    connect(m_sessionLookup, &StoryLookup::found, this, &StoryController::onSessionFound);
    connect(m_view, &StoryView::storyChanged, this, &StoryController::showEvents);
    connect(m_view, &StoryView::showEventsRequested, this, &StoryController::showEvents);
    connect(m_view, &StoryView::eventActivated, this, &StoryController::selectEvent);
    connect(m_view, &StoryView::exportRequested, this, [this] {
        if (!isShowingStory())
            showEvents();
        m_window->openExportDialog(MainWindow::ExportStart::View);
    });
    // The rows keep their key's colour only while they are the story's events.
    connect(window->eventModel(), &EventTableModel::rowsReset, this, [this] {
        if (!isShowingStory())
            m_window->eventModel()->setRowColours(nullptr);
    });
    connect(window->detailPane(), &DetailPane::storyRequested, this, &StoryController::showStory);
}

void StoryController::setCase(const QString& casePath)
{
    if (casePath != m_lookup->casePath()) {
        m_view->clear();
        m_shownSet.reset();
        m_window->eventModel()->setRowColours(nullptr);
    }
    // Again after an import too: new links may name who is behind a session.
    m_lineOfKey.clear();
    m_lookup->setCase(casePath);
    m_sessionLookup->setCase(casePath);
}

QString StoryController::seedText(const StorySeed& seed)
{
    return seed.kind == StorySeed::Kind::EventId ? tr("event %1").arg(seed.value) : seed.value;
}

void StoryController::showStory(const StorySeed& seed)
{
    if (m_lookup->casePath().isEmpty() || seed.value.isEmpty()) {
        Q_EMIT message(tr("Open a case to see a credential story."));
        return;
    }
    m_shownSeed = seedText(seed);
    m_view->setPending(m_shownSeed);
    m_dock->show();
    m_dock->raise();
    m_lookup->lookUp(seed);
}

void StoryController::showStoryOfCurrentEvent()
{
    const EventTableView* table = m_window->eventView();
    const QModelIndex current = table->selectionModel()->currentIndex();
    const EventTableModel* model = m_window->eventModel();
    const QString eventId =
        current.isValid() ? model->index(current.row(), EventTableModel::EventIdColumn).data().toString() : QString();
    if (eventId.isEmpty()) {
        Q_EMIT message(tr("Select an event to see the credential story behind it."));
        return;
    }
    showStory({StorySeed::Kind::EventId, eventId});
}

void StoryController::onStoryFound(quint64, const StorySeed& seed, const SharedStories& stories)
{
    m_view->setStories(seedText(seed), stories); // storyChanged → showEvents() when there is one
}

void StoryController::showEvents()
{
    const Core::Story::CredentialStory* story = m_view->currentStory();
    if (!story || story->events.empty())
        return;
    QList<std::int64_t> rows;
    rows.reserve(static_cast<qsizetype>(story->events.size()));
    for (const Core::Story::StoryEvent& event : story->events)
        rows << event.row;
    // events are in time order; the window's range is half-open.
    m_window->showEventSetOf(tr("Credential story of %1").arg(m_shownSeed), rows, story->events.front().time,
                             story->events.back().time + 1);
    m_shownSet = m_window->currentRowSet();
    m_window->eventModel()->setRowColours(m_view->colours().rowColours());
    Q_EMIT storyShown();
}

bool StoryController::isShowingStory() const
{
    return m_shownSet && m_shownSet == m_window->currentRowSet();
}

QList<TimelineSeries> StoryController::timelineSeries(const Core::Query::Histogram& histogram) const
{
    QList<TimelineSeries> series;
    for (StoryColours::KeyCounts& key : m_view->colours().countsPerKey(histogram))
        series.append({key.accessKeyId, key.colour, std::move(key.counts)});
    return series;
}

void StoryController::selectEvent(std::int64_t rowId)
{
    if (!isShowingStory()) {
        showEvents();
        m_window->selectWhenShown(rowId);
        return;
    }
    const int row = m_window->eventModel()->rowOfRowId(rowId);
    if (row >= 0)
        m_window->eventView()->makeCurrent(row);
}

void StoryController::eventShown(std::int64_t rowId)
{
    DetailPane* detail = m_window->detailPane();
    const QString key = detail->sessionKey();
    m_sessionRow = key.isEmpty() ? -1 : rowId;
    if (key.isEmpty() || m_sessionLookup->casePath().isEmpty()) {
        m_sessionLookup->cancel();
        return;
    }
    if (const auto known = m_lineOfKey.constFind(key); known != m_lineOfKey.constEnd()) {
        m_sessionLookup->cancel();
        detail->setStoryLine(*known);
        Q_EMIT storyLineShown();
        return;
    }
    m_sessionLookup->lookUp({StorySeed::Kind::AccessKey, key});
}

void StoryController::onSessionFound(quint64, const StorySeed& seed, const SharedStories& stories)
{
    DetailPane* detail = m_window->detailPane();
    if (m_sessionRow < 0 || detail->rowId() != m_sessionRow || detail->sessionKey() != seed.value)
        return;
    const QString line = stories && !stories->empty() ? StoryText::behind(stories->front(), seed.value) : QString();
    m_lineOfKey.insert(seed.value, line);
    detail->setStoryLine(line);
    Q_EMIT storyLineShown();
}

} // namespace Trailscope::Ui
