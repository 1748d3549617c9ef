#include "casedimensions.h"

namespace Trailscope::Core::Insights {

namespace {

const ContextFacts NoContext{};
const IdentityFacts NoIdentity{};

template <typename T>
T& slot(std::vector<T>& rows, std::int64_t id)
{
    if (static_cast<std::size_t>(id) >= rows.size())
        rows.resize(static_cast<std::size_t>(id) + 1);
    return rows[static_cast<std::size_t>(id)];
}

// Events without managementEvent (before eventVersion 1.06) count as management unless their category says
// otherwise: data events were not logged with a category either, but they are rare in such old trails.
ContextFacts classify(Sql::Statement& row)
{
    ContextFacts facts;
    facts.account = row.columnInt(1);
    facts.region = row.columnInt(2);
    facts.agent = row.columnInt(3);
    const std::string_view type = row.columnText(6);
    const std::string_view category = row.columnText(7);
    facts.insightRecord = type == "AwsCloudTrailInsight" || category == "Insight";
    const bool unmarked = row.columnIsNull(5);
    const bool dataCategory = category == "Data" || category == "NetworkActivity";
    facts.management = !facts.insightRecord && (unmarked ? !dataCategory : row.columnInt(5) != 0);
    facts.data = !facts.insightRecord && (category == "Data" || (!unmarked && row.columnInt(5) == 0 && !dataCategory));
    facts.write = !row.columnIsNull(4) && row.columnInt(4) == 0;
    return facts;
}

} // namespace

const ContextFacts& CaseDimensions::context(std::int64_t id) const
{
    return id >= 0 && static_cast<std::size_t>(id) < contexts.size() ? contexts[static_cast<std::size_t>(id)]
                                                                     : NoContext;
}

const IdentityFacts& CaseDimensions::identity(std::int64_t id) const
{
    return id >= 0 && static_cast<std::size_t>(id) < identities.size() ? identities[static_cast<std::size_t>(id)]
                                                                       : NoIdentity;
}

Result<CaseDimensions> readCaseDimensions(Sql::Database& db)
{
    CaseDimensions dimensions;
    auto contexts = db.prepare("SELECT c.id, ifnull(c.account, 0), ifnull(c.region, 0), ifnull(c.agent, 0), "
                               "c.read_only, c.management, t.value, k.value FROM event_contexts c "
                               "LEFT JOIN strings t ON t.id = c.event_type LEFT JOIN strings k ON k.id = c.category");
    int status;
    while ((status = contexts.step()) == SQLITE_ROW)
        slot(dimensions.contexts, contexts.columnInt(0)) = classify(contexts);
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("reading event contexts")));
    auto identities = db.prepare("SELECT id, coalesce(arn, invoked_by, principal_id, 0), ifnull(access_key_id, 0) "
                                 "FROM identities");
    while ((status = identities.step()) == SQLITE_ROW)
        slot(dimensions.identities, identities.columnInt(0)) = {identities.columnInt(1), identities.columnInt(2)};
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("reading identities")));
    return dimensions;
}

StringNames::StringNames(Sql::Database& db) : m_lookup(db.prepare("SELECT value FROM strings WHERE id = ?1")) {}

QString StringNames::operator()(std::int64_t id, const QString& absent)
{
    if (id <= 0)
        return absent;
    const auto found = m_names.find(id);
    if (found != m_names.end())
        return found->second;
    m_lookup.bind(1, id);
    QString value = m_lookup.step() == SQLITE_ROW ? m_lookup.columnQString(0) : absent;
    m_lookup.reset();
    m_names.emplace(id, value);
    return value;
}

} // namespace Trailscope::Core::Insights
