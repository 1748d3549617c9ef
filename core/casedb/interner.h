#pragma once

#include "casedb/fieldrows.h"
#include "casedb/sqlite.h"
#include "record/eventbatch.h"
#include "util/bytesidmap.h"

#include <mutex>
#include <string>
#include <vector>

namespace Trailscope::Core {

/// Maps strings, userIdentity combinations, TLS details, event contexts and resource kinds to their ids in the case.
/// Parse workers resolve whole batches (one lock per batch), so the single writer only binds integers; values new to
/// the case are queued and the writer stores them before the batch that first uses them.
class Interner
{
public:
    Result<void> load(Sql::Database& db);

    /// Fills every id of the batch's events and resources. Thread-safe.
    void resolve(EventBatch& batch);

    /// Fills the ids of the batch's field-index paths and leaves only (re-indexing stored records). Thread-safe.
    void resolveFields(EventBatch& batch);

    /// Inserts the values queued since the last call; called by the writer inside its transaction.
    Result<void> storePending(Sql::Database& db);

    /// Settles the field values of the rows: a string new to the case that only field-index leaves use is held back
    /// from `strings` until here. Held in more than one row, it is queued for storePending(); in one row, that row
    /// takes its hash (hashedFieldValue) and the text stays in the evidence alone: most such strings are request
    /// IDs, object keys and session names, a third of a case's rows and indexes. True when some row changed value
    /// (it is then out of order: reorderRevaluedFieldRows()). Call with no parse worker resolving.
    bool settleFieldValues(std::vector<FieldRow>& rows);

private:
    using Map = BytesIdMap;
    struct PendingTuple
    {
        std::int64_t id;
        std::vector<std::int64_t> columns;
    };

    std::int64_t string(std::string_view value);
    /// A field leaf's string: as string(), but a new one is held (not queued) until settleFieldValues().
    std::int64_t fieldString(std::string_view value);
    // The text of a string id held back, empty when the id is stored or queued: ids from m_firstNewString on.
    std::string_view& heldText(std::int64_t id) { return m_heldTexts[static_cast<std::size_t>(id - m_firstNewString)]; }
    std::int64_t string(const EventBatch& batch, const TextRef& ref)
    {
        return ref.present ? string(batch.view(ref)) : 0;
    }
    std::int64_t tuple(Map& map, std::vector<PendingTuple>& pending, std::int64_t& nextId, const std::int64_t* ids,
                       int count);
    /// 0 (no row) when every id is 0: an event without a userIdentity or TLS details.
    std::int64_t optionalTuple(Map& map, std::vector<PendingTuple>& pending, std::int64_t& nextId,
                               const std::int64_t* ids, int count);
    void resolveEvent(const EventBatch& batch, ParsedEvent& event);
    void resolveFieldLeaves(EventBatch& batch);
    std::int64_t identityOf(const EventBatch& batch, const ParsedEvent& event);
    std::int64_t contextOf(const EventBatch& batch, const ParsedEvent& event);

    std::mutex m_mutex;
    Map m_strings, m_identities, m_tls, m_contexts, m_kinds;
    // Identities and contexts by their raw texts, as seen in this import: one lookup for what would otherwise take
    // up to 21 string lookups and a tuple lookup. A cache, emptied when it grows past a bound.
    Map m_identityTexts, m_contextTexts;
    std::string m_textKey;
    std::int64_t m_nextString = 1, m_nextIdentity = 1, m_nextTls = 1, m_nextContext = 1, m_nextKind = 1;
    std::vector<std::pair<std::int64_t, std::string>> m_pendingStrings;
    // Per string id this import gave (from m_firstNewString): the map's copy of a held field value's text, else
    // empty (data() null).
    std::vector<std::string_view> m_heldTexts;
    std::int64_t m_firstNewString = 1;
    std::vector<PendingTuple> m_pendingIdentities, m_pendingTls, m_pendingContexts, m_pendingKinds;
    // Field-index paths (field_paths): id by path text, and per id its flags (FieldPathComposite, FieldPathDotted).
    Map m_fieldPaths;
    std::vector<std::uint8_t> m_fieldPathFlags{0};
    std::vector<std::pair<std::int64_t, std::string>> m_pendingFieldPaths;
    std::vector<std::int64_t> m_pendingFlaggedPaths; // new or existing ids whose flags grew
};

} // namespace Trailscope::Core
