#include "eventexport.h"

#include "casedb/rawrecordreader.h"
#include "export/resultwriter.h"
#include "query/eventcolumns.h"
#include "query/eventrows.h"

#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

#include <algorithm>
#include <memory>

namespace Trailscope::Core::Export {

namespace {

constexpr int PageEvents = 1000;

QJsonArray rowValues(const Query::EventRow& row)
{
    QJsonArray values;
    for (const Query::EventColumn& column : Query::eventColumns()) {
        const QString text = column.text(row);
        values.append(text.isEmpty() ? QJsonValue() : QJsonValue(text));
    }
    return values;
}

// Where the bytes go: a file written whole or not at all, or standard output.
class Destination
{
public:
    explicit Destination(const QString& path)
    {
        if (path == QLatin1String("-"))
            m_out = std::make_unique<QFile>();
        else
            m_out = std::make_unique<QSaveFile>(path);
    }

    bool open()
    {
        if (auto* file = dynamic_cast<QSaveFile*>(m_out.get()))
            return file->open(QIODevice::WriteOnly);
        return static_cast<QFile*>(m_out.get())->open(stdout, QIODevice::WriteOnly);
    }
    bool write(const QByteArray& bytes) { return m_out->write(bytes) == bytes.size(); }
    bool commit()
    {
        if (auto* file = dynamic_cast<QSaveFile*>(m_out.get()))
            return file->commit();
        return static_cast<QFile*>(m_out.get())->flush();
    }
    void discard()
    {
        if (auto* file = dynamic_cast<QSaveFile*>(m_out.get()))
            file->cancelWriting();
    }
    QString errorString() const { return m_out->errorString(); }

private:
    std::unique_ptr<QFileDevice> m_out;
};

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

Result<std::int64_t> exportEvents(Sql::Database& db, const Query::CompiledSearch& search,
                                  const Query::SearchOptions& window, const QString& path,
                                  const EventExportOptions& options)
{
    auto events = Query::EventSearch::create(db, search, window);
    if (!events)
        return std::unexpected(events.error());
    Destination out(path);
    if (!out.open())
        return std::unexpected(
            Error{ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(out.errorString()), path});
    bool written = true;
    const auto sink = [&](const QByteArray& bytes) { return written = written && out.write(bytes); };
    Query::EventRowReader rows(db);
    RawRecordReader raw(db);
    std::optional<ResultWriter> csv;
    if (options.format == EventFormat::Csv) {
        if (options.byteOrderMark)
            sink(QByteArrayLiteral("\xEF\xBB\xBF"));
        csv.emplace(Format::Csv, sink);
        QStringList header;
        for (const Query::EventColumn& column : Query::eventColumns())
            header << QString::fromLatin1(column.title);
        csv->begin(header);
    } else if (options.format == EventFormat::Json) {
        sink(QByteArrayLiteral("{\"Records\":["));
    }
    std::int64_t count = 0;
    std::optional<Query::EventKey> after;
    for (;;) {
        if (options.cancelled && options.cancelled->load()) {
            out.discard();
            return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("export cancelled"), path});
        }
        auto page = events->page(after, PageEvents);
        if (!page) {
            out.discard();
            return std::unexpected(page.error());
        }
        for (const Query::EventKey& key : *page) {
            if (csv) {
                const auto row = rows.read(key.rowId);
                if (!row) {
                    out.discard();
                    return std::unexpected(row.error());
                }
                csv->row(rowValues(*row));
            } else {
                auto record = raw.eventRecord(key.rowId);
                if (!record) {
                    out.discard();
                    return std::unexpected(record.error());
                }
                if (options.format == EventFormat::JsonLines)
                    sink(QByteArray::fromStdString(recordLine(std::move(*record))));
                else
                    sink((count > 0 ? QByteArrayLiteral(",\n") : QByteArray()) + QByteArray::fromStdString(*record));
            }
            ++count;
        }
        if (options.progress)
            options.progress(count);
        if (static_cast<int>(page->size()) < PageEvents)
            break;
        after = page->back();
    }
    if (csv)
        csv->finish();
    else if (options.format == EventFormat::Json)
        sink(QByteArrayLiteral("]}\n"));
    if (!written || !out.commit()) {
        const QString reason = out.errorString();
        out.discard();
        return std::unexpected(Error{ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(reason), path});
    }
    return count;
}

} // namespace Trailscope::Core::Export
