#include "casefiles.h"

#include "casedb/caseschema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtEndian>

namespace Trailscope::Ui::CaseFiles {

QString dataFolder()
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/trailscope");
    QDir().mkpath(folder);
    return folder;
}

QString sampleTrail()
{
    // Installed: share/trailscope/sample beside the executable's bin/ (any prefix, a relocated .tar.gz), then the
    // XDG data folders (/usr/local/share, /usr/share); a build tree falls back to the source tree's copy.
    const QString relative = QStringLiteral("trailscope/sample/sample-trail.tar.gz");
    const QFileInfo besideExecutable(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/") + relative);
    if (besideExecutable.exists())
        return besideExecutable.canonicalFilePath();
    const QString located = QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
    if (!located.isEmpty())
        return located;
    return QStringLiteral(TRAILSCOPE_SOURCE_SAMPLE);
}

QString sampleCase()
{
    return dataFolder() + QStringLiteral("/sample.") + QLatin1String(Core::CaseSchema::FileSuffix);
}

bool isCaseFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(100);
    // The SQLite header: its magic string, and PRAGMA application_id as a big-endian integer at offset 68.
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return false;
    const auto id = qFromBigEndian<qint32>(header.constData() + 68);
    if (id == Core::CaseSchema::ApplicationId)
        return true;
    // A case still being written keeps its first pages in the write-ahead log until a checkpoint: ask SQLite.
    return id == 0 && QFileInfo::exists(path + QStringLiteral("-wal")) &&
           Core::CaseSchema::open(path, Core::CaseSchema::OpenMode::ReadOnly).has_value();
}

QString newCaseFor(const QStringList& sources)
{
    // Cleaned first, so `.`, `AWSLogs/` and `../trail` name the folder or file they mean.
    const QFileInfo first(QDir::cleanPath(QFileInfo(sources.value(0)).absoluteFilePath()));
    QString base = first.fileName();
    for (const char* suffix : {".tar.gz", ".tgz", ".zip", ".tar", ".json.gz", ".jsonl", ".json", ".gz"})
        if (base.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) {
            base.chop(static_cast<qsizetype>(qstrlen(suffix)));
            break;
        }
    if (base.isEmpty())
        base = QStringLiteral("case");
    const QString suffix = QLatin1Char('.') + QLatin1String(Core::CaseSchema::FileSuffix);
    const QFileInfo folderInfo(first.absolutePath());
    const QString folder = folderInfo.isDir() && folderInfo.isWritable() ? first.absolutePath() : dataFolder();
    QString candidate = folder + QLatin1Char('/') + base + suffix;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = folder + QLatin1Char('/') + base + QLatin1Char('-') + QString::number(n) + suffix;
    return candidate;
}

} // namespace Trailscope::Ui::CaseFiles
