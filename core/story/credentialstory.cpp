#include "credentialstory.h"

#include "credentiallinks.h"

#include "casedb/caseschema.h"
#include "casedb/casewriter.h"
#include "query/searchsql.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace Trailscope::Core::Story {

namespace {

// The stored event ID, its account and region, and its name, for the event row `r`.
constexpr const char* EventColumns =
    "r.id, r.time, r.event_id, typeof(r.event_id) = 'blob', (SELECT value FROM strings WHERE id = nullif(r.name, 0)), "
    "(SELECT s.value FROM event_contexts c JOIN strings s ON s.id = c.account WHERE c.id = r.context), "
    "(SELECT s.value FROM event_contexts c JOIN strings s ON s.id = c.region WHERE c.id = r.context)";

QString text(const Sql::Statement& s, int column)
{
    return s.columnIsNull(column) ? QString() : s.columnQString(column);
}

QString eventIdAt(const Sql::Statement& s, int column)
{
    const bool uuid = s.columnInt(column + 1) != 0;
    const std::string id = decodeStoredId(s.columnBlob(column), uuid);
    // A stored UUID reads back as 36 ASCII characters; other IDs are whatever text the record held.
    return uuid ? QString::fromLatin1(id.data(), qsizetype(id.size())) : QString::fromStdString(id);
}

// The link that issued a key: the event, its caller (with the caller's key when it had one).
struct IssuingLink
{
    std::int64_t row = 0, time = 0;
    QString eventId, eventName, account;
    QString callerKey, callerType, callerArn, callerName, invokedBy;
    QString principal, subject, provider, sourceIdentity;
};

class StoryBuilder
{
public:
    StoryBuilder(Sql::Database& db, const std::string& links) : m_db(db)
    {
        const std::string stringId = "(SELECT id FROM strings WHERE " + CaseSchema::stringValueIs("?1") + ")";
        m_issuedBy =
            db.prepare("SELECT " + std::string(EventColumns) +
                       ", ck.value, ct.value, ca.value, cn.value, ci.value, l.principal, l.subject, l.provider, "
                       "l.source_identity FROM " +
                       links +
                       " l JOIN event_rows r ON r.id = l.event LEFT JOIN identities i ON i.id = r.identity "
                       "LEFT JOIN strings ck ON ck.id = i.access_key_id LEFT JOIN strings ct ON ct.id = i.type "
                       "LEFT JOIN strings ca ON ca.id = i.arn LEFT JOIN strings cn ON cn.id = i.user_name "
                       "LEFT JOIN strings ci ON ci.id = i.invoked_by WHERE " +
                       issuedKeyIs("l", "?1") + " ORDER BY ifnull(ck.value, '') = '', r.time, r.id");
        // The keys a key issued: its events that are links. Its events are found through identities_access_key and
        // events_identity_time; a long-lived key's thousands of events each cost one primary-key probe here.
        // With each child key, its issuing link as m_issuedBy reads it: a chain's keys are found here once.
        m_issued = db.prepare(
            "SELECT l.issued_key, " + std::string(EventColumns) +
            ", ck.value, ct.value, ca.value, cn.value, ci.value, l.principal, l.subject, l.provider, l.source_identity "
            "FROM identities i JOIN event_rows r ON r.identity = i.id JOIN " +
            links +
            " l ON l.event = r.id LEFT JOIN strings ck ON ck.id = i.access_key_id LEFT JOIN strings ct ON ct.id = "
            "i.type LEFT JOIN strings ca ON ca.id = i.arn LEFT JOIN strings cn ON cn.id = i.user_name LEFT JOIN "
            "strings ci ON ci.id = i.invoked_by WHERE i.access_key_id = " +
            stringId + " ORDER BY r.time, r.id");
        // Which of a list of keys any event used: most keys a busy key issues in trailgen's workloads never are,
        // and a key never used issued nothing and did nothing.
        m_used = db.prepare("SELECT j.value FROM json_each(?1) j WHERE EXISTS (SELECT 1 FROM strings s JOIN "
                            "identities i ON i.access_key_id = s.id WHERE " +
                            CaseSchema::stringValueIs("j.value") + ")");
        // Names and contexts are few (a few thousand contexts in a million events): looked up once each and kept,
        // rather than three subqueries a row. The busiest key of a 50,000-event workload (2,920 events, 86 keys
        // under it) told its story in 21 ms with the subqueries.
        m_events = db.prepare("SELECT r.id, r.time, r.event_id, typeof(r.event_id) = 'blob', r.name, r.context FROM "
                              "identities i JOIN event_rows r ON r.identity = i.id WHERE i.access_key_id = " +
                              stringId);
        m_name = db.prepare("SELECT value FROM strings WHERE id = ?1");
        m_context = db.prepare("SELECT (SELECT value FROM strings WHERE id = c.account), (SELECT value FROM strings "
                               "WHERE id = c.region), (SELECT value FROM strings WHERE id = c.session_from_console) "
                               "FROM event_contexts c WHERE c.id = ?1");
        m_keyIdentity = db.prepare("SELECT t.value, a.value, i.arn FROM identities i LEFT JOIN strings t ON t.id = "
                                   "i.type LEFT JOIN strings a ON a.id = i.arn WHERE i.access_key_id = " +
                                   stringId + " ORDER BY a.value IS NULL LIMIT 1");
        m_consoleLogin =
            db.prepare("SELECT " + std::string(EventColumns) +
                       " FROM identities i JOIN event_rows r ON r.identity = i.id WHERE i.arn = ?1 AND r.name = "
                       "(SELECT id FROM strings WHERE " +
                       CaseSchema::stringValueIs("'ConsoleLogin'") +
                       ") AND r.time <= ?2 AND (SELECT s.value FROM event_contexts c JOIN strings s ON s.id = "
                       "c.console_login WHERE c.id = r.context) = 'Success' ORDER BY r.time DESC LIMIT 1");
    }

