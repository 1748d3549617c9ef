#include "inputwalker.h"

#include "record/contentdecoder.h"

#include <archive.h>
#include <archive_entry.h>

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <vector>

namespace Trailscope::Core {

namespace {

constexpr std::int64_t HourMs = 3600000;
constexpr std::int64_t DayMs = 24 * HourMs;
constexpr qint64 MaxSourceBytes = qint64(1) << 30;
constexpr int MaxArchiveDepth = 8;
constexpr la_int64_t ArchiveBlockBytes = 1 << 18; // libarchive reads an archive file this much at a time

bool nameEndsWith(const QString& name, std::initializer_list<const char*> suffixes)
{
    for (const char* suffix : suffixes)
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return true;
    return false;
}

bool isArchiveName(const QString& name)
{
    return nameEndsWith(name, {".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst"});
}

bool hasZipMagic(const QByteArray& head)
{
    return head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06");
}

bool hasTarMagic(const QByteArray& head)
{
    return head.size() >= 262 && head.mid(257, 5) == "ustar";
}

// Names that could only come from a crafted archive: absolute, escaping upwards, or carrying control characters.
bool isOddMemberName(const QString& name)
{
    if (name.isEmpty() || name.startsWith(u'/') || name.startsWith(u'\\') || (name.size() > 1 && name[1] == u':'))
        return true;
    for (const QString& part : name.split(QRegularExpression(QStringLiteral("[/\\\\]"))))
        if (part == QLatin1String(".."))
            return true;
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c == QChar::ReplacementCharacter)
            return true;
    return false;
}

QString entryName(archive_entry* entry)
{
    if (const char* utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    const char* raw = archive_entry_pathname(entry);
    return raw ? QString::fromUtf8(raw) : QString();
}

// Reads until `length` bytes arrived or the file ends or fails; returns how many arrived.
qint64 readFully(QFile& file, char* into, qint64 length)
{
    qint64 done = 0;
    while (done < length) {
        const qint64 got = file.read(into + done, length - done);
        if (got <= 0)
            break;
        done += got;
    }
    return done;
}

} // namespace

bool ImportScope::accepts(const S3Key& key) const
{
    if (!accounts.isEmpty() && !key.accountId.empty() && !accounts.contains(QString::fromStdString(key.accountId)))
        return false;
    if (!regions.isEmpty() && !key.region.empty() && !regions.contains(QString::fromStdString(key.region)))
        return false;
    if (!key.delivered)
        return true;
    // A file holds events from before its delivery; day-only keys could be delivered any time that day.
    const std::int64_t latestDelivery = *key.delivered + (key.deliveredDayOnly ? DayMs : 0);
    if (since && latestDelivery < *since)
        return false;
    if (until && *key.delivered > *until + HourMs)
        return false;
    return true;
}

InputWalker::InputWalker(ImportScope scope, Sink sink, ErrorSink onError, const std::atomic<bool>& cancel)
    : m_scope(std::move(scope)), m_sink(std::move(sink)), m_onError(std::move(onError)), m_cancel(cancel)
{}

bool InputWalker::isCandidateName(const QString& name)
{
    const QString fileName = name.section(u'/', -1);
    if (fileName.startsWith(u'.'))
        return false;
    // A trail extension is read whatever the name (a `readme.json` that fails is rejected, not passed over).
    if (nameEndsWith(fileName, {".json", ".gz", ".jsonl", ".ndjson", ".cloudtrail", ".zip", ".tar", ".tgz", ".bz2",
                                ".xz", ".zst", ".log"}))
        return true;
    return !fileName.contains(u'.') && !isRepositoryClutter(fileName);
}

bool InputWalker::isRepositoryClutter(const QString& fileName)
{
    // What a repository or case-sharing site puts beside the logs. Names without an extension are otherwise read
    // (an exported trail is often saved without one), so these are listed; names that merely start with one of the
    // prefixes (LICENSE-APACHE, README_first) are the same files. Other extensions (*.md, *.txt, *.csv) are never
    // read inside a walk.
    static const QStringList Exact = {
        QStringLiteral("authors"),    QStringLiteral("changelog"),    QStringLiteral("changes"),
        QStringLiteral("codeowners"), QStringLiteral("contributing"), QStringLiteral("contributors"),
        QStringLiteral("copyright"),  QStringLiteral("dockerfile"),   QStringLiteral("history"),
        QStringLiteral("install"),    QStringLiteral("maintainers"),  QStringLiteral("makefile"),
        QStringLiteral("manifest"),   QStringLiteral("security"),     QStringLiteral("todo"),
        QStringLiteral("version"),
    };
    static const QStringList Prefixes = {QStringLiteral("license"), QStringLiteral("licence"),
                                         QStringLiteral("copying"), QStringLiteral("readme"), QStringLiteral("notice")};
    const QString lower = fileName.toLower();
    const QString stem = lower.section(u'.', 0, 0);
    if (Exact.contains(stem))
        return true;
    return std::any_of(Prefixes.begin(), Prefixes.end(), [&stem](const QString& prefix) {
        return stem == prefix ||
               (stem.startsWith(prefix) && (stem[prefix.size()] == u'-' || stem[prefix.size()] == u'_'));
    });
}

void InputWalker::noteIgnored(const QString& path, const QString& member)
{
    ++m_ignored;
    constexpr std::size_t Listed = 1000;
    if (m_ignoredSources.size() < Listed)
        m_ignoredSources.push_back(IgnoredSource{path, member});
}

void InputWalker::excludeCase(const QString& casePath)
{
    const QString path = QDir::cleanPath(QFileInfo(casePath).absoluteFilePath());
    m_excluded.clear();
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"})
        m_excluded << path + QLatin1String(suffix);
}

void InputWalker::walk(const QStringList& paths)
{
    // Everything is listed (and sized, for progress) before the first file is read: one pass over the folders.
    struct Listed
    {
        QString path;
        bool explicitlyNamed;
    };
    std::vector<Listed> listed;
    std::uint64_t total = 0;
    // A file reached twice (named twice, through a symlink, or named inside a folder also named) is read once. Files
    // are told apart by their canonical path, found without resolving each of a folder's ~50,000 files (realpath
    // costs a system call per path component, and the listing is on the import's critical path): a folder's files
    // are its canonical path plus their name, and only symlinks among them are resolved.
    // With one folder to walk and no links, no file can come twice, and the set of 50,000 paths is not built.
    const bool mayRepeat = paths.size() > 1;
    QSet<QString> seen;
    const auto firstVisit = [&seen](const QString& canonical) {
        if (canonical.isEmpty())
            return true;
        if (seen.contains(canonical))
            return false;
        seen.insert(canonical);
        return true;
    };
    for (const QString& given : paths) {
        const QFileInfo info(given);
        if (!info.exists()) {
            m_onError(Error{ErrorCode::Io, QStringLiteral("no such file or folder"), given});
            continue;
        }
        // Sources are recorded by their absolute path: a name relative to the shell's folder at import time (a bare
        // `trail.json`, `../x`) means nothing to whoever opens the case later. Symlinks keep the name they were given.
        const QString path = QDir::cleanPath(info.absoluteFilePath());
        if (!info.isFile() && !info.isDir()) {
            // Reading a FIFO would wait for a writer, and a device has no end.
            m_onError(
                Error{ErrorCode::Io, QStringLiteral("not a regular file or folder (a FIFO, socket or device)"), given});
            continue;
        }
        if (info.isFile()) {
            if (firstVisit(info.canonicalFilePath())) {
                listed.push_back({path, true});
                total += static_cast<std::uint64_t>(info.size());
            }
            continue;
        }
        const QString canonicalFolder = info.canonicalFilePath();
        std::vector<Listed> files;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString next = it.next();
            const QFileInfo& found = it.fileInfo();
            if (m_excluded.contains(next))
                continue;
            if (found.isSymLink()) {
                // A link to a file of this same folder is that file again.
                const QString target = found.canonicalFilePath();
                if (target.startsWith(canonicalFolder + u'/') || !firstVisit(target))
                    continue;
            } else if (mayRepeat && !firstVisit(canonicalFolder + QStringView(next).mid(path.size()))) {
                continue;
            }
            files.push_back({next, false});
            total += static_cast<std::uint64_t>(found.size());
        }
        // A stable order makes imports reproducible.
        std::sort(files.begin(), files.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });
        std::move(files.begin(), files.end(), std::back_inserter(listed));
    }
    m_totalBytes = total;
    for (const Listed& entry : listed) {
        if (m_cancel)
            return;
        walkFile(entry.path, entry.explicitlyNamed);
    }
}

