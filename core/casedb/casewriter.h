#pragma once

#include "casedb/caseschema.h"
#include "casedb/fieldrows.h"
#include "casedb/interner.h"
#include "casedb/rawrecordreader.h"
#include "casedb/sqlite.h"
#include "record/eventbatch.h"
#include "util/idtable.h"

#include <QStringList>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace Trailscope::Core {

/// What one import did to the case.
struct ImportCounts
{
    std::int64_t files = 0;        ///< source files read (including those that yielded errors)
    std::int64_t skippedFiles = 0; ///< already in the case, not parsed again
    std::int64_t events = 0;       ///< newly stored
    std::int64_t duplicates = 0;   ///< same eventID, same content (or an abridged copy of a stored event)
    std::int64_t conflicts = 0;    ///< same eventID, different content: kept aside in event_variants
    std::int64_t superseded = 0;   ///< abridged copies replaced by a trail-file copy
    std::int64_t rejected = 0;     ///< records and files not stored
    std::int64_t warnings = 0;     ///< records stored with a flag
};

/// A source file already in the case, found by the SHA-256 of its stored bytes or of its content.
struct KnownFile
{
    std::int64_t id = 0;
    bool complete = false;
};

/// Two copies of one eventID from sources of the same standing that differ as JSON values; which copy stays in
/// `events` follows CaseWriter's rule, the other is in event_variants.
struct ImportConflict
{
    QString eventId;
    QString kept;      ///< source of the copy kept (`path!member`)
    QString setAside;  ///< source of the copy set aside
    QStringList paths; ///< where they differ (the first twenty)
};

/// The case's only writer: owns the read-write connection, interns strings, deduplicates events by eventID and
/// commits in large transactions. Used from one thread.
class CaseWriter
{
public:
    static Result<std::unique_ptr<CaseWriter>> open(const QString& path);
    ~CaseWriter();

    /// Source files already stored, by SHA-256 of stored bytes and of content; for the parse workers.
    std::map<Sha256, KnownFile> knownStoredFiles() const;
    std::map<Sha256, KnownFile> knownContentFiles() const;
    std::int64_t nextFileId() const { return m_nextFileId; }
    /// The dictionary the case's newest evidence is compressed with (nullptr when it has none), and the id the next
    /// one trained gets.
    std::shared_ptr<const EvidenceDictionary> evidenceDictionary() const { return m_evidenceDictionary; }
    std::int64_t nextEvidenceDictionaryId() const { return m_nextDictionaryId; }
    bool hasEvents() const { return m_nextEventId > 1; }

    /// Sizes the eventID table for about this many more events, sparing rehashes on a large import.
    void reserveEvents(std::size_t events)
    {
        m_eventIds.reserve(m_eventIds.size() + events);
        // Room for about six field-index leaves an event (5.4 on the benchmark trails), up to the cap: growing by
        // doubling would briefly hold the old and the new buffer. Pages never written cost no memory.
        m_fieldRows.reserve(std::min(MaxPendingFieldRows, m_fieldRows.size() + events * 6));
    }

    Result<std::int64_t> beginSession(const QStringList& paths, const QString& optionsJson);
    Result<void> write(const EventBatch& batch);
    /// Commits what has been written; the next write opens a new transaction.
    Result<void> commit();
    /// Builds the indexes one per transaction; a set `cancel` flag interrupts the one being built.
    Result<void> buildIndexes(const std::vector<CaseSchema::IndexDef>& indexes,
                              const std::atomic<bool>* cancel = nullptr);
    Result<void> finishSession(const QString& status);
    /// Stores the field-index rows of the events written so far (sorted, so the index grows at its end rather than
    /// everywhere) and records that the index covers them, in the current transaction (commit() ends it); part of
    /// building the indexes.
    Result<void> buildFieldIndex();
    /// Starts sorting the held field-index rows on helper threads, so that buildFieldIndex() finds them sorted: the
    /// import calls it before building the searchable index, which leaves a core idle.
    void startSortingFieldRows();
    /// Indexes, from their records, the events the field index does not cover (left by an import that died before
    /// building it); for an import into a case that holds events.
    Result<void> indexUncoveredFields();

    const ImportCounts& counts() const { return m_counts; }
    /// The first problems of the session, in order (capped), for reports.
    const std::vector<Error>& rejected() const { return m_rejected; }
    const std::vector<Error>& warnings() const { return m_warnings; }
    /// The first conflicts of the session: copies of one eventID that differ as JSON values.
    const std::vector<ImportConflict>& conflicts() const { return m_conflicts; }
    void countSkippedFile() { ++m_counts.skippedFiles; }

