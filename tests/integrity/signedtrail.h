#pragma once

// Signed CloudTrail trails for the integrity tests: gzip'd log files and the digest chain CloudTrail would deliver
// for them, signed with a key pair made at test time, written independently of core/integrity (the signing string
// here is built from the reference, §5.3, not by the code under test).

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

struct evp_pkey_st;

namespace Trailscope::Test {

/// An RSA key pair as CloudTrail holds one per region.
class SigningKey
{
public:
    SigningKey();
    ~SigningKey();
    SigningKey(const SigningKey&) = delete;
    SigningKey& operator=(const SigningKey&) = delete;

    QByteArray pkcs1Der() const; ///< the public key as list-public-keys gives it
    QByteArray spkiPem() const;  ///< the public key as `openssl rsa -pubout` writes it
    QString fingerprint() const; ///< hex MD5 of pkcs1Der()
    /// Hex SHA256withRSA (PKCS #1 v1.5) signature of `message`.
    QString sign(const QByteArray& message) const;

    /// Writes `{"PublicKeyList": [{"Value", "ValidityStartTime", "ValidityEndTime", "Fingerprint"}]}` for the keys.
    static QString writePublicKeys(const QString& path, const std::vector<const SigningKey*>& keys);

private:
    evp_pkey_st* m_key = nullptr;
};

/// One digest period of a trail: the log files delivered in it.
struct DigestHour
{
    int logFiles = 2;
    bool restart = false; ///< the digest starts a new chain (null previous fields), as after logging restarted
    int hoursSkipped = 0; ///< hours before it that no digest covers, though it still names its predecessor
};

/// A trail written under `root` as an S3 download: AWSLogs/<account>/CloudTrail/... and CloudTrail-Digest/...
struct SignedTrail
{
    QString account = QStringLiteral("111122223333"), region = QStringLiteral("us-east-1");
    QString trail = QStringLiteral("main-trail"), bucket = QStringLiteral("evidence-bucket");
    QDateTime start = QDateTime(QDate(2026, 2, 21), QTime(10, 0, 31), Qt::UTC);
    std::vector<DigestHour> hours{{}, {}, {}};
    /// Hours with no digest before a restart.
    int skipHoursBeforeRestart = 2;

    QStringList logKeys, digestKeys; ///< oldest first, relative to root
    QStringList digestSignatures;    ///< hex, as x-amz-meta-signature holds them

    /// Writes the files, the newest digest's signature as `<digest>.sig`; returns false if a write failed.
    bool write(const QString& root, const SigningKey& key);
    /// `s3://bucket/key` as validate-logs prints it.
    QString s3(const QString& key) const { return QStringLiteral("s3://") + bucket + u'/' + key; }
};

/// The decompressed content of a gzip file, and writing it back gzip'd: for tampering with a written trail.
QByteArray readGzip(const QString& path);
void writeGzip(const QString& path, const QByteArray& content);

} // namespace Trailscope::Test
