#include "resultwriter.h"

#include "util/csv.h"

#include <QJsonDocument>

#include <algorithm>

namespace Trailscope::Core::Export {

namespace {

constexpr qsizetype MaxTableCell = 80;
constexpr std::size_t TableBatch = 200; // rows that set the table's widths before the first line is printed

// A value as JSON text: wrapped in an array and the brackets stripped (QJsonDocument writes containers only).
QByteArray jsonText(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

std::optional<Format> formatNamed(QStringView name)
{
    if (name == u"table")
        return Format::Table;
    if (name == u"csv")
        return Format::Csv;
    if (name == u"json")
        return Format::Json;
    if (name == u"jsonl")
        return Format::JsonLines;
    return std::nullopt;
}

QString cellText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::String:
        return value.toString();
    default:
        return QString::fromUtf8(jsonText(value));
    }
}

ResultWriter::ResultWriter(Format format, Sink sink) : m_format(format), m_sink(std::move(sink)) {}

bool ResultWriter::begin(const QStringList& columns)
{
    m_columns = columns;
    switch (m_format) {
    case Format::Csv:
        return csvRecord(columns);
    case Format::Json: {
        QJsonArray names;
        for (const QString& column : columns)
            names.append(column);
        return m_sink("{\"columns\":" + QJsonDocument(names).toJson(QJsonDocument::Compact) + ",\"rows\":[");
    }
    default:
        return true;
    }
}

bool ResultWriter::row(const QJsonArray& values)
{
    const bool first = m_rows++ == 0;
    switch (m_format) {
    case Format::Table:
        m_pending.push_back(values);
        return m_pending.size() < TableBatch || flushTable();
    case Format::Csv: {
        QStringList cells;
        cells.reserve(values.size());
        for (const auto& value : values)
            cells << cellText(value);
        return csvRecord(cells);
    }
    case Format::Json:
        return m_sink((first ? "\n" : ",\n") + QJsonDocument(values).toJson(QJsonDocument::Compact));
    case Format::JsonLines: {
        QByteArray line = "{";
        QStringList seen;
        for (qsizetype i = 0; i < values.size() && i < m_columns.size(); ++i) {
            if (seen.contains(m_columns[i]))
                continue;
            seen << m_columns[i];
            line += (seen.size() > 1 ? "," : "") + jsonText(m_columns[i]) + ':' + jsonText(values[i]);
        }
        return m_sink(line + "}\n");
    }
    }
    return false;
}

bool ResultWriter::textRow(const QStringList& cells)
{
    if (m_format == Format::Csv) {
        ++m_rows;
        return csvRecord(cells);
    }
    QJsonArray values;
    for (const QString& cell : cells)
        values.append(cell.isEmpty() ? QJsonValue() : QJsonValue(cell));
    return row(values);
}

bool ResultWriter::csvRecord(const QStringList& cells)
{
    QByteArray line;
    line.reserve(256);
    appendCsvLine(line, cells);
    return m_sink(line);
}

bool ResultWriter::finish()
{
    switch (m_format) {
    case Format::Table:
        return flushTable();
    case Format::Json:
        return m_sink(m_rows == 0 ? "]}\n" : "\n]}\n");
    default:
        return true;
    }
}

bool ResultWriter::flushTable()
{
    if (m_widths.empty()) {
        for (const QString& column : m_columns)
            m_widths.push_back(std::min(column.size(), MaxTableCell));
        for (const QJsonArray& values : m_pending)
            for (qsizetype i = 0; i < values.size() && i < m_columns.size(); ++i)
                m_widths[static_cast<std::size_t>(i)] =
                    std::max(m_widths[static_cast<std::size_t>(i)], std::min(cellText(values[i]).size(), MaxTableCell));
        if (!tableLine(m_columns))
            return false;
    }
    for (const QJsonArray& values : m_pending) {
        QStringList cells;
        for (const auto& value : values)
            cells << cellText(value);
        if (!tableLine(cells))
            return false;
    }
    m_pending.clear();
    return true;
}

bool ResultWriter::tableLine(const QStringList& cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size() && i < static_cast<qsizetype>(m_widths.size()); ++i) {
        QString cell = cells[i];
        cell.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
        if (cell.size() > MaxTableCell)
            cell = cell.left(MaxTableCell - 1) + u'…';
        line += i + 1 < cells.size() ? cell.leftJustified(m_widths[static_cast<std::size_t>(i)]) + QStringLiteral("  ")
                                     : cell;
    }
    return m_sink((line + u'\n').toUtf8());
}

} // namespace Trailscope::Core::Export
