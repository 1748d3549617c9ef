#pragma once

#include "util/error.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace Trailscope::Core {

/// One import at a time per case, across processes: a lock file beside the case, released when the importer ends
/// or dies (QLockFile recognises a lock whose process is gone).
class ImportLock
{
public:
    explicit ImportLock(const QString& casePath);
    /// Takes the lock, or says why not: CaseBusy while another import holds it, Io when the lock file cannot be
    /// made beside the case (a read-only disk, no write permission).
    Result<void> tryAcquire();

    /// True when a live process is importing into the case right now.
    static bool isHeld(const QString& casePath);

private:
    QString m_casePath;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Trailscope::Core
