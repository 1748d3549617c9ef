#pragma once

#include "export/eventexport.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>

namespace Trailscope::Core::Query::Lake {
class LakeQuery;
}

namespace Trailscope::Core::Export {

/// Writes the result of one Lake (or plain SQLite) statement to `path` through the shared result writer: CSV with a
/// header row, JSON as {"columns", "rows"}, JSON Lines an object per row (resultwriter.h), through a temporary file
/// as exportEvents(). Statement errors keep their code and position (ErrorCode::QuerySyntax, QueryRefused,
/// QueryFailed); a text of several statements is refused (an export is one result). The number of rows written.
Result<std::int64_t> exportQueryResult(Query::Lake::LakeQuery& lake, const QString& sql, const QString& path,
                                       const EventExportOptions& options);

/// Writes the case summary of readCaseInfo() to `path`: JSON as that object (indented), JSON Lines as one line, CSV
/// as `field,value` rows, one per key, lists and objects as compact JSON cells.
Result<void> exportSummary(const QJsonObject& info, const QString& path, const EventExportOptions& options);

} // namespace Trailscope::Core::Export
