#include "eventexport.h"

#include "casedb/rawrecordreader.h"
#include "export/destination.h"
#include "export/resultwriter.h"
#include "query/eventcolumns.h"
#include "query/eventrows.h"
#include "query/searchast.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Trailscope::Core::Export {

namespace {

constexpr int PageEvents = 1000;

QStringList rowTexts(const Query::EventRow& row)
{
    QStringList texts;
    texts.reserve(static_cast<qsizetype>(Query::eventColumns().size()) + 1);
    for (const Query::EventColumn& column : Query::eventColumns())
        texts << column.text(row);
    return texts;
}

} // namespace

std::optional<EventFormat> eventFormatNamed(QStringView name)
{
    if (name == u"csv")
        return EventFormat::Csv;
    if (name == u"json")
        return EventFormat::Json;
    if (name == u"jsonl")
        return EventFormat::JsonLines;
    return std::nullopt;
}

std::string recordLine(std::string record)
{
    std::erase_if(record, [](char c) { return c == '\n' || c == '\r'; });
    record += '\n';
    return record;
}

namespace {

// The export's pages of event rows, in order; an empty page ends it.
using RowPages = std::function<Result<std::vector<std::int64_t>>()>;

QByteArray noteJson(const QString& note)
{
    // A one-element array serialises the string with JSON's escaping; its brackets are cut off.
    const QByteArray array = QJsonDocument(QJsonArray{note}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// Writes the records or rows of each page to one destination in one format.
class EventWriter
{
public:
    EventWriter(Sql::Database& db, const EventExportOptions& options, Destination& out)
        : m_options(options), m_out(out), m_rows(db), m_raw(db)
    {}

    void begin()
    {
        if (m_options.format == EventFormat::Csv) {
            if (m_options.byteOrderMark)
                sink(QByteArrayLiteral("\xEF\xBB\xBF"));
            m_csv.emplace(Format::Csv, [this](const QByteArray& bytes) { return sink(bytes); });
            QStringList header;
            for (const Query::EventColumn& column : Query::eventColumns())
                header << QString::fromLatin1(column.title);
            if (m_options.notes)
                header << QStringLiteral("Note");
            m_csv->begin(header);
        } else if (m_options.format == EventFormat::Json) {
            sink(QByteArrayLiteral("{\"Records\":["));
        }
    }

    Result<void> event(std::int64_t rowId)
    {
        if (m_csv)
            return csvRow(rowId);
        auto record = m_raw.eventRecord(rowId);
        if (!record)
            return std::unexpected(record.error());
        const QString* note = noteOf(rowId);
        if (m_options.format == EventFormat::JsonLines) {
            const QByteArray line = QByteArray::fromStdString(recordLine(std::move(*record)));
            sink(note ? "{\"note\":" + noteJson(*note) + ",\"record\":" + line.chopped(1) + "}\n" : line);
        } else {
            sink((m_count > 0 ? QByteArrayLiteral(",\n") : QByteArray()) + QByteArray::fromStdString(*record));
            if (note && !note->isEmpty()) {
                const auto row = m_rows.read(rowId);
                if (!row)
                    return std::unexpected(row.error());
                m_notes.append(QJsonObject{{QStringLiteral("eventID"), row->eventId}, {QStringLiteral("note"), *note}});
            }
        }
        ++m_count;
        return {};
    }

    void finish()
    {
        if (m_csv) {
            m_csv->finish();
        } else if (m_options.format == EventFormat::Json) {
            sink(QByteArrayLiteral("]"));
            if (m_options.notes)
                sink(",\n\"Notes\":" + QJsonDocument(m_notes).toJson(QJsonDocument::Compact));
            sink(QByteArrayLiteral("}\n"));
        }
    }

    std::int64_t count() const { return m_count; }
    bool written() const { return m_written; }

private:
    bool sink(const QByteArray& bytes) { return m_written = m_written && m_out.write(bytes); }

    const QString* noteOf(std::int64_t rowId) const
    {
        if (!m_options.notes)
            return nullptr;
        const auto found = m_options.notes->find(rowId);
        return found == m_options.notes->end() ? &m_noNote : &found->second;
    }

    Result<void> csvRow(std::int64_t rowId)
    {
        const auto row = m_rows.read(rowId);
        if (!row)
            return std::unexpected(row.error());
        QStringList texts = rowTexts(*row);
        if (const QString* note = noteOf(rowId))
            texts << *note;
        m_csv->textRow(texts);
        ++m_count;
        return {};
    }

    const EventExportOptions& m_options;
    Destination& m_out;
    Query::EventRowReader m_rows;
    RawRecordReader m_raw;
    std::optional<ResultWriter> m_csv;
    QJsonArray m_notes;
    const QString m_noNote;
    std::int64_t m_count = 0;
    bool m_written = true;
};

Error writeError(const QString& reason, const QString& path)
{
    return Error{ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(reason), path};
}

Result<std::int64_t> writeEvents(Sql::Database& db, const RowPages& pages, const QString& path,
                                 const EventExportOptions& options)
{
    Destination out(path);
    if (!out.open())
        return std::unexpected(writeError(out.errorString(), path));
    EventWriter writer(db, options, out);
    writer.begin();
    for (;;) {
        if (options.cancelled && options.cancelled->load()) {
            out.discard();
            return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("export cancelled"), path});
        }
        auto page = pages();
        if (!page) {
            out.discard();
            return std::unexpected(page.error());
        }
        if (page->empty())
            break;
        for (const std::int64_t rowId : *page) {
            if (auto done = writer.event(rowId); !done) {
                out.discard();
                return std::unexpected(done.error());
            }
        }
        if (options.progress)
            options.progress(writer.count());
    }
    writer.finish();
    if (!writer.written() || !out.commit()) {
        const QString reason = out.errorString();
        out.discard();
        return std::unexpected(writeError(reason, path));
    }
    return writer.count();
}

} // namespace

