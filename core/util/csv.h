#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Trailscope::Core {

/// One CSV record as RFC 4180 writes it (CRLF-terminated), with cells a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) prefixed with ' so they stay text: every CSV Trailscope writes goes through it.
QString csvLine(const QStringList& cells);
/// The same record appended to `out` as UTF-8: the exporters' path, without a QString of the whole line.
void appendCsvLine(QByteArray& out, const QStringList& cells);

} // namespace Trailscope::Core
