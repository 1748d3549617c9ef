#include "signedtrail.h"

#include "clitest.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <zlib.h>

namespace Trailscope::Test {

namespace {

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString digestKey(const SignedTrail& trail, const QDateTime& end)
{
    return QStringLiteral("AWSLogs/%1/CloudTrail-Digest/%2/%3/%1_CloudTrail-Digest_%2_%4_%2_%5.json.gz")
        .arg(trail.account, trail.region, end.toString(QStringLiteral("yyyy/MM/dd")), trail.trail,
             end.toString(QStringLiteral("yyyyMMddTHHmmssZ")));
}

struct LogEntry
{
    QString key, hash, oldest, newest;
};

// The log files of one hour, each with one event, and their digest entries.
std::vector<LogEntry> writeLogs(const QString& root, const SignedTrail& trail, const QDateTime& from, int count,
                                int& nextEvent)
{
    std::vector<LogEntry> entries;
    for (int i = 0; i < count; ++i) {
        const QDateTime delivered = from.addSecs(60 * (5 + 10 * i));
        const QString eventTime = isoTime(delivered.addSecs(-120));
        const QString unique = QStringLiteral("Uniq%1").arg(nextEvent, 12, 10, QLatin1Char('0'));
        const QString key =
            trailKey(trail.account, trail.region, delivered.toString(QStringLiteral("yyyyMMddTHHmmZ")), unique);
        const QByteArray content = recordsEnvelope({makeRecord(fixtureEventId(nextEvent++), eventTime)});
        writeFile(root, key, gzip(content));
        entries.push_back(LogEntry{key, sha256Hex(content), eventTime, eventTime});
    }
    return entries;
}

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

SigningKey::SigningKey() : m_key(EVP_RSA_gen(2048)) {}

SigningKey::~SigningKey()
{
    EVP_PKEY_free(m_key);
}

QByteArray SigningKey::pkcs1Der() const
{
    unsigned char* out = nullptr;
    const int size = i2d_PublicKey(m_key, &out);
    QByteArray der(reinterpret_cast<const char*>(out), size);
    OPENSSL_free(out);
    return der;
}

QByteArray SigningKey::spkiPem() const
{
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(size));
    BIO_free(bio);
    return pem;
}

QString SigningKey::fingerprint() const
{
    return QString::fromLatin1(QCryptographicHash::hash(pkcs1Der(), QCryptographicHash::Md5).toHex());
}

QString SigningKey::sign(const QByteArray& message) const
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    std::size_t size = 0;
    EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, m_key);
    EVP_DigestSign(context, nullptr, &size, reinterpret_cast<const unsigned char*>(message.constData()),
                   std::size_t(message.size()));
    QByteArray signature(qsizetype(size), '\0');
    EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &size,
                   reinterpret_cast<const unsigned char*>(message.constData()), std::size_t(message.size()));
    EVP_MD_CTX_free(context);
    signature.resize(qsizetype(size));
    return QString::fromLatin1(signature.toHex());
}

QString SigningKey::writePublicKeys(const QString& path, const std::vector<const SigningKey*>& keys)
{
    QJsonArray list;
    for (const SigningKey* key : keys)
        list.append(QJsonObject{{"Value", QString::fromLatin1(key->pkcs1Der().toBase64())},
                                {"ValidityStartTime", "2026-01-01T00:00:00+00:00"},
                                {"ValidityEndTime", "2026-12-31T00:00:00+00:00"},
                                {"Fingerprint", key->fingerprint()}});
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(QJsonObject{{"PublicKeyList", list}}).toJson());
    return path;
}

bool SignedTrail::write(const QString& root, const SigningKey& key)
{
    int nextEvent = 1;
    QDateTime from = start;
    QString previousKey, previousHash, previousSignature;
    for (const DigestHour& hour : hours) {
        if (hour.restart) {
            from = from.addSecs(3600 * skipHoursBeforeRestart);
            previousKey.clear();
        }
        from = from.addSecs(3600 * hour.hoursSkipped);
        const QDateTime end = from.addSecs(3600);
        const auto logs = writeLogs(root, *this, from, hour.logFiles, nextEvent);
        QJsonArray logFiles;
        for (const LogEntry& log : logs) {
            logKeys << log.key;
            logFiles.append(QJsonObject{{"s3Bucket", bucket},
                                        {"s3Object", log.key},
                                        {"hashValue", log.hash},
                                        {"hashAlgorithm", "SHA-256"},
                                        {"newestEventTime", log.newest},
                                        {"oldestEventTime", log.oldest}});
        }
        const QString digestName = digestKey(*this, end);
        const bool first = previousKey.isEmpty();
        const QJsonObject digest{{"awsAccountId", account},
                                 {"digestStartTime", isoTime(from)},
                                 {"digestEndTime", isoTime(end)},
                                 {"digestS3Bucket", bucket},
                                 {"digestS3Object", digestName},
                                 {"digestPublicKeyFingerprint", key.fingerprint()},
                                 {"digestSignatureAlgorithm", "SHA256withRSA"},
                                 {"newestEventTime", logs.empty() ? QJsonValue() : QJsonValue(logs.back().newest)},
                                 {"oldestEventTime", logs.empty() ? QJsonValue() : QJsonValue(logs.front().oldest)},
                                 {"previousDigestS3Bucket", first ? QJsonValue() : QJsonValue(bucket)},
                                 {"previousDigestS3Object", orNull(first ? QString() : previousKey)},
                                 {"previousDigestHashValue", orNull(first ? QString() : previousHash)},
                                 {"previousDigestHashAlgorithm", first ? QJsonValue() : QJsonValue("SHA-256")},
                                 {"previousDigestSignature", orNull(first ? QString() : previousSignature)},
                                 {"logFiles", logFiles}};
        const QByteArray content = QJsonDocument(digest).toJson(QJsonDocument::Compact);
        // §5.3: end time, bucket/key, hex SHA-256 of the content, the previous signature or 'null'.
        const QString toSign = isoTime(end) + '\n' + bucket + '/' + digestName + '\n' + sha256Hex(content) + '\n' +
                               (first ? QStringLiteral("null") : previousSignature);
        const QString signature = key.sign(toSign.toUtf8());
        writeFile(root, digestName, gzip(content));
        digestKeys << digestName;
        digestSignatures << signature;
        previousKey = digestName;
        previousHash = sha256Hex(content);
        previousSignature = signature;
        from = end;
    }
    writeFile(root, digestKeys.last() + ".sig", digestSignatures.last().toLatin1());
    return true;
}

QByteArray readGzip(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stored = file.readAll();
    z_stream stream{};
    inflateInit2(&stream, 16 + MAX_WBITS);
    QByteArray content;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.constData()));
    stream.avail_in = uInt(stored.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        content.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return content;
}

void writeGzip(const QString& path, const QByteArray& content)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(gzip(content));
}

} // namespace Trailscope::Test
