#include "importlock.h"

#include "casedb/caseschema.h"

namespace Trailscope::Core {

namespace {

QString lockPath(const QString& casePath)
{
    return casePath + QStringLiteral(".lock");
}

} // namespace

ImportLock::ImportLock(const QString& casePath)
    : m_casePath(casePath), m_lock(std::make_unique<QLockFile>(lockPath(casePath)))
{
    m_lock->setStaleLockTime(0); // only a dead owner makes the lock stale, never its age
}

Result<void> ImportLock::tryAcquire()
{
    if (m_lock->tryLock(0))
        return {};
    if (m_lock->error() == QLockFile::LockFailedError)
        return std::unexpected(
            Error(ErrorCode::CaseBusy, QStringLiteral("another import into this case is running"), m_casePath));
    return std::unexpected(Error(ErrorCode::Io, CaseSchema::notWritableHere(), m_casePath));
}

bool ImportLock::isHeld(const QString& casePath)
{
    QLockFile probe(lockPath(casePath));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return false;
    }
    return probe.error() == QLockFile::LockFailedError;
}

} // namespace Trailscope::Core
