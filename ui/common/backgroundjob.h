#pragma once

#include <QObject>

#include <atomic>

class QThread;

namespace Trailscope::Ui {

/// One piece of work on a thread of its own (an export, a validation): start() runs run() there at low priority,
/// cancel() sets a flag run() reads, and the thread deletes itself when done. A subclass emits its own signals from
/// run() (queued to the receivers' threads) and calls stop() first in its destructor, so run() never outlives the
/// members it reads.
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override;

    void start();
    /// run() is asked to stop at its next check (isCancelled()); the job's own signal says when it has.
    void cancel();
    bool isRunning() const;

protected:
    virtual void run() = 0;
    /// Cancels and waits for the thread: the first thing a subclass's destructor does.
    void stop();
    bool isCancelled() const { return m_cancelled.load(); }
    const std::atomic<bool>& cancelledFlag() const { return m_cancelled; }

private:
    std::atomic<bool> m_cancelled{false};
    QThread* m_thread = nullptr;
};

} // namespace Trailscope::Ui
