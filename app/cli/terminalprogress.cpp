#include "terminalprogress.h"

#include "climain.h"

#include <unistd.h>

namespace Trailscope::Cli {

TerminalProgress::TerminalProgress() : m_enabled(isatty(STDERR_FILENO) != 0) {}

void TerminalProgress::update(const Core::ImportProgress& progress)
{
    if (!m_enabled)
        return;
    const double fraction = progress.bytesTotal > 0 ? double(progress.bytesDone) / double(progress.bytesTotal) : 0;
    constexpr int Width = 24;
    const int filled = std::clamp(static_cast<int>(fraction * Width), 0, Width);
    const QString bar = QString(filled, u'#') + QString(Width - filled, u'.');
    QString line = QStringLiteral("\r[%1] %2% %3 files %4 events %5/s")
                       .arg(bar)
                       .arg(static_cast<int>(fraction * 100), 3)
                       .arg(progress.filesDone)
                       .arg(progress.events)
                       .arg(static_cast<qint64>(progress.eventsPerSecond));
    if (progress.rejected > 0)
        line += QStringLiteral(" %1 rejected").arg(progress.rejected);
    if (progress.phase == QLatin1String("indexing"))
        line += QStringLiteral(" indexing…");
    else if (progress.etaSeconds >= 0)
        line += QStringLiteral(" ETA %1s").arg(static_cast<qint64>(progress.etaSeconds));
    printErr(line + QStringLiteral("\x1b[K"));
    m_drawn = true;
}

void TerminalProgress::finish()
{
    if (m_drawn)
        printErr(QStringLiteral("\n"));
    m_drawn = false;
}

} // namespace Trailscope::Cli
