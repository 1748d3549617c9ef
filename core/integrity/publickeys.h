#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>

namespace Trailscope::Core::Integrity {

/// How checking one signature came out.
enum class SignatureCheck {
    Verified,
    Failed,        ///< the key does not verify the signature over the signing string
    KeyNotFound,   ///< no supplied key has the digest's fingerprint
    KeyUnloadable, ///< the key with that fingerprint is not an RSA public key OpenSSL can load
    NoSignature,   ///< the digest's signature is not at hand (the newest digest without its S3 metadata)
};

/// The CloudTrail public keys the analyst supplied, by fingerprint (lowercase hex).
class PublicKeySet
{
public:
    PublicKeySet();
    ~PublicKeySet();
    PublicKeySet(PublicKeySet&&) noexcept;
    PublicKeySet& operator=(PublicKeySet&&) noexcept;

    /// Adds the keys of a file: the JSON `aws cloudtrail list-public-keys` prints (each `Value` base64 DER
    /// PKCS #1, matched by its `Fingerprint`), or one PEM or DER public key (PKCS #1 or SubjectPublicKeyInfo)
    /// whose fingerprint is computed as `fingerprintOf` does.
    Result<int> addFile(const QString& path);
    /// Adds a DER PKCS #1 key under the fingerprint AWS gives it.
    void addDer(const QString& fingerprint, const QByteArray& pkcs1Der);

    bool isEmpty() const { return m_keys.empty(); }
    std::size_t size() const { return m_keys.size(); }

    /// SHA256withRSA (PKCS #1 v1.5) over `message` with the key of `fingerprint`; `signatureHex` as CloudTrail
    /// writes it.
    SignatureCheck verify(const QString& fingerprint, const QByteArray& message, const QString& signatureHex) const;

    /// The fingerprint AWS lists for a key, assumed to be the hex MD5 of its DER PKCS #1 form (32 hex digits as in
    /// every published digest; AWS does not document the computation).
    static QString fingerprintOf(const QByteArray& pkcs1Der);

private:
    Result<int> addListPublicKeys(const QString& path, const QByteArray& bytes);
    Result<int> addKeyFile(const QString& path, const QByteArray& bytes);

    std::map<QString, QByteArray> m_keys; ///< fingerprint → DER PKCS #1
};

} // namespace Trailscope::Core::Integrity
