#include "backgroundjob.h"

#include <QThread>

namespace Trailscope::Ui {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob()
{
    stop();
}

void BackgroundJob::start()
{
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(metaObject()->className());
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    connect(m_thread, &QThread::destroyed, this, [this] { m_thread = nullptr; });
    m_thread->start(QThread::LowPriority);
}

void BackgroundJob::cancel()
{
    m_cancelled = true;
}

bool BackgroundJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void BackgroundJob::stop()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

} // namespace Trailscope::Ui
