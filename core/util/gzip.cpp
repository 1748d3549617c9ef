#include "gzip.h"

#include <libdeflate.h>

namespace Trailscope::Core {

QByteArray gzipCompress(const QByteArray& plain, int level)
{
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(level);
    QByteArray out(
        static_cast<qsizetype>(libdeflate_gzip_compress_bound(compressor, static_cast<size_t>(plain.size()))),
        Qt::Uninitialized);
    const size_t size = libdeflate_gzip_compress(compressor, plain.constData(), static_cast<size_t>(plain.size()),
                                                 out.data(), static_cast<size_t>(out.size()));
    libdeflate_free_compressor(compressor);
    out.truncate(static_cast<qsizetype>(size));
    return out;
}

} // namespace Trailscope::Core