Result<std::int64_t> exportEvents(Sql::Database& db, const Query::CompiledSearch& search,
                                  const Query::SearchOptions& window, const QString& path,
                                  const EventExportOptions& options)
{
    auto events = Query::EventSearch::create(db, search, window);
    if (!events)
        return std::unexpected(events.error());
    std::optional<Query::EventKey> after;
    bool done = false;
    const RowPages pages = [&]() -> Result<std::vector<std::int64_t>> {
        if (done)
            return std::vector<std::int64_t>{};
        auto page = events->page(after, PageEvents);
        if (!page)
            return std::unexpected(page.error());
        done = static_cast<int>(page->size()) < PageEvents;
        if (!page->empty())
            after = page->back();
        std::vector<std::int64_t> rows;
        rows.reserve(page->size());
        for (const Query::EventKey& key : *page)
            rows.push_back(key.rowId);
        return rows;
    };
    return writeEvents(db, pages, path, options);
}

Result<std::int64_t> exportEventRows(Sql::Database& db, const std::vector<std::int64_t>& eventRows, const QString& path,
                                     const EventExportOptions& options)
{
    std::size_t next = 0;
    const RowPages pages = [&]() -> Result<std::vector<std::int64_t>> {
        const std::size_t end = std::min(eventRows.size(), next + PageEvents);
        std::vector<std::int64_t> rows(eventRows.begin() + static_cast<std::ptrdiff_t>(next),
                                       eventRows.begin() + static_cast<std::ptrdiff_t>(end));
        next = end;
        return rows;
    };
    return writeEvents(db, pages, path, options);
}

Result<std::unordered_map<std::int64_t, QString>> starredNotes(Sql::Database& db)
{
    std::unordered_map<std::int64_t, QString> notes;
    if (db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'analyst_marks'").value_or(0) == 0)
        return notes;
    auto rows = db.prepare("SELECT event, note FROM analyst_marks WHERE starred = 1");
    int status;
    while ((status = rows.step()) == SQLITE_ROW)
        notes.emplace(rows.columnInt(0), rows.columnQString(1));
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("reading the starred events")));
    return notes;
}

Result<std::int64_t> exportStarredEvents(Sql::Database& db, const Query::SearchOptions& window, const QString& path,
                                         EventExportOptions options)
{
    const auto notes = starredNotes(db);
    if (!notes)
        return std::unexpected(notes.error());
    options.notes = &*notes;
    // Without analyst tables nothing is starred, and a search naming them would fail.
    if (notes->empty())
        return exportEventRows(db, {}, path, options);
    Query::SearchScope scope;
    scope.starredOnly = true;
    return exportEvents(db, Query::compileSearch(Query::SearchNode{}, scope), window, path, options);
}

} // namespace Trailscope::Core::Export
