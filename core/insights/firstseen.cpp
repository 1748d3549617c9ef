#include "firstseen.h"

#include "casedb/casewriter.h"
#include "insights/casedimensions.h"
#include "util/eventtime.h"

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>
#include <unordered_map>

namespace Trailscope::Core::Insights {

namespace {

constexpr std::int64_t DayMs = 86400000;

struct FirstEvent
{
    std::int64_t time = std::numeric_limits<std::int64_t>::max();
    std::int64_t rowId = 0;

    void offer(std::int64_t otherTime, std::int64_t otherRow)
    {
        if (std::tie(otherTime, otherRow) < std::tie(time, rowId))
            *this = {otherTime, otherRow};
    }
};

using FirstEvents = std::unordered_map<std::int64_t, FirstEvent>; // id → its first event

// The first event of each identity, source IP and context: the few thousand rows each folds onto afterwards.
struct RawFirsts
{
    FirstEvents identities, ips, contexts;
    FirstEvent caseStart;
};

Result<RawFirsts> scanFirsts(Sql::Database& db, const CaseDimensions& dimensions)
{
    RawFirsts firsts;
    auto rows = db.prepare(
        "SELECT id, time, context, ifnull(identity, 0), ifnull(ip, 0) FROM event_rows WHERE time IS NOT NULL");
    int status;
    while ((status = rows.step()) == SQLITE_ROW) {
        const std::int64_t context = rows.columnInt(2);
        if (dimensions.context(context).insightRecord)
            continue;
        const std::int64_t row = rows.columnInt(0), time = rows.columnInt(1);
        firsts.caseStart.offer(time, row);
        firsts.contexts[context].offer(time, row);
        if (const std::int64_t identity = rows.columnInt(3))
            firsts.identities[identity].offer(time, row);
        if (const std::int64_t ip = rows.columnInt(4))
            firsts.ips[ip].offer(time, row);
    }
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("finding first events")));
    return firsts;
}

// Folds first events onto the `strings` id `valueOf` gives each (0: none).
template <typename ValueOf>
FirstEvents fold(const FirstEvents& raw, ValueOf valueOf)
{
    FirstEvents folded;
    for (const auto& [id, first] : raw) {
        if (const std::int64_t value = valueOf(id))
            folded[value].offer(first.time, first.rowId);
    }
    return folded;
}

// STS hands out a new ASIA key with every session: in the sample trail, 600 of 777 first-seen values were such keys,
// each new by design. A long-term key (AKIA) seen for the first time is the finding; the session's principal and
// source IP still show when they are new.
bool isTemporaryKey(const QString& key)
{
    return key.startsWith(QLatin1String("ASIA"));
}

} // namespace

QString firstSeenKindName(FirstSeenKind kind)
{
    static const std::array<QString, 5> Names{QStringLiteral("principal"), QStringLiteral("accessKey"),
                                              QStringLiteral("sourceIp"), QStringLiteral("userAgent"),
                                              QStringLiteral("region")};
    return Names[static_cast<std::size_t>(kind)];
}

Result<FirstSeenActivity> computeFirstSeen(Sql::Database& db)
{
    const auto dimensions = readCaseDimensions(db);
    if (!dimensions)
        return std::unexpected(dimensions.error());
    const auto raw = scanFirsts(db, *dimensions);
    if (!raw)
        return std::unexpected(raw.error());
    FirstSeenActivity activity;
    if (raw->caseStart.rowId == 0)
        return activity;
    activity.caseStart = raw->caseStart.time;
    activity.firstDayEnd = activity.caseStart + DayMs;
    const std::array<std::pair<FirstSeenKind, FirstEvents>, 5> kinds{{
        {FirstSeenKind::Principal, fold(raw->identities, [&](auto id) { return dimensions->identity(id).principal; })},
        {FirstSeenKind::AccessKey, fold(raw->identities, [&](auto id) { return dimensions->identity(id).accessKey; })},
        {FirstSeenKind::SourceIp, raw->ips},
        {FirstSeenKind::UserAgent, fold(raw->contexts, [&](auto id) { return dimensions->context(id).agent; })},
        {FirstSeenKind::Region, fold(raw->contexts, [&](auto id) { return dimensions->context(id).region; })},
    }};
    StringNames names(db);
    auto event = db.prepare("SELECT event_id, typeof(event_id) = 'blob', ifnull(source, 0), name FROM event_rows "
                            "WHERE id = ?1");
    for (const auto& [kind, firsts] : kinds) {
        for (const auto& [value, first] : firsts) {
            if (first.time < activity.firstDayEnd)
                continue;
            FirstSeen item{kind, names(value), first.time, first.rowId, {}, {}, {}};
            if (kind == FirstSeenKind::AccessKey && isTemporaryKey(item.value))
                continue;
            event.bind(1, first.rowId);
            if (event.step() == SQLITE_ROW) {
                item.eventId = QString::fromStdString(decodeStoredId(event.columnBlob(0), event.columnInt(1) != 0));
                item.eventSource = names(event.columnInt(2));
                item.eventName = names(event.columnInt(3));
            }
            event.reset();
            activity.items.push_back(std::move(item));
        }
    }
    std::sort(activity.items.begin(), activity.items.end(), [](const FirstSeen& a, const FirstSeen& b) {
        return std::tie(a.time, a.kind, a.value) < std::tie(b.time, b.kind, b.value);
    });
    return activity;
}

QJsonObject firstSeenJson(const FirstSeen& item)
{
    return QJsonObject{
        {QStringLiteral("kind"), firstSeenKindName(item.kind)},    {QStringLiteral("value"), item.value},
        {QStringLiteral("eventTime"), formatEventTime(item.time)}, {QStringLiteral("eventID"), item.eventId},
        {QStringLiteral("eventSource"), item.eventSource},         {QStringLiteral("eventName"), item.eventName}};
}

} // namespace Trailscope::Core::Insights
