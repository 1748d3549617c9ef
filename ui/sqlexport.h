#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

class QIODevice;

namespace Trailscope::Ui {

enum class SqlExportFormat { Csv, Json };

/// The text of a result cell as the grid and CSV show it: NULL empty, numbers and booleans as JSON prints them,
/// objects and arrays as compact JSON.
QString sqlCellText(const QJsonValue& value);

/// Writes a result to a device as it streams in: CSV (RFC 4180: CRLF, quotes doubled, a header row; cells starting
/// with = + - @, tab or CR get a leading ' so spreadsheets do not run them) or JSON ({"columns": [...], "rows":
/// [[...], ...]}, values as the query returned them).
class SqlResultWriter
{
public:
    SqlResultWriter(QIODevice* device, SqlExportFormat format);
    bool begin(const QStringList& columns);
    bool write(const QJsonArray& row);
    bool finish();

    static QByteArray csvLine(const QStringList& cells);

private:
    QIODevice* m_device;
    SqlExportFormat m_format;
    bool m_first = true;
};

} // namespace Trailscope::Ui
