#include "resultexport.h"

#include "export/destination.h"
#include "export/resultwriter.h"
#include "query/lake/lakequery.h"

#include <QJsonDocument>

namespace Trailscope::Core::Export {

namespace {

Format resultFormat(EventFormat format)
{
    switch (format) {
    case EventFormat::Csv:
        return Format::Csv;
    case EventFormat::Json:
        return Format::Json;
    case EventFormat::JsonLines:
        return Format::JsonLines;
    }
    return Format::Csv;
}

Error writeError(const QString& reason, const QString& path)
{
    return Error{ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(reason), path};
}

// Runs `body` with a writer on `path`; commits when it succeeds and the bytes were written, else leaves nothing.
template <typename Body>
auto throughDestination(const QString& path, const EventExportOptions& options, Body body) -> decltype(body(nullptr))
{
    Destination out(path);
    if (!out.open())
        return std::unexpected(writeError(out.errorString(), path));
    bool written = true;
    const ResultWriter::Sink sink = [&](const QByteArray& bytes) { return written = written && out.write(bytes); };
    if (options.format == EventFormat::Csv && options.byteOrderMark)
        sink(QByteArrayLiteral("\xEF\xBB\xBF"));
    auto result = body(&sink);
    if (!result) {
        out.discard();
        return result;
    }
    if (!written || !out.commit()) {
        const QString reason = out.errorString();
        out.discard();
        return std::unexpected(writeError(reason, path));
    }
    return result;
}

} // namespace

Result<std::int64_t> exportQueryResult(Query::Lake::LakeQuery& lake, const QString& sql, const QString& path,
                                       const EventExportOptions& options)
{
    auto statements = lake.prepare(sql);
    if (!statements)
        return std::unexpected(statements.error());
    if (statements->size() != 1)
        return std::unexpected(
            Error{ErrorCode::QueryRefused,
                  QStringLiteral("an export writes one statement's result; this text has %1").arg(statements->size())});
    Query::Lake::PreparedQuery& statement = statements->front();
    return throughDestination(path, options, [&](const ResultWriter::Sink* sink) -> Result<std::int64_t> {
        QStringList names;
        for (const Query::Lake::OutputColumn& column : statement.columns)
            names << column.name;
        ResultWriter writer(resultFormat(options.format), *sink);
        writer.begin(names);
        std::int64_t rows = 0;
        QJsonArray row;
        for (;;) {
            if (options.cancelled && options.cancelled->load())
                return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("export cancelled"), path});
            const auto more = lake.next(statement, row);
            if (!more)
                return std::unexpected(more.error());
            if (!*more)
                break;
            writer.row(row);
            if (++rows % 1000 == 0 && options.progress)
                options.progress(rows);
        }
        writer.finish();
        return rows;
    });
}

Result<void> exportSummary(const QJsonObject& info, const QString& path, const EventExportOptions& options)
{
    return throughDestination(path, options, [&](const ResultWriter::Sink* sink) -> Result<void> {
        if (options.format == EventFormat::Json) {
            (*sink)(QJsonDocument(info).toJson(QJsonDocument::Indented));
        } else if (options.format == EventFormat::JsonLines) {
            (*sink)(QJsonDocument(info).toJson(QJsonDocument::Compact) + '\n');
        } else {
            ResultWriter writer(Format::Csv, *sink);
            writer.begin({QStringLiteral("field"), QStringLiteral("value")});
            for (auto it = info.begin(); it != info.end(); ++it)
                writer.row(QJsonArray{it.key(), cellText(it.value())});
            writer.finish();
        }
        return {};
    });
}

} // namespace Trailscope::Core::Export
