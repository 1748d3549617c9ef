#pragma once

#include <QList>
#include <QString>

namespace Trailscope::Core {

/// One library the programs run on, for Help › About and `--version`-style reports.
struct LibraryVersion
{
    QString name;    ///< the library as its project calls itself: "SQLite"
    QString version; ///< the version loaded at run time where the library reports one, else the one built against
    QString licence; ///< an SPDX identifier (or "public domain")
};

/// The libraries trailscope_core links (and Qt), in a fixed order: Qt, SQLite, zlib, libdeflate, zstd, simdjson,
/// libarchive, OpenSSL, yaml-cpp.
QList<LibraryVersion> libraryVersions();

} // namespace Trailscope::Core
