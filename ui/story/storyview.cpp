#include "storyview.h"

#include "storytext.h"
#include "storytreemodel.h"

#include "util/eventtime.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>

namespace Trailscope::Ui {

using Core::Story::CredentialStory;

namespace {

QString totals(const CredentialStory& story)
{
    QSet<QString> accounts, regions;
    for (const Core::Story::StoryEvent& event : story.events) {
        accounts.insert(event.account);
        regions.insert(event.region);
    }
    QString text = StoryView::tr("%Ln key(s)", nullptr, static_cast<int>(story.keys.size())) + QStringLiteral(", ") +
                   StoryView::tr("%Ln event(s)", nullptr, static_cast<int>(story.events.size()));
    if (!story.events.empty())
        text +=
            QStringLiteral(", ") + StoryView::tr("in %n account(s)", nullptr, static_cast<int>(accounts.size())) +
            QStringLiteral(" ") + StoryView::tr("and %n region(s)", nullptr, static_cast<int>(regions.size())) +
            QStringLiteral(", ") +
            StoryView::tr("from %1 to %2")
                .arg(Core::formatEventTime(story.events.front().time), Core::formatEventTime(story.events.back().time));
    return text;
}

} // namespace

StoryView::StoryView(QWidget* parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_choice(new QComboBox(this)), m_tree(new QTreeView(this)),
      m_model(new StoryTreeModel(this)), m_showEvents(new QPushButton(tr("Show &Events"), this)),
      m_export(new QPushButton(tr("E&xport…"), this))
{
    setObjectName(QStringLiteral("storyView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_heading->setObjectName(QStringLiteral("storyHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_heading);
    m_choice->setObjectName(QStringLiteral("storyChoice"));
    m_choice->hide();
    layout->addWidget(m_choice);
    m_tree->setObjectName(QStringLiteral("storyTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setToolTip(tr("Double-click a key to select the call that issued it."));
    layout->addWidget(m_tree, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_showEvents);
    buttons->addWidget(m_export);
    layout->addLayout(buttons);
    m_showEvents->setToolTip(tr("Show the events done with the chain's keys in the browser, one colour per key."));
    m_export->setToolTip(tr("Export the chain's events (File › Export… on the browser's view)."));

    connect(m_choice, &QComboBox::currentIndexChanged, this, [this](int) { showCurrent(); });
    connect(m_tree, &QTreeView::activated, this, &StoryView::activate);
    connect(m_showEvents, &QPushButton::clicked, this, &StoryView::showEventsRequested);
    connect(m_export, &QPushButton::clicked, this, &StoryView::exportRequested);
    clear();
}

void StoryView::clear()
{
    m_stories.reset();
    m_colours = {};
    m_model->removeRows(0, m_model->rowCount());
    m_choice->clear();
    m_choice->hide();
    m_heading->setText(tr("Choose Show Credential Story on an event, an access key or a principal to see whose "
                          "credential chain it is and everything the chain did."));
    m_showEvents->setEnabled(false);
    m_export->setEnabled(false);
}

void StoryView::setPending(const QString& seedText)
{
    clear();
    m_heading->setText(tr("Finding the story of %1…").arg(seedText));
}

void StoryView::setFailed(const QString& seedText, const QString& message)
{
    clear();
    m_heading->setText(tr("Cannot tell the story of %1: %2").arg(seedText, message));
}

void StoryView::setStories(const QString& seedText, SharedStories stories)
{
    clear();
    if (!stories || stories->empty()) {
        m_heading->setText(tr("This case holds no credential for %1.").arg(seedText));
        return;
    }
    m_stories = std::move(stories);
    // Populating the combo would show each story in turn; one showCurrent() below is enough.
    m_choice->blockSignals(true);
    for (std::size_t i = 0; i < m_stories->size(); ++i)
        m_choice->addItem(tr("Story %1 of %2: %3")
                              .arg(static_cast<int>(i) + 1)
                              .arg(static_cast<int>(m_stories->size()))
                              .arg(StoryText::origin((*m_stories)[i].origin)));
    m_choice->blockSignals(false);
    m_choice->setVisible(m_stories->size() > 1);
    showCurrent();
}

const CredentialStory* StoryView::currentStory() const
{
    if (!m_stories || m_stories->empty())
        return nullptr;
    const int index = std::max(0, m_choice->currentIndex());
    return static_cast<std::size_t>(index) < m_stories->size() ? &(*m_stories)[static_cast<std::size_t>(index)]
                                                               : nullptr;
}

int StoryView::storyCount() const
{
    return m_stories ? static_cast<int>(m_stories->size()) : 0;
}

void StoryView::setCurrentStory(int index)
{
    m_choice->setCurrentIndex(index);
}

QString StoryView::heading() const
{
    return m_heading->text();
}

void StoryView::showCurrent()
{
    const CredentialStory* story = currentStory();
    if (!story)
        return;
    m_colours = StoryColours(*story);
    QString heading = tr("Origin: %1").arg(StoryText::origin(story->origin)) + u'\n' + totals(*story);
    if (story->linksReadFromRecords)
        heading += u'\n' + tr("This case was made before credential links were indexed: they were read from the "
                              "records just now. Import into a new case for faster stories.");
    m_heading->setText(heading);
    m_model->setStory(*story, m_colours);
    m_tree->expandAll();
    for (int column = 0; column < StoryTreeModel::ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);
    m_showEvents->setEnabled(!story->events.empty());
    m_export->setEnabled(!story->events.empty());
    Q_EMIT storyChanged();
}

void StoryView::activate(const QModelIndex& index)
{
    const QModelIndex first = index.siblingAtColumn(StoryTreeModel::CredentialColumn);
    const std::int64_t row = first.data(StoryTreeModel::EventRowRole).toLongLong();
    if (first.data(StoryTreeModel::EventRowRole).isValid() && row >= 0)
        Q_EMIT eventActivated(row);
}

} // namespace Trailscope::Ui
