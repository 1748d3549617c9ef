#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace Trailscope::Core::Integrity {

/// One `logFiles` entry of a digest: a log file CloudTrail delivered and the SHA-256 of its decompressed content.
struct DigestLogEntry
{
    QString s3Bucket, s3Object;
    QString hashValue; ///< lowercase hex
};

/// A CloudTrail digest file (reference §5.1). Times are kept as written: the signing string uses them verbatim.
struct DigestFile
{
    QString awsAccountId;
    QString digestStartTime, digestEndTime;
    std::int64_t startMs = 0, endMs = 0;
    QString digestS3Bucket, digestS3Object;
    QString publicKeyFingerprint, signatureAlgorithm;
    /// All null in the first digest of a chain (validation enabled, re-enabled, logging restarted).
    std::optional<QString> previousS3Bucket, previousS3Object, previousHashValue, previousSignature;
    std::vector<DigestLogEntry> logFiles;

    bool startsChain() const { return !previousS3Object.has_value(); }
};

/// Parses the decompressed content of a digest file; fails when a field the validation needs is missing or of
/// another type.
Result<DigestFile> parseDigestFile(const QByteArray& content);

/// The string CloudTrail signs (§5.3, as the AWS CLI builds it): end time, `bucket/key`, the hex SHA-256 of the
/// digest's content and the previous signature, or `null` for the first digest of a chain.
QByteArray signingString(const DigestFile& digest, const QString& contentSha256Hex);

/// What a digest's file name says: `acct_CloudTrail-Digest_region_TRAIL_homeregion_YYYYMMDDTHHmmssZ.json.gz`.
struct DigestName
{
    QString account, region, trail, homeRegion, timestamp;
};
std::optional<DigestName> parseDigestName(const QString& fileName);

} // namespace Trailscope::Core::Integrity
