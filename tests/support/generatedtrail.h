#pragma once

// A large generated trail, written fast enough for tests that need an import to still be running a second later.

#include <QString>

namespace Trailscope::Test {

/// Writes `fileCount` delivered files, `recordsPerFile` distinct events each, over two accounts and two regions
/// (four coverage rows), under `root` as CloudTrail delivers them. Event IDs are unique across the trail.
void writeGeneratedTrail(const QString& root, int fileCount, int recordsPerFile);

} // namespace Trailscope::Test
