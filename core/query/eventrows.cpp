#include "eventrows.h"

#include "casedb/casewriter.h"

namespace Trailscope::Core::Query {

EventRowReader::EventRowReader(Sql::Database& db)
    : m_db(db),
      // Resource name is the first resource's ARN (or ARNPrefix): logs carry ARNs, not the console's short names.
      m_row(db.prepare(
          "SELECT e.time, s_name.value, s_user.value, s_source.value, s_rtype.value, s_rarn.value, s_region.value, "
          "s_ip.value, s_error.value, e.read_only, s_account.value, e.event_id, typeof(e.event_id) = 'blob', "
          "s_itype.value FROM events e "
          "LEFT JOIN strings s_name ON s_name.id = e.name "
          "LEFT JOIN identities i ON i.id = e.identity "
          "LEFT JOIN strings s_user ON s_user.id = i.user "
          "LEFT JOIN strings s_itype ON s_itype.id = i.type "
          "LEFT JOIN strings s_source ON s_source.id = e.source "
          "LEFT JOIN resources r ON r.event = e.id AND r.ordinal = "
          "(SELECT min(ordinal) FROM resources WHERE event = e.id) "
          "LEFT JOIN strings s_rtype ON s_rtype.id = r.type "
          "LEFT JOIN strings s_rarn ON s_rarn.id = r.arn "
          "LEFT JOIN strings s_region ON s_region.id = e.region "
          "LEFT JOIN strings s_ip ON s_ip.id = e.ip "
          "LEFT JOIN strings s_error ON s_error.id = e.error_code "
          "LEFT JOIN strings s_account ON s_account.id = e.account "
          "WHERE e.id = ?1"))
{}

Result<EventRow> EventRowReader::read(std::int64_t rowId)
{
    if (!m_row.isValid())
        return fail(ErrorCode::Sqlite, m_row.prepareError());
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
    int column = 1;
    for (QString* text : texts)
        *text = m_row.columnQString(column++);
    if (!m_row.columnIsNull(9))
        row.readOnly = m_row.columnInt(9) != 0;
    row.account = m_row.columnQString(10);
    row.eventId = QString::fromStdString(decodeStoredId(m_row.columnBlob(11), m_row.columnInt(12) != 0));
    row.identityType = m_row.columnQString(13);
    m_row.reset();
    return row;
}

} // namespace Trailscope::Core::Query
