#pragma once

#include "casedb/sqlite.h"

#include <QString>

#include <span>
#include <string>
#include <string_view>

namespace Trailscope::Core {

/// The case file's identity and layout. A case is a SQLite database whose `PRAGMA application_id` is
/// `CaseApplicationId`; any other SQLite file is refused.
namespace CaseSchema {

inline constexpr int ApplicationId = 0x54725363; // "TrSc"
/// 2: event contexts interned (event_rows + event_contexts behind the `events` view), 3-byte eventID prefix index.
/// 6: zstd evidence with a per-case dictionary. 7: a field value seen once is in the field index by its hash
/// (hashedFieldValue), without a `strings` row. A schema-5 or 6 case is upgraded in place as it opens for writing
/// (its gzip evidence stays as it is; 6 reads as 7 without a change, so a read-only open takes it as it is); older
/// cases are refused with ErrorCode::OlderCase.
inline constexpr int Version = 7;
inline constexpr char FileSuffix[] = "tscase";

/// Why a case cannot be opened for writing where it lies (the importer's lock file and SQLite say the same).
QString notWritableHere();

/// One index of the case, named once here for the importer, the query layer and the CLI.
struct IndexDef
{
    std::string_view name;
    std::string_view sql;
};

/// Built before an import reports the case searchable: browsing in time order.
std::span<const IndexDef> searchableIndexes();
/// Built in the background right after (lookups by name, source, identity, IP, error, eventID, resource).
std::span<const IndexDef> browseIndexes();

/// SQL that is true when the stored ID column `column` equals the stored form `value` (both SQL expressions),
/// through the events_event_id prefix index.
inline std::string eventIdMatch(const std::string& column, const std::string& value)
{
    return "(substr(" + column + ", 1, 3) = substr(" + value + ", 1, 3) AND " + column + " = " + value + ")";
}

/// `ts_hash(text)`: the strings_value index is on this hash of strings.value, not on the text (13 bytes an entry
/// instead of the whole string again). Registered on every connection CaseSchema::open makes.
std::string stringHashOf(const std::string& text);

/// SQL, over `strings`, true where value equals the SQL text expression `text`, through strings_value.
std::string stringValueIs(const std::string& text);

/// Registers the case's own SQL functions (ts_hash) on a connection opened outside CaseSchema::open. Without them
/// SQLite cannot use or check strings_value: `PRAGMA integrity_check` fails with "no such function".
bool registerFunctions(sqlite3* handle);

enum class OpenMode { ReadOnly, ReadWrite, CreateOrOpen };

/// Opens a case, creating the schema in a new or empty file; refuses other SQLite files and other schema versions.
Result<Sql::Database> open(const QString& path, OpenMode mode);

/// Creates `key_paths(path, events)` when missing: the nested key paths the importer saw under requestParameters,
/// responseElements, additionalEventData and serviceEventDetails, with how many stored events carry each (for SQL
/// completion). Cases made before it gain it on their next import; readers treat its absence as empty.
Result<void> ensureKeyPaths(Sql::Database& db);

/// Creates `credential_links` when missing: one row per stored event that handed out an access key (AssumeRole*,
/// GetSessionToken, GetFederationToken, CreateAccessKey), with the key it returned, the principal that key acts as,
/// and the person or provider a federation names; the caller's key is the event's identity's. Indexed on
/// ts_hash(issued_key) (see stringHashOf): 10 bytes an entry instead of 30. The writer fills it as it stores
/// events. A case made before it gains it on its next import, and meta `credential_links_from` then names the first
/// event the table covers (the story builds the earlier links from the records; see core/story).
Result<void> ensureCredentialLinks(Sql::Database& db);

/// The key of events_name_time for the events row `alias`: `alias.name_key`, the stored name id, 0 where the record
/// has no eventName (`name` shows NULL there, and SQLite cannot use the index through that). A string id is never
/// 0, so `key = id` is `name = id`.
std::string nameKey(const std::string& alias);

/// SQL true where the event `alias` has a source meeting `sourceCondition` (SQL over a column named `source`,
/// e.g. `source = 7`). There is no eventSource index: the condition picks the source's names from event_names and
/// reads their ranges of events_name_time.
std::string sourceMatch(const std::string& alias, const std::string& sourceCondition);

/// Whether `events.<column>` comes from the event's event_contexts row (region, account, agent, flags, …): a scan
/// that counts many such columns counts `context` and expands it.
bool isContextColumn(std::string_view column);

/// Names of the indexes of both sets that do not exist yet.
std::vector<IndexDef> missingIndexes(Sql::Database& db);

} // namespace CaseSchema

} // namespace Trailscope::Core
