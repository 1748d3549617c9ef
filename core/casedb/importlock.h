#pragma once

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
    bool tryAcquire();

    /// True when a live process is importing into the case right now.
    static bool isHeld(const QString& casePath);

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Trailscope::Core
