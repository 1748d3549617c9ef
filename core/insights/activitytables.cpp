#include "activitytables.h"

#include "insights/casedimensions.h"
#include "query/searchfunctions.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace Trailscope::Core::Insights {

namespace {

struct DimensionDef
{
    ActivityDimension dimension;
    const char* name;
    const char* column; ///< the events column read per event, folded to the value's `strings` id
};

constexpr std::array<DimensionDef, 8> Dimensions{{
    {ActivityDimension::Principal, "principals", "e.identity"},
    {ActivityDimension::AccessKey, "accessKeys", "e.identity"},
    {ActivityDimension::SourceIp, "sourceIps", "e.ip"},
    {ActivityDimension::UserAgent, "userAgents", "e.context"},
    {ActivityDimension::Region, "regions", "e.context"},
    {ActivityDimension::Account, "accounts", "e.context"},
    {ActivityDimension::PrincipalEventSource, "principalEventSources", "e.identity"},
    {ActivityDimension::Api, "apis", "e.name_key"},
}};

const DimensionDef& definition(ActivityDimension dimension)
{
    return Dimensions[static_cast<std::size_t>(dimension)];
}

std::int64_t valueOf(ActivityDimension dimension, const CaseDimensions& dimensions, std::int64_t id)
{
    switch (dimension) {
    case ActivityDimension::Principal:
    case ActivityDimension::PrincipalEventSource:
        return dimensions.identity(id).principal;
    case ActivityDimension::AccessKey:
        return dimensions.identity(id).accessKey;
    case ActivityDimension::SourceIp:
    case ActivityDimension::Api:
        return id;
    case ActivityDimension::UserAgent:
        return dimensions.context(id).agent;
    case ActivityDimension::Region:
        return dimensions.context(id).region;
    case ActivityDimension::Account:
        return dimensions.context(id).account;
    }
    return 0;
}

struct PairHash
{
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& pair) const
    {
        return std::hash<std::int64_t>()(pair.first) * 1000003u ^ std::hash<std::int64_t>()(pair.second);
    }
};

struct TripleHash
{
    std::size_t operator()(const std::tuple<std::size_t, std::int64_t, std::int64_t>& triple) const
    {
        return (std::get<0>(triple) * 1000003u ^ std::hash<std::int64_t>()(std::get<1>(triple))) * 1000003u ^
               std::hash<std::int64_t>()(std::get<2>(triple));
    }
};

struct Tally
{
    std::int64_t value = 0, source = 0;
    ActivityRow row;
};

// Counts per (value, source) key; source is 0 except for principal/source pairs.
class Tallies
{
public:
    void add(std::int64_t value, std::int64_t source, std::int64_t name, bool failed, const std::int64_t* time,
             bool pairs)
    {
        const auto key = std::make_pair(value, pairs ? source : 0);
        const auto [found, added] = m_index.try_emplace(key, m_tallies.size());
        if (added)
            m_tallies.push_back({key.first, key.second, {}});
        ActivityRow& row = m_tallies[found->second].row;
        ++row.events;
        row.errors += failed ? 1 : 0;
        if (time) {
            row.first = std::min(row.first.value_or(*time), *time);
            row.last = std::max(row.last.value_or(*time), *time);
        }
        if (name != 0 && m_apis.emplace(found->second, source, name).second)
            ++row.distinctApis;
    }

    std::vector<Tally>& tallies() { return m_tallies; }

private:
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::size_t, PairHash> m_index;
    std::vector<Tally> m_tallies;
    std::unordered_set<std::tuple<std::size_t, std::int64_t, std::int64_t>, TripleHash> m_apis;
};

} // namespace

QString activityDimensionName(ActivityDimension dimension)
{
    return QLatin1String(definition(dimension).name);
}

std::optional<ActivityDimension> activityDimensionNamed(const QString& name)
{
    for (const DimensionDef& row : Dimensions) {
        if (name == QLatin1String(row.name))
            return row.dimension;
    }
    return std::nullopt;
}

Result<std::vector<ActivityRow>> computeActivityTable(Sql::Database& db, ActivityDimension dimension,
                                                      const Query::CompiledSearch& search,
                                                      const Query::SearchOptions& options)
{
    auto tables = computeActivityTables(db, {dimension}, search, options);
    if (!tables)
        return std::unexpected(tables.error());
    return std::move(tables->at(dimension));
}

Result<std::map<ActivityDimension, std::vector<ActivityRow>>>
computeActivityTables(Sql::Database& db, const std::vector<ActivityDimension>& wanted,
                      const Query::CompiledSearch& search, const Query::SearchOptions& options)
{
    const auto dimensions = readCaseDimensions(db);
    if (!dimensions)
        return std::unexpected(dimensions.error());
    if (auto registered = Query::registerSearchFunctions(db); !registered)
        return std::unexpected(registered.error());
    const Query::CompiledSearch scoped = Query::withinWindow(search, options);
    // Every column a dimension folds from, read once: one pass serves all the tables asked for.
    auto rows = db.prepare("SELECT ifnull(e.identity, 0), ifnull(e.ip, 0), ifnull(e.context, 0), ifnull(e.source, 0), "
                           "e.name_key, e.error_code IS NOT NULL, e.time FROM events e WHERE " +
                           scoped.where);
    if (!rows.isValid())
        return fail(ErrorCode::Sqlite, rows.prepareError());
    for (std::size_t i = 0; i < scoped.parameters.size(); ++i)
        Query::bindParameter(rows, static_cast<int>(i) + 1, scoped.parameters[i]);
    const auto columnOf = [](ActivityDimension dimension) {
        const std::string_view column = definition(dimension).column;
        return column == "e.identity" ? 0 : column == "e.ip" ? 1 : column == "e.name_key" ? 4 : 2;
    };
    const auto pairs = [](ActivityDimension dimension) {
        return dimension == ActivityDimension::PrincipalEventSource || dimension == ActivityDimension::Api;
    };
    std::vector<Tallies> tallies(wanted.size());
    int status;
    while ((status = rows.step()) == SQLITE_ROW) {
        const std::int64_t time = rows.columnInt(6);
        const std::int64_t* at = rows.columnIsNull(6) ? nullptr : &time;
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            const std::int64_t value = valueOf(wanted[i], *dimensions, rows.columnInt(columnOf(wanted[i])));
            if (value != 0)
                tallies[i].add(value, rows.columnInt(3), rows.columnInt(4), rows.columnInt(5) != 0, at,
                               pairs(wanted[i]));
        }
    }
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("counting the who/what/where tables")));
    StringNames names(db);
    std::map<ActivityDimension, std::vector<ActivityRow>> tables;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        std::vector<ActivityRow>& table = tables[wanted[i]];
        for (Tally& tally : tallies[i].tallies()) {
            tally.row.value = names(tally.value);
            if (pairs(wanted[i]))
                tally.row.eventSource = names(tally.source);
            table.push_back(std::move(tally.row));
        }
        std::sort(table.begin(), table.end(), [](const ActivityRow& a, const ActivityRow& b) {
            return std::tie(b.events, a.value, a.eventSource) < std::tie(a.events, b.value, b.eventSource);
        });
    }
    return tables;
}

} // namespace Trailscope::Core::Insights
