#include "interner.h"

#include "record/fieldleaves.h"

#include <array>
#include <span>

namespace Trailscope::Core {

namespace {

constexpr int IdentityColumns = 17;
constexpr int TlsColumns = 4;
constexpr int ContextColumns = 17;
constexpr int KindColumns = 4;
// arn_is_prefix is 0 or 1, never absent.
constexpr std::array<bool, KindColumns> KindIntegerColumn{false, false, true, true};
// Integer context columns (flags, eventVersion, the booleans) keep their value, negative for absent; the rest are
// string or TLS ids, 0 for absent.
constexpr std::array<bool, ContextColumns> ContextIntegerColumn{
    true, true, true, false, false, false, false, false, false, false, false, false, false, false, true, true, false};
constexpr std::string_view ContextSelect =
    "SELECT id, flags, version_major, version_minor, region, account, agent, event_type, category, api_version, "
    "vpce_account, tls, session_from_console, console_login, mfa_used, read_only, management, vpce "
    "FROM event_contexts";
constexpr std::string_view ContextInsert =
    "INSERT INTO event_contexts(id, flags, version_major, version_minor, region, account, agent, event_type, "
    "category, api_version, vpce_account, tls, session_from_console, console_login, mfa_used, read_only, "
    "management, vpce) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)";

std::string tupleKey(const std::int64_t* ids, int count)
{
    return std::string(reinterpret_cast<const char*>(ids), sizeof(std::int64_t) * static_cast<std::size_t>(count));
}

// Lowercase hex digits only: an uppercase UUID is kept as text so it reads back exactly as written.
constexpr std::array<signed char, 256> HexTable = [] {
    std::array<signed char, 256> table{};
    table.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        table[static_cast<std::size_t>(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        table[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'a' + 10);
    return table;
}();

int hexValue(char c)
{
    return HexTable[static_cast<unsigned char>(c)];
}

CompactId compactId(std::string_view text)
{
    CompactId id;
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        return id;
    int byte = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '-') {
            ++i;
            continue;
        }
        const int high = hexValue(text[i]);
        const int low = hexValue(text[i + 1]);
        if (high < 0 || low < 0 || byte == 16)
            return CompactId{};
        id.bytes[byte++] = static_cast<unsigned char>(high << 4 | low);
        i += 2;
    }
    id.isUuid = byte == 16;
    return id;
}

constexpr std::uint8_t FieldPathComposite = 1, FieldPathDotted = 2;

// Entries per raw-text cache before it is emptied: a trail with a unique user agent per event would otherwise keep
// ~200 bytes per event here.
constexpr std::size_t MaxTextCacheEntries = 1u << 16;

// A field's raw text in a cache key: its length and bytes, or a marker when the field is absent.
void appendText(std::string& key, const EventBatch& batch, const TextRef& ref)
{
    const std::uint32_t length = ref.present ? ref.length : 0xffffffffu;
    key.append(reinterpret_cast<const char*>(&length), sizeof length);
    if (ref.present)
        key.append(batch.view(ref));
}

void appendNumber(std::string& key, std::int64_t value)
{
    key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

} // namespace

Result<void> Interner::load(Sql::Database& db)
{
    std::lock_guard lock(m_mutex);
    auto strings = db.prepare("SELECT id, value FROM strings");
    while (strings.step() == SQLITE_ROW) {
        const std::int64_t id = strings.columnInt(0);
        m_strings.findOrInsert(strings.columnText(1), id);
        m_nextString = std::max(m_nextString, id + 1);
    }
    m_firstNewString = m_nextString;
    m_heldTexts.clear();
    const auto loadTuples = [&](std::string_view sql, int columns, Map& map, std::int64_t& next) {
        auto rows = db.prepare(sql);
        std::int64_t ids[IdentityColumns] = {};
        while (rows.step() == SQLITE_ROW) {
            const std::int64_t id = rows.columnInt(0);
            for (int i = 0; i < columns; ++i)
                ids[i] = rows.columnInt(i + 1);
            map.findOrInsert(tupleKey(ids, columns), id);
            next = std::max(next, id + 1);
        }
    };
    loadTuples("SELECT id, type, principal_id, arn, account_id, access_key_id, user_name, invoked_by, issuer_type, "
               "issuer_principal_id, issuer_arn, issuer_name, issuer_account_id, mfa_authenticated, session_created, "
               "source_identity, identity_provider, user FROM identities",
               IdentityColumns, m_identities, m_nextIdentity);
    loadTuples("SELECT id, version, cipher_suite, host_header, key_exchange FROM tls_profiles", TlsColumns, m_tls,
               m_nextTls);
    // Absent integers read back as -1, as the parser gives them.
    auto contexts = db.prepare(ContextSelect);
    std::int64_t context[ContextColumns];
    while (contexts.step() == SQLITE_ROW) {
        const std::int64_t id = contexts.columnInt(0);
        for (int i = 0; i < ContextColumns; ++i) {
            const bool absent = contexts.columnIsNull(i + 1);
            context[i] = absent && ContextIntegerColumn[static_cast<std::size_t>(i)] ? -1 : contexts.columnInt(i + 1);
        }
        m_contexts.findOrInsert(tupleKey(context, ContextColumns), id);
        m_nextContext = std::max(m_nextContext, id + 1);
    }
    loadTuples("SELECT id, type, account, arn_is_prefix, derived FROM resource_kinds", KindColumns, m_kinds,
               m_nextKind);
    auto fieldPaths = db.prepare("SELECT id, path, composite, dotted FROM field_paths");
    while (fieldPaths.step() == SQLITE_ROW) {
        const auto id = static_cast<std::size_t>(fieldPaths.columnInt(0));
        m_fieldPaths.findOrInsert(fieldPaths.columnText(1), static_cast<std::int64_t>(id));
        if (m_fieldPathFlags.size() <= id)
            m_fieldPathFlags.resize(id + 1, 0);
        m_fieldPathFlags[id] = static_cast<std::uint8_t>((fieldPaths.columnInt(2) != 0 ? FieldPathComposite : 0) |
                                                         (fieldPaths.columnInt(3) != 0 ? FieldPathDotted : 0));
    }
    return {};
}

std::int64_t Interner::string(std::string_view value)
{
    const auto [id, inserted] = m_strings.findOrInsert(value, m_nextString);
    if (inserted) {
        ++m_nextString;
        m_heldTexts.emplace_back();
        m_pendingStrings.emplace_back(id, std::string(value));
    } else if (id >= m_firstNewString && heldText(id).data() != nullptr) {
        // A held field value a column uses too: it needs its row now.
        heldText(id) = {};
        m_pendingStrings.emplace_back(id, std::string(value));
    }
    return id;
}

std::int64_t Interner::fieldString(std::string_view value)
{
    const auto entry = m_strings.findOrInsertEntry(value, m_nextString);
    if (entry.inserted) {
        ++m_nextString;
        // A view of any non-null address marks it held, the empty string too.
        m_heldTexts.emplace_back(entry.key.data() != nullptr ? entry.key.data() : "", entry.key.size());
    }
    return entry.id;
}

bool Interner::settleFieldValues(std::vector<FieldRow>& rows)
{
    std::lock_guard lock(m_mutex);
    // Rows per held id, counted up to 2.
    std::vector<std::uint8_t> uses(m_heldTexts.size(), 0);
    const auto heldOffset = [&](std::int64_t value) -> std::int64_t {
        const std::int64_t offset = value - m_firstNewString;
        if (value <= 0 || offset < 0 || offset >= static_cast<std::int64_t>(m_heldTexts.size()) ||
            m_heldTexts[static_cast<std::size_t>(offset)].data() == nullptr)
            return -1;
        return offset;
    };
    for (const FieldRow& row : rows)
        if (const std::int64_t offset = heldOffset(row.value); offset >= 0 && uses[std::size_t(offset)] < 2)
            ++uses[std::size_t(offset)];
    bool revalued = false;
    for (FieldRow& row : rows) {
        const std::int64_t offset = heldOffset(row.value);
        if (offset < 0)
            continue;
        std::string_view& text = m_heldTexts[std::size_t(offset)];
        if (uses[std::size_t(offset)] == 1) {
            // Stays held: seen again by a later batch of this import, it may still earn its row.
            row.value = hashedFieldValue(text);
            revalued = true;
        } else {
            m_pendingStrings.emplace_back(row.value, std::string(text));
            text = {};
        }
    }
    return revalued;
}

std::int64_t Interner::optionalTuple(Map& map, std::vector<PendingTuple>& pending, std::int64_t& nextId,
                                     const std::int64_t* ids, int count)
{
    bool any = false;
    for (int i = 0; i < count; ++i)
        any = any || ids[i] != 0;
    return any ? tuple(map, pending, nextId, ids, count) : 0;
}

std::int64_t Interner::tuple(Map& map, std::vector<PendingTuple>& pending, std::int64_t& nextId,
                             const std::int64_t* ids, int count)
{
    // Looked up as a view of the ids: nothing is allocated for a tuple the case already holds.
    const std::string_view key(reinterpret_cast<const char*>(ids),
                               sizeof(std::int64_t) * static_cast<std::size_t>(count));
    const auto [id, inserted] = map.findOrInsert(key, nextId);
    if (inserted) {
        ++nextId;
        pending.push_back(PendingTuple{id, std::vector<std::int64_t>(ids, ids + count)});
    }
    return id;
}

std::int64_t Interner::identityOf(const EventBatch& batch, const ParsedEvent& e)
{
    const IdentityFields& i = e.identity;
    m_textKey.clear();
    for (const TextRef* ref : {&i.type, &i.principalId, &i.arn, &i.accountId, &i.accessKeyId, &i.userName, &i.invokedBy,
                               &i.issuerType, &i.issuerPrincipalId, &i.issuerArn, &i.issuerName, &i.issuerAccountId,
                               &i.mfaAuthenticated, &i.sessionCreated, &i.sourceIdentity, &i.identityProvider, &i.user})
        appendText(m_textKey, batch, *ref);
    if (const auto cached = m_identityTexts.find(m_textKey))
        return *cached;
    const std::int64_t identity[IdentityColumns] = {string(batch, i.type),
                                                    string(batch, i.principalId),
                                                    string(batch, i.arn),
                                                    string(batch, i.accountId),
                                                    string(batch, i.accessKeyId),
                                                    string(batch, i.userName),
                                                    string(batch, i.invokedBy),
                                                    string(batch, i.issuerType),
                                                    string(batch, i.issuerPrincipalId),
                                                    string(batch, i.issuerArn),
                                                    string(batch, i.issuerName),
                                                    string(batch, i.issuerAccountId),
                                                    string(batch, i.mfaAuthenticated),
                                                    string(batch, i.sessionCreated),
                                                    string(batch, i.sourceIdentity),
                                                    string(batch, i.identityProvider),
                                                    string(batch, i.user)};
    const std::int64_t id = optionalTuple(m_identities, m_pendingIdentities, m_nextIdentity, identity, IdentityColumns);
    if (m_identityTexts.size() >= MaxTextCacheEntries)
        m_identityTexts = Map();
    m_identityTexts.findOrInsert(m_textKey, id);
    return id;
}

std::int64_t Interner::contextOf(const EventBatch& batch, const ParsedEvent& e)
{
    m_textKey.clear();
    for (const std::int64_t number :
         {static_cast<std::int64_t>(e.flags), std::int64_t(e.versionMajor), std::int64_t(e.versionMinor),
          std::int64_t(e.readOnly), std::int64_t(e.managementEvent)})
        appendNumber(m_textKey, number);
    for (const TextRef* ref :
         {&e.region, &e.recipientAccount, &e.userAgent, &e.eventType, &e.category, &e.apiVersion, &e.vpcEndpointAccount,
          &e.tls.version, &e.tls.cipherSuite, &e.tls.hostHeader, &e.tls.keyExchange, &e.sessionCredentialFromConsole,
          &e.consoleLogin, &e.mfaUsed, &e.vpcEndpointId})
        appendText(m_textKey, batch, *ref);
    if (const auto cached = m_contextTexts.find(m_textKey))
        return *cached;
    const std::int64_t tls[TlsColumns] = {string(batch, e.tls.version), string(batch, e.tls.cipherSuite),
                                          string(batch, e.tls.hostHeader), string(batch, e.tls.keyExchange)};
    const std::int64_t context[ContextColumns] = {static_cast<std::int64_t>(e.flags),
                                                  e.versionMajor,
                                                  e.versionMinor,
                                                  string(batch, e.region),
                                                  string(batch, e.recipientAccount),
                                                  string(batch, e.userAgent),
                                                  string(batch, e.eventType),
                                                  string(batch, e.category),
                                                  string(batch, e.apiVersion),
                                                  string(batch, e.vpcEndpointAccount),
                                                  optionalTuple(m_tls, m_pendingTls, m_nextTls, tls, TlsColumns),
                                                  string(batch, e.sessionCredentialFromConsole),
                                                  string(batch, e.consoleLogin),
                                                  string(batch, e.mfaUsed),
                                                  e.readOnly,
                                                  e.managementEvent,
                                                  string(batch, e.vpcEndpointId)};
    const std::int64_t id = tuple(m_contexts, m_pendingContexts, m_nextContext, context, ContextColumns);
    if (m_contextTexts.size() >= MaxTextCacheEntries)
        m_contextTexts = Map();
    m_contextTexts.findOrInsert(m_textKey, id);
    return id;
}

void Interner::resolveEvent(const EventBatch& batch, ParsedEvent& e)
{
    ResolvedIds& r = e.ids;
    r.identity = identityOf(batch, e);
    r.context = contextOf(batch, e);
    r.name = string(batch, e.name);
    r.source = string(batch, e.source);
    r.ip = string(batch, e.sourceIp);
    r.errorCode = string(batch, e.errorCode);
    r.errorMessage = string(batch, e.errorMessage);
}

void Interner::resolveFieldLeaves(EventBatch& batch)
{
    for (FieldPath& path : batch.fieldPaths) {
        const auto nextId = static_cast<std::int64_t>(m_fieldPathFlags.size());
        const auto [id, inserted] = m_fieldPaths.findOrInsert(batch.view(path.path), nextId);
        if (inserted) {
            m_fieldPathFlags.push_back(0);
            m_pendingFieldPaths.emplace_back(id, std::string(batch.view(path.path)));
        }
        std::uint8_t& flags = m_fieldPathFlags[static_cast<std::size_t>(id)];
        const auto seen = static_cast<std::uint8_t>(flags | (path.composite ? FieldPathComposite : 0) |
                                                    (path.dottedKey ? FieldPathDotted : 0));
        if (seen != flags) {
            flags = seen;
            m_pendingFlaggedPaths.push_back(id);
        }
        path.id = id;
    }
    for (FieldLeaf& leaf : batch.fieldLeaves)
        if (leaf.isString)
            leaf.valueId = fieldString(batch.view(leaf.value));
}

void Interner::resolveFields(EventBatch& batch)
{
    std::lock_guard lock(m_mutex);
    resolveFieldLeaves(batch);
}

void Interner::resolve(EventBatch& batch)
{
    // Work that needs no shared state happens before taking the lock.
    for (ParsedEvent& event : batch.events) {
        const std::string_view eventId = batch.view(event.eventId);
        event.idHash = std::hash<std::string_view>{}(eventId);
        event.storedEventId = compactId(eventId);
        event.storedRequestId = compactId(batch.view(event.requestId));
        event.storedSharedEventId = compactId(batch.view(event.sharedEventId));
    }
    std::lock_guard lock(m_mutex);
    for (ParsedEvent& event : batch.events)
        resolveEvent(batch, event);
    resolveFieldLeaves(batch);
    for (ResourceFields& resource : batch.resources) {
        resource.arnId = string(batch, resource.arn);
        const std::int64_t kind[KindColumns] = {string(batch, resource.type), string(batch, resource.accountId),
                                                resource.arnIsPrefix ? 1 : 0, resource.derived ? 1 : 0};
        resource.kindId = tuple(m_kinds, m_pendingKinds, m_nextKind, kind, KindColumns);
    }
}

Result<void> Interner::storePending(Sql::Database& db)
{
    std::vector<std::pair<std::int64_t, std::string>> strings;
    std::vector<PendingTuple> identities, tls, contexts, kinds;
    std::vector<std::pair<std::int64_t, std::string>> fieldPaths;
    std::vector<std::int64_t> flaggedPaths;
    std::vector<std::uint8_t> pathFlags;
    {
        std::lock_guard lock(m_mutex);
        if (m_pendingStrings.empty() && m_pendingIdentities.empty() && m_pendingTls.empty() &&
            m_pendingContexts.empty() && m_pendingKinds.empty() && m_pendingFieldPaths.empty() &&
            m_pendingFlaggedPaths.empty())
            return {};
        fieldPaths.swap(m_pendingFieldPaths);
        flaggedPaths.swap(m_pendingFlaggedPaths);
        for (const std::int64_t id : flaggedPaths)
            pathFlags.push_back(m_fieldPathFlags[static_cast<std::size_t>(id)]);
        strings.swap(m_pendingStrings);
        identities.swap(m_pendingIdentities);
        tls.swap(m_pendingTls);
        contexts.swap(m_pendingContexts);
        kinds.swap(m_pendingKinds);
    }
    auto insertString = db.prepare("INSERT INTO strings(id, value) VALUES(?1, ?2)");
    for (const auto& [id, value] : strings) {
        insertString.bind(1, id).bindStatic(2, value);
        if (insertString.exec() != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("storing a string")));
    }
    auto insertPath = db.prepare("INSERT INTO field_paths(id, path) VALUES(?1, ?2)");
    for (const auto& [id, path] : fieldPaths) {
        insertPath.bind(1, id).bindStatic(2, path);
        if (insertPath.exec() != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("storing a field path")));
    }
    auto markComposite = db.prepare("UPDATE field_paths SET composite = ?2, dotted = ?3 WHERE id = ?1");
    for (std::size_t i = 0; i < flaggedPaths.size(); ++i) {
        markComposite.bind(1, flaggedPaths[i])
            .bind(2, std::int64_t((pathFlags[i] & FieldPathComposite) != 0))
            .bind(3, std::int64_t((pathFlags[i] & FieldPathDotted) != 0));
        if (markComposite.exec() != SQLITE_DONE)
            return std::unexpected(db.error(QStringLiteral("storing a field path")));
    }
    const auto storeTuples = [&](std::string_view sql, const std::vector<PendingTuple>& rows,
                                 std::span<const bool> integerColumns) -> Result<void> {
        auto insert = db.prepare(sql);
        for (const PendingTuple& row : rows) {
            insert.bind(1, row.id);
            for (std::size_t i = 0; i < row.columns.size(); ++i) {
                const bool integer = i < integerColumns.size() && integerColumns[i];
                if (integer ? row.columns[i] >= 0 : row.columns[i] != 0)
                    insert.bind(static_cast<int>(i) + 2, row.columns[i]);
                else
                    insert.bindNull(static_cast<int>(i) + 2);
            }
            if (insert.exec() != SQLITE_DONE)
                return std::unexpected(
                    db.error(QStringLiteral("storing an identity, TLS profile, event context or resource kind")));
        }
        return {};
    };
    if (auto stored = storeTuples("INSERT INTO identities(id, type, principal_id, arn, account_id, access_key_id, "
                                  "user_name, invoked_by, issuer_type, issuer_principal_id, issuer_arn, issuer_name, "
                                  "issuer_account_id, mfa_authenticated, session_created, source_identity, "
                                  "identity_provider, user) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,"
                                  "?15,?16,?17,?18)",
                                  identities, {});
        !stored)
        return stored;
    if (auto stored = storeTuples("INSERT INTO tls_profiles(id, version, cipher_suite, host_header, key_exchange) "
                                  "VALUES(?1,?2,?3,?4,?5)",
                                  tls, {});
        !stored)
        return stored;
    if (auto stored = storeTuples(ContextInsert, contexts, ContextIntegerColumn); !stored)
        return stored;
    return storeTuples("INSERT INTO resource_kinds(id, type, account, arn_is_prefix, derived) VALUES(?1,?2,?3,?4,?5)",
                       kinds, KindIntegerColumn);
}

} // namespace Trailscope::Core