bool InputWalker::emit(SourceUnit&& unit)
{
    return m_sink(std::move(unit));
}

void InputWalker::walkFile(const QString& path, bool explicitlyNamed)
{
    if (!explicitlyNamed && !isCandidateName(path)) {
        noteIgnored(path, QString());
        return;
    }
    SourceUnit unit;
    unit.path = path;
    unit.key = parseS3Key(path.toStdString());
    if (!m_scope.accepts(unit.key)) {
        ++m_outOfScope;
        return;
    }
    // Unbuffered, straight into the unit's bytes: QFile's buffer would cost an allocation and a copy per file, and a
    // sparse trail has ~50,000 of them.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        m_onError(Error{ErrorCode::Io, file.errorString(), path});
        return;
    }
    const qint64 size = file.size();
    const QDateTime modified = QFileInfo(path).lastModified();
    if (size > MaxSourceBytes) {
        m_onError(
            Error{ErrorCode::MemberTooLarge, QStringLiteral("file of %1 bytes is larger than 1 GiB").arg(size), path});
        return;
    }
    unit.stored.resize(size);
    qint64 got = readFully(file, unit.stored.data(), std::min<qint64>(size, 512));
    const QByteArray head = QByteArray::fromRawData(unit.stored.constData(), got);
    const bool gzipTar = head.startsWith("\x1f\x8b") && nameEndsWith(path, {".tgz", ".tar.gz"});
    if (hasZipMagic(head) || hasTarMagic(head) || gzipTar || (isArchiveName(path) && !head.startsWith("{"))) {
        file.close();
        walkArchiveFile(path);
        return;
    }
    if (got == std::min<qint64>(size, 512))
        got += readFully(file, unit.stored.data() + got, size - got);
    if (got != size) {
        m_onError(Error{ErrorCode::Io, QStringLiteral("short read: %1").arg(file.errorString()), path});
        return;
    }
    // A file still being written (a sync in progress, a live export) would be kept half done under a hash that
    // matches nothing: refused, so that importing it again when it is complete reads it whole.
    const QFileInfo after(path);
    if (after.size() != size || after.lastModified() != modified) {
        m_onError(Error{ErrorCode::Io,
                        QStringLiteral("the file changed while it was read (%1 bytes, now %2): import it again "
                                       "when it is complete")
                            .arg(size)
                            .arg(after.size()),
                        path});
        return;
    }
    emit(std::move(unit));
}

