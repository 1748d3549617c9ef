#pragma once

#include "import/importer.h"

namespace Trailscope::Cli {

/// Draws an import's progress on one stderr line, only when stderr is a terminal.
class TerminalProgress
{
public:
    TerminalProgress();
    void update(const Core::ImportProgress& progress);
    void finish();

private:
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace Trailscope::Cli
