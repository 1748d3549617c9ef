#include "eventsort.h"

#include "query/searchfunctions.h"

#include <string>

namespace Trailscope::Core::Query {

namespace {

// The value a field shows, as an SQL expression over `events e` (interned strings looked up by id).
std::string valueExpression(const FieldDef& field)
{
    const std::string column(field.column);
    switch (field.storage) {
    case Storage::EventString:
        return "(SELECT value FROM strings WHERE id = e." + column + ")";
    case Storage::IdentityString:
        return "(SELECT s.value FROM identities i JOIN strings s ON s.id = i." + column + " WHERE i.id = e.identity)";
    case Storage::TlsString:
        return "(SELECT s.value FROM tls_profiles t JOIN strings s ON s.id = t." + column + " WHERE t.id = e.tls)";
    case Storage::ResourceArn:
    case Storage::ResourceType:
        return "(SELECT s.value FROM resources r JOIN strings s ON s.id = r." + column +
               " WHERE r.event = e.id ORDER BY r.ordinal LIMIT 1)";
    case Storage::EventVersion:
        return "e.version_major * 1000 + e.version_minor";
    case Storage::EventTime:
        return "e.time";
    case Storage::EventCompactId:
    case Storage::EventFlag:
        return "e." + column;
    }
    return "e.time";
}

} // namespace

Result<void> forEachEventSortedBy(Sql::Database& db, const CompiledSearch& search, const SearchOptions& options,
                                  const FieldDef& field, bool descending,
                                  const std::function<bool(std::int64_t rowId)>& visit)
{
    if (auto registered = registerSearchFunctions(db); !registered)
        return registered;
    const CompiledSearch scoped = withinWindow(search, options);
    const std::string value = valueExpression(field);
    Sql::Statement statement =
        db.prepare("SELECT e.id FROM events e WHERE " + scoped.where + " ORDER BY " + value + " IS NULL, " + value +
                   (descending ? " DESC" : " ASC") + ", e.time DESC, e.id DESC");
    if (!statement.isValid())
        return fail(ErrorCode::Sqlite, statement.prepareError());
    for (std::size_t i = 0; i < scoped.parameters.size(); ++i)
        bindParameter(statement, static_cast<int>(i) + 1, scoped.parameters[i]);
    int status;
    while ((status = statement.step()) == SQLITE_ROW)
        if (!visit(statement.columnInt(0)))
            return {};
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("sorting events")));
    return {};
}

} // namespace Trailscope::Core::Query
