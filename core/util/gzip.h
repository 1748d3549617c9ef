#pragma once

#include <QByteArray>

namespace Trailscope::Core {

/// Gzip with libdeflate: evidence for sources that arrived uncompressed, and fixtures in tests.
QByteArray gzipCompress(const QByteArray& plain, int level = 6);

} // namespace Trailscope::Core
