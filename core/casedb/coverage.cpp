#include "coverage.h"

#include "util/eventtime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <vector>

namespace Trailscope::Core {

namespace {

constexpr std::int64_t MinimumGapMs = 3600000;

struct Group
{
    std::int64_t first = 0, last = 0, events = 0, files = 0;
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

} // namespace

Result<void> rebuildCoverage(Sql::Database& db)
{
    std::map<Key, Group> groups;
    auto events =
        db.prepare("SELECT coalesce(a.value,''), coalesce(r.value,''), min(e.time), max(e.time), count(*) "
                   "FROM events e LEFT JOIN strings a ON a.id = e.account LEFT JOIN strings r ON r.id = e.region "
                   "GROUP BY e.account, e.region");
    while (events.step() == SQLITE_ROW) {
        Group& group = groups[{std::string(events.columnText(0)), std::string(events.columnText(1))}];
        group.first = events.columnIsNull(2) ? -1 : events.columnInt(2);
        group.last = events.columnIsNull(3) ? -1 : events.columnInt(3);
        group.events = events.columnInt(4);
    }
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
        auto times = db.prepare("SELECT coalesce(a.value,''), coalesce(r.value,''), e.time FROM events e "
                                "LEFT JOIN strings a ON a.id = e.account LEFT JOIN strings r ON r.id = e.region "
                                "WHERE e.time IS NOT NULL");
        while (times.step() == SQLITE_ROW) {
            Group& group = groups[{std::string(times.columnText(0)), std::string(times.columnText(1))}];
            if (group.deliveries.size() < 3)
                group.times.push_back(times.columnInt(2));
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
