#pragma once

#include <QHash>
#include <QList>
#include <QObject>

#include <cstdint>

namespace Trailscope::Ui {

class CaseSession;
class EventTableModel;

/// Events > Compare Selected Events: fetches the records of two to five rows from the row worker, then opens a
/// CompareDialog on them. Lives until the last record arrives (or one fails), then deletes itself.
class EventComparison : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxEvents = 5;

    /// Starts comparing the first five of `rows` (view rows of `model`); nullptr, and nothing started, under two.
    static EventComparison* start(CaseSession* session, const EventTableModel* model, const QList<int>& rows,
                                  QWidget* parent);

Q_SIGNALS:
    /// A record could not be read; the comparison is abandoned.
    void failed(const QString& message);

private:
    EventComparison(CaseSession* session, const EventTableModel* model, QList<std::int64_t> rowIds, QWidget* parent);
    void onRecord(std::int64_t rowId, const QByteArray& record);
    void open();

    const EventTableModel* m_model;
    QWidget* m_parent;
    QList<std::int64_t> m_rowIds;
    QHash<std::int64_t, QByteArray> m_records;
};

} // namespace Trailscope::Ui
