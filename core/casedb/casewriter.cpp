#include "casewriter.h"

#include "casedb/fieldpostings.h"
#include "record/fieldleaves.h"
#include "record/jsonvaluediff.h"
#include "record/recordparser.h"
#include "util/logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QScopeGuard>

#include <algorithm>
#include <limits>
#include <thread>
#include <tuple>

namespace Trailscope::Core {

namespace {

constexpr std::size_t MaxReportedProblems = 1000;
constexpr std::int64_t MaxStoredProblems = 100000;
constexpr auto CommitInterval = std::chrono::milliseconds(750);

std::uint64_t idHash(std::string_view eventId)
{
    return std::hash<std::string_view>{}(eventId);
}

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

std::string decodeStoredId(std::string_view stored, bool isBlob)
{
    if (!isBlob || stored.size() != 16)
        return std::string(stored);
    static constexpr char Hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        const auto byte = static_cast<unsigned char>(stored[i]);
        text += Hex[byte >> 4];
        text += Hex[byte & 15];
    }
    return text;
}

CaseWriter::CaseWriter(Sql::Database db) : m_db(std::move(db)) {}

CaseWriter::~CaseWriter()
{
    // commit() and not a bare COMMIT: what is written must not lose its evidence pack or its event_names counts
    // (a source's events are found through them).
    (void)commit();
}

Result<std::unique_ptr<CaseWriter>> CaseWriter::open(const QString& path)
{
    auto db = CaseSchema::open(path, CaseSchema::OpenMode::CreateOrOpen);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<CaseWriter> writer(new CaseWriter(std::move(*db)));
    if (auto prepared = writer->prepare(); !prepared) {
        Error error = prepared.error();
        error.path = path;
        return std::unexpected(error);
    }
    return writer;
}

Result<void> CaseWriter::prepare()
{
    if (auto created = CaseSchema::ensureKeyPaths(m_db); !created)
        return created;
    if (auto created = CaseSchema::ensureCredentialLinks(m_db); !created)
        return created;
    m_addKeyPath = m_db.prepare("INSERT INTO key_paths(path, events) VALUES(?1, ?2) "
                                "ON CONFLICT(path) DO UPDATE SET events = events + excluded.events");
    m_addEventName = m_db.prepare("INSERT INTO event_names(source, name, events) VALUES(?1, ?2, ?3) "
                                  "ON CONFLICT(source, name) DO UPDATE SET events = events + excluded.events");
    m_addFieldValue = m_db.prepare("INSERT INTO field_postings(path, value, first, events) VALUES(?1, ?2, ?3, ?4)");
    m_insertEvent = m_db.prepare(
        "INSERT INTO event_rows(id, time, event_id, context, name, source, identity, ip, error_code, error_message, "
        "request_id, shared_event_id, file_id, offset, length) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
    m_insertResource =
        m_db.prepare("INSERT OR IGNORE INTO resource_rows(event, ordinal, kind, arn) VALUES(?1,?2,?3,?4)");
    m_insertInsight = m_db.prepare(
        "INSERT INTO insights(event, state, event_source, event_name, insight_type, error_code, baseline_average, "
        "insight_average, insight_duration, baseline_duration, details) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    m_insertCredential = m_db.prepare("INSERT OR REPLACE INTO credential_links(event, issued_key, principal, subject, "
                                      "provider, source_identity) VALUES(?1,?2,?3,?4,?5,?6)");
    m_insertFile = m_db.prepare(
        "INSERT INTO source_file_rows(id, session_id, name, member, folder, shape, rank, encoding, dir_id, "
        "delivered, stored_sha256, stored_size, evidence_original, pack_id, pack_offset, complete, content_sha256, "
        "content_size, records, events, name_form, evidence_format, evidence_dictionary) VALUES(?1,?2,?3,?4,?5,?6,?7,"
        "?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23)");
    m_insertDictionary = m_db.prepare("INSERT INTO evidence_dictionaries(id, data) VALUES(?1, ?2)");
    m_insertDir =
        m_db.prepare("INSERT INTO source_dirs(id, path, organization, account, region) VALUES(?1, ?2, ?3, ?4, ?5)");
    m_insertBlob = m_db.prepare("INSERT INTO source_blobs(id, data) VALUES(?1, ?2)");
    m_completeFile =
        m_db.prepare("UPDATE source_file_rows SET complete=1, content_sha256=?2, content_size=?3, "
                     "records=?4, events=coalesce(events,0)+?5, shape=?6, rank=?7, encoding=?8 WHERE id=?1");
    m_insertProblem =
        m_db.prepare("INSERT INTO import_problems(session_id, severity, path, member, record, line, code, "
                     "reason) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    m_existingEvent =
        m_db.prepare("SELECT e.event_id, e.file_id, e.offset, e.length, f.rank, typeof(e.event_id), f.delivered, "
                     "f.path || coalesce('!' || f.member, '') FROM events e JOIN source_files f ON f.id = e.file_id "
                     "WHERE e.id = ?1");
    m_setDifferences = m_db.prepare("UPDATE event_variants SET differences = ?2 WHERE id = ?1");
    m_insertVariant = m_db.prepare("INSERT INTO event_variants(event_id, reason, session_id, file_id, offset, length, "
                                   "time, content_hash, kept_event) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    for (const Sql::Statement* statement :
         {&m_insertEvent, &m_insertResource, &m_insertInsight, &m_insertCredential, &m_insertFile, &m_insertBlob,
          &m_completeFile, &m_insertProblem, &m_existingEvent, &m_insertVariant, &m_setDifferences, &m_addKeyPath,
          &m_addEventName, &m_insertDir, &m_addFieldValue, &m_insertDictionary}) {
        if (!statement->isValid())
            return fail(ErrorCode::CorruptCase, statement->prepareError());
    }
    m_interner = std::make_unique<Interner>();
    m_reader = std::make_unique<RawRecordReader>(m_db);
    if (auto loaded = m_interner->load(m_db); !loaded)
        return loaded;
    auto ids = m_db.prepare("SELECT id, event_id, typeof(event_id) = 'blob' FROM event_rows");
    while (ids.step() == SQLITE_ROW) {
        const std::int64_t row = ids.columnInt(0);
        const std::string text = decodeStoredId(ids.columnBlob(1), ids.columnInt(2) != 0);
        m_eventIds.set(idHash(text), row);
        m_nextEventId = std::max(m_nextEventId, row + 1);
    }
    m_nextEventId = std::max(m_nextEventId, m_db.queryInt("SELECT max(id) + 1 FROM event_variants").value_or(1));
    m_nextFileId = m_db.queryInt("SELECT max(id) + 1 FROM source_file_rows").value_or(1);
    m_fieldIndexThrough = m_db.queryInt("SELECT value FROM meta WHERE key = 'field_index_through'").value_or(0);
    // An id the field index has listed is never given again (an event moved aside frees its id), so a list never
    // names an event it did not see.
    m_nextEventId = std::max(m_nextEventId, m_fieldIndexThrough + 1);
    auto dirs = m_db.prepare("SELECT id, path, ifnull(organization, ''), ifnull(account, ''), ifnull(region, '') "
                             "FROM source_dirs");
    while (dirs.step() == SQLITE_ROW) {
        const std::int64_t id = dirs.columnInt(0);
        m_dirs.emplace(dirKey(dirs.columnText(1), dirs.columnText(2), dirs.columnText(3), dirs.columnText(4)), id);
        m_nextDirId = std::max(m_nextDirId, id + 1);
    }
    m_packId = m_db.queryInt("SELECT max(id) + 1 FROM source_blobs").value_or(1);
    if (auto loaded = loadEvidenceDictionaries(); !loaded)
        return loaded;
    // A session left running was interrupted (killed or crashed): say so rather than leave it "running".
    return m_db.exec("UPDATE import_sessions SET status='interrupted' WHERE status='running'");
}

std::map<Sha256, KnownFile> CaseWriter::knownStoredFiles() const
{
    std::map<Sha256, KnownFile> known;
    auto rows = m_db.prepare("SELECT stored_sha256, id, complete FROM source_files WHERE stored_sha256 IS NOT NULL");
    while (rows.step() == SQLITE_ROW) {
        Sha256 digest{};
        const std::string_view blob = rows.columnBlob(0);
        if (blob.size() != digest.size())
            continue;
        std::copy(blob.begin(), blob.end(), digest.begin());
        KnownFile& file = known[digest];
        if (!file.complete)
            file = KnownFile{rows.columnInt(1), rows.columnInt(2) != 0};
    }
    return known;
}

std::map<Sha256, KnownFile> CaseWriter::knownContentFiles() const
{
    std::map<Sha256, KnownFile> known;
    auto rows =
        m_db.prepare("SELECT content_sha256, id FROM source_files WHERE complete=1 AND content_sha256 IS NOT NULL");
    while (rows.step() == SQLITE_ROW) {
        Sha256 digest{};
        const std::string_view blob = rows.columnBlob(0);
        if (blob.size() != digest.size())
            continue;
        std::copy(blob.begin(), blob.end(), digest.begin());
        known[digest] = KnownFile{rows.columnInt(1), true};
    }
    return known;
}

Result<std::int64_t> CaseWriter::beginSession(const QStringList& paths, const QString& optionsJson)
{
    auto insert =
        m_db.prepare("INSERT INTO import_sessions(started, status, paths, options) VALUES(?1,'running',?2,?3)");
    const QByteArray joined = paths.join(QLatin1Char('\n')).toUtf8();
    const QByteArray options = optionsJson.toUtf8();
    insert.bind(1, nowMs()).bindText(2, joined.toStdString()).bindText(3, options.toStdString());
    if (insert.exec() != SQLITE_DONE)
        return std::unexpected(m_db.error(QStringLiteral("starting an import session")));
    m_sessionId = sqlite3_last_insert_rowid(m_db.handle());
    return m_sessionId;
}

Result<void> CaseWriter::ensureTransaction()
{
    if (m_inTransaction)
        return {};
    if (auto begun = m_db.exec("BEGIN IMMEDIATE"); !begun)
        return begun;
    m_inTransaction = true;
    m_transactionStart = std::chrono::steady_clock::now();
    return {};
}

Result<void> CaseWriter::commit()
{
    if (!m_inTransaction)
        return {};
    if (auto flushed = flushPack(); !flushed)
        return flushed;
    if (auto flushed = flushKeyPaths(); !flushed)
        return flushed;
    if (auto flushed = flushEventNames(); !flushed)
        return flushed;
    m_inTransaction = false;
    return m_db.exec("COMMIT");
}

void CaseWriter::countKeyPaths(const EventBatch& batch)
{
    // Few distinct paths per batch: one hash lookup each, not one per event. The cap bounds what is held between
    // commits when records use data as keys.
    constexpr std::size_t MaxPendingKeyPaths = 50000;
    for (std::size_t i = 0; i < m_keyPathUses.size(); ++i) {
        if (m_keyPathUses[i] == 0)
            continue;
        const std::string_view path = batch.view(batch.keyPaths[i]);
        const auto found = m_keyPathCounts.find(path);
        if (found != m_keyPathCounts.end())
            found->second += m_keyPathUses[i];
        else if (m_keyPathCounts.size() < MaxPendingKeyPaths)
            m_keyPathCounts.emplace(std::string(path), m_keyPathUses[i]);
    }
}

Result<void> CaseWriter::flushKeyPaths()
{
    for (const auto& [path, events] : m_keyPathCounts) {
        m_addKeyPath.bindStatic(1, path).bind(2, events);
        if (m_addKeyPath.exec() != SQLITE_DONE)
            return finishFailure(QStringLiteral("recording key paths"));
    }
    m_keyPathCounts.clear();
    return {};
}

Result<void> CaseWriter::addFieldLeaves(const EventBatch& batch, const ParsedEvent& event, std::int64_t rowId)
{
    if (rowId > std::numeric_limits<std::uint32_t>::max())
        return fail(ErrorCode::CorruptCase,
                    QStringLiteral("more than 4294967295 events: the field index cannot hold them"));
    const auto event32 = static_cast<std::uint32_t>(rowId);
    for (std::uint32_t i = event.leavesBegin; i < event.leavesEnd; ++i) {
        const FieldLeaf& leaf = batch.fieldLeaves[i];
        m_fieldRows.push_back(
            FieldRow{static_cast<std::uint32_t>(batch.fieldPaths[leaf.path].id), event32, leaf.valueId});
    }
    if (event.leavesTruncated)
        m_fieldRows.push_back(FieldRow{0, event32, 0});
    return m_fieldRows.size() >= MaxPendingFieldRows ? buildFieldIndex() : Result<void>{};
}

// Sorted, and the values seen once given their hash instead of a strings row (Interner::settleFieldValues).
void CaseWriter::prepareFieldRows()
{
    sortFieldRows(m_fieldRows);
    if (m_interner->settleFieldValues(m_fieldRows))
        reorderRevaluedFieldRows(m_fieldRows, HashedFieldValueBase);
}

void CaseWriter::startSortingFieldRows()
{
    if (!m_fieldRowsSorted.valid() && !m_fieldRows.empty())
        m_fieldRowsSorted = std::async(std::launch::async, [this] { prepareFieldRows(); });
}

Result<void> CaseWriter::buildFieldIndex()
{
    if (auto begun = ensureTransaction(); !begun)
        return begun;
    // In key order the B-tree grows at its end instead of taking a seek into a random page per row.
    if (m_fieldRowsSorted.valid())
        m_fieldRowsSorted.get();
    else
        prepareFieldRows();
    // Strings of the batch, and the field values that turned out to occur more than once.
    if (auto stored = m_interner->storePending(m_db); !stored)
        return stored;
    std::vector<std::int64_t> events;
    for (std::size_t begin = 0; begin < m_fieldRows.size();) {
        const FieldRow& head = m_fieldRows[begin];
        events.clear();
        std::size_t end = begin;
        for (; end < m_fieldRows.size() && m_fieldRows[end].path == head.path && m_fieldRows[end].value == head.value;
             ++end)
            if (events.empty() || events.back() != m_fieldRows[end].event) // an array repeats a leaf
                events.push_back(m_fieldRows[end].event);
        const std::string list = FieldPostings::encode(events);
        m_addFieldValue.bind(1, std::int64_t(head.path)).bind(2, head.value).bind(3, events.front());
        m_addFieldValue.bindBlob(4, list.data(), list.size());
        if (m_addFieldValue.exec() != SQLITE_DONE)
            return finishFailure(QStringLiteral("storing the field index"));
        begin = end;
    }
    m_fieldRows.clear();
    m_fieldRows.shrink_to_fit();
    // Every event written so far: later ids are not yet covered, and queries read their records (FieldIndex).
    m_fieldIndexThrough = m_nextEventId - 1;
    auto through = m_db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('field_index_through', ?1)");
    through.bind(1, m_fieldIndexThrough);
    if (through.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("recording the field index"));
    return {};
}

Result<void> CaseWriter::indexUncoveredFields()
{
    auto uncovered = m_db.prepare("SELECT id FROM event_rows WHERE id > ?1 ORDER BY file_id, offset");
    uncovered.bind(1, m_fieldIndexThrough);
    simdjson::dom::parser parser;
    FieldLeafCollector collector;
    while (uncovered.step() == SQLITE_ROW) {
        const std::int64_t rowId = uncovered.columnInt(0);
        const auto record = m_reader->eventRecord(rowId);
        if (!record)
            return std::unexpected(record.error());
        EventBatch batch;
        ParsedEvent event;
        collector.begin(event, batch);
        simdjson::dom::object root;
        if (parser.parse(record->data(), record->size()).get(root) == simdjson::SUCCESS)
            for (const simdjson::dom::key_value_pair field : root)
                if (isIndexedFieldPart(field.key))
                    collector.collect(field.key, field.value, event, batch);
        collector.end(event, batch);
        m_interner->resolveFields(batch);
        if (auto added = addFieldLeaves(batch, event, rowId); !added)
            return added;
    }
    if (auto built = buildFieldIndex(); !built)
        return built;
    return commit();
}

Result<void> CaseWriter::flushEventNames()
{
    for (const auto& [pair, events] : m_eventNameCounts) {
        m_addEventName.bind(1, pair.first).bind(2, pair.second).bind(3, events);
        if (m_addEventName.exec() != SQLITE_DONE)
            return finishFailure(QStringLiteral("recording event names"));
    }
    m_eventNameCounts.clear();
    return {};
}

Result<void> CaseWriter::finishFailure(const QString& context) const
{
    return std::unexpected(m_db.error(context));
}

Result<void> CaseWriter::ensureRecorded(const SourceFile& file)
{
    OpenFile& open = m_openFiles[file.id];
    if (open.recorded)
        return {};
    open.recorded = true;
    return insertFile(file, false, 0);
}

Result<void> CaseWriter::flushPack()
{
    if (m_pack.empty())
        return {};
    m_insertBlob.bind(1, m_packId).bindBlob(2, m_pack.data(), m_pack.size());
    if (m_insertBlob.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("keeping evidence"));
    ++m_packId;
    m_pack.clear();
    return {};
}

namespace {

// UNIQUE of ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz when the name is exactly that for the key's
// account, region and delivery minute (the source_files view rebuilds it with strftime), else empty.
std::string_view uniquePartOfTrailName(std::string_view name, const S3Key& key)
{
    constexpr std::string_view Suffix = ".json.gz";
    if (key.folder != S3Key::Folder::CloudTrail || !key.delivered || key.deliveredDayOnly || key.accountId.empty() ||
        key.region.empty())
        return {};
    const QDateTime delivered = QDateTime::fromMSecsSinceEpoch(*key.delivered, Qt::UTC);
    if (delivered.date().year() < 2000 || delivered.date().year() > 9999 || *key.delivered % 60000 != 0)
        return {};
    const std::string prefix = key.accountId + "_CloudTrail_" + key.region + "_" +
                               delivered.toString(QStringLiteral("yyyyMMdd'T'HHmm'Z'")).toStdString() + "_";
    if (name.size() <= prefix.size() + Suffix.size() || !name.starts_with(prefix) || !name.ends_with(Suffix))
        return {};
    return name.substr(prefix.size(), name.size() - prefix.size() - Suffix.size());
}

} // namespace

std::string CaseWriter::dirKey(std::string_view path, std::string_view organization, std::string_view account,
                               std::string_view region)
{
    std::string key(path);
    for (const std::string_view part : {organization, account, region})
        key.append(1, '\0').append(part);
    return key;
}

Result<std::int64_t> CaseWriter::dirId(std::string_view path, const S3Key& key)
{
    std::string lookup = dirKey(path, key.organizationId, key.accountId, key.region);
    if (const auto found = m_dirs.find(lookup); found != m_dirs.end())
        return found->second;
    const std::int64_t id = m_nextDirId++;
    const auto text = [&](int index, const std::string& value) {
        if (value.empty())
            m_insertDir.bindNull(index);
        else
            m_insertDir.bindText(index, value);
    };
    m_insertDir.bind(1, id).bindText(2, path);
    text(3, key.organizationId);
    text(4, key.accountId);
    text(5, key.region);
    if (m_insertDir.exec() != SQLITE_DONE)
        return std::unexpected(m_db.error(QStringLiteral("recording a source folder")));
    m_dirs.emplace(std::move(lookup), id);
    return id;
}

Result<void> CaseWriter::loadEvidenceDictionaries()
{
    auto rows = m_db.prepare("SELECT id, data FROM evidence_dictionaries ORDER BY id");
    while (rows.step() == SQLITE_ROW) {
        const std::int64_t id = rows.columnInt(0);
        m_storedDictionaries.insert(id);
        m_nextDictionaryId = id + 1;
        m_evidenceDictionary = EvidenceDictionary::load(id, std::string(rows.columnBlob(1)));
        if (!m_evidenceDictionary)
            return fail(ErrorCode::CorruptCase, QStringLiteral("evidence dictionary %1 is damaged").arg(id));
    }
    return {};
}

// A dictionary is stored with the first file compressed with it, in the same transaction.
Result<void> CaseWriter::storeDictionary(const EvidenceDictionary& dictionary)
{
    if (m_storedDictionaries.contains(dictionary.id()))
        return {};
    auto& s = m_insertDictionary;
    s.bind(1, dictionary.id()).bindBlob(2, dictionary.bytes().data(), dictionary.bytes().size());
    if (s.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("keeping the evidence dictionary"));
    m_storedDictionaries.insert(dictionary.id());
    return {};
}

Result<void> CaseWriter::insertFile(const SourceFile& file, bool complete, std::int64_t events)
{
    if (file.dictionary) {
        if (auto stored = storeDictionary(*file.dictionary); !stored)
            return stored;
    }
    // A blob past its first page is a chain of overflow pages that a read at an offset walks from the start: in 8 MB
    // packs, finding one file's evidence took a fifth of a free-text scan; 256 KB packs walk at most 16 pages.
    constexpr std::size_t PackBytes = 256u << 10;
    const auto evidenceSize = static_cast<std::size_t>(file.evidence.size());
    if (!m_pack.empty() && m_pack.size() + evidenceSize > PackBytes) {
        if (auto flushed = flushPack(); !flushed)
            return flushed;
    }
    const auto packOffset = static_cast<std::int64_t>(m_pack.size());
    m_pack.append(file.evidence.constData(), evidenceSize);

    const QByteArray path = file.path.toUtf8();
    const std::string_view whole(path.constData(), static_cast<std::size_t>(path.size()));
    const std::size_t slash = whole.rfind('/');
    const std::string_view folder = slash == std::string_view::npos ? std::string_view() : whole.substr(0, slash + 1);
    const auto dir = dirId(folder, file.key);
    if (!dir)
        return std::unexpected(dir.error());
    const QByteArray member = file.member.toUtf8();
    auto& s = m_insertFile;
    s.bind(1, file.id).bind(2, m_sessionId);
    const std::string_view name = whole.substr(folder.size());
    const std::string_view unique = uniquePartOfTrailName(name, file.key);
    s.bindText(3, unique.empty() ? name : unique);
    if (unique.empty())
        s.bindNull(21);
    else
        s.bind(21, 1);
    if (file.member.isEmpty())
        s.bindNull(4);
    else
        s.bindText(4, std::string_view(member.constData(), static_cast<std::size_t>(member.size())));
    s.bind(5, static_cast<int>(file.key.folder)).bind(6, static_cast<int>(file.shape));
    s.bind(7, static_cast<int>(file.rank)).bind(8, static_cast<int>(file.encoding));
    s.bind(9, *dir);
    s.bind(10, file.key.delivered);
    s.bindBlob(11, file.storedSha256.data(), file.storedSha256.size());
    s.bind(12, static_cast<std::int64_t>(evidenceSize));
    s.bind(13, file.evidenceIsOriginal ? 1 : 0);
    s.bind(14, m_packId).bind(15, packOffset);
    s.bind(22, static_cast<int>(file.evidenceFormat));
    if (file.dictionary)
        s.bind(23, file.dictionary->id());
    else
        s.bindNull(23);
    // A file that arrives in one batch (most trail files) is recorded complete in a single statement.
    s.bind(16, complete ? 1 : 0);
    if (complete) {
        s.bindBlob(17, file.contentSha256.data(), file.contentSha256.size());
        s.bind(18, static_cast<std::int64_t>(file.contentSize)).bind(19, file.records).bind(20, events);
    } else {
        s.bindNull(17).bindNull(18).bindNull(19).bind(20, std::int64_t(0));
    }
    if (s.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("recording source file %1").arg(file.path));
    return {};
}

Result<void> CaseWriter::completeFile(const SourceFile& file, std::int64_t events)
{
    auto& s = m_completeFile;
    s.bind(1, file.id).bindBlob(2, file.contentSha256.data(), file.contentSha256.size());
    s.bind(3, static_cast<std::int64_t>(file.contentSize)).bind(4, file.records).bind(5, events);
    s.bind(6, static_cast<int>(file.shape))
        .bind(7, static_cast<int>(file.rank))
        .bind(8, static_cast<int>(file.encoding));
    if (s.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("completing source file %1").arg(file.path));
    return {};
}

void CaseWriter::recordProblems(const EventBatch& batch)
{
    if (batch.rejected.empty() && batch.warnings.empty())
        return;
    const QByteArray path = batch.file->path.toUtf8();
    const QByteArray member = batch.file->member.toUtf8();
    const auto store = [&](const Error& problem, const char* severity, std::vector<Error>& report) {
        Error located = problem;
        located.path = batch.file->path;
        located.member = batch.file->member;
        if (report.size() < MaxReportedProblems)
            report.push_back(located);
        if (m_storedProblems++ >= MaxStoredProblems)
            return;
        auto& s = m_insertProblem;
        s.bind(1, m_sessionId)
            .bindStatic(2, severity)
            .bindText(3, std::string_view(path.constData(), static_cast<std::size_t>(path.size())));
        if (member.isEmpty())
            s.bindNull(4);
        else
            s.bindText(4, member.toStdString());
        s.bind(5, problem.record >= 0 ? std::optional<std::int64_t>(problem.record) : std::nullopt);
        s.bind(6, problem.line >= 0 ? std::optional<std::int64_t>(problem.line) : std::nullopt);
        s.bindText(7, errorCodeName(problem.code).toStdString()).bindText(8, problem.detail.toStdString());
        (void)s.exec();
    };
    for (const Error& problem : batch.rejected)
        store(problem, "error", m_rejected);
    for (const Error& problem : batch.warnings)
        store(problem, "warning", m_warnings);
    m_counts.rejected += static_cast<std::int64_t>(batch.rejected.size());
    m_counts.warnings += static_cast<std::int64_t>(batch.warnings.size());
}

Result<void> CaseWriter::write(const EventBatch& batch)
{
    if (auto begun = ensureTransaction(); !begun)
        return begun;
    if (auto stored = m_interner->storePending(m_db); !stored)
        return stored;
    const SourceFile& file = *batch.file;
    if (!batch.firstOfFile && !batch.lastOfFile && batch.events.empty()) {
        recordProblems(batch); // a source that could not even be read: there is no file to record
        return {};
    }
    OpenFile& open = m_openFiles[file.id];
    if (batch.firstOfFile) {
        ++m_counts.files;
        open.recorded = file.resumed;
    }
    // A file that arrives in one batch (most trail files) is recorded once, complete, after its events.
    if (!batch.lastOfFile) {
        if (auto recorded = ensureRecorded(file); !recorded)
            return recorded;
    }
    std::int64_t stored = 0;
    std::int64_t added = 0; // new eventIDs; a replaced copy is stored but adds no event
    m_keyPathUses.assign(batch.keyPaths.size(), 0);
    for (std::size_t i = 0; i < batch.events.size(); ++i) {
        const ParsedEvent& event = batch.events[i];
        const std::uint64_t hash = event.idHash;
        bool replaced = false;
        if (const std::int64_t existing = m_eventIds.find(hash)) {
            const auto outcome = resolveDuplicate(batch, event, existing);
            if (!outcome)
                return std::unexpected(outcome.error());
            if (*outcome == Duplicate::Skip)
                continue;
            replaced = *outcome == Duplicate::Replace;
        }
        const std::int64_t rowId = m_nextEventId++;
        if (auto inserted = insertEvent(batch, i, rowId); !inserted)
            return inserted;
        m_eventIds.set(hash, rowId);
        if (auto queued = addFieldLeaves(batch, event, rowId); !queued)
            return queued;
        ++m_eventNameCounts[{event.ids.source, event.ids.name}];
        ++stored;
        added += replaced ? 0 : 1;
        for (std::uint32_t use = event.keyPathsBegin; use < event.keyPathsEnd; ++use)
            ++m_keyPathUses[batch.keyPathUses[use]];
    }
    countKeyPaths(batch);
    m_counts.events += added;
    recordProblems(batch);
    OpenFile& current = m_openFiles[file.id];
    current.events += stored;
    if (batch.lastOfFile) {
        const auto completed =
            current.recorded ? completeFile(file, current.events) : insertFile(file, true, current.events);
        if (!completed)
            return completed;
        m_openFiles.erase(file.id);
    }
    if (std::chrono::steady_clock::now() - m_transactionStart > CommitInterval)
        return commit();
    return {};
}

Result<void> CaseWriter::insertEvent(const EventBatch& batch, std::size_t index, std::int64_t rowId)
{
    const ParsedEvent& e = batch.events[index];
    const ResolvedIds& r = e.ids;
    auto& s = m_insertEvent;
    const auto id = [&](int column, std::int64_t value) {
        if (value != 0)
            s.bind(column, value);
        else
            s.bindNull(column);
    };
    const auto compactId = [&](int column, const TextRef& ref, const CompactId& compact) {
        if (!ref.present)
            s.bindNull(column);
        else if (compact.isUuid)
            s.bindBlob(column, compact.bytes, sizeof compact.bytes);
        else
            s.bindStatic(column, batch.view(ref));
    };
    s.bind(1, rowId).bind(2, e.time);
    compactId(3, e.eventId, e.storedEventId);
    s.bind(4, r.context);
    s.bind(5, r.name); // 0 for an absent eventName: see CaseSchema::nameKey
    id(6, r.source);
    id(7, r.identity);
    id(8, r.ip);
    id(9, r.errorCode);
    id(10, r.errorMessage);
    compactId(11, e.requestId, e.storedRequestId);
    compactId(12, e.sharedEventId, e.storedSharedEventId);
    s.bind(13, batch.file->id)
        .bind(14, static_cast<std::int64_t>(e.offset))
        .bind(15, static_cast<std::int64_t>(e.length));
    if (s.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("storing an event"));
    return insertDetails(batch, index, rowId);
}

Result<void> CaseWriter::insertDetails(const EventBatch& batch, std::size_t index, std::int64_t rowId)
{
    // Resources are appended in event order: find this event's run by binary search, not a scan per event.
    const auto first = std::lower_bound(batch.resources.begin(), batch.resources.end(), index,
                                        [](const ResourceFields& r, std::size_t i) { return r.eventIndex < i; });
    for (auto it = first; it != batch.resources.end() && it->eventIndex == index; ++it) {
        const ResourceFields& resource = *it;
        auto& r = m_insertResource;
        r.bind(1, rowId).bind(2, static_cast<std::int64_t>(resource.ordinal)).bind(3, resource.kindId);
        if (resource.arnId != 0)
            r.bind(4, resource.arnId);
        else
            r.bindNull(4);
        if (r.exec() != SQLITE_DONE)
            return finishFailure(QStringLiteral("storing a resource"));
    }
    const ParsedEvent& e = batch.events[index];
    if (e.credential.issuedKey.length > 0) {
        auto& c = m_insertCredential;
        c.bind(1, rowId);
        int column = 2;
        const CredentialFields& credential = e.credential;
        for (const TextRef& ref : {credential.issuedKey, credential.principal, credential.subject, credential.provider,
                                   credential.sourceIdentity}) {
            if (ref.present)
                c.bindStatic(column, batch.view(ref));
            else
                c.bindNull(column);
            ++column;
        }
        if (c.exec() != SQLITE_DONE)
            return finishFailure(QStringLiteral("storing a credential link"));
    }
    if (!e.insight)
        return {};
    const InsightFields& insight = *e.insight;
    auto& n = m_insertInsight;
    n.bind(1, rowId);
    int column = 2;
    for (const TextRef& ref :
         {insight.state, insight.eventSource, insight.eventName, insight.insightType, insight.errorCode}) {
        if (ref.present)
            n.bindStatic(column, batch.view(ref));
        else
            n.bindNull(column);
        ++column;
    }
    n.bind(7, insight.baselineAverage).bind(8, insight.insightAverage);
    n.bind(9, insight.insightDuration).bind(10, insight.baselineDuration);
    n.bindStatic(11, batch.view(insight.details));
    if (n.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("storing an insight"));
    return {};
}

Result<void> CaseWriter::insertVariant(std::string_view eventId, const char* reason, const SourceFile& file,
                                       const ParsedEvent& event, std::uint64_t contentHash, std::int64_t keptEvent)
{
    auto& s = m_insertVariant;
    s.bindText(1, eventId).bindStatic(2, reason).bind(3, m_sessionId).bind(4, file.id);
    s.bind(5, static_cast<std::int64_t>(event.offset)).bind(6, static_cast<std::int64_t>(event.length));
    s.bind(7, event.time).bind(8, static_cast<std::int64_t>(contentHash)).bind(9, keptEvent);
    if (s.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("keeping a variant of event %1")
                                 .arg(QString::fromUtf8(eventId.data(), static_cast<qsizetype>(eventId.size()))));
    return {};
}

Result<CaseWriter::Duplicate> CaseWriter::resolveDuplicate(const EventBatch& batch, const ParsedEvent& event,
                                                           std::int64_t existingRow)
{
    // Both files must be readable: the incoming one may not be recorded yet, or only in the pack being filled.
    if (auto recorded = ensureRecorded(*batch.file); !recorded)
        return std::unexpected(recorded.error());
    if (auto flushed = flushPack(); !flushed)
        return std::unexpected(flushed.error());
    auto& s = m_existingEvent;
    s.bind(1, existingRow);
    if (s.step() != SQLITE_ROW) {
        s.reset();
        return Duplicate::StoreNew;
    }
    const std::string existingId = decodeStoredId(s.columnBlob(0), s.columnText(5) == "blob");
    const std::int64_t fileId = s.columnInt(1);
    const auto offset = static_cast<std::uint64_t>(s.columnInt(2));
    const auto length = static_cast<std::uint64_t>(s.columnInt(3));
    const auto existingRank = static_cast<int>(s.columnInt(4));
    const std::int64_t existingDelivered = s.columnIsNull(6) ? -1 : s.columnInt(6); // -1: key without a time
    const QString existingSource = s.columnQString(7);
    s.reset();
    const std::string_view eventId = batch.view(event.eventId);
    if (existingId != eventId)
        return Duplicate::StoreNew; // a 64-bit hash collision between different IDs
    // Duplicates are rare, so both copies are read back from the evidence here rather than hashed on every import.
    const auto existing = m_reader->record(fileId, offset, length);
    const auto incoming = m_reader->record(batch.file->id, event.offset, event.length);
    const std::uint64_t incomingHash = incoming ? contentHashOf(*incoming) : 0;
    // Copies are the same event when they are equal as JSON values: re-exported trails reorder keys.
    std::vector<std::string> differences{"(a copy could not be read back)"};
    if (existing && incoming)
        differences = jsonDifferences(*existing, *incoming);
    if (differences.empty()) {
        ++m_counts.duplicates;
        return Duplicate::Skip;
    }
    const int rank = static_cast<int>(batch.file->rank);
    if (rank < existingRank) {
        if (auto moved = moveAside(existingRow, "superseded"); !moved)
            return std::unexpected(moved.error());
        ++m_counts.superseded;
        return Duplicate::Replace;
    }
    if (rank > existingRank) {
        ++m_counts.duplicates;
        if (auto kept = insertVariant(eventId, "abridged", *batch.file, event, incomingHash, existingRow); !kept)
            return std::unexpected(kept.error());
        return Duplicate::Skip;
    }
    ++m_counts.conflicts;
    // Which copy stays in events must not depend on thread timing: the earlier delivery (CloudTrail's original),
    // then the lower source path, wins; the other is kept aside.
    const SourceFile& file = *batch.file;
    const QString source = file.member.isEmpty() ? file.path : file.path + u'!' + file.member;
    const std::int64_t delivered = file.key.delivered.value_or(-1);
    const bool bothTimed = delivered >= 0 && existingDelivered >= 0;
    const bool newWins =
        bothTimed && delivered != existingDelivered ? delivered < existingDelivered : source < existingSource;
    if (newWins) {
        if (auto moved = moveAside(existingRow, "conflict"); !moved)
            return std::unexpected(moved.error());
        if (auto noted = noteConflict(eventId, source, existingSource, differences); !noted)
            return std::unexpected(noted.error());
        return Duplicate::Replace;
    }
    if (auto kept = insertVariant(eventId, "conflict", file, event, incomingHash, existingRow); !kept)
        return std::unexpected(kept.error());
    if (auto noted = noteConflict(eventId, existingSource, source, differences); !noted)
        return std::unexpected(noted.error());
    return Duplicate::Skip;
}

Result<void> CaseWriter::noteConflict(std::string_view eventId, const QString& kept, const QString& setAside,
                                      const std::vector<std::string>& paths)
{
    // The variant row just inserted (the copy set aside) keeps the paths, so `info` and SQL can show them later.
    std::string joined;
    for (const std::string& path : paths)
        joined.append(joined.empty() ? "" : "\n").append(path);
    auto& s = m_setDifferences;
    s.bind(1, static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db.handle()))).bindText(2, joined);
    if (s.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("recording where a conflict differs"));
    constexpr std::size_t Listed = 100;
    if (m_conflicts.size() < Listed) {
        ImportConflict conflict{
            QString::fromUtf8(eventId.data(), static_cast<qsizetype>(eventId.size())), kept, setAside, {}};
        for (const std::string& path : paths)
            conflict.paths << QString::fromStdString(path);
        m_conflicts.push_back(std::move(conflict));
    }
    return {};
}

Result<void> CaseWriter::moveAside(std::int64_t existingRow, const char* reason)
{
    // The displaced copy stays addressable in event_variants (its evidence is untouched).
    if (auto flushed = flushEventNames(); !flushed)
        return flushed;
    const std::string row = std::to_string(existingRow);
    const std::string pair = "source = ifnull((SELECT source FROM event_rows WHERE id = " + row +
                             "), 0) AND name = (SELECT name FROM event_rows WHERE id = " + row + ")";
    if (auto counted = m_db.exec("UPDATE event_names SET events = events - 1 WHERE " + pair); !counted)
        return counted;
    return m_db.exec(
        "INSERT INTO event_variants(event_id, reason, session_id, file_id, offset, length, time) "
        "SELECT event_id, '" +
        std::string(reason) + "', " + std::to_string(m_sessionId) +
        ", file_id, offset, length, time FROM events WHERE id = " + row +
        "; DELETE FROM resource_rows WHERE event = " + row + "; DELETE FROM insights WHERE event = " + row +
        "; DELETE FROM credential_links WHERE event = " + row + "; DELETE FROM event_rows WHERE id = " + row + ";");
}

namespace {

int stopWhenCancelled(void* flag)
{
    return static_cast<const std::atomic<bool>*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

} // namespace

Result<void> CaseWriter::buildIndexes(const std::vector<CaseSchema::IndexDef>& indexes, const std::atomic<bool>* cancel)
{
    if (auto committed = commit(); !committed)
        return committed;
    // Sorting a million keys takes seconds: a cancel request interrupts the statement instead of waiting for it.
    if (cancel)
        sqlite3_progress_handler(m_db.handle(), 100000, &stopWhenCancelled,
                                 const_cast<void*>(static_cast<const void*>(cancel)));
    const auto uninstall = qScopeGuard([&] { sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr); });
    for (const CaseSchema::IndexDef& index : indexes) {
        // One index per transaction: a crash loses at most the index being built, and the next open resumes.
        QElapsedTimer timer;
        timer.start();
        if (auto built = m_db.exec(index.sql); !built) {
            if (cancel && cancel->load())
                return fail(ErrorCode::Cancelled, QStringLiteral("index build interrupted"));
            return built;
        }
        qCInfo(logDb, "index %s built in %lld ms", index.name.data(), static_cast<long long>(timer.elapsed()));
    }
    return {};
}

Result<void> CaseWriter::recordContentHash()
{
    // A fingerprint of the evidence: the SHA-256 over the sorted content hashes of every complete source file.
    // Derived rows can be rebuilt from the evidence, so this is what a later check compares against.
    Sha256Hasher hasher;
    auto files = m_db.prepare("SELECT content_sha256 FROM source_files WHERE complete = 1 AND content_sha256 IS NOT "
                              "NULL ORDER BY content_sha256");
    std::int64_t count = 0;
    while (files.step() == SQLITE_ROW) {
        hasher.add(files.columnBlob(0));
        ++count;
    }
    const QByteArray hex = toHex(hasher.finish()).toLatin1();
    auto store = m_db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('content_sha256', ?1), "
                              "('content_files', ?2)");
    store.bindText(1, std::string_view(hex.constData(), static_cast<std::size_t>(hex.size()))).bind(2, count);
    if (store.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("recording the content hash"));
    return {};
}

Result<void> CaseWriter::finishSession(const QString& status)
{
    if (auto committed = commit(); !committed)
        return committed;
    // An interrupted import still indexes what it stored.
    if (!m_fieldRows.empty()) {
        if (auto built = buildFieldIndex(); !built)
            return built;
        if (auto committed = commit(); !committed)
            return committed;
    }
    if (auto hashed = recordContentHash(); !hashed)
        return hashed;
    auto update = m_db.prepare("UPDATE import_sessions SET finished=?2, status=?3, files=?4, skipped_files=?5, "
                               "events=?6, duplicates=?7, conflicts=?8, superseded=?9, rejected=?10, warnings=?11 "
                               "WHERE id=?1");
    update.bind(1, m_sessionId).bind(2, nowMs()).bindText(3, status.toStdString());
    update.bind(4, m_counts.files).bind(5, m_counts.skippedFiles).bind(6, m_counts.events);
    update.bind(7, m_counts.duplicates).bind(8, m_counts.conflicts).bind(9, m_counts.superseded);
    update.bind(10, m_counts.rejected).bind(11, m_counts.warnings);
    if (update.exec() != SQLITE_DONE)
        return finishFailure(QStringLiteral("closing the import session"));
    return {};
}

} // namespace Trailscope::Core
