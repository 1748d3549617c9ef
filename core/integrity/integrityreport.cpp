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

namespace {

QString ratioLine(int valid, int invalid, const char* name)
{
    const int total = valid + invalid;
    QString line = QStringLiteral("%1/%2 %3 files valid").arg(valid).arg(total).arg(QLatin1String(name));
    if (invalid > 0)
        line += QStringLiteral(", %1/%2 %3 files INVALID").arg(invalid).arg(total).arg(QLatin1String(name));
    return line;
}

QString signatureLine(const IntegrityReport& report)
{
    if (!report.keysSupplied)
        return QStringLiteral("Signatures not verified: no public keys were given");
    const int digests = report.count(EntryKind::Digest, true) + report.count(EntryKind::Digest, false) -
                        report.countStatus(FileStatus::NotFound); // a digest that is not there has no signature
    return QStringLiteral("%1/%2 digest signatures verified")
        .arg(report.signaturesIn(SignatureState::Verified))
        .arg(digests);
}

} // namespace

QStringList summaryLines(const IntegrityReport& report)
{
    QStringList lines;
    if (report.chains.empty()) {
        lines << QStringLiteral("No digests found");
    } else {
        QString start = report.chains.front().start, end = report.chains.front().end;
        for (const ChainSummary& chain : report.chains) {
            start = std::min(start, chain.start);
            end = std::max(end, chain.end);
        }
        lines << QStringLiteral("Results found for %1 to %2:").arg(start, end) << QString();
        lines << ratioLine(report.count(EntryKind::Digest, true), report.count(EntryKind::Digest, false), "digest");
        lines << ratioLine(report.count(EntryKind::Log, true), report.count(EntryKind::Log, false), "log");
    }
    if (const int extra = report.countStatus(FileStatus::NotInAnyDigest))
        lines << QStringLiteral("%1 log files INVALID: not listed in any digest file").arg(extra);
    if (const int outside = report.countStatus(FileStatus::NotCovered))
        lines << QStringLiteral("%1 log files not validated: delivered outside the period of every digest file")
                     .arg(outside);
    if (!report.chains.empty())
        lines << signatureLine(report);
    for (const QString& unchecked : report.notChecked)
        lines << QStringLiteral("Not checked: %1").arg(unchecked);
    return lines;
}

} // namespace Trailscope::Core::Integrity
