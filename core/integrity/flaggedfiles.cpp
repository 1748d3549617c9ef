#include "flaggedfiles.h"

#include "integrity/inventory.h"

#include <QHash>

namespace Trailscope::Core::Integrity {

namespace {

bool isFlagged(const IntegrityEntry& entry)
{
    return entry.kind == EntryKind::Log && (isInvalid(entry.status) || entry.status == FileStatus::NotCovered);
}

QString reasonOf(const IntegrityEntry& entry)
{
    return entry.status == FileStatus::NotCovered
               ? QStringLiteral("not validated: delivered outside the period of every digest file")
               : statusMessage(entry);
}

} // namespace

Result<FlaggedFiles> flaggedSourceFiles(Sql::Database& db, const IntegrityReport& report)
{
    QHash<QString, QString> flaggedKeys; // AWSLogs/... → reason
    for (const IntegrityEntry& entry : report.entries) {
        if (!isFlagged(entry))
            continue;
        const QString key = keyFromAWSLogs(entry.s3Path.isEmpty() ? entry.location : entry.s3Path);
        if (!key.isEmpty())
            flaggedKeys.insert(key, reasonOf(entry));
    }
    FlaggedFiles flagged;
    if (flaggedKeys.isEmpty())
        return flagged;
    auto files =
        db.prepare("SELECT id, CASE WHEN member IS NULL OR member = '' THEN path ELSE member END FROM source_files");
    int status;
    while ((status = files.step()) == SQLITE_ROW) {
        const auto reason = flaggedKeys.constFind(keyFromAWSLogs(files.columnQString(1)));
        if (reason != flaggedKeys.constEnd())
            flagged.emplace(files.columnInt(0), *reason);
    }
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("matching the validated files to the case's")));
    return flagged;
}

} // namespace Trailscope::Core::Integrity