void InputWalker::walkArchiveFile(const QString& path)
{
    archive* reader = archive_read_new();
    archive_read_support_filter_all(reader);
    archive_read_support_format_zip(reader);
    archive_read_support_format_tar(reader);
    archive_read_support_format_gnutar(reader);
    const QByteArray name = QFile::encodeName(path);
    if (archive_read_open_filename(reader, name.constData(), ArchiveBlockBytes) != ARCHIVE_OK) {
        m_onError(Error{ErrorCode::UnsupportedArchive, QString::fromUtf8(archive_error_string(reader)), path});
        archive_read_free(reader);
        return;
    }
    walkArchive(reader, path, QString(), 0, ArchiveBlockBytes);
    archive_read_free(reader);
}

void InputWalker::walkArchive(archive* reader, const QString& path, const QString& prefix, int depth,
                              std::int64_t blockBytes)
{
    archive_entry* entry = nullptr;
    for (;;) {
        if (m_cancel)
            return;
        const int status = archive_read_next_header(reader, &entry);
        if (status == ARCHIVE_EOF)
            return;
        if (status < ARCHIVE_WARN) {
            m_onError(Error{ErrorCode::CorruptArchive, QString::fromUtf8(archive_error_string(reader)), path,
                            prefix.isEmpty() ? QString() : prefix.chopped(1)});
            return;
        }
        const bool link = archive_entry_filetype(entry) == AE_IFLNK || archive_entry_hardlink(entry) != nullptr;
        if (archive_entry_filetype(entry) != AE_IFREG && !link)
            continue; // folders, devices, FIFOs: nothing to read
        const QString memberName = entryName(entry);
        const QString member = prefix + memberName;
        if (isOddMemberName(memberName)) {
            m_onError(Error{ErrorCode::BadArchiveMemberName, QStringLiteral("refusing a member with an unsafe name"),
                            path, member});
            continue;
        }
        if (!isCandidateName(memberName)) {
            noteIgnored(path, member);
            continue;
        }
        if (link) {
            // Followed, a link would read a file outside the archive (or another member a second time).
            const char* target = archive_entry_filetype(entry) == AE_IFLNK ? archive_entry_symlink_utf8(entry)
                                                                           : archive_entry_hardlink_utf8(entry);
            m_onError(Error{ErrorCode::ArchiveLink,
                            QStringLiteral("not read: a link to %1, not a file")
                                .arg(target ? QString::fromUtf8(target) : QStringLiteral("?")),
                            path, member});
            continue;
        }
        SourceUnit unit;
        unit.path = path;
        unit.member = member;
        unit.key = parseS3Key(memberName.toStdString());
        if (!m_scope.accepts(unit.key)) {
            ++m_outOfScope;
            continue;
        }
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > MaxSourceBytes) {
            m_onError(Error{ErrorCode::MemberTooLarge, QStringLiteral("member larger than 1 GiB"), path, member});
            continue;
        }
        // A zip bomb is bounded as a gzip one is (DecodeLimits): past the floor, the member may hold at most
        // maxRatio bytes per byte read from the archive for it. libarchive reads ahead a block at a time, so the
        // bytes read so far understate the member's share by up to one block (a nested archive is one block).
        const DecodeLimits limits;
        const la_int64_t consumedBefore = archive_filter_bytes(reader, -1);
        bool bomb = false;
        char buffer[1 << 16];
        la_ssize_t got = 0;
        while ((got = archive_read_data(reader, buffer, sizeof buffer)) > 0) {
            unit.stored.append(buffer, got);
            if (unit.stored.size() > MaxSourceBytes)
                break;
            const auto inflated = static_cast<std::uint64_t>(unit.stored.size());
            const auto read = static_cast<std::uint64_t>(archive_filter_bytes(reader, -1) - consumedBefore);
            if (inflated > limits.ratioFloor &&
                inflated > limits.maxRatio * (read + static_cast<std::uint64_t>(blockBytes))) {
                bomb = true;
                break;
            }
        }
        if (bomb) {
            m_onError(Error{
                ErrorCode::DecompressionBomb,
                QStringLiteral("member expands more than %1 times what the archive holds for it").arg(limits.maxRatio),
                path, member});
            unit.stored = QByteArray();
            continue;
        }
        if (got < 0) {
            m_onError(Error{ErrorCode::CorruptArchive, QString::fromUtf8(archive_error_string(reader)), path, member});
            if (archive_errno(reader) != 0 && got == ARCHIVE_FATAL)
                return;
            continue;
        }
        if (unit.stored.size() > MaxSourceBytes) {
            m_onError(Error{ErrorCode::MemberTooLarge, QStringLiteral("member larger than 1 GiB"), path, member});
            continue;
        }
        const QByteArray head = unit.stored.left(512);
        const bool nested = hasZipMagic(head) || hasTarMagic(head) ||
                            (head.startsWith("\x1f\x8b") && nameEndsWith(memberName, {".tgz", ".tar.gz"}));
        if (nested && depth < MaxArchiveDepth) {
            archive* inner = archive_read_new();
            archive_read_support_filter_all(inner);
            archive_read_support_format_zip(inner);
            archive_read_support_format_tar(inner);
            archive_read_support_format_gnutar(inner);
            if (archive_read_open_memory(inner, unit.stored.constData(), static_cast<size_t>(unit.stored.size())) ==
                ARCHIVE_OK)
                walkArchive(inner, path, member + u'!', depth + 1, unit.stored.size());
            else
                m_onError(
                    Error{ErrorCode::CorruptArchive, QString::fromUtf8(archive_error_string(inner)), path, member});
            archive_read_free(inner);
            continue;
        }
        if (!emit(std::move(unit)))
            return;
    }
}

} // namespace Trailscope::Core
