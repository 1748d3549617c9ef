#include "eventrows.h"

#include "casedb/casewriter.h"

namespace Trailscope::Core::Query {

EventRowReader::EventRowReader(Sql::Database& db)
    : m_db(db),
      // Resource name is the first resource's ARN (or ARNPrefix): logs carry ARNs, not the console's short names.
      m_row(
          db.prepare("SELECT e.time, e.name, i.user, e.source, r.type, r.arn, e.region, e.ip, e.error_code, "
                     "e.read_only, e.account, e.event_id, typeof(e.event_id) = 'blob', i.type, e.file_id FROM events e "
                     "LEFT JOIN identities i ON i.id = e.identity "
                     "LEFT JOIN resources r ON r.event = e.id AND r.ordinal = "
                     "(SELECT min(ordinal) FROM resources WHERE event = e.id) "
                     "WHERE e.id = ?1")),
      m_string(db.prepare("SELECT value FROM strings WHERE id = ?1"))
{}

QString EventRowReader::string(std::int64_t id)
{
    if (id <= 0)
        return {};
    if (const auto found = m_strings.find(id); found != m_strings.end())
        return found->second;
    // An ARN or source IP per event would grow the cache without bound: past this it starts again.
    constexpr std::size_t MaxCached = 65536;
    if (m_strings.size() >= MaxCached)
        m_strings.clear();
    m_string.bind(1, id);
    QString text = m_string.step() == SQLITE_ROW ? m_string.columnQString(0) : QString();
    m_string.reset();
    return m_strings.emplace(id, std::move(text)).first->second;
}

Result<EventRow> EventRowReader::read(std::int64_t rowId)
{
    if (!m_row.isValid())
        return fail(ErrorCode::Sqlite, m_row.prepareError());
    if (!m_string.isValid())
        return fail(ErrorCode::Sqlite, m_string.prepareError());
    m_row.bind(1, rowId);
    if (m_row.step() != SQLITE_ROW) {
        m_row.reset();
        return std::unexpected(m_db.error(QStringLiteral("reading event %1").arg(rowId)));
    }
    EventRow row;
    row.rowId = rowId;
    if (!m_row.columnIsNull(0))
        row.time = m_row.columnInt(0);
    QString* const texts[] = {&row.eventName,    &row.user,   &row.eventSource, &row.resourceType,
                              &row.resourceName, &row.region, &row.sourceIp,    &row.errorCode};
    const auto idAt = [this](int column) { return m_row.columnIsNull(column) ? 0 : m_row.columnInt(column); };
    int column = 1;
    for (QString* text : texts)
        *text = string(idAt(column++));
    if (!m_row.columnIsNull(9))
        row.readOnly = m_row.columnInt(9) != 0;
    row.account = string(idAt(10));
    row.eventId = QString::fromStdString(decodeStoredId(m_row.columnBlob(11), m_row.columnInt(12) != 0));
    row.identityType = string(idAt(13));
    row.fileId = idAt(14);
    m_row.reset();
    return row;
}

} // namespace Trailscope::Core::Query
