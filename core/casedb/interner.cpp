#include "interner.h"

namespace Trailscope::Core {

namespace {

constexpr int IdentityColumns = 17;
constexpr int TlsColumns = 4;

std::string tupleKey(const std::int64_t* ids, int count)
{
    return std::string(reinterpret_cast<const char*>(ids), sizeof(std::int64_t) * static_cast<std::size_t>(count));
}

} // namespace

Interner::Interner(Sql::Database& db)
    : m_db(db), m_insertString(db.prepare("INSERT INTO strings(id, value) VALUES(?1, ?2)")),
      m_insertIdentity(db.prepare(
          "INSERT INTO identities(id, type, principal_id, arn, account_id, access_key_id, user_name, invoked_by, "
          "issuer_type, issuer_principal_id, issuer_arn, issuer_name, issuer_account_id, mfa_authenticated, "
          "session_created, source_identity, identity_provider, user) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)")),
      m_insertTls(db.prepare(
          "INSERT INTO tls_profiles(id, version, cipher_suite, host_header, key_exchange) VALUES(?1,?2,?3,?4,?5)"))
{}

Result<void> Interner::load()
{
    auto strings = m_db.prepare("SELECT id, value FROM strings");
    while (strings.step() == SQLITE_ROW) {
        const std::int64_t id = strings.columnInt(0);
        m_strings.emplace(std::string(strings.columnText(1)), id);
        m_nextString = std::max(m_nextString, id + 1);
    }
    const auto loadTuples = [&](std::string_view sql, int columns, Map& map, std::int64_t& next) {
        auto rows = m_db.prepare(sql);
        std::int64_t ids[IdentityColumns];
        while (rows.step() == SQLITE_ROW) {
            const std::int64_t id = rows.columnInt(0);
            for (int i = 0; i < columns; ++i)
                ids[i] = rows.columnInt(i + 1);
            map.emplace(tupleKey(ids, columns), id);
            next = std::max(next, id + 1);
        }
    };
    loadTuples("SELECT id, type, principal_id, arn, account_id, access_key_id, user_name, invoked_by, issuer_type, "
               "issuer_principal_id, issuer_arn, issuer_name, issuer_account_id, mfa_authenticated, session_created, "
               "source_identity, identity_provider, user FROM identities",
               IdentityColumns, m_identities, m_nextIdentity);
    loadTuples("SELECT id, version, cipher_suite, host_header, key_exchange FROM tls_profiles", TlsColumns, m_tls,
               m_nextTls);
    return {};
}

void Interner::recordFailure(const QString& context)
{
    if (!m_failed)
        m_error = m_db.error(context);
    m_failed = true;
}

std::int64_t Interner::string(std::string_view value)
{
    if (const auto found = m_strings.find(value); found != m_strings.end())
        return found->second;
    const std::int64_t id = m_nextString++;
    m_insertString.bind(1, id).bindStatic(2, value);
    if (m_insertString.exec() != SQLITE_DONE)
        recordFailure(QStringLiteral("storing a string"));
    m_strings.emplace(std::string(value), id);
    return id;
}

std::int64_t Interner::internTuple(Map& map, Sql::Statement& insert, std::int64_t& nextId, const std::int64_t* ids,
                                   int count)
{
    bool any = false;
    for (int i = 0; i < count; ++i)
        any = any || ids[i] != 0;
    if (!any)
        return 0;
    std::string key = tupleKey(ids, count);
    if (const auto found = map.find(key); found != map.end())
        return found->second;
    const std::int64_t id = nextId++;
    insert.bind(1, id);
    for (int i = 0; i < count; ++i) {
        if (ids[i] != 0)
            insert.bind(i + 2, ids[i]);
        else
            insert.bindNull(i + 2);
    }
    if (insert.exec() != SQLITE_DONE)
        recordFailure(QStringLiteral("storing a tuple"));
    map.emplace(std::move(key), id);
    return id;
}

std::int64_t Interner::identity(const EventBatch& batch, const IdentityFields& id)
{
    const std::int64_t ids[IdentityColumns] = {string(batch, id.type),
                                               string(batch, id.principalId),
                                               string(batch, id.arn),
                                               string(batch, id.accountId),
                                               string(batch, id.accessKeyId),
                                               string(batch, id.userName),
                                               string(batch, id.invokedBy),
                                               string(batch, id.issuerType),
                                               string(batch, id.issuerPrincipalId),
                                               string(batch, id.issuerArn),
                                               string(batch, id.issuerName),
                                               string(batch, id.issuerAccountId),
                                               string(batch, id.mfaAuthenticated),
                                               string(batch, id.sessionCreated),
                                               string(batch, id.sourceIdentity),
                                               string(batch, id.identityProvider),
                                               string(batch, id.user)};
    return internTuple(m_identities, m_insertIdentity, m_nextIdentity, ids, IdentityColumns);
}

std::int64_t Interner::tls(const EventBatch& batch, const TlsFields& tls)
{
    const std::int64_t ids[TlsColumns] = {string(batch, tls.version), string(batch, tls.cipherSuite),
                                          string(batch, tls.hostHeader), string(batch, tls.keyExchange)};
    return internTuple(m_tls, m_insertTls, m_nextTls, ids, TlsColumns);
}

} // namespace Trailscope::Core
