#include "integrityreport.h"

#include <QDateTime>

#include <algorithm>

namespace Trailscope::Core::Integrity {

bool isInvalid(FileStatus status)
{
    return status != FileStatus::Valid && status != FileStatus::NotCovered;
}

int IntegrityReport::count(EntryKind kind, bool valid) const
{
    return int(std::count_if(entries.begin(), entries.end(), [&](const IntegrityEntry& entry) {
        return entry.kind == kind && entry.status != FileStatus::NotInAnyDigest &&
               entry.status != FileStatus::NotCovered && isInvalid(entry.status) != valid;
    }));
}

int IntegrityReport::countStatus(FileStatus status) const
{
    return int(std::count_if(entries.begin(), entries.end(),
                             [&](const IntegrityEntry& entry) { return entry.status == status; }));
}

int IntegrityReport::signaturesIn(SignatureState state) const
{
    return int(std::count_if(entries.begin(), entries.end(), [&](const IntegrityEntry& entry) {
        return entry.kind == EntryKind::Digest && entry.signature == state;
    }));
}

bool IntegrityReport::allValid() const
{
    return std::none_of(entries.begin(), entries.end(),
                        [](const IntegrityEntry& entry) { return isInvalid(entry.status); });
}

QString statusMessage(const IntegrityEntry& entry)
{
    switch (entry.status) {
    case FileStatus::Valid:
        return QStringLiteral("valid");
    case FileStatus::HashMismatch:
        return QStringLiteral("INVALID: hash value doesn't match");
    case FileStatus::NotFound:
        return QStringLiteral("INVALID: not found");
    case FileStatus::Moved:
        return QStringLiteral("INVALID: has been moved from its original location");
    case FileStatus::InvalidFormat:
        return QStringLiteral("INVALID: invalid format");
    case FileStatus::KeyNotFound:
        return QStringLiteral("INVALID: public key not found in region %1 for fingerprint %2")
            .arg(entry.region, entry.fingerprint);
    case FileStatus::KeyUnloadable:
        return QStringLiteral("INVALID: Unable to load PKCS #1 key with fingerprint %1").arg(entry.fingerprint);
    case FileStatus::SignatureFailed:
        return QStringLiteral("INVALID: signature verification failed");
    case FileStatus::NotInAnyDigest:
        return QStringLiteral("INVALID: not listed in any digest file");
    case FileStatus::NotCovered:
        return QStringLiteral("not covered: delivered outside the period of every digest file");
    }
    return {};
}

QString formatDigestTime(std::int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace Trailscope::Core::Integrity