    QString prepareError() const
    {
        for (const Sql::Statement* s :
             {&m_issuedBy, &m_issued, &m_events, &m_keyIdentity, &m_consoleLogin, &m_name, &m_context, &m_used}) {
            if (!s->isValid())
                return s->prepareError();
        }
        return {};
    }

    // The event that issued `key`: a cross-account AssumeRole is logged in both accounts, in the role's with an
    // AWSAccount caller and no key, so the copy that names the caller's key comes first, then the first in time.
    std::optional<IssuingLink> issuingLink(const QString& key)
    {
        const auto cached = m_links.find(key);
        if (cached != m_links.end())
            return cached->second;
        std::optional<IssuingLink> link;
        auto& s = m_issuedBy;
        s.bindText(1, key.toStdString());
        if (s.step() == SQLITE_ROW)
            link = linkAt(s, 0, key);
        s.reset();
        m_links.emplace(key, link);
        return link;
    }

    // The link of the row at column `first` (EventColumns, the caller's identity, the link's own columns).
    static IssuingLink linkAt(const Sql::Statement& s, int first, const QString& key)
    {
        IssuingLink l;
        l.row = s.columnInt(first);
        l.time = s.columnInt(first + 1);
        l.eventId = eventIdAt(s, first + 2);
        l.eventName = text(s, first + 4);
        l.account = text(s, first + 5);
        l.callerKey = text(s, first + 7);
        l.callerType = text(s, first + 8);
        l.callerArn = text(s, first + 9);
        l.callerName = text(s, first + 10);
        l.invokedBy = text(s, first + 11);
        l.principal = text(s, first + 12);
        l.subject = text(s, first + 13);
        l.provider = text(s, first + 14);
        l.sourceIdentity = text(s, first + 15);
        if (l.eventName == QLatin1String("CreateAccessKey") && !l.principal.isEmpty() &&
            !l.principal.startsWith(QLatin1String("arn:")))
            l.principal = QStringLiteral("arn:aws:iam::%1:user/%2").arg(l.account, l.principal);
        if (l.callerKey == key)
            l.callerKey.clear(); // a record naming its own key: no parent
        return l;
    }

    // The keys of `keys` some event was made with.
    std::set<QString> usedOf(const std::vector<QString>& keys)
    {
        std::set<QString> used;
        if (keys.empty())
            return used;
        QJsonArray list;
        for (const QString& key : keys)
            list.append(key);
        const QByteArray json = QJsonDocument(list).toJson(QJsonDocument::Compact);
        m_used.bindText(1, std::string_view(json.constData(), std::size_t(json.size())));
        while (m_used.step() == SQLITE_ROW)
            used.insert(m_used.columnQString(0));
        m_used.reset();
        return used;
    }

    // The keys from `key` up to the top of its chain (the origin's key, or the first key a federation issued).
    std::vector<QString> ancestry(const QString& key)
    {
        std::vector<QString> chain{key};
        std::set<QString> seen{key};
        for (;;) {
            const auto link = issuingLink(chain.back());
            if (!link || link->callerKey.isEmpty() || !seen.insert(link->callerKey).second)
                break;
            chain.push_back(link->callerKey);
        }
        std::reverse(chain.begin(), chain.end());
        return chain;
    }

