#pragma once

#include "record/s3key.h"
#include "util/error.h"
#include "util/sha256.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>
#include <vector>

namespace Trailscope::Core::Integrity {

/// One file as validation sees it: where it lies and the SHA-256 of its decompressed content (what digests hash).
struct InventoryFile
{
    QString location; ///< a path, or `archive!member`, as the analyst knows it
    QString key;      ///< the location from `AWSLogs/` on: what a digest names, whatever prefix lies before it
    S3Key s3;
    std::optional<Sha256> contentSha256; ///< none when the file could not be decompressed
    QByteArray content;                  ///< digest files only
    QString signatureHex;                ///< digest files: from a `<digest>.sig` sidecar beside it, if any
};

/// Everything validation reads, from a trail tree or archive, or from a case without the originals.
struct Inventory
{
    std::vector<InventoryFile> files;
    bool fromCase = false;
    std::vector<Error> problems; ///< files that could not be read; they count as absent
};

/// A digest's signature as kept apart from it: the hex CloudTrail writes into `x-amz-meta-signature`, or the JSON
/// `aws s3api head-object` prints (`Metadata.signature`).
Result<QString> readSignatureFile(const QString& path);

/// `AWSLogs/...` of a slash-separated path or S3 key, or empty when it has none.
QString keyFromAWSLogs(const QString& path);

/// Reads every file under `paths` (folders, .zip, .tar.gz, nested), decompressing and hashing on `threads` workers
/// while this thread reads. Digest files keep their content; a `.sig` file beside a digest is its signature.
Inventory collectTree(const QStringList& paths, int threads, const std::atomic<bool>& cancel);

/// The same from a case: the SHA-256 the import recorded for each file's content and the digests' stored content,
/// so nothing of the originals is needed.
Result<Inventory> collectCase(const QString& casePath);

} // namespace Trailscope::Core::Integrity
