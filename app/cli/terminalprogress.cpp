#include "terminalprogress.h"

#include "climain.h"

#include "query/lake/lakequery.h"

#include <unistd.h>

namespace Trailscope::Cli {

namespace {

constexpr qint64 QueryRedrawMs = 100;

} // namespace

TerminalProgress::TerminalProgress() : m_enabled(isatty(STDERR_FILENO) != 0) {}

void TerminalProgress::update(const Core::ImportProgress& progress)
{
    if (!m_enabled)
        return;
    const double fraction = progress.bytesTotal > 0 ? double(progress.bytesDone) / double(progress.bytesTotal) : 0;
    QString text = QStringLiteral("%1 files %2 events %3/s")
                       .arg(progress.filesDone)
                       .arg(progress.events)
                       .arg(static_cast<qint64>(progress.eventsPerSecond));
    if (progress.rejected > 0)
        text += QStringLiteral(" %1 rejected").arg(progress.rejected);
    if (progress.phase == QLatin1String("indexing"))
        text += QStringLiteral(" indexing…");
    else if (progress.etaSeconds >= 0)
        text += QStringLiteral(" ETA %1s").arg(static_cast<qint64>(progress.etaSeconds));
    draw(fraction, text);
}

void TerminalProgress::update(const Core::Query::Lake::QueryProgress& progress)
{
    if (!m_enabled || !progress.counting || (m_lastDraw.isValid() && m_lastDraw.elapsed() < QueryRedrawMs))
        return;
    m_lastDraw.start();
    if (progress.bounded && progress.total > 0) {
        drawExamined(progress.examined, progress.total);
    } else {
        // Joins and subqueries may visit an event more than once: a count without a share of the case.
        draw(-1,
             progress.total >= 0
                 ? QStringLiteral("examined %1 events (the case holds %2)").arg(progress.examined).arg(progress.total)
                 : QStringLiteral("examined %1 events").arg(progress.examined));
    }
}

void TerminalProgress::updateExamined(qint64 examined, qint64 total)
{
    if (!m_enabled || total <= 0 || (m_lastDraw.isValid() && m_lastDraw.elapsed() < QueryRedrawMs))
        return;
    m_lastDraw.start();
    drawExamined(examined, total);
}

void TerminalProgress::drawExamined(qint64 examined, qint64 total)
{
    draw(std::min(1.0, double(examined) / double(total)),
         QStringLiteral("examined %1 of %2 events").arg(examined).arg(total));
}

void TerminalProgress::draw(double fraction, const QString& text)
{
    QString line = QStringLiteral("\r");
    if (fraction >= 0) {
        constexpr int Width = 24;
        const int filled = std::clamp(static_cast<int>(fraction * Width), 0, Width);
        line += QStringLiteral("[%1] %2% ")
                    .arg(QString(filled, u'#') + QString(Width - filled, u'.'))
                    .arg(static_cast<int>(fraction * 100), 3);
    }
    printErr(line + text + QStringLiteral("\x1b[K"));
    m_drawn = true;
}

void TerminalProgress::finish()
{
    if (m_drawn)
        printErr(QStringLiteral("\n"));
    m_drawn = false;
}

void TerminalProgress::clear()
{
    if (m_drawn)
        printErr(QStringLiteral("\r\x1b[K"));
    m_drawn = false;
}

} // namespace Trailscope::Cli