    std::vector<QString> issuedBy(const QString& key)
    {
        std::vector<QString> keys;
        std::set<QString> seen;
        auto& s = m_issued;
        s.bindText(1, key.toStdString());
        while (s.step() == SQLITE_ROW) {
            QString child = s.columnQString(0);
            if (!seen.insert(child).second)
                continue;
            if (!m_links.contains(child))
                m_links.emplace(child, linkAt(s, 1, child));
            keys.push_back(std::move(child));
        }
        s.reset();
        return keys;
    }

    // How a key's events used it: whether with console session credentials, and first when.
    struct KeyUse
    {
        bool console = false;
        std::int64_t firstUse = std::numeric_limits<std::int64_t>::max();
    };

    // Appends the key's events to `events`.
    KeyUse eventsOf(const QString& key, std::vector<StoryEvent>& events)
    {
        KeyUse use;
        auto& s = m_events;
        s.bindText(1, key.toStdString());
        while (s.step() == SQLITE_ROW) {
            StoryEvent e;
            e.row = s.columnInt(0);
            e.time = s.columnInt(1);
            e.eventId = eventIdAt(s, 2);
            e.eventName = nameOf(s.columnInt(4));
            const Context& context = contextOf(s.columnInt(5));
            e.account = context.account;
            e.region = context.region;
            e.accessKeyId = key;
            use.console = use.console || context.console;
            use.firstUse = std::min(use.firstUse, e.time);
            events.push_back(std::move(e));
        }
        s.reset();
        return use;
    }

    struct Context
    {
        QString account, region;
        bool console = false; // sessionCredentialFromConsole
    };

    const QString& nameOf(std::int64_t id)
    {
        auto found = m_names.find(id);
        if (found == m_names.end()) {
            QString name;
            m_name.bind(1, id);
            if (m_name.step() == SQLITE_ROW)
                name = text(m_name, 0);
            m_name.reset();
            found = m_names.emplace(id, name).first;
        }
        return found->second;
    }

    const Context& contextOf(std::int64_t id)
    {
        auto found = m_contexts.find(id);
        if (found == m_contexts.end()) {
            Context context;
            m_context.bind(1, id);
            if (m_context.step() == SQLITE_ROW) {
                context.account = text(m_context, 0);
                context.region = text(m_context, 1);
                context.console = text(m_context, 2) == QLatin1String("true");
            }
            m_context.reset();
            found = m_contexts.emplace(id, std::move(context)).first;
        }
        return found->second;
    }

    struct KeyIdentity
    {
        QString type, arn;
        std::int64_t arnId = 0;
    };

    KeyIdentity identityOf(const QString& key)
    {
        KeyIdentity identity;
        auto& s = m_keyIdentity;
        s.bindText(1, key.toStdString());
        if (s.step() == SQLITE_ROW) {
            identity.type = text(s, 0);
            identity.arn = text(s, 1);
            identity.arnId = s.columnInt(2);
        }
        s.reset();
        return identity;
    }

    StoryKey keyOf(const QString& key)
    {
        StoryKey k;
        k.accessKeyId = key;
        if (const auto link = issuingLink(key)) {
            k.issuedBy = link->eventId;
            k.issuedByName = link->eventName;
            k.issuedAt = link->time;
            k.parent = link->callerKey;
            k.sourceIdentity = link->sourceIdentity;
            k.principal = link->principal; // what was issued: a key never used has no events to say it
        }
        if (k.principal.isEmpty())
            k.principal = identityOf(key).arn;
        return k;
    }

