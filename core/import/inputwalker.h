#pragma once

#include "record/s3key.h"
#include "util/error.h"
#include "util/sha256.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

struct archive;

namespace Trailscope::Core {

/// One source as stored: a file on disk or a member of an archive, with its bytes in memory.
struct SourceUnit
{
    QString path;
    QString member;
    QByteArray stored;
    S3Key key;
    std::optional<Sha256> storedSha256; ///< when the walker's thread hashed `stored` already
};

/// A file or member a folder or archive walk passed over because its name says it is not trail content.
struct IgnoredSource
{
    QString path;
    QString member;
};

/// Which delivered files an import reads, decided from the S3 key before a file is opened.
struct ImportScope
{
    std::optional<std::int64_t> since, until; ///< event-time bounds, UTC ms (until exclusive)
    QStringList accounts, regions;

    bool isEmpty() const { return !since && !until && accounts.isEmpty() && regions.isEmpty(); }
    /// A file is read unless its key proves it holds nothing in scope; delivery lags are allowed an hour.
    bool accepts(const S3Key& key) const;
};

/// Walks files, folders and archives (zip, tar, tar.gz, nested at any depth) and hands each candidate source to
/// `sink` with its bytes, never extracting to disk.
class InputWalker
{
public:
    using Sink = std::function<bool(SourceUnit&&)>;
    using ErrorSink = std::function<void(const Error&)>;

    InputWalker(ImportScope scope, Sink sink, ErrorSink onError, const std::atomic<bool>& cancel);

    /// The case being written and its companions (-wal, -shm, .lock): never sources, even inside a walked folder.
    void excludeCase(const QString& casePath);
    void walk(const QStringList& paths);
    std::int64_t outOfScope() const { return m_outOfScope; }
    std::int64_t ignored() const { return m_ignored; }
    /// The first thousand of them, in walk order.
    const std::vector<IgnoredSource>& ignoredSources() const { return m_ignoredSources; }

    /// Bytes on disk under the walked paths, for progress and ETA: 0 until the walk has listed them, which it does
    /// before reading the first file. Thread-safe.
    std::uint64_t totalBytes() const { return m_totalBytes.load(std::memory_order_relaxed); }
    /// Whether a name inside a folder or archive is worth reading as a trail source.
    static bool isCandidateName(const QString& name);
    /// LICENSE, README, CHANGELOG and the like (a name without an extension): what a repository keeps beside logs.
    static bool isRepositoryClutter(const QString& fileName);

private:
    void walkFile(const QString& path, bool explicitlyNamed);
    void walkArchiveFile(const QString& path);
    /// `blockBytes`: how far ahead of its members the reader may have read (bounds the expansion check).
    void walkArchive(struct archive* reader, const QString& path, const QString& prefix, int depth,
                     std::int64_t blockBytes);
    bool emit(SourceUnit&& unit);
    void noteIgnored(const QString& path, const QString& member);

    ImportScope m_scope;
    Sink m_sink;
    ErrorSink m_onError;
    const std::atomic<bool>& m_cancel;
    std::int64_t m_outOfScope = 0;
    std::int64_t m_ignored = 0;
    std::vector<IgnoredSource> m_ignoredSources;
    QStringList m_excluded; ///< absolute, clean paths
    std::atomic<std::uint64_t> m_totalBytes{0};
};

} // namespace Trailscope::Core
