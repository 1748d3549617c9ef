#pragma once

#include "import/importer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace Trailscope::Test {

/// A realistic CloudTrail record with a fixed shape; `overrides` replace or add top-level keys.
QJsonObject makeRecord(const QString& eventId, const QString& eventTime,
                       const QString& eventName = QStringLiteral("DescribeInstances"),
                       const QJsonObject& overrides = {});
/// `{"Records":[...]}` compact, as CloudTrail writes it.
QByteArray recordsEnvelope(const std::vector<QJsonObject>& records);
QByteArray jsonArray(const std::vector<QJsonObject>& records);
QByteArray jsonLines(const std::vector<QJsonObject>& records);
QByteArray compact(const QJsonObject& object);

QByteArray gzip(const QByteArray& plain);

/// Archives built in memory with libarchive: members are (name, bytes); a name "a.json -> target" is written as a
/// symbolic link to target, "a.json => target" as a hard link.
using Members = std::vector<std::pair<QString, QByteArray>>;
QByteArray makeZip(const Members& members);
QByteArray makeTar(const Members& members);
QByteArray makeTarGz(const Members& members);

/// Writes bytes to dir/relative, creating folders; returns the full path.
QString writeFile(const QString& dir, const QString& relative, const QByteArray& bytes);

/// A trail key path: AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<acct>_CloudTrail_<region>_<ts>_<unique>.json.gz
QString trailKey(const QString& account, const QString& region, const QString& deliveredCompact /* 20260221T1805Z */,
                 const QString& unique = QStringLiteral("AbCdEfGhIjKlMnOp"));

/// Runs an import with default options; fails the calling test (via QTest) on a fatal error.
Core::Result<Core::ImportSummary> importPaths(const QString& casePath, const QStringList& paths,
                                              Core::ImportScope scope = {});

/// Count of rows a query returns as its first column.
qint64 queryCount(const QString& casePath, const QString& sql);

/// Path of the shared corpus (../shared/corpus beside the checkout), or empty when absent.
QString corpusDir();

} // namespace Trailscope::Test