    // The origin of the chain whose first key is `top` (filling that key's issuing event for a console session).
    StoryOrigin originOf(const QString& top, StoryKey& topKey, const KeyUse& use)
    {
        StoryOrigin origin;
        if (const auto link = issuingLink(top)) {
            // Issued to a caller that had no key: a federation (SAML, web identity) or a service.
            origin.type = link->callerType.isEmpty() ? QStringLiteral("Unknown") : link->callerType;
            origin.arn = !link->provider.isEmpty()    ? link->provider
                         : !link->callerArn.isEmpty() ? link->callerArn
                                                      : link->invokedBy;
            origin.eventId = link->eventId;
            origin.subject = !link->subject.isEmpty() ? link->subject : link->callerName;
            origin.sourceIdentity = link->sourceIdentity;
            return origin;
        }
        const KeyIdentity identity = identityOf(top);
        origin.arn = identity.arn;
        if (use.console) {
            origin.type = QStringLiteral("ConsoleLogin");
            auto& s = m_consoleLogin;
            s.bind(1, identity.arnId).bind(2, use.firstUse);
            if (s.step() == SQLITE_ROW) {
                origin.eventId = eventIdAt(s, 2);
                topKey.issuedBy = origin.eventId;
                topKey.issuedByName = text(s, 4);
                topKey.issuedAt = s.columnInt(1);
            }
            s.reset();
            return origin;
        }
        origin.accessKeyId = top;
        if (identity.type == QLatin1String("IAMUser") && top.startsWith(QLatin1String("AKIA")))
            origin.type = QStringLiteral("IAMUser");
        else if (identity.type == QLatin1String("Root") && top.startsWith(QLatin1String("AKIA")))
            origin.type = QStringLiteral("Root");
        else
            origin.type = QStringLiteral("OutsideCase"); // a temporary key whose issuing call the case lacks
        return origin;
    }

    // The story of seed keys that share one chain top.
    CredentialStory story(const QString& top, const std::vector<QString>& seeds)
    {
        CredentialStory story;
        std::map<QString, std::size_t> placed;
        const auto place = [&](const QString& key) {
            if (placed.contains(key))
                return false;
            placed.emplace(key, story.keys.size());
            story.keys.push_back(keyOf(key));
            return true;
        };
        for (const QString& seed : seeds) {
            for (const QString& key : ancestry(seed))
                place(key);
        }
        std::vector<QString> placedKeys;
        for (const StoryKey& key : story.keys)
            placedKeys.push_back(key.accessKeyId);
        std::set<QString> used = usedOf(placedKeys);
        // Every key issued under the seeds, breadth first: parents before children.
        std::vector<QString> queue(seeds.begin(), seeds.end());
        for (std::size_t i = 0; i < queue.size(); ++i) {
            if (!used.contains(queue[i]))
                continue;
            std::vector<QString> children;
            for (const QString& child : issuedBy(queue[i])) {
                if (place(child))
                    children.push_back(child);
            }
            used.merge(usedOf(children));
            queue.insert(queue.end(), children.begin(), children.end());
        }
        // An event has one identity, so one key: the keys' events need no merging.
        KeyUse topUse;
        for (const StoryKey& key : story.keys) {
            if (!used.contains(key.accessKeyId))
                continue;
            const KeyUse use = eventsOf(key.accessKeyId, story.events);
            if (key.accessKeyId == top)
                topUse = use;
        }
        story.origin = originOf(top, story.keys[placed.at(top)], topUse);
        std::sort(story.events.begin(), story.events.end(), [](const StoryEvent& a, const StoryEvent& b) {
            return a.time != b.time ? a.time < b.time : a.row < b.row;
        });
        return story;
    }

