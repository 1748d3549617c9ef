#include "caseinfo.h"

#include "casedb/caseschema.h"
#include "casedb/importlock.h"
#include "util/eventtime.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Trailscope::Core {

namespace {

QJsonValue timeOrNull(const Sql::Statement& row, int column)
{
    return row.columnIsNull(column) ? QJsonValue() : QJsonValue(formatEventTime(row.columnInt(column)));
}

QJsonArray countedValues(Sql::Database& db, std::string_view sql, const QString& key)
{
    QJsonArray values;
    auto rows = db.prepare(sql);
    while (rows.step() == SQLITE_ROW)
        values.append(QJsonObject{{key, rows.columnQString(0)}, {QStringLiteral("events"), qint64(rows.columnInt(1))}});
    return values;
}

QJsonArray coverage(Sql::Database& db)
{
    QJsonArray result;
    auto rows = db.prepare("SELECT account, region, first, last, events, files, gaps FROM coverage ORDER BY 1, 2");
    while (rows.step() == SQLITE_ROW) {
        const QByteArray gaps = rows.columnQString(6).toUtf8();
        result.append(QJsonObject{{QStringLiteral("account"), rows.columnQString(0)},
                                  {QStringLiteral("region"), rows.columnQString(1)},
                                  {QStringLiteral("first"), timeOrNull(rows, 2)},
                                  {QStringLiteral("last"), timeOrNull(rows, 3)},
                                  {QStringLiteral("events"), qint64(rows.columnInt(4))},
                                  {QStringLiteral("files"), qint64(rows.columnInt(5))},
                                  {QStringLiteral("gaps"), QJsonDocument::fromJson(gaps).array()}});
    }
    return result;
}

QJsonArray sessions(Sql::Database& db, const QString& casePath)
{
    // A session still marked running whose importer is gone was interrupted; the next import records that.
    const bool importing = ImportLock::isHeld(casePath);
    QJsonArray result;
    auto rows = db.prepare("SELECT id, started, finished, status, paths, files, events, duplicates, rejected, "
                           "conflicts, skipped_files, warnings FROM import_sessions ORDER BY id");
    while (rows.step() == SQLITE_ROW) {
        result.append(
            QJsonObject{{QStringLiteral("id"), qint64(rows.columnInt(0))},
                        {QStringLiteral("started"), timeOrNull(rows, 1)},
                        {QStringLiteral("finished"), timeOrNull(rows, 2)},
                        {QStringLiteral("status"), rows.columnQString(3) == QLatin1String("running") && !importing
                                                       ? QStringLiteral("interrupted")
                                                       : rows.columnQString(3)},
                        {QStringLiteral("paths"),
                         QJsonArray::fromStringList(rows.columnQString(4).split(u'\n', Qt::SkipEmptyParts))},
                        {QStringLiteral("files"), qint64(rows.columnInt(5))},
                        {QStringLiteral("events"), qint64(rows.columnInt(6))},
                        {QStringLiteral("duplicates"), qint64(rows.columnInt(7))},
                        {QStringLiteral("rejected"), qint64(rows.columnInt(8))},
                        {QStringLiteral("conflicts"), qint64(rows.columnInt(9))},
                        {QStringLiteral("skippedFiles"), qint64(rows.columnInt(10))},
                        {QStringLiteral("warnings"), qint64(rows.columnInt(11))}});
    }
    return result;
}

// Bytes on disk split into what the importer derived (rows and indexes) and the evidence it keeps (source files).
QJsonObject storage(Sql::Database& db)
{
    const qint64 pageSize = db.queryInt("PRAGMA page_size").value_or(4096);
    const qint64 total = db.queryInt("PRAGMA page_count").value_or(0) * pageSize;
    const auto evidence = db.queryInt("SELECT sum(pgsize) FROM dbstat WHERE name = 'source_blobs'");
    QJsonObject result{{QStringLiteral("fileBytes"), total}};
    if (evidence) {
        const qint64 free = db.queryInt("PRAGMA freelist_count").value_or(0) * pageSize;
        result[QStringLiteral("evidenceBytes")] = qint64(*evidence);
        result[QStringLiteral("rowsAndIndexesBytes")] = total - qint64(*evidence) - free;
    }
    return result;
}

} // namespace

Result<QJsonObject> readCaseInfo(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    QJsonObject info;
    auto span = db->prepare("SELECT count(*), min(time), max(time) FROM events");
    if (span.step() != SQLITE_ROW)
        return std::unexpected(Error{ErrorCode::CorruptCase, db->lastError(), casePath});
    info[QStringLiteral("events")] = qint64(span.columnInt(0));
    info[QStringLiteral("first")] = timeOrNull(span, 1);
    info[QStringLiteral("last")] = timeOrNull(span, 2);
    // Accounts and regions live in the event contexts: count events per context, then fold.
    const auto perContext = [](const char* column) {
        return std::string("SELECT s.value, sum(g.n) FROM (SELECT context, count(*) AS n FROM event_rows GROUP BY "
                           "context) g JOIN event_contexts c ON c.id = g.context JOIN strings s ON s.id = c.") +
               column + " GROUP BY c." + column + " ORDER BY 2 DESC";
    };
    info[QStringLiteral("accounts")] = countedValues(*db, perContext("account"), QStringLiteral("id"));
    info[QStringLiteral("regions")] = countedValues(*db, perContext("region"), QStringLiteral("region"));
    info[QStringLiteral("eventSources")] = countedValues(
        *db,
        "SELECT s.value, count(*) FROM events e JOIN strings s ON s.id = e.source GROUP BY e.source ORDER BY 2 DESC",
        QStringLiteral("source"));
    info[QStringLiteral("coverage")] = coverage(*db);
    info[QStringLiteral("sessions")] = sessions(*db, casePath);
    info[QStringLiteral("files")] = qint64(db->queryInt("SELECT count(*) FROM source_files").value_or(0));
    info[QStringLiteral("insights")] = qint64(db->queryInt("SELECT count(*) FROM insights").value_or(0));
    info[QStringLiteral("digestFiles")] =
        qint64(db->queryInt("SELECT count(*) FROM source_files WHERE folder = 3").value_or(0));
    info[QStringLiteral("conflicts")] =
        qint64(db->queryInt("SELECT count(*) FROM event_variants WHERE reason = 'conflict'").value_or(0));
    info[QStringLiteral("storage")] = storage(*db);
    auto contentHash = db->prepare("SELECT value FROM meta WHERE key = 'content_sha256'");
    if (contentHash.step() == SQLITE_ROW)
        info[QStringLiteral("contentSha256")] = contentHash.columnQString(0);
    info[QStringLiteral("flaggedEvents")] = qint64(db->queryInt("SELECT count(*) FROM event_rows WHERE context IN "
                                                                "(SELECT id FROM event_contexts WHERE flags != 0)")
                                                       .value_or(0));
    return info;
}

} // namespace Trailscope::Core
