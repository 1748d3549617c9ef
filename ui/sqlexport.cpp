#include "sqlexport.h"

#include "util/csv.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace Trailscope::Ui {

namespace {

QByteArray jsonText(const QJsonValue& value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

QString sqlCellText(const QJsonValue& value)
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

SqlResultWriter::SqlResultWriter(QIODevice* device, SqlExportFormat format) : m_device(device), m_format(format) {}

QByteArray SqlResultWriter::csvLine(const QStringList& cells)
{
    return Core::csvLine(cells).toUtf8();
}

bool SqlResultWriter::begin(const QStringList& columns)
{
    if (m_format == SqlExportFormat::Csv)
        return m_device->write(csvLine(columns)) >= 0;
    QJsonArray names;
    for (const QString& column : columns)
        names.append(column);
    return m_device->write("{\"columns\": " + jsonText(names) + ", \"rows\": [") >= 0;
}

bool SqlResultWriter::write(const QJsonArray& row)
{
    if (m_format == SqlExportFormat::Csv) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QJsonValue& value : row)
            cells << sqlCellText(value);
        return m_device->write(csvLine(cells)) >= 0;
    }
    const QByteArray line = (m_first ? "\n  " : ",\n  ") + jsonText(row);
    m_first = false;
    return m_device->write(line) >= 0;
}

bool SqlResultWriter::finish()
{
    if (m_format == SqlExportFormat::Csv)
        return true;
    return m_device->write(m_first ? "]}\n" : "\n]}\n") >= 0;
}

} // namespace Trailscope::Ui
