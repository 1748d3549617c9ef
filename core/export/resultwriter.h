#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace Trailscope::Core::Export {

/// The formats every result (a Lake query, a lookup, an SQL editor export) is written in.
enum class Format {
    Table,     ///< aligned columns for a terminal; widths measured on the first rows, cells cut at 80 characters
    Csv,       ///< RFC 4180 through csvLine(): CRLF, a header row, formula-looking cells prefixed with '
    Json,      ///< {"columns": [...], "rows": [[...], ...]}, one row per line, values as the result holds them
    JsonLines, ///< one object per row, keyed by column name (a repeated name keeps its first value)
};

/// `table`, `csv`, `json`, `jsonl` (as the CLI's --format spells them).
std::optional<Format> formatNamed(QStringView name);

/// A cell as the grid, the table and CSV show it: null empty, strings as they are, numbers, booleans, objects and
/// arrays as compact JSON.
QString cellText(const QJsonValue& value);

/// Writes a result as it streams in, row by row, to a sink (a file, standard output). The one writer the CLI and the
/// window share, so a result is the same bytes whichever wrote it.
class ResultWriter
{
public:
    /// Receives the output in pieces; returns false when it cannot write (the writer then reports failure).
    using Sink = std::function<bool(const QByteArray&)>;

    ResultWriter(Format format, Sink sink);

    bool begin(const QStringList& columns);
    bool row(const QJsonArray& values);
    /// A row of texts, empty for absent (null in JSON): the same bytes as row() with those values, the CSV
    /// without converting each cell to JSON and back (an export of a million events writes twelve million).
    bool textRow(const QStringList& cells);
    bool finish();

private:
    bool flushTable();
    bool csvRecord(const QStringList& cells);
    bool tableLine(const QStringList& cells);

    Format m_format;
    Sink m_sink;
    QStringList m_columns;
    std::int64_t m_rows = 0;
    std::vector<QJsonArray> m_pending; ///< Table: rows held until the widths are known
    std::vector<qsizetype> m_widths;
};

} // namespace Trailscope::Core::Export
