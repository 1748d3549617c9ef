#include "coverage.h"

#include "util/eventtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

namespace Trailscope::Core {

namespace {

constexpr std::int64_t MinimumGapMs = 3600000;

struct Group
{
    std::int64_t first = -1, last = -1, events = 0, files = 0; // -1: no event with a usable time
    std::vector<std::int64_t> deliveries;
    std::vector<std::int64_t> times;
};

using Key = std::pair<std::string, std::string>;

QJsonArray findGaps(std::vector<std::int64_t>& points)
{
    QJsonArray gaps;
    if (points.size() < 3)
        return gaps;
    std::sort(points.begin(), points.end());
    std::vector<std::int64_t> intervals;
    intervals.reserve(points.size());
    for (std::size_t i = 1; i < points.size(); ++i)
        intervals.push_back(points[i] - points[i - 1]);
    std::vector<std::int64_t> sorted = intervals;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const std::int64_t threshold = std::max(MinimumGapMs, sorted[sorted.size() / 2] * 10);
    for (std::size_t i = 0; i < intervals.size(); ++i) {
        if (intervals[i] <= threshold)
            continue;
        gaps.append(QJsonObject{{QStringLiteral("from"), formatEventTime(points[i])},
                                {QStringLiteral("to"), formatEventTime(points[i + 1])},
                                {QStringLiteral("minutes"), static_cast<qint64>(intervals[i] / 60000)}});
    }
    return gaps;
}

// Each event context names one account and region: events are grouped by context in one pass over event_rows (no
// sort, no per-row lookup), then contexts fold onto their account and region.
std::unordered_map<std::int64_t, Group*> groupsByContext(Sql::Database& db, std::map<Key, Group>& groups)
{
    std::unordered_map<std::int64_t, Group*> byContext;
    auto contexts = db.prepare("SELECT c.id, coalesce(a.value,''), coalesce(r.value,'') FROM event_contexts c "
                               "LEFT JOIN strings a ON a.id = c.account LEFT JOIN strings r ON r.id = c.region");
    while (contexts.step() == SQLITE_ROW)
        byContext[contexts.columnInt(0)] =
            &groups[{std::string(contexts.columnText(1)), std::string(contexts.columnText(2))}];
    return byContext;
}

} // namespace

Result<void> rebuildCoverage(Sql::Database& db)
{
    std::map<Key, Group> groups;
    const auto byContext = groupsByContext(db, groups);
    const auto groupOf = [&](std::int64_t context) -> Group* {
        const auto found = byContext.find(context);
        return found == byContext.end() ? nullptr : found->second;
    };
    auto events = db.prepare("SELECT context, time FROM event_rows");
    while (events.step() == SQLITE_ROW) {
        Group* group = groupOf(events.columnInt(0));
        if (!group)
            continue;
        ++group->events;
        if (events.columnIsNull(1))
            continue;
        const std::int64_t time = events.columnInt(1);
        group->first = group->first < 0 ? time : std::min(group->first, time);
        group->last = std::max(group->last, time);
    }
    std::erase_if(groups, [](const auto& entry) { return entry.second.events == 0; });
    auto files = db.prepare("SELECT account, region, delivered FROM source_files WHERE folder = 1 AND complete = 1 "
                            "AND account IS NOT NULL AND region IS NOT NULL AND delivered IS NOT NULL");
    while (files.step() == SQLITE_ROW) {
        const auto found = groups.find({std::string(files.columnText(0)), std::string(files.columnText(1))});
        if (found == groups.end())
            continue;
        ++found->second.files;
        found->second.deliveries.push_back(files.columnInt(2));
    }
    const bool needEventTimes =
        std::any_of(groups.begin(), groups.end(), [](const auto& entry) { return entry.second.deliveries.size() < 3; });
    if (needEventTimes) {
        auto times = db.prepare("SELECT context, time FROM event_rows WHERE time IS NOT NULL");
        while (times.step() == SQLITE_ROW) {
            Group* group = groupOf(times.columnInt(0));
            if (group && group->deliveries.size() < 3)
                group->times.push_back(times.columnInt(1));
        }
    }
    Sql::Transaction transaction(db);
    if (auto cleared = db.exec("DELETE FROM coverage"); !cleared)
        return cleared;
    auto insert = db.prepare("INSERT INTO coverage(account, region, first, last, events, files, gaps) "
                             "VALUES(?1,?2,?3,?4,?5,?6,?7)");
    for (auto& [key, group] : groups) {
        const QJsonArray gaps = findGaps(group.deliveries.size() >= 3 ? group.deliveries : group.times);
        const QByteArray json = QJsonDocument(gaps).toJson(QJsonDocument::Compact);
        insert.bindText(1, key.first).bindText(2, key.second).bind(3, group.first).bind(4, group.last);
        insert.bind(5, group.events).bind(6, group.files).bindText(7, std::string_view(json.constData(), json.size()));
        if (insert.exec() != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("storing coverage")));
    }
    return transaction.commit();
}

} // namespace Trailscope::Core