    Sql::Database& db() { return m_db; }

private:
    Sql::Database& m_db;
    Sql::Statement m_issuedBy, m_issued, m_events, m_keyIdentity, m_consoleLogin, m_name, m_context, m_used;
    std::map<QString, std::optional<IssuingLink>> m_links;
    std::unordered_map<std::int64_t, QString> m_names;
    std::unordered_map<std::int64_t, Context> m_contexts;
};

// The keys an ARN names: those its events used and those issued to it.
std::vector<QString> keysOfArn(Sql::Database& db, const std::string& links, const QString& arn)
{
    std::vector<QString> keys;
    auto s = db.prepare("SELECT DISTINCT k.value FROM identities i JOIN strings k ON k.id = i.access_key_id WHERE "
                        "k.value <> '' AND i.arn = (SELECT id FROM strings WHERE " +
                        CaseSchema::stringValueIs("?1") + ") UNION SELECT issued_key FROM " + links +
                        " WHERE principal = ?1 ORDER BY 1");
    s.bindText(1, arn.toStdString());
    while (s.step() == SQLITE_ROW)
        keys.push_back(s.columnQString(0));
    return keys;
}

struct SeedEvent
{
    bool found = false;
    QString callerKey, callerArn, issuedKey, eventId;
};

SeedEvent seedEvent(Sql::Database& db, const std::string& links, const QString& eventId)
{
    SeedEvent seed;
    const QByteArray compact = Query::compactUuid(eventId);
    auto s =
        db.prepare("SELECT r.event_id, typeof(r.event_id) = 'blob', k.value, a.value, l.issued_key FROM "
                   "event_rows r LEFT JOIN identities i ON i.id = r.identity LEFT JOIN strings k ON k.id = "
                   "i.access_key_id LEFT JOIN strings a ON a.id = i.arn LEFT JOIN " +
                   links + " l ON l.event = r.id WHERE " + CaseSchema::eventIdMatch("r.event_id", "?1") + " LIMIT 1");
    if (compact.isEmpty())
        s.bindText(1, eventId.toStdString());
    else
        s.bindBlob(1, compact.constData(), std::size_t(compact.size()));
    if (s.step() == SQLITE_ROW) {
        seed.found = true;
        seed.eventId = eventIdAt(s, 0);
        seed.callerKey = text(s, 2);
        seed.callerArn = text(s, 3);
        seed.issuedKey = text(s, 4);
    }
    return seed;
}

void merge(CredentialStory& into, CredentialStory&& from)
{
    for (StoryKey& key : from.keys) {
        if (std::none_of(into.keys.begin(), into.keys.end(),
                         [&](const StoryKey& k) { return k.accessKeyId == key.accessKeyId; }))
            into.keys.push_back(std::move(key));
    }
    std::set<std::int64_t> rows;
    for (const StoryEvent& event : into.events)
        rows.insert(event.row);
    for (StoryEvent& event : from.events) {
        if (rows.insert(event.row).second)
            into.events.push_back(std::move(event));
    }
    std::sort(into.events.begin(), into.events.end(), [](const StoryEvent& a, const StoryEvent& b) {
        return a.time != b.time ? a.time < b.time : a.row < b.row;
    });
}

} // namespace

bool credentialLinksComplete(Sql::Database& db)
{
    return credentialLinksFrom(db) == 1;
}

Result<std::vector<CredentialStory>> stories(Sql::Database& db, const StorySeed& seed)
{
    bool fromRecords = false;
    const auto links = credentialLinksTable(db, fromRecords);
    if (!links)
        return std::unexpected(links.error());
    StoryBuilder builder(db, *links);
    if (const QString problem = builder.prepareError(); !problem.isEmpty())
        return fail(ErrorCode::Sqlite, problem);

    std::vector<QString> keys;
    QString consoleLoginId; // a ConsoleLogin seed: the console sessions it began
    switch (seed.kind) {
    case StorySeed::Kind::AccessKey:
        keys.push_back(seed.value.trimmed());
        break;
    case StorySeed::Kind::Arn:
        keys = keysOfArn(db, *links, seed.value.trimmed());
        break;
    case StorySeed::Kind::EventId: {
        const SeedEvent event = seedEvent(db, *links, seed.value.trimmed());
        if (!event.found)
            break;
        if (!event.callerKey.isEmpty())
            keys.push_back(event.callerKey);
        else if (!event.issuedKey.isEmpty())
            keys.push_back(event.issuedKey);
        else if (!event.callerArn.isEmpty()) {
            keys = keysOfArn(db, *links, event.callerArn);
            consoleLoginId = event.eventId;
        }
        break;
    }
    }

    // Seeds grouped by the top of their chain, in the order first met.
    std::vector<std::pair<QString, std::vector<QString>>> groups;
    for (const QString& key : keys) {
        if (key.isEmpty())
            continue;
        const QString top = builder.ancestry(key).front();
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == top; });
        if (group == groups.end())
            groups.push_back({top, {key}});
        else
            group->second.push_back(key);
    }
    std::vector<CredentialStory> result;
    for (const auto& [top, seeds] : groups) {
        CredentialStory story = builder.story(top, seeds);
        if (story.events.empty() && story.keys.size() == 1 && story.keys.front().issuedBy.isEmpty())
            continue; // a key the case never saw
        if (!consoleLoginId.isEmpty() && story.origin.eventId != consoleLoginId)
            continue;
        story.linksReadFromRecords = fromRecords;
        // Chains with one origin event are one story: a console session's keys rotate, each to the same sign-in.
        const auto same = std::find_if(result.begin(), result.end(), [&](const CredentialStory& other) {
            return !story.origin.eventId.isEmpty() && other.origin.eventId == story.origin.eventId &&
                   other.origin.type == story.origin.type && other.origin.arn == story.origin.arn;
        });
        if (same == result.end())
            result.push_back(std::move(story));
        else
            merge(*same, std::move(story));
    }
    return result;
}

} // namespace Trailscope::Core::Story
