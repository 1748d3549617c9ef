#include "deliveredinsights.h"

#include "casedb/rawrecordreader.h"

#include <QJsonDocument>

#include <limits>

namespace Trailscope::Core::Insights {

Result<std::vector<QJsonObject>> deliveredInsights(Sql::Database& db, std::optional<std::int64_t> since,
                                                   std::optional<std::int64_t> until)
{
    auto rows = db.prepare("SELECT i.event FROM insights i JOIN event_rows r ON r.id = i.event "
                           "WHERE r.time >= ?1 AND r.time < ?2 ORDER BY r.time, r.id");
    rows.bind(1, since.value_or(std::numeric_limits<std::int64_t>::min()))
        .bind(2, until.value_or(std::numeric_limits<std::int64_t>::max()));
    std::vector<std::int64_t> events;
    int status;
    while ((status = rows.step()) == SQLITE_ROW)
        events.push_back(rows.columnInt(0));
    if (status != SQLITE_DONE)
        return std::unexpected(db.error(QStringLiteral("listing delivered insights")));
    RawRecordReader reader(db);
    std::vector<QJsonObject> records;
    for (const std::int64_t event : events) {
        const auto raw = reader.eventRecord(event);
        if (!raw)
            return std::unexpected(raw.error());
        QJsonParseError parseError;
        const QJsonDocument document =
            QJsonDocument::fromJson(QByteArray(raw->data(), static_cast<qsizetype>(raw->size())), &parseError);
        if (!document.isObject())
            return fail(ErrorCode::CorruptCase, QStringLiteral("delivered insight %1 is not a JSON object: %2")
                                                    .arg(event)
                                                    .arg(parseError.errorString()));
        QJsonObject record = document.object();
        record.insert(QStringLiteral("origin"), QStringLiteral("aws"));
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace Trailscope::Core::Insights
