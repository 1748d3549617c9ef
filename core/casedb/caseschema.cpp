#include "caseschema.h"

#include "casedb/fieldpostings.h"
#include "casedb/sqlitefunctionvalues.h"
#include "record/fieldleaves.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <array>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/statvfs.h>

namespace Trailscope::Core::CaseSchema {

namespace {

// Evidence is packed: source_blobs rows are packs of many files' evidence back to back, and each source file
// knows its pack, offset and size, so thousands of small trail files cost no per-row or per-page slack. A file's
// evidence is its decoded content as one zstd frame (evidence_format 1), compressed with the dictionary
// evidence_dictionary names when it has one, or gzip (format 0: the stored bytes of a damaged or very large file,
// and every file of a schema-5 case, which is upgraded in place). A file's
// folder, with the organization, account and region its S3 key names, is stored once for all the files in it
// (source_dirs); `source_files` is the view that puts each file's whole path back together. A trail file named as
// CloudTrail names them (ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz) keeps only UNIQUE (name_form 1):
// the rest is its folder's account and region and its delivery time.
// Every string column of events holds an id into `strings`; the userIdentity combination and the TLS details are
// interned as rows of their own. Event IDs that are canonical UUIDs are stored as 16-byte blobs.
// The fields an event shares with thousands of others (region, account, user agent, type, category, version, TLS,
// VPC endpoint, the booleans, the flags) are interned together as one event_contexts row: a few thousand contexts hold
// what seventeen columns of every row held, and the row shrinks by a quarter. `events` is the view that gives them
// back, so every reader sees one table with the columns it always had. Each context column is its own scalar subquery
// rather than a join: a query that reads no context column never touches event_contexts or the row, so an index
// on event_rows stays covering (a LEFT JOIN would still read `context` from every matching row); scans that group
// by many context columns count `context` and expand it instead (EventStatistics, coverage, case info).
// `resources` is a view in the same way: a resource's type, account and ARN-or-prefix are one resource_kinds row.
// A resource the record does not list but its request or response names (record/resourcetable.h) is `derived`, and
// its `arn` is the name Event history shows (an instance ID, a bucket name), not always an ARN.
// The field index: every scalar leaf of requestParameters, responseElements, additionalEventData and
// serviceEventDetails (record/fieldleaves.h), a string by its `strings` id (one an import saw once by its hash,
// hashedFieldValue, with no `strings` row), a number by its bucket (a negative value, fieldNumberValue), a boolean
// as value 0. Each (path, value) lists its events in field_postings rows
// (casedb/fieldpostings.h; `first` is the first event of the list, so each import adds rows and never rewrites one),
// read with ts_postings(events). Path 0 lists the events with more leaves than the index keeps;
// meta.field_index_through is the last event id it covers. A query on a nested field finds its candidates here and
// checks them on the record (query/fieldindex.h); `composite` marks a path that is an object or array in some event,
// where a query on the path itself must read every record; `dotted` one whose text has a key holding '.' or '[' on the
// way, which reads like another path. A conflict (two copies of one eventID that differ as JSON values) keeps, in
// event_variants.differences, the key paths where they differ, one per line.
constexpr std::string_view SchemaSql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE strings(id INTEGER PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE identities(id INTEGER PRIMARY KEY, type INT, principal_id INT, arn INT, account_id INT,
    access_key_id INT, user_name INT, invoked_by INT, issuer_type INT, issuer_principal_id INT, issuer_arn INT,
    issuer_name INT, issuer_account_id INT, mfa_authenticated INT, session_created INT, source_identity INT,
    identity_provider INT, user INT);
CREATE TABLE tls_profiles(id INTEGER PRIMARY KEY, version INT, cipher_suite INT, host_header INT, key_exchange INT);
CREATE TABLE import_sessions(id INTEGER PRIMARY KEY, started INT NOT NULL, finished INT, status TEXT NOT NULL,
    paths TEXT, options TEXT, files INT DEFAULT 0, skipped_files INT DEFAULT 0, events INT DEFAULT 0,
    duplicates INT DEFAULT 0, conflicts INT DEFAULT 0, superseded INT DEFAULT 0, rejected INT DEFAULT 0,
    warnings INT DEFAULT 0);
CREATE TABLE import_problems(id INTEGER PRIMARY KEY, session_id INT NOT NULL, severity TEXT NOT NULL,
    path TEXT, member TEXT, record INT, line INT, code TEXT NOT NULL, reason TEXT);
CREATE TABLE source_dirs(id INTEGER PRIMARY KEY, path TEXT NOT NULL, organization TEXT, account TEXT, region TEXT);
CREATE TABLE source_file_rows(id INTEGER PRIMARY KEY, session_id INT NOT NULL, dir_id INT NOT NULL, name TEXT NOT NULL,
    name_form INT, member TEXT, folder INT, shape INT, rank INT, encoding INT, delivered INT, stored_sha256 BLOB,
    content_sha256 BLOB, stored_size INT, content_size INT, records INT, events INT, complete INT NOT NULL DEFAULT 0,
    evidence_original INT, pack_id INT, pack_offset INT, evidence_format INT NOT NULL DEFAULT 0, evidence_dictionary INT);
CREATE VIEW source_files AS SELECT f.id AS id, f.session_id AS session_id, d.path || CASE f.name_form WHEN 1 THEN
    d.account || '_CloudTrail_' || d.region || '_' || strftime('%Y%m%dT%H%MZ', f.delivered / 1000, 'unixepoch') ||
    '_' || f.name || '.json.gz' ELSE f.name END AS path,
    f.member AS member, f.folder AS folder, f.shape AS shape, f.rank AS rank, f.encoding AS encoding,
    d.organization AS organization, d.account AS account, d.region AS region, f.delivered AS delivered,
    f.stored_sha256 AS stored_sha256, f.content_sha256 AS content_sha256, f.stored_size AS stored_size,
    f.content_size AS content_size, f.records AS records, f.events AS events, f.complete AS complete,
    f.evidence_original AS evidence_original, f.pack_id AS pack_id, f.pack_offset AS pack_offset,
    f.evidence_format AS evidence_format, f.evidence_dictionary AS evidence_dictionary
    FROM source_file_rows f JOIN source_dirs d ON d.id = f.dir_id;
CREATE TABLE source_blobs(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE evidence_dictionaries(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE event_contexts(id INTEGER PRIMARY KEY, flags INT NOT NULL, version_major INT, version_minor INT,
    region INT, account INT, agent INT, event_type INT, category INT, api_version INT, vpce_account INT, tls INT,
    session_from_console INT, console_login INT, mfa_used INT, read_only INT, management INT, vpce INT);
CREATE TABLE event_rows(id INTEGER PRIMARY KEY, time INT, event_id NOT NULL, context INT NOT NULL, name INT,
    source INT, identity INT, ip INT, error_code INT, error_message INT, request_id, shared_event_id,
    file_id INT NOT NULL, offset INT NOT NULL, length INT NOT NULL);
CREATE VIEW events AS SELECT
    r.id AS id,
    r.time AS time,
    r.event_id AS event_id,
    (SELECT flags FROM event_contexts WHERE id = r.context) AS flags,
    (SELECT version_major FROM event_contexts WHERE id = r.context) AS version_major,
    (SELECT version_minor FROM event_contexts WHERE id = r.context) AS version_minor,
    nullif(r.name, 0) AS name,
    r.name AS name_key,
    r.source AS source,
    (SELECT region FROM event_contexts WHERE id = r.context) AS region,
    (SELECT account FROM event_contexts WHERE id = r.context) AS account,
    r.identity AS identity,
    r.ip AS ip,
    (SELECT agent FROM event_contexts WHERE id = r.context) AS agent,
    r.error_code AS error_code,
    r.error_message AS error_message,
    (SELECT event_type FROM event_contexts WHERE id = r.context) AS event_type,
    (SELECT category FROM event_contexts WHERE id = r.context) AS category,
    r.request_id AS request_id,
    r.shared_event_id AS shared_event_id,
    (SELECT api_version FROM event_contexts WHERE id = r.context) AS api_version,
    (SELECT vpce FROM event_contexts WHERE id = r.context) AS vpce,
    (SELECT vpce_account FROM event_contexts WHERE id = r.context) AS vpce_account,
    (SELECT tls FROM event_contexts WHERE id = r.context) AS tls,
    (SELECT session_from_console FROM event_contexts WHERE id = r.context) AS session_from_console,
    (SELECT console_login FROM event_contexts WHERE id = r.context) AS console_login,
    (SELECT mfa_used FROM event_contexts WHERE id = r.context) AS mfa_used,
    (SELECT read_only FROM event_contexts WHERE id = r.context) AS read_only,
    (SELECT management FROM event_contexts WHERE id = r.context) AS management,
    r.file_id AS file_id,
    r.offset AS offset,
    r.length AS length,
    r.context AS context
    FROM event_rows r;
CREATE TABLE event_names(source INT NOT NULL, name INT NOT NULL, events INT NOT NULL,
    PRIMARY KEY(source, name)) WITHOUT ROWID;
CREATE TABLE resource_kinds(id INTEGER PRIMARY KEY, type INT, account INT, arn_is_prefix INT NOT NULL,
    derived INT NOT NULL DEFAULT 0);
CREATE TABLE resource_rows(event INT NOT NULL, ordinal INT NOT NULL, kind INT NOT NULL, arn INT,
    PRIMARY KEY(event, ordinal)) WITHOUT ROWID;
CREATE VIEW resources AS SELECT r.event AS event, r.ordinal AS ordinal,
    (SELECT type FROM resource_kinds WHERE id = r.kind) AS type, r.arn AS arn,
    (SELECT account FROM resource_kinds WHERE id = r.kind) AS account,
    (SELECT arn_is_prefix FROM resource_kinds WHERE id = r.kind) AS arn_is_prefix,
    (SELECT derived FROM resource_kinds WHERE id = r.kind) AS derived FROM resource_rows r;
CREATE TABLE insights(event INTEGER PRIMARY KEY, state TEXT, event_source TEXT, event_name TEXT,
    insight_type TEXT, error_code TEXT, baseline_average REAL, insight_average REAL, insight_duration INT,
    baseline_duration INT, details TEXT);
CREATE TABLE event_variants(id INTEGER PRIMARY KEY, event_id NOT NULL, reason TEXT NOT NULL, session_id INT,
    file_id INT, offset INT, length INT, time INT, content_hash INT, kept_event INT, differences TEXT);
CREATE TABLE field_paths(id INTEGER PRIMARY KEY, path TEXT NOT NULL, composite INT NOT NULL DEFAULT 0,
    dotted INT NOT NULL DEFAULT 0);
CREATE TABLE field_postings(path INT NOT NULL, value INT NOT NULL, first INT NOT NULL, events BLOB NOT NULL,
    PRIMARY KEY(path, value, first)) WITHOUT ROWID;
CREATE TABLE credential_links(event INTEGER PRIMARY KEY, issued_key TEXT NOT NULL, principal TEXT, subject TEXT,
    provider TEXT, source_identity TEXT);
CREATE INDEX credential_links_key ON credential_links(ts_hash(issued_key));
CREATE TABLE coverage(account TEXT NOT NULL, region TEXT NOT NULL, first INT, last INT, events INT, files INT,
    gaps TEXT, PRIMARY KEY(account, region)) WITHOUT ROWID;
)sql";

constexpr std::array<std::string_view, 17> ContextColumns{
    "flags",         "version_major", "version_minor", "region",       "account", "agent",
    "event_type",    "category",      "api_version",   "vpce_account", "tls",     "session_from_console",
    "console_login", "mfa_used",      "read_only",     "management",   "vpce"};

constexpr std::array SearchableIndexes{
    IndexDef{"events_time", "CREATE INDEX IF NOT EXISTS events_time ON event_rows(time)"},
};

constexpr std::array BrowseIndexes{
    // The importer interns in memory; value -> id lookups are the query layer's, so this is built with the rest.
    // On a hash of the value: the index holds no second copy of every string (see stringValueIs()).
    IndexDef{"strings_value", "CREATE INDEX IF NOT EXISTS strings_value ON strings(ts_hash(value))"},
    // A 3-byte prefix of the ID is nearly as selective as the whole (UUIDs are random: among ten million events a
    // prefix is shared by about half a dozen) at a fifth of the size; match with eventIdMatch().
    IndexDef{"events_event_id", "CREATE INDEX IF NOT EXISTS events_event_id ON event_rows(substr(event_id, 1, 3))"},
    // Also the eventSource index: a source's events are the events of its names (event_names), each name a range
    // here that SQLite reads newest first and leaves as soon as it cannot add to a LIMIT (see sourceMatch()). An
    // absent name is stored as 0 (the view shows NULL), so event_names can list such events too.
    IndexDef{"events_name_time", "CREATE INDEX IF NOT EXISTS events_name_time ON event_rows(name, time)"},
    IndexDef{"events_identity_time", "CREATE INDEX IF NOT EXISTS events_identity_time ON event_rows(identity, time)"},
    IndexDef{"events_ip_time", "CREATE INDEX IF NOT EXISTS events_ip_time ON event_rows(ip, time)"},
    IndexDef{
        "events_error_time",
        "CREATE INDEX IF NOT EXISTS events_error_time ON event_rows(error_code, time) WHERE error_code IS NOT NULL"},
    IndexDef{"resources_arn", "CREATE INDEX IF NOT EXISTS resources_arn ON resource_rows(arn)"},
    IndexDef{"identities_user", "CREATE INDEX IF NOT EXISTS identities_user ON identities(user)"},
    IndexDef{"identities_arn", "CREATE INDEX IF NOT EXISTS identities_arn ON identities(arn)"},
    IndexDef{"identities_access_key", "CREATE INDEX IF NOT EXISTS identities_access_key ON identities(access_key_id)"},
    IndexDef{"event_variants_event_id",
             "CREATE INDEX IF NOT EXISTS event_variants_event_id ON event_variants(event_id)"},
};

// FNV-1a over the UTF-8 bytes, folded to 31 bits so SQLite stores it in at most 4 bytes; equal strings hash alike,
// and the value comparison that follows every hash lookup settles collisions.
void stringHash(sqlite3_context* context, int, sqlite3_value** arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* bytes = sqlite3_value_text(arguments[0]);
    const int size = sqlite3_value_bytes(arguments[0]);
    std::uint64_t hash = 14695981039346656037ull;
    for (int i = 0; i < size; ++i)
        hash = (hash ^ bytes[i]) * 1099511628211ull;
    sqlite3_result_int64(context, static_cast<sqlite3_int64>((hash ^ hash >> 31) & 0x7fffffff));
}

// ts_field_hash(text): the field index's value for a string it holds by hash (hashedFieldValue).
void fieldHash(sqlite3_context* context, int, sqlite3_value** arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL)
        return sqlite3_result_null(context);
    sqlite3_result_int64(context, hashedFieldValue(Sql::textOf(arguments[0])));
}

// ts_field_path(path, spec): the field_paths text `path` can be where the pattern `spec` leads (fieldPathMatches).
void fieldPath(sqlite3_context* context, int, sqlite3_value** arguments)
{
    const auto* pattern = Sql::auxiliary<FieldPathPattern>(context, 1, [&]() -> FieldPathPattern* {
        auto decoded = decodeFieldPathPattern(Sql::textOf(arguments[1]));
        return decoded ? new FieldPathPattern(std::move(*decoded)) : nullptr;
    });
    if (!pattern)
        return sqlite3_result_error(context, "ts_field_path: invalid pattern", -1);
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL)
        return sqlite3_result_null(context);
    sqlite3_result_int(context, fieldPathMatches(Sql::textOf(arguments[0]), *pattern) ? 1 : 0);
}

} // namespace

bool registerFunctions(sqlite3* handle)
{
    constexpr int Flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    return sqlite3_create_function_v2(handle, "ts_hash", 1, Flags, nullptr, &stringHash, nullptr, nullptr, nullptr) ==
               SQLITE_OK &&
           sqlite3_create_function_v2(handle, "ts_field_hash", 1, Flags, nullptr, &fieldHash, nullptr, nullptr,
                                      nullptr) == SQLITE_OK &&
           sqlite3_create_function_v2(handle, "ts_field_path", 2, Flags, nullptr, &fieldPath, nullptr, nullptr,
                                      nullptr) == SQLITE_OK &&
           FieldPostings::registerModule(handle);
}

namespace {

Result<void> registerFunctions(Sql::Database& db)
{
    if (!CaseSchema::registerFunctions(db.handle()))
        return std::unexpected(db.error(QStringLiteral("registering ts_hash")));
    return {};
}

Result<void> configure(Sql::Database& db, bool writable)
{
    auto status = db.exec("PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
    if (status && writable)
        // The writer keeps live indexes in cache while appending to a big case (random inserts would thrash a
        // small cache). 128 MiB: appending 1M events into 1M peaked at 1,162 MiB with 256 MiB (and a 96 MB input
        // queue), at 961 MiB with 128 MiB (and 48 MB), in the same 17-18 s.
        status = db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864; "
                         "PRAGMA threads=2; PRAGMA wal_autocheckpoint=4096; PRAGMA cache_size=-131072;");
    else if (status)
        // Readers map the case instead of copying every page they touch through read(): a first query in a new
        // process (the CLI, a fresh search connection) reads its index pages straight from the page cache.
        status = db.exec("PRAGMA mmap_size=1073741824;");
    return status;
}

Result<void> createSchema(Sql::Database& db)
{
    Sql::Transaction transaction(db);
    if (auto created = db.exec(SchemaSql); !created)
        return created;
    const std::string pragmas = "PRAGMA application_id=" + std::to_string(ApplicationId) +
                                "; PRAGMA user_version=" + std::to_string(Version) + ";";
    if (auto set = db.exec(pragmas); !set)
        return set;
    return transaction.commit();
}

// Schema 5 kept every file's evidence as gzip; 6 adds the zstd evidence and its dictionaries beside it. Old files
// stay gzip (format 0), so the upgrade is instant and rewrites no evidence. 7 changes no table: its field index
// may hold hashed values, which a 6 reader would not look for, so only the version moves. A read-only open of a 5
// upgrades through a connection of its own, and says so if the file cannot be written.
Result<void> upgrade(const QString& path, int from)
{
    constexpr std::string_view Upgrade = R"sql(
ALTER TABLE source_file_rows ADD COLUMN evidence_format INT NOT NULL DEFAULT 0;
ALTER TABLE source_file_rows ADD COLUMN evidence_dictionary INT;
CREATE TABLE evidence_dictionaries(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
DROP VIEW source_files;
)sql";
    auto writable = Sql::Database::open(path, SQLITE_OPEN_READWRITE);
    if (!writable)
        return std::unexpected(Error{ErrorCode::OlderCase,
                                     QStringLiteral("case schema %1 must be upgraded to %2, and the file cannot be "
                                                    "written: %3")
                                         .arg(from)
                                         .arg(Version)
                                         .arg(writable.error().detail),
                                     path});
    Sql::Transaction transaction(*writable);
    // Checked inside the transaction: another process may have upgraded it since `opened` read the version.
    const auto now = writable->queryInt("PRAGMA user_version").value_or(0);
    if (now == 5 || now == 6) {
        Result<void> status;
        if (now == 5) {
            const std::string_view schema = SchemaSql;
            const std::size_t view = schema.find("CREATE VIEW source_files");
            const std::string createView(schema.substr(view, schema.find(";\n", view) + 1 - view));
            status = writable->exec(Upgrade);
            if (status)
                status = writable->exec(createView);
        }
        if (status)
            status = writable->exec("PRAGMA user_version=" + std::to_string(Version));
        if (!status)
            return std::unexpected(Error{ErrorCode::OlderCase,
                                         QStringLiteral("case schema %1 could not be upgraded to %2: %3")
                                             .arg(now)
                                             .arg(Version)
                                             .arg(status.error().detail),
                                         path});
    }
    // The connection that read the old version sees the new schema at its next statement.
    return transaction.commit();
}

bool isEmptyDatabase(Sql::Database& db)
{
    return db.queryInt("SELECT count(*) FROM sqlite_schema").value_or(0) == 0;
}

// Each view of SchemaSql as SQLite keeps it in sqlite_schema: the statement's text without its semicolon.
QHash<QString, QString> ourViews()
{
    QHash<QString, QString> views;
    const std::string_view schema = SchemaSql;
    constexpr std::string_view Create = "CREATE VIEW ";
    for (std::size_t at = schema.find(Create); at != std::string_view::npos; at = schema.find(Create, at + 1)) {
        const std::size_t nameEnd = schema.find(' ', at + Create.size());
        const std::size_t end = schema.find(";\n", at);
        const std::string_view name = schema.substr(at + Create.size(), nameEnd - at - Create.size());
        views.insert(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())),
                     QString::fromUtf8(schema.data() + at, static_cast<qsizetype>(end - at)));
    }
    return views;
}

