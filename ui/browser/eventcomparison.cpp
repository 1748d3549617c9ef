#include "eventcomparison.h"

#include "casesession.h"
#include "comparedialog.h"
#include "eventtablemodel.h"

namespace Trailscope::Ui {

EventComparison* EventComparison::start(CaseSession* session, const EventTableModel* model, const QList<int>& rows,
                                        QWidget* parent)
{
    QList<std::int64_t> rowIds;
    for (const int row : rows)
        if (rowIds.size() < MaxEvents && model->rowIdAt(row) >= 0)
            rowIds << model->rowIdAt(row);
    if (rowIds.size() < 2)
        return nullptr;
    return new EventComparison(session, model, std::move(rowIds), parent);
}

EventComparison::EventComparison(CaseSession* session, const EventTableModel* model, QList<std::int64_t> rowIds,
                                 QWidget* parent)
    : QObject(parent), m_model(model), m_parent(parent), m_rowIds(std::move(rowIds))
{
    // Records arrive one by one from the row worker; the dialog opens when all have.
    connect(session, &CaseSession::recordReady, this, &EventComparison::onRecord);
    connect(session, &CaseSession::recordFailed, this, [this](std::int64_t rowId, const QString& message) {
        if (!m_rowIds.contains(rowId))
            return;
        Q_EMIT failed(tr("Cannot compare the events: %1").arg(message));
        deleteLater();
    });
    for (const std::int64_t rowId : std::as_const(m_rowIds))
        session->fetchRecord(rowId);
}

void EventComparison::onRecord(std::int64_t rowId, const QByteArray& record)
{
    if (!m_rowIds.contains(rowId) || m_records.size() == m_rowIds.size())
        return;
    m_records.insert(rowId, record);
    if (m_records.size() == m_rowIds.size())
        open();
}

void EventComparison::open()
{
    QList<std::pair<QString, QByteArray>> events;
    for (const std::int64_t rowId : std::as_const(m_rowIds)) {
        const int row = m_model->rowOfRowId(rowId);
        const QString label = m_model->data(m_model->index(row, EventTableModel::NameColumn)).toString();
        events.append({tr("%1 (row %2)").arg(label).arg(row + 1), m_records.value(rowId)});
    }
    auto* dialog = new CompareDialog(events, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    deleteLater();
}

} // namespace Trailscope::Ui
