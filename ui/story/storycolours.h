#pragma once

#include "story/credentialstory.h"

#include "query/eventstatistics.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Trailscope::Ui {

/// One colour per access key of a story, the same in the chain's tree, the event table and the timeline, so the
/// analyst sees at a glance which key did what when.
class StoryColours
{
public:
    StoryColours() = default;
    explicit StoryColours(const Core::Story::CredentialStory& story);

    /// The key's colour; an invalid colour for a key outside the story.
    QColor of(const QString& accessKeyId) const;
    /// The colours of the palette, in the order keys take them.
    static QColor atIndex(qsizetype index);
    /// events.id → the colour of the key it was done with, for the event table's rows.
    std::shared_ptr<const std::unordered_map<std::int64_t, QColor>> rowColours() const;

    /// Per key in the story's order: how many of its events fall into each bucket of `histogram`, for the
    /// timeline's lines. Keys with no event in the histogram's span are left out.
    struct KeyCounts
    {
        QString accessKeyId;
        QColor colour;
        std::vector<std::int64_t> counts;
    };
    std::vector<KeyCounts> countsPerKey(const Core::Query::Histogram& histogram) const;

private:
    std::vector<Core::Story::StoryEvent> m_events;
    QStringList m_keys;
    QHash<QString, QColor> m_colours;
};

} // namespace Trailscope::Ui
