#pragma once

#include <QObject>

#include <cstdint>

class QTimer;

namespace Trailscope::Ui {

class CaseSession;

/// Notices events another process adds to the open case (a `trailscope-cli import` appending while the analyst
/// browses). Every few seconds it asks the session's row worker for the newest event's row id, one question at a
/// time, and says when it grew: while an import session is still running, and once more when it has ended.
class CaseChangeWatcher : public QObject
{
    Q_OBJECT

public:
    explicit CaseChangeWatcher(CaseSession* session, QObject* parent = nullptr);

    /// Watches from the case as it was opened (its newest event's row id then).
    void watch(std::int64_t lastEventRow);
    /// Not while this window's own import writes: that one refreshes the view itself.
    void pause();
    void setInterval(int milliseconds);

Q_SIGNALS:
    /// Events have arrived since the case was opened: `added` of them (row ids beyond the opened case's), while an
    /// import is `stillRunning` or after it ended. Sent once per change, not once per probe.
    void eventsArrived(std::int64_t added, bool stillRunning);

private:
    void probe();
    void onProbed(std::int64_t lastEventRow, bool importRunning);

    CaseSession* m_session;
    QTimer* m_timer;
    bool m_waiting = false; ///< a probe is queued or running: never a second behind a long one
    std::int64_t m_opened = 0, m_seen = 0;
    bool m_seenRunning = false;
};

} // namespace Trailscope::Ui
