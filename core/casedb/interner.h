#pragma once

#include "casedb/sqlite.h"
#include "import/eventbatch.h"

#include <string>
#include <unordered_map>

namespace Trailscope::Core {

/// Maps strings, userIdentity combinations and TLS details to their ids in the case, inserting new ones through
/// the writer's connection. Owned by the writer thread.
class Interner
{
public:
    explicit Interner(Sql::Database& db);

    Result<void> load();

    /// 0 for an absent value (stored as NULL).
    std::int64_t string(std::string_view value);
    std::int64_t string(const EventBatch& batch, const TextRef& ref)
    {
        return ref.present ? string(batch.view(ref)) : 0;
    }
    std::int64_t identity(const EventBatch& batch, const IdentityFields& identity);
    std::int64_t tls(const EventBatch& batch, const TlsFields& tls);

    const Error* lastError() const { return m_failed ? &m_error : nullptr; }

private:
    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using Map = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;

    std::int64_t internTuple(Map& map, Sql::Statement& insert, std::int64_t& nextId, const std::int64_t* ids,
                             int count);
    void recordFailure(const QString& context);

    Sql::Database& m_db;
    Map m_strings, m_identities, m_tls;
    std::int64_t m_nextString = 1, m_nextIdentity = 1, m_nextTls = 1;
    Sql::Statement m_insertString, m_insertIdentity, m_insertTls;
    bool m_failed = false;
    Error m_error;
};

} // namespace Trailscope::Core
