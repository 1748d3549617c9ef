#include "rowworker.h"

#include "casedb/caseschema.h"

namespace Trailscope::Ui {

using namespace Trailscope::Core;

RowWorker::RowWorker(QObject* parent) : QObject(parent) {}

RowWorker::~RowWorker() = default;

void RowWorker::openCase(const QString& path)
{
    m_rows.reset();
    m_records.reset();
    auto db = CaseSchema::open(path, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return; // the search worker reports the failure
    m_db = std::move(*db);
    m_rows = std::make_unique<Query::EventRowReader>(m_db);
    m_records = std::make_unique<RawRecordReader>(m_db, 16u << 20);
}

void RowWorker::fetchRows(quint64 token, const RowIdList& rowIds)
{
    if (!m_rows)
        return;
    EventRowList rows;
    rows.reserve(rowIds.size());
    for (const std::int64_t rowId : rowIds) {
        auto row = m_rows->read(rowId);
        if (!row) {
            // Keep the row addressable: an empty row says "unreadable" rather than waiting forever.
            Query::EventRow missing;
            missing.rowId = rowId;
            rows << missing;
            continue;
        }
        rows << *row;
    }
    Q_EMIT rowsReady(token, rows);
}

void RowWorker::fetchRecord(std::int64_t rowId)
{
    if (!m_records) {
        Q_EMIT recordFailed(rowId, tr("No case is open."));
        return;
    }
    auto record = m_records->eventRecord(rowId);
    if (!record) {
        Q_EMIT recordFailed(rowId, record.error().toString());
        return;
    }
    Q_EMIT recordReady(rowId, QByteArray::fromStdString(*record));
}

} // namespace Trailscope::Ui
