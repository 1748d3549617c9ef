#include "credentiallinks.h"

#include "casedb/caseschema.h"
#include "casedb/rawrecordreader.h"

#include <simdjson.h>

#include <optional>

namespace Trailscope::Core::Story {

namespace {

using simdjson::dom::element;

std::optional<std::string> stringAt(element root, std::string_view pointer)
{
    element item;
    if (root.at_pointer(pointer).get(item) != simdjson::SUCCESS || !item.is_string())
        return std::nullopt;
    return std::string(item.get_string().value_unsafe());
}

// The same fields RecordParser keeps at import time (parseCredentialRequest, parseCredentialResponse), read from a
// whole record: tst_story checks that both give the same stories.
struct CredentialRecord
{
    std::string issuedKey;
    std::optional<std::string> principal, subject, provider, sourceIdentity;
};

std::optional<CredentialRecord> linkOf(element record)
{
    CredentialRecord link;
    if (auto key = stringAt(record, "/responseElements/credentials/accessKeyId")) {
        link.issuedKey = *key;
        link.principal = stringAt(record, "/responseElements/assumedRoleUser/arn");
        if (!link.principal)
            link.principal = stringAt(record, "/responseElements/federatedUser/arn");
        link.subject = stringAt(record, "/responseElements/subject");
        if (!link.subject)
            link.subject = stringAt(record, "/responseElements/subjectFromWebIdentityToken");
        link.provider = stringAt(record, "/requestParameters/principalArn");
        if (!link.provider)
            link.provider = stringAt(record, "/responseElements/provider");
    } else if (auto created = stringAt(record, "/responseElements/accessKey/accessKeyId")) {
        link.issuedKey = *created;
        link.principal = stringAt(record, "/responseElements/accessKey/userName");
        link.provider = stringAt(record, "/requestParameters/principalArn");
    } else {
        return std::nullopt;
    }
    link.sourceIdentity = stringAt(record, "/requestParameters/sourceIdentity");
    if (!link.sourceIdentity)
        link.sourceIdentity = stringAt(record, "/responseElements/sourceIdentity");
    if (link.issuedKey.empty())
        return std::nullopt;
    return link;
}

} // namespace

std::string issuedKeyIs(const std::string& alias, const std::string& parameter)
{
    std::string sql = "(ts_hash(";
    sql.append(alias).append(".issued_key) = ts_hash(").append(parameter).append(") AND +").append(alias);
    sql.append(".issued_key = ").append(parameter).append(")");
    return sql;
}

std::int64_t credentialLinksFrom(Sql::Database& db)
{
    if (db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'credential_links'").value_or(0) != 1)
        return 0;
    return std::max<std::int64_t>(
        1, db.queryInt("SELECT value FROM meta WHERE key = 'credential_links_from'").value_or(1));
}

Result<std::string> credentialLinksTable(Sql::Database& db, bool& fromRecords)
{
    const std::int64_t from = credentialLinksFrom(db);
    fromRecords = false;
    if (from == 1)
        return std::string("main.credential_links");
    // Only the issuing events are read, found by name through events_name_time: a few in a thousand events.
    const std::int64_t limit = from == 0 ? std::numeric_limits<std::int64_t>::max() : from;
    if (auto made = db.exec("DROP TABLE IF EXISTS temp.story_links; CREATE TEMP TABLE story_links(event INTEGER "
                            "PRIMARY KEY, issued_key TEXT NOT NULL, principal TEXT, subject TEXT, provider TEXT, "
                            "source_identity TEXT); CREATE INDEX temp.story_links_key ON "
                            "story_links(ts_hash(issued_key));");
        !made)
        return std::unexpected(made.error());
    if (from > 1) {
        if (auto copied = db.exec("INSERT INTO temp.story_links SELECT * FROM main.credential_links"); !copied)
            return std::unexpected(copied.error());
    }
    std::string names;
    for (const char* name : IssuingEventNames)
        names.append(names.empty() ? "'" : ", '").append(name).append("'");
    auto issuing = db.prepare("SELECT r.id, r.file_id, r.offset, r.length FROM event_rows r WHERE r.name IN "
                              "(SELECT id FROM strings WHERE value IN (" +
                              names + ")) AND r.id < ?1 ORDER BY r.file_id, r.offset");
    auto insert = db.prepare("INSERT OR REPLACE INTO temp.story_links(event, issued_key, principal, subject, "
                             "provider, source_identity) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!issuing.isValid() || !insert.isValid())
        return fail(ErrorCode::Sqlite, issuing.isValid() ? insert.prepareError() : issuing.prepareError());
    issuing.bind(1, limit);
    RawRecordReader reader(db);
    simdjson::dom::parser parser;
    Sql::Transaction transaction(db, false);
    while (issuing.step() == SQLITE_ROW) {
        auto record = reader.recordView(issuing.columnInt(1), std::uint64_t(issuing.columnInt(2)),
                                        std::uint64_t(issuing.columnInt(3)));
        if (!record)
            return std::unexpected(record.error());
        element root;
        if (parser.parse(record->data(), record->size()).get(root) != simdjson::SUCCESS)
            continue; // the importer stored only records that parsed
        const auto link = linkOf(root);
        if (!link)
            continue;
        insert.bind(1, issuing.columnInt(0)).bindText(2, link->issuedKey);
        int column = 3;
        for (const auto* value : {&link->principal, &link->subject, &link->provider, &link->sourceIdentity}) {
            if (*value)
                insert.bindText(column, **value);
            else
                insert.bindNull(column);
            ++column;
        }
        if (insert.exec() != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("storing a credential link")));
    }
    if (auto committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    fromRecords = true;
    return std::string("temp.story_links");
}

} // namespace Trailscope::Core::Story