// A case is code as well as data: its views run inside every query, and a trigger or virtual table would run at
// the next write or read. Trailscope writes no triggers and no virtual tables, and its three views word for word,
// so anything else means the file was altered outside Trailscope, and it is refused before any query reads it.
Result<void> checkSchemaObjects(Sql::Database& db, const QString& path)
{
    const QHash<QString, QString> views = ourViews();
    const auto altered = [&](const QString& why) { return std::unexpected(Error{ErrorCode::AlteredCase, why, path}); };
    auto objects = db.prepare("SELECT type, name, ifnull(sql, '') FROM sqlite_schema");
    if (!objects.isValid())
        return std::unexpected(Error{ErrorCode::CorruptCase, db.lastError(), path});
    int status = SQLITE_ROW;
    qsizetype viewsSeen = 0;
    while ((status = objects.step()) == SQLITE_ROW) {
        const QString type = objects.columnQString(0);
        const QString name = objects.columnQString(1);
        const QString sql = objects.columnQString(2);
        if (type == QLatin1String("trigger"))
            return altered(QStringLiteral("it holds a trigger named %1, and Trailscope never writes one").arg(name));
        if (type == QLatin1String("table") && sql.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive))
            return altered(
                QStringLiteral("it holds a virtual table named %1, and Trailscope never writes one").arg(name));
        if (type != QLatin1String("view"))
            continue;
        const auto ours = views.constFind(name);
        if (ours == views.cend())
            return altered(QStringLiteral("it holds a view named %1, and Trailscope never writes one").arg(name));
        if (*ours != sql)
            return altered(QStringLiteral("its view %1 is not the one Trailscope wrote").arg(name));
        ++viewsSeen;
    }
    if (status != SQLITE_DONE)
        return std::unexpected(Error{ErrorCode::CorruptCase, db.lastError(), path});
    if (viewsSeen != views.size())
        return std::unexpected(Error{ErrorCode::CorruptCase, QStringLiteral("case schema is incomplete"), path});
    return {};
}

