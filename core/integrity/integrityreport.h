#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Integrity {

/// What validation found for one file, in the terms of `aws cloudtrail validate-logs` (reference §5.4).
enum class FileStatus {
    Valid,
    HashMismatch,    ///< INVALID: hash value doesn't match
    NotFound,        ///< INVALID: not found
    Moved,           ///< INVALID: has been moved from its original location
    InvalidFormat,   ///< INVALID: invalid format
    KeyNotFound,     ///< INVALID: public key not found in region R for fingerprint F
    KeyUnloadable,   ///< INVALID: Unable to load PKCS #1 key with fingerprint F
    SignatureFailed, ///< INVALID: signature verification failed
    NotInAnyDigest,  ///< a log file lying in a covered period that no digest lists (AWS never sees these)
    NotCovered,      ///< a log file delivered outside every digest's period: neither valid nor invalid
};

/// Whether a digest's signature was checked, and why not.
enum class SignatureState { Verified, NotChecked, Missing, Failed };

enum class EntryKind { Digest, Log, Gap };

/// One line of the result, in the order validate-logs prints them: newest digest first, each followed by its logs.
struct IntegrityEntry
{
    EntryKind kind = EntryKind::Log;
    FileStatus status = FileStatus::Valid;
    QString s3Path;   ///< `s3://bucket/key` the digest names, or the file's location when no digest names it
    QString location; ///< where the file lies (a path, `archive!member`, or the case's stored path); empty if absent
    QString chain;    ///< `account/region/trail`
    QString fingerprint, region;                           ///< digests: for the key messages
    SignatureState signature = SignatureState::NotChecked; ///< digests only
    QString gapFrom, gapTo;                                ///< gaps only
};

/// One chain: the digests of a trail in an account and region, from the newest back.
struct ChainSummary
{
    QString account, region, trail;
    QString start, end; ///< earliest digestStartTime and latest digestEndTime found
    int digests = 0, restarts = 0, gaps = 0;
};

struct IntegrityReport
{
    std::vector<IntegrityEntry> entries;
    std::vector<ChainSummary> chains;
    bool fromCase = false;
    bool keysSupplied = false;
    /// Checks that could not run on what was at hand, each a sentence (for a case: what only the originals have).
    QStringList notChecked;

    int count(EntryKind kind, bool valid) const;
    int countStatus(FileStatus status) const;
    int signaturesIn(SignatureState state) const;
    /// True when nothing checked is invalid (files outside every digest's period do not count against it).
    bool allValid() const;
};

/// validate-logs' wording for a status: `valid`, `INVALID: hash value doesn't match`, ...
QString statusMessage(const IntegrityEntry& entry);
bool isInvalid(FileStatus status);
/// The summary validate-logs ends with ("Results found for … to …:", the digest and log ratios), then what
/// Trailscope adds: files in no digest, files outside every digest's period, signatures, what was not checked. The
/// CLI prints these lines, the window shows them.
QStringList summaryLines(const IntegrityReport& report);
/// `2015-08-17T15:01:31Z` for the gap and summary lines.
QString formatDigestTime(std::int64_t epochMs);

} // namespace Trailscope::Core::Integrity
