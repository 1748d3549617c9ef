#include "publickeys.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace Trailscope::Core::Integrity {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

Pkey loadPkcs1(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    return Pkey(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, der.size()));
}

// A key file's key as DER PKCS #1, whichever of PKCS #1 and SubjectPublicKeyInfo it was written in.
std::optional<QByteArray> pkcs1Of(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    Pkey key(d2i_PUBKEY(nullptr, &cursor, der.size()));
    if (!key)
        key = loadPkcs1(der);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return std::nullopt;
    unsigned char* out = nullptr;
    const int size = i2d_PublicKey(key.get(), &out);
    if (size <= 0)
        return std::nullopt;
    QByteArray pkcs1(reinterpret_cast<const char*>(out), size);
    OPENSSL_free(out);
    return pkcs1;
}

// The base64 between a PEM file's BEGIN and END lines, or the bytes as they are when there are none.
QByteArray derOf(const QByteArray& bytes)
{
    const qsizetype begin = bytes.indexOf("-----BEGIN ");
    if (begin < 0)
        return bytes;
    const qsizetype bodyStart = bytes.indexOf('\n', begin);
    const qsizetype end = bytes.indexOf("-----END ", bodyStart);
    if (bodyStart < 0 || end < 0)
        return {};
    return QByteArray::fromBase64(bytes.mid(bodyStart + 1, end - bodyStart - 1));
}

Error keyError(const QString& path, const QString& detail)
{
    return Error{ErrorCode::NotJson, detail, path};
}

} // namespace

PublicKeySet::PublicKeySet() = default;
PublicKeySet::~PublicKeySet() = default;
PublicKeySet::PublicKeySet(PublicKeySet&&) noexcept = default;
PublicKeySet& PublicKeySet::operator=(PublicKeySet&&) noexcept = default;

Result<int> PublicKeySet::addFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Error{ErrorCode::Io, file.errorString(), path});
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().startsWith('{'))
        return addListPublicKeys(path, bytes);
    return addKeyFile(path, bytes);
}

Result<int> PublicKeySet::addListPublicKeys(const QString& path, const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(keyError(path, QStringLiteral("not JSON: %1").arg(parseError.errorString())));
    const QJsonValue list = document.object().value(QLatin1String("PublicKeyList"));
    if (!list.isArray())
        return std::unexpected(keyError(path, QStringLiteral("no PublicKeyList array (the JSON of aws cloudtrail "
                                                             "list-public-keys)")));
    int added = 0;
    for (const QJsonValue item : list.toArray()) {
        const QString fingerprint = item[QLatin1String("Fingerprint")].toString();
        const QByteArray der = QByteArray::fromBase64(item[QLatin1String("Value")].toString().toLatin1());
        if (fingerprint.isEmpty() || der.isEmpty())
            return std::unexpected(
                keyError(path, QStringLiteral("public key %1 lacks Fingerprint or Value").arg(added + 1)));
        addDer(fingerprint, der);
        ++added;
    }
    return added;
}

Result<int> PublicKeySet::addKeyFile(const QString& path, const QByteArray& bytes)
{
    const QByteArray der = derOf(bytes);
    const auto pkcs1 = der.isEmpty() ? std::nullopt : pkcs1Of(der);
    if (!pkcs1)
        return std::unexpected(keyError(path, QStringLiteral("not an RSA public key (PEM or DER, PKCS #1 or "
                                                             "SubjectPublicKeyInfo), nor list-public-keys JSON")));
    addDer(fingerprintOf(*pkcs1), *pkcs1);
    return 1;
}

void PublicKeySet::addDer(const QString& fingerprint, const QByteArray& pkcs1Der)
{
    m_keys[fingerprint.toLower()] = pkcs1Der;
}

QString PublicKeySet::fingerprintOf(const QByteArray& pkcs1Der)
{
    return QString::fromLatin1(QCryptographicHash::hash(pkcs1Der, QCryptographicHash::Md5).toHex());
}

SignatureCheck PublicKeySet::verify(const QString& fingerprint, const QByteArray& message,
                                    const QString& signatureHex) const
{
    const auto found = m_keys.find(fingerprint.toLower());
    if (found == m_keys.end())
        return SignatureCheck::KeyNotFound;
    const Pkey key = loadPkcs1(found->second);
    if (!key)
        return SignatureCheck::KeyUnloadable;
    if (signatureHex.isEmpty())
        return SignatureCheck::NoSignature;
    const QByteArray signature = QByteArray::fromHex(signatureHex.toLatin1());
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> context(EVP_MD_CTX_new());
    // EVP_DigestVerifyInit's RSA default padding is PKCS #1 v1.5, the SHA256withRSA CloudTrail uses.
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return SignatureCheck::KeyUnloadable;
    const int verified = EVP_DigestVerify(
        context.get(), reinterpret_cast<const unsigned char*>(signature.constData()), std::size_t(signature.size()),
        reinterpret_cast<const unsigned char*>(message.constData()), std::size_t(message.size()));
    return verified == 1 ? SignatureCheck::Verified : SignatureCheck::Failed;
}

} // namespace Trailscope::Core::Integrity
