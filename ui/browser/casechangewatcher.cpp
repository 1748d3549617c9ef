#include "casechangewatcher.h"

#include "browser/casesession.h"

#include <QTimer>

namespace Trailscope::Ui {

CaseChangeWatcher::CaseChangeWatcher(CaseSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this))
{
    m_timer->setInterval(2000);
    connect(m_timer, &QTimer::timeout, this, &CaseChangeWatcher::probe);
    connect(m_session, &CaseSession::caseProbed, this, &CaseChangeWatcher::onProbed);
}

void CaseChangeWatcher::watch(std::int64_t lastEventRow)
{
    m_opened = m_seen = lastEventRow;
    m_seenRunning = false;
    m_timer->start();
}

void CaseChangeWatcher::pause()
{
    m_timer->stop();
}

void CaseChangeWatcher::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void CaseChangeWatcher::probe()
{
    if (m_waiting || !m_session->isOpen())
        return;
    m_waiting = true;
    m_session->probeCase();
}

void CaseChangeWatcher::onProbed(std::int64_t lastEventRow, bool importRunning)
{
    m_waiting = false;
    if (!m_timer->isActive())
        return; // paused (this window imports) or a probe of a case since closed
    // Row ids only grow (SQLite's rowid after the largest); a case replaced under the window reads as no change.
    const bool grew = lastEventRow > m_seen;
    const bool ended = m_seenRunning && !importRunning && m_seen > m_opened;
    m_seen = std::max(m_seen, lastEventRow);
    m_seenRunning = importRunning;
    if (grew || ended)
        Q_EMIT eventsArrived(m_seen - m_opened, importRunning);
}

} // namespace Trailscope::Ui