    Sql::Database& database() { return m_db; }
    /// Shared with the parse workers, which resolve ids before handing batches over.
    Interner& interner() { return *m_interner; }

private:
    explicit CaseWriter(Sql::Database db);
    Result<void> prepare();
    Result<void> ensureTransaction();
    Result<void> insertFile(const SourceFile& file, bool complete, std::int64_t events);
    /// The source_dirs row of a folder and the organization, account and region of its files' keys.
    Result<std::int64_t> dirId(std::string_view path, const S3Key& key);
    static std::string dirKey(std::string_view path, std::string_view organization, std::string_view account,
                              std::string_view region);
    Result<void> flushPack();
    Result<void> loadEvidenceDictionaries();
    Result<void> storeDictionary(const EvidenceDictionary& dictionary);
    Result<void> ensureRecorded(const SourceFile& file);
    Result<void> completeFile(const SourceFile& file, std::int64_t events);
    Result<void> insertEvent(const EventBatch& batch, std::size_t index, std::int64_t rowId);
    Result<void> insertDetails(const EventBatch& batch, std::size_t index, std::int64_t rowId);
    Result<void> insertVariant(std::string_view eventId, const char* reason, const SourceFile& file,
                               const ParsedEvent& event, std::uint64_t contentHash, std::int64_t keptEvent);
    enum class Duplicate { Skip, StoreNew, Replace };
    /// Decides what a second copy of a stored eventID does; Replace has already moved the stored copy aside.
    Result<Duplicate> resolveDuplicate(const EventBatch& batch, const ParsedEvent& event, std::int64_t existingRow);
    Result<void> moveAside(std::int64_t existingRow, const char* reason);
    Result<void> noteConflict(std::string_view eventId, const QString& kept, const QString& setAside,
                              const std::vector<std::string>& paths);
    void recordProblems(const EventBatch& batch);
    Result<void> recordContentHash();
    void countKeyPaths(const EventBatch& batch);
    Result<void> flushKeyPaths();
    /// Adds the (source, name) pairs counted since the last flush to event_names.
    Result<void> flushEventNames();
    Result<void> finishFailure(const QString& context) const;
    /// Queues the field-index rows of a stored event (record/fieldleaves.h).
    Result<void> addFieldLeaves(const EventBatch& batch, const ParsedEvent& event, std::int64_t rowId);

    Sql::Database m_db;
    std::unique_ptr<Interner> m_interner;
    std::unique_ptr<RawRecordReader> m_reader;
    IdTable m_eventIds; // hash of eventID -> row
    std::int64_t m_nextEventId = 1;
    std::int64_t m_nextFileId = 1;
    std::int64_t m_packId = 1;
    std::shared_ptr<const EvidenceDictionary> m_evidenceDictionary;
    std::int64_t m_nextDictionaryId = 1;
    std::set<std::int64_t> m_storedDictionaries;
    std::string m_pack;
    std::int64_t m_sessionId = 0;
    std::int64_t m_storedProblems = 0;
    bool m_inTransaction = false;
    std::chrono::steady_clock::time_point m_transactionStart;
    struct OpenFile
    {
        std::int64_t events = 0;
        bool recorded = false; ///< its source_files row exists
    };
    std::unordered_map<std::int64_t, OpenFile> m_openFiles;
    ImportCounts m_counts;
    std::vector<Error> m_rejected, m_warnings;
    std::vector<ImportConflict> m_conflicts;
    struct PathHash
    {
        using is_transparent = void; // looked up by the batch's string_view, no copy
        std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>()(path); }
    };
    std::unordered_map<std::string, std::int64_t, PathHash, std::equal_to<>> m_keyPathCounts; // since the last commit
    std::vector<std::int64_t> m_keyPathUses; // per path of the batch being written
    Sql::Statement m_addKeyPath, m_addEventName, m_addFieldValue;
    std::vector<FieldRow> m_fieldRows;   // waiting for buildFieldIndex(): a million events queue ~90 MB
    std::future<void> m_fieldRowsSorted; // set while startSortingFieldRows() runs
    void prepareFieldRows();
    // Past this the rows are stored at once (mid-import) instead of held: 128 MiB.
    static constexpr std::size_t MaxPendingFieldRows = 8'000'000;
    std::int64_t m_fieldIndexThrough = 0; // the field index covers every event up to this id
    struct PairHash
    {
        std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& pair) const
        {
            return std::hash<std::int64_t>()(pair.first * 0x9E3779B97F4A7C15LL ^ pair.second);
        }
    };
    // (source id, name id) -> events stored since the last flush; 0 for an absent source or name.
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::int64_t, PairHash> m_eventNameCounts;
    std::unordered_map<std::string, std::int64_t> m_dirs; // dirKey() -> source_dirs.id
    std::int64_t m_nextDirId = 1;
    Sql::Statement m_insertDir, m_insertDictionary;
    Sql::Statement m_insertEvent, m_insertResource, m_insertInsight, m_insertCredential, m_insertFile, m_insertBlob,
        m_completeFile, m_insertProblem, m_existingEvent, m_insertVariant, m_setDifferences;
};

/// The text form of a stored event or request ID column value (blob UUID or text).
std::string decodeStoredId(std::string_view stored, bool isBlob);

} // namespace Trailscope::Core