quint32 bigEndian(const QByteArray& bytes, int at, int size)
{
    quint32 value = 0;
    for (int i = 0; i < size; ++i)
        value = (value << 8) | static_cast<quint8>(bytes[at + i]);
    return value;
}

// What SQLite would only notice page by page, deep in some later query: a file cut short (a copy that did not
// finish, a full disk). SQLite's header names the database's size in pages, and is to be believed when its
// "valid for" counter matches the change counter. A write-ahead log may hold pages the file does not yet have, and
// its recovery decides then, so a case with a non-empty log is left to SQLite.
Result<void> checkFileLength(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // SQLite's open says why
    const qint64 size = file.size();
    if (size == 0)
        return std::unexpected(Error{ErrorCode::NotACase, QStringLiteral("the file is empty (0 bytes)"), path});
    const QByteArray header = file.read(100);
    if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return {}; // not SQLite at all: the application id check words it
    if (header.size() < 100)
        return std::unexpected(
            Error{ErrorCode::CorruptCase, QStringLiteral("the case file is cut short (%1 bytes)").arg(size), path});
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return {};
    const quint32 pageSizeField = bigEndian(header, 16, 2);
    const qint64 pageSize = pageSizeField == 1 ? 65536 : pageSizeField;
    const qint64 pages = bigEndian(header, 28, 4);
    const bool pagesValid = bigEndian(header, 92, 4) == bigEndian(header, 24, 4);
    if (pagesValid && pages > 0 && size < pages * pageSize)
        return std::unexpected(Error{ErrorCode::CorruptCase,
                                     QStringLiteral("the case file is cut short: %1 of the %2 bytes its header names")
                                         .arg(size)
                                         .arg(pages * pageSize),
                                     path});
    return {};
}

