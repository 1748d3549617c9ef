#include "storycolours.h"

#include <algorithm>

namespace Trailscope::Ui {

StoryColours::StoryColours(const Core::Story::CredentialStory& story) : m_events(story.events)
{
    for (const Core::Story::StoryKey& key : story.keys) {
        m_colours.insert(key.accessKeyId, atIndex(m_keys.size()));
        m_keys << key.accessKeyId;
    }
}

QColor StoryColours::atIndex(qsizetype index)
{
    // Saturated enough for a line on the chart, distinct from the bars' blue and red and from each other; tinted
    // towards the base colour for table rows. Chains are short; past ten keys the colours repeat.
    static const QColor palette[] = {
        QColor(0, 150, 136), QColor(230, 126, 0),  QColor(142, 68, 173), QColor(46, 134, 222), QColor(192, 57, 43),
        QColor(39, 174, 96), QColor(211, 84, 160), QColor(127, 140, 20), QColor(0, 110, 180),  QColor(150, 100, 60)};
    constexpr qsizetype size = sizeof(palette) / sizeof(palette[0]);
    return palette[((index % size) + size) % size];
}

QColor StoryColours::of(const QString& accessKeyId) const
{
    return m_colours.value(accessKeyId);
}

std::shared_ptr<const std::unordered_map<std::int64_t, QColor>> StoryColours::rowColours() const
{
    auto rows = std::make_shared<std::unordered_map<std::int64_t, QColor>>();
    rows->reserve(m_events.size());
    for (const Core::Story::StoryEvent& event : m_events)
        rows->emplace(event.row, of(event.accessKeyId));
    return rows;
}

std::vector<StoryColours::KeyCounts> StoryColours::countsPerKey(const Core::Query::Histogram& histogram) const
{
    std::vector<KeyCounts> perKey;
    if (histogram.bucketMs <= 0 || histogram.buckets.empty())
        return perKey;
    QHash<QString, std::size_t> slot;
    for (const QString& key : m_keys) {
        slot.insert(key, perKey.size());
        perKey.push_back({key, of(key), std::vector<std::int64_t>(histogram.buckets.size(), 0)});
    }
    const std::int64_t origin = histogram.buckets.front().start;
    const auto buckets = static_cast<std::int64_t>(histogram.buckets.size());
    for (const Core::Story::StoryEvent& event : m_events) {
        const std::int64_t bucket = event.time >= origin ? (event.time - origin) / histogram.bucketMs : -1;
        const auto found = slot.constFind(event.accessKeyId);
        if (bucket >= 0 && bucket < buckets && found != slot.constEnd())
            ++perKey[*found].counts[static_cast<std::size_t>(bucket)];
    }
    std::erase_if(perKey, [](const KeyCounts& key) {
        return std::all_of(key.counts.begin(), key.counts.end(), [](std::int64_t n) { return n == 0; });
    });
    return perKey;
}

} // namespace Trailscope::Ui
