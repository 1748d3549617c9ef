#include "caseschema.h"

#include <QFileInfo>

#include <array>

namespace Trailscope::Core::CaseSchema {

namespace {

// Evidence is packed: source_blobs rows are packs of many files' stored bytes back to back, and each source file
// knows its pack, offset and size, so thousands of small trail files cost no per-row or per-page slack.
// Every string column of events holds an id into `strings`; the userIdentity combination and the TLS details are
// interned as rows of their own. Event IDs that are canonical UUIDs are stored as 16-byte blobs.
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
CREATE TABLE source_files(id INTEGER PRIMARY KEY, session_id INT NOT NULL, path TEXT NOT NULL, member TEXT,
    folder INT, shape INT, rank INT, encoding INT, organization TEXT, account TEXT, region TEXT, delivered INT,
    stored_sha256 BLOB, content_sha256 BLOB, stored_size INT, content_size INT, records INT, events INT,
    complete INT NOT NULL DEFAULT 0, evidence_original INT, pack_id INT, pack_offset INT);
CREATE TABLE source_blobs(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE events(id INTEGER PRIMARY KEY, time INT, event_id NOT NULL, flags INT NOT NULL,
    version_major INT, version_minor INT, name INT, source INT, region INT, account INT, identity INT, ip INT,
    agent INT, error_code INT, error_message INT, event_type INT, category INT, request_id, shared_event_id,
    api_version INT, vpce INT, vpce_account INT, tls INT, session_from_console INT, console_login INT,
    mfa_used INT, read_only INT, management INT, file_id INT NOT NULL, offset INT NOT NULL, length INT NOT NULL);
CREATE TABLE resources(event INT NOT NULL, ordinal INT NOT NULL, type INT, arn INT, account INT,
    arn_is_prefix INT NOT NULL DEFAULT 0, PRIMARY KEY(event, ordinal)) WITHOUT ROWID;
CREATE TABLE insights(event INTEGER PRIMARY KEY, state TEXT, event_source TEXT, event_name TEXT,
    insight_type TEXT, error_code TEXT, baseline_average REAL, insight_average REAL, insight_duration INT,
    baseline_duration INT, details TEXT);
CREATE TABLE event_variants(id INTEGER PRIMARY KEY, event_id NOT NULL, reason TEXT NOT NULL, session_id INT,
    file_id INT, offset INT, length INT, time INT, content_hash INT, kept_event INT);
CREATE TABLE coverage(account TEXT NOT NULL, region TEXT NOT NULL, first INT, last INT, events INT, files INT,
    gaps TEXT, PRIMARY KEY(account, region)) WITHOUT ROWID;
)sql";

constexpr std::array SearchableIndexes{
    IndexDef{"events_time", "CREATE INDEX IF NOT EXISTS events_time ON events(time)"},
};

constexpr std::array BrowseIndexes{
    // The importer interns in memory; value -> id lookups are the query layer's, so this is built with the rest.
    IndexDef{"strings_value", "CREATE UNIQUE INDEX IF NOT EXISTS strings_value ON strings(value)"},
    // A prefix of the ID is as selective as the whole (they are random) at half the size; match with
    // `substr(event_id, 1, 8) = substr(?, 1, 8) AND event_id = ?`.
    IndexDef{"events_event_id", "CREATE INDEX IF NOT EXISTS events_event_id ON events(substr(event_id, 1, 8))"},
    IndexDef{"events_name_time", "CREATE INDEX IF NOT EXISTS events_name_time ON events(name, time)"},
    IndexDef{"events_source_time", "CREATE INDEX IF NOT EXISTS events_source_time ON events(source, time)"},
    IndexDef{"events_identity_time", "CREATE INDEX IF NOT EXISTS events_identity_time ON events(identity, time)"},
    IndexDef{"events_ip_time", "CREATE INDEX IF NOT EXISTS events_ip_time ON events(ip, time)"},
    IndexDef{"events_error_time",
             "CREATE INDEX IF NOT EXISTS events_error_time ON events(error_code, time) WHERE error_code IS NOT NULL"},
    IndexDef{"resources_arn", "CREATE INDEX IF NOT EXISTS resources_arn ON resources(arn)"},
    IndexDef{"identities_user", "CREATE INDEX IF NOT EXISTS identities_user ON identities(user)"},
    IndexDef{"identities_arn", "CREATE INDEX IF NOT EXISTS identities_arn ON identities(arn)"},
    IndexDef{"identities_access_key", "CREATE INDEX IF NOT EXISTS identities_access_key ON identities(access_key_id)"},
    IndexDef{"event_variants_event_id",
             "CREATE INDEX IF NOT EXISTS event_variants_event_id ON event_variants(event_id)"},
};

Result<void> configure(Sql::Database& db, bool writable)
{
    auto status = db.exec("PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
    if (status && writable)
        // The writer keeps live indexes in cache while appending to a big case (random inserts would thrash a
        // small cache); 256 MiB stays well inside the import's 1 GiB budget.
        status = db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864; "
                         "PRAGMA threads=2; PRAGMA wal_autocheckpoint=4096; PRAGMA cache_size=-262144;");
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

bool isEmptyDatabase(Sql::Database& db)
{
    return db.queryInt("SELECT count(*) FROM sqlite_schema").value_or(0) == 0;
}

} // namespace

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
    auto db = Sql::Database::open(path, flags);
    if (!db)
        return db;
    // Reading the header is the first real I/O: a non-SQLite file fails here.
    const auto applicationId = db->queryInt("PRAGMA application_id");
    if (!applicationId)
        return std::unexpected(
            Error{ErrorCode::NotACase, QStringLiteral("not a Trailscope case (not a SQLite database)"), path});
    if (*applicationId != ApplicationId) {
        if (*applicationId == 0 && isEmptyDatabase(*db) && mode == OpenMode::CreateOrOpen) {
            // Larger pages pack small evidence blobs tighter and halve per-page overhead; only a new file can choose.
            if (auto sized = db->exec("PRAGMA page_size=16384"); !sized)
                return std::unexpected(sized.error());
            if (auto configured = configure(*db, true); !configured)
                return std::unexpected(configured.error());
            if (auto created = createSchema(*db); !created)
                return std::unexpected(Error{ErrorCode::Io, created.error().detail, path});
            return db;
        }
        return std::unexpected(Error{ErrorCode::NotACase,
                                     QStringLiteral("not a Trailscope case (a SQLite database of another application)"),
                                     path});
    }
    const auto version = db->queryInt("PRAGMA user_version").value_or(0);
    if (version > Version)
        return std::unexpected(
            Error{ErrorCode::NewerCase,
                  QStringLiteral("case schema %1 is newer than this Trailscope (%2)").arg(version).arg(Version), path});
    if (version < 1 || db->queryInt("SELECT count(*) FROM sqlite_schema WHERE name='events'").value_or(0) != 1)
        return std::unexpected(Error{ErrorCode::CorruptCase, QStringLiteral("case schema is incomplete"), path});
    if (auto configured = configure(*db, writable); !configured)
        return std::unexpected(Error{ErrorCode::CorruptCase, configured.error().detail, path});
    return db;
}

Result<void> ensureKeyPaths(Sql::Database& db)
{
    return db.exec("CREATE TABLE IF NOT EXISTS key_paths(path TEXT PRIMARY KEY, events INT NOT NULL) WITHOUT ROWID");
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
