#pragma once

#include "import/importer.h"

#include <QElapsedTimer>

namespace Trailscope::Core::Query::Lake {
struct QueryProgress;
}

namespace Trailscope::Cli {

/// Draws progress on one stderr line, only when stderr is a terminal: an import's bar, or how far a query has got.
class TerminalProgress
{
public:
    TerminalProgress();
    bool enabled() const { return m_enabled; }
    void update(const Core::ImportProgress& progress);
    /// The events a query has examined, with a bar when it examines each at most once; redrawn at most ten times a
    /// second. Statements that do not count (plain SQLite SQL) draw nothing.
    void update(const Core::Query::Lake::QueryProgress& progress);
    /// A scan that examines each event of `total` at most once (a lookup reading raw records); the same pacing.
    void updateExamined(qint64 examined, qint64 total);
    /// Ends the line, leaving what it shows.
    void finish();
    /// Erases the line, so that what is printed next to the terminal starts on a clean one.
    void clear();

private:
    /// One line: a bar and a percentage for `fraction` in [0, 1] (none when it is negative), then `text`.
    void draw(double fraction, const QString& text);
    void drawExamined(qint64 examined, qint64 total);

    bool m_enabled;
    bool m_drawn = false;
    QElapsedTimer m_lastDraw;
};

} // namespace Trailscope::Cli