// A reader of a write-ahead-logged database keeps its shared memory in a file beside it, which read-only media
// cannot hold. Nothing can change a file there, so it is opened as immutable instead, unless a log beside it holds
// pages that only SQLite's recovery reads (a copy taken mid-import): then SQLite decides, and says why it cannot.
bool onReadOnlyMedia(const QString& path)
{
    struct statvfs media = {};
    if (::statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &media) != 0 ||
        (media.f_flag & ST_RDONLY) == 0)
        return false;
    const QFileInfo wal(path + QStringLiteral("-wal"));
    return !wal.exists() || wal.size() == 0;
}

// A new case is made whole under a name of its own and renamed into place: a kill at any moment of its making
// leaves either no case or the complete empty one, never a SQLite file half made (a rollback journal beside a
// header, a database without the schema). What a killed earlier attempt left beside an empty or missing case
// (its journal, its log) belongs to no data and goes.
Result<void> createCaseFile(const QString& path)
{
    const QString making = path + QStringLiteral(".making");
    for (const QString& leftover :
         QStringList{making, making + QStringLiteral("-journal"), path + QStringLiteral("-journal"),
                     path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
        QFile::remove(leftover);
    {
        auto db = Sql::Database::open(making, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!db)
            return std::unexpected(Error{ErrorCode::Io, db.error().detail, path});
        if (auto registered = registerFunctions(*db); !registered) // the schema's indexes name ts_hash
            return std::unexpected(Error{ErrorCode::Io, registered.error().detail, path});
        // Larger pages pack small evidence blobs tighter and halve per-page overhead; only a new file can choose.
        if (auto sized = db->exec("PRAGMA page_size=16384"); !sized)
            return std::unexpected(Error{ErrorCode::Io, sized.error().detail, path});
        if (auto created = createSchema(*db); !created)
            return std::unexpected(Error{ErrorCode::Io, created.error().detail, path});
        if (auto logged = db->exec("PRAGMA journal_mode=WAL"); !logged)
            return std::unexpected(Error{ErrorCode::Io, logged.error().detail, path});
    } // closed: the log is checkpointed into the file and removed
    if (::rename(QFile::encodeName(making).constData(), QFile::encodeName(path).constData()) != 0) {
        const int error = errno;
        QFile::remove(making);
        return std::unexpected(Error{ErrorCode::Io, QString::fromLocal8Bit(std::strerror(error)), path});
    }
    return {};
}

} // namespace

QString notWritableHere()
{
    return QStringLiteral("the case cannot be written here (a read-only disk, or no permission to write beside "
                          "it); it can still be opened to read");
}

std::span<const IndexDef> searchableIndexes()
{
    return SearchableIndexes;
}

std::span<const IndexDef> browseIndexes()
{
    return BrowseIndexes;
}

Result<Sql::Database> open(const QString& path, OpenMode mode)
{
    const QFileInfo info(path);
    if (mode != OpenMode::CreateOrOpen && !info.exists())
        return std::unexpected(Error{ErrorCode::Io, QStringLiteral("no such file"), path});
    const bool writable = mode != OpenMode::ReadOnly;
    const int flags = mode == OpenMode::ReadOnly    ? SQLITE_OPEN_READONLY
                      : mode == OpenMode::ReadWrite ? SQLITE_OPEN_READWRITE
                                                    : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    // An empty file is a new case to an import, and not a case to anything else.
    if (mode == OpenMode::CreateOrOpen && (!info.exists() || info.size() == 0))
        if (auto made = createCaseFile(path); !made)
            return std::unexpected(made.error());
    if (info.exists() && (mode != OpenMode::CreateOrOpen || info.size() > 0))
        if (auto whole = checkFileLength(path); !whole)
            return std::unexpected(whole.error());
    auto db = Sql::Database::open(path, flags, mode == OpenMode::ReadOnly && onReadOnlyMedia(path));
    if (!db)
        return db;
    // SQLite opens a file it may not write read-only without a word; an import would fail at its first write.
    if (writable && sqlite3_db_readonly(db->handle(), "main") == 1)
        return std::unexpected(Error{ErrorCode::Io, notWritableHere(), path});
    if (auto registered = registerFunctions(*db); !registered)
        return std::unexpected(Error{ErrorCode::Io, registered.error().detail, path});
    // Reading the header is the first real I/O: a non-SQLite file fails here.
    const auto applicationId = db->queryInt("PRAGMA application_id");
    if (!applicationId)
        return std::unexpected(
            Error{ErrorCode::NotACase, QStringLiteral("not a Trailscope case (not a SQLite database)"), path});
    if (*applicationId != ApplicationId) {
        if (*applicationId == 0 && isEmptyDatabase(*db) && mode == OpenMode::CreateOrOpen) {
            // An empty SQLite database (what a build before createCaseFile left when killed making a case, or
            // another tool's new file): the schema is made in it in place.
            if (auto created = createSchema(*db); !created)
                return std::unexpected(Error{ErrorCode::Io, created.error().detail, path});
            if (auto configured = configure(*db, true); !configured)
                return std::unexpected(configured.error());
            return db;
        }
        if (*applicationId == 0 && isEmptyDatabase(*db))
            return std::unexpected(Error{ErrorCode::NotACase,
                                         QStringLiteral("an empty SQLite database: no case was made in it yet (an "
                                                        "import into it makes one)"),
                                         path});
        return std::unexpected(Error{ErrorCode::NotACase,
                                     QStringLiteral("not a Trailscope case (a SQLite database of another application)"),
                                     path});
    }
    const auto version = db->queryInt("PRAGMA user_version").value_or(0);
    if (version > Version)
        return std::unexpected(
            Error{ErrorCode::NewerCase,
                  QStringLiteral("made by a newer Trailscope (case schema %1; this one reads up to %2): open it with "
                                 "that version")
                      .arg(version)
                      .arg(Version),
                  path});
    if (version < 1 || db->queryInt("SELECT count(*) FROM sqlite_schema WHERE name='events'").value_or(0) != 1)
        return std::unexpected(Error{ErrorCode::CorruptCase, QStringLiteral("case schema is incomplete"), path});
    if (version == 5 || (version == 6 && writable)) {
        if (auto upgraded = upgrade(path, static_cast<int>(version)); !upgraded)
            return std::unexpected(upgraded.error());
    } else if (version < 6)
        return std::unexpected(Error{ErrorCode::OlderCase,
                                     QStringLiteral("case schema %1 is older than this Trailscope (%2): import the "
                                                    "trail again into a new case")
                                         .arg(version)
                                         .arg(Version),
                                     path});
    if (auto ours = checkSchemaObjects(*db, path); !ours)
        return std::unexpected(ours.error());
    if (auto configured = configure(*db, writable); !configured)
        return std::unexpected(Error{ErrorCode::CorruptCase, configured.error().detail, path});
    return db;
}

Result<void> ensureKeyPaths(Sql::Database& db)
{
    return db.exec("CREATE TABLE IF NOT EXISTS key_paths(path TEXT PRIMARY KEY, events INT NOT NULL) WITHOUT ROWID");
}

Result<void> ensureCredentialLinks(Sql::Database& db)
{
    if (db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'credential_links'").value_or(0) == 1)
        return {};
    // A savepoint: the writer may call this inside its transaction, and the table and its mark go in together.
    return db.exec("SAVEPOINT credential_links; CREATE TABLE credential_links(event INTEGER PRIMARY KEY, issued_key "
                   "TEXT NOT NULL, "
                   "principal TEXT, subject TEXT, provider TEXT, source_identity TEXT); "
                   "CREATE INDEX credential_links_key ON credential_links(ts_hash(issued_key)); "
                   "INSERT OR REPLACE INTO meta(key, value) SELECT 'credential_links_from', "
                   "ifnull(max(id), 0) + 1 FROM event_rows; RELEASE credential_links;");
}

// Appended piece by piece: GCC 12 at -O3 sees a false overlap (-Wrestrict) in `"(" + std::string&&`.
std::string stringHashOf(const std::string& text)
{
    std::string sql = "ts_hash(";
    sql.append(text).append(")");
    return sql;
}

std::string stringValueIs(const std::string& text)
{
    // `+value`: offered a plain `value = …` as well, SQLite 3.40 scans the table instead of using the hash index.
    std::string sql = "(ts_hash(value) = ";
    sql.append(stringHashOf(text)).append(" AND +value = ").append(text).append(")");
    return sql;
}

std::string nameKey(const std::string& alias)
{
    std::string sql = alias;
    sql.append(".name_key");
    return sql;
}

std::string sourceMatch(const std::string& alias, const std::string& sourceCondition)
{
    // sourceCondition is written on `source`: once for event_names, once for the event itself.
    std::string sql = "(";
    sql.append(nameKey(alias)).append(" IN (SELECT name FROM event_names WHERE ").append(sourceCondition);
    sql.append(") AND ").append(alias).append(".source IN (SELECT source FROM event_names WHERE ");
    sql.append(sourceCondition).append("))");
    return sql;
}

bool isContextColumn(std::string_view column)
{
    return std::find(ContextColumns.begin(), ContextColumns.end(), column) != ContextColumns.end();
}

std::vector<IndexDef> missingIndexes(Sql::Database& db)
{
    std::vector<IndexDef> missing;
    auto exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type='index' AND name=?1");
    for (const auto set : {searchableIndexes(), browseIndexes()}) {
        for (const IndexDef& index : set) {
            exists.bindText(1, index.name);
            if (exists.step() != SQLITE_ROW)
                missing.push_back(index);
            exists.reset();
        }
    }
    return missing;
}

} // namespace Trailscope::Core::CaseSchema
