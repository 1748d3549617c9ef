// A small imported case for the Lake SQL tests, and an evaluation of records written independently of the query
// layer: expected results are computed here from the JSON records (Qt's parser), never by the code under test.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace Trailscope::Core::Query::Lake {
class LakeQuery;
}

namespace LakeFixture {

using Rows = QList<QJsonArray>;

/// The fixture's records: two eras (January 2023 for the documentation's examples, late February 2026 for the
/// guide queries), varied identities, errors in two cases, nested request parameters, resources with `ARN`.
std::vector<QJsonObject> records();

/// Writes the records as a delivered trail file under `dir` and imports them into `dir`/lake.tscase; returns the
/// case path, or an empty string (after failing the running test) when the import fails.
QString buildCase(const QString& dir, const std::vector<QJsonObject>& records);

/// A key path, keys compared ignoring case (Lake's struct fields); Undefined where it is absent.
QJsonValue at(const QJsonObject& record, const QString& dotted);
/// A string field, or nullopt when absent, null or not a string.
std::optional<QString> text(const QJsonObject& record, const QString& dotted);
/// eventTime in UTC milliseconds.
qint64 timeOf(const QJsonObject& record);
/// `2023-01-22 00:00:00` etc. (UTC) in milliseconds.
qint64 utc(const char* text);
/// The printed form of a time: ISO-8601 UTC with milliseconds.
QString iso(qint64 ms);
/// JSON null for a missing value.
QJsonValue orNull(const std::optional<QString>& value);

/// Runs the one statement of `sql` to its end; fails the running test (and returns the rows so far) on an error.
Rows runStatement(Trailscope::Core::Query::Lake::LakeQuery& lake, const QString& sql);
/// Rows in the order of their JSON text, for results whose order SQL leaves open.
Rows sortedRows(Rows rows);

} // namespace LakeFixture
