#include "libraryversions.h"

#include <archive.h>
#include <libdeflate.h>
#include <openssl/crypto.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <zlib.h>
#include <zstd.h>

#include <QtGlobal>

#define TRAILSCOPE_STRINGIFY2(x) #x
#define TRAILSCOPE_STRINGIFY(x) TRAILSCOPE_STRINGIFY2(x)

namespace Trailscope::Core {

QList<LibraryVersion> libraryVersions()
{
    // archive_version_details() would add its own dependencies' versions; the number is what an analyst compares.
    QString archive = QString::fromLatin1(archive_version_string());
    if (archive.startsWith(QLatin1String("libarchive ")))
        archive = archive.mid(11);
    QString openssl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    if (openssl.startsWith(QLatin1String("OpenSSL ")))
        openssl = openssl.mid(8);
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only")},
        {QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()), QStringLiteral("public domain")},
        {QStringLiteral("zlib"), QString::fromLatin1(zlibVersion()), QStringLiteral("Zlib")},
        {QStringLiteral("libdeflate"), QStringLiteral(LIBDEFLATE_VERSION_STRING), QStringLiteral("MIT")},
        {QStringLiteral("Zstandard"), QString::fromLatin1(ZSTD_versionString()), QStringLiteral("BSD-3-Clause")},
        {QStringLiteral("simdjson"), QStringLiteral(TRAILSCOPE_STRINGIFY(SIMDJSON_VERSION)),
         QStringLiteral("Apache-2.0")},
        {QStringLiteral("libarchive"), archive, QStringLiteral("BSD-2-Clause")},
        {QStringLiteral("OpenSSL"), openssl, QStringLiteral("Apache-2.0")},
        {QStringLiteral("yaml-cpp"), QStringLiteral(TRAILSCOPE_YAML_CPP_VERSION), QStringLiteral("MIT")},
    };
}

} // namespace Trailscope::Core
