#include "trailgendigests.h"

#include <libdeflate.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace {

constexpr const char* Bucket = "trailscope-bench";
constexpr const char* Trail = "org-trail";
constexpr const char* HomeRegion = "us-east-1";
constexpr std::int64_t Offset = 31; // digests end at :00:31, as CloudTrail's do at some second of the hour

[[noreturn]] void die(const std::string& message)
{
    std::fprintf(stderr, "trailgen: %s\n", message.c_str());
    std::exit(2);
}

std::string hex(const unsigned char* bytes, std::size_t size)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

std::string digestOf(const EVP_MD* md, const void* data, std::size_t size)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data, size, out, &length, md, nullptr);
    return hex(out, length);
}

std::string timeText(std::int64_t t, const char* format)
{
    const std::time_t time = t;
    std::tm civil{};
    gmtime_r(&time, &civil);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, format, &civil);
    return buffer;
}

std::string iso(std::int64_t t)
{
    return timeText(t, "%Y-%m-%dT%H:%M:%SZ");
}

} // namespace

DigestWriter::DigestWriter(const std::string& keyPath, std::string out, std::string orgPath)
    : m_out(std::move(out)), m_orgPath(std::move(orgPath))
{
    std::FILE* file = std::fopen(keyPath.c_str(), "rb");
    if (!file)
        die("cannot read the private key " + keyPath);
    m_key = PEM_read_PrivateKey(file, nullptr, nullptr, nullptr);
    std::fclose(file);
    if (!m_key || EVP_PKEY_get_base_id(m_key) != EVP_PKEY_RSA)
        die(keyPath + " is not a PEM RSA private key");
    // The fingerprint as verify computes it for a PEM key: MD5 of the DER PKCS #1 public key.
    unsigned char* der = nullptr;
    const int size = i2d_PublicKey(m_key, &der);
    m_fingerprint = digestOf(EVP_md5(), der, std::size_t(size));
    OPENSSL_free(der);
}

DigestWriter::~DigestWriter()
{
    EVP_PKEY_free(m_key);
}

void DigestWriter::add(const std::string& account, const std::string& region, std::string key, std::int64_t delivered,
                       const std::string& content)
{
    m_streams[{account, region}].push_back(
        Log{std::move(key), digestOf(EVP_sha256(), content.data(), content.size()), delivered});
    m_first = std::min(m_first, delivered);
    m_last = std::max(m_last, delivered);
}

std::string DigestWriter::sign(const std::string& message) const
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    std::size_t size = 0;
    EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, m_key);
    EVP_DigestSign(context, nullptr, &size, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    std::string signature(size, '\0');
    EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &size,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    EVP_MD_CTX_free(context);
    return hex(reinterpret_cast<const unsigned char*>(signature.data()), size);
}

void DigestWriter::writeGzip(const std::string& path, const std::string& content) const
{
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
    std::string packed(libdeflate_gzip_compress_bound(compressor, content.size()), '\0');
    const std::size_t size =
        libdeflate_gzip_compress(compressor, content.data(), content.size(), packed.data(), packed.size());
    libdeflate_free_compressor(compressor);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || std::fwrite(packed.data(), 1, size, file) != size || std::fclose(file) != 0)
        die("cannot write " + path);
}

std::size_t DigestWriter::finish()
{
    std::size_t written = 0;
    const std::int64_t firstStart = (m_first - Offset) / 3600 * 3600 + Offset;
    for (auto& [stream, logs] : m_streams) {
        const auto& [account, region] = stream;
        std::sort(logs.begin(), logs.end(), [](const Log& a, const Log& b) { return a.delivered < b.delivered; });
        std::string previousKey, previousHash, previousSignature, lastKey;
        auto next = logs.begin();
        for (std::int64_t start = firstStart; start <= m_last; start += 3600) {
            const std::int64_t end = start + 3600;
            const std::string key = m_orgPath + account + "/CloudTrail-Digest/" + region + "/" +
                                    timeText(end, "%Y/%m/%d/") + account + "_CloudTrail-Digest_" + region + "_" +
                                    Trail + "_" + HomeRegion + "_" + timeText(end, "%Y%m%dT%H%M%SZ") + ".json.gz";
            std::string files;
            for (; next != logs.end() && next->delivered < end; ++next)
                files += std::string(files.empty() ? "" : ",") + R"({"s3Bucket":")" + Bucket + R"(","s3Object":")" +
                         next->key + R"(","hashValue":")" + next->hash + R"(","hashAlgorithm":"SHA-256"})";
            const bool first = previousKey.empty();
            const auto quoted = [&](const std::string& text) { return first ? std::string("null") : '"' + text + '"'; };
            const std::string content =
                R"({"awsAccountId":")" + account + R"(","digestStartTime":")" + iso(start) + R"(","digestEndTime":")" +
                iso(end) + R"(","digestS3Bucket":")" + Bucket + R"(","digestS3Object":")" + key +
                R"(","digestPublicKeyFingerprint":")" + m_fingerprint +
                R"(","digestSignatureAlgorithm":"SHA256withRSA","previousDigestS3Bucket":)" + quoted(Bucket) +
                R"(,"previousDigestS3Object":)" + quoted(previousKey) + R"(,"previousDigestHashValue":)" +
                quoted(previousHash) + R"(,"previousDigestHashAlgorithm":)" + quoted("SHA-256") +
                R"(,"previousDigestSignature":)" + quoted(previousSignature) + R"(,"logFiles":[)" + files + "]}";
            const std::string contentHash = digestOf(EVP_sha256(), content.data(), content.size());
            const std::string signature = sign(iso(end) + "\n" + Bucket + "/" + key + "\n" + contentHash + "\n" +
                                               (first ? std::string("null") : previousSignature));
            writeGzip(m_out + "/" + key, content);
            ++written;
            previousKey = key;
            previousHash = contentHash;
            previousSignature = signature;
        }
        std::FILE* sig = std::fopen((m_out + "/" + previousKey + ".sig").c_str(), "wb");
        if (!sig || std::fputs(previousSignature.c_str(), sig) < 0 || std::fclose(sig) != 0)
            die("cannot write the signature of " + previousKey);
    }
    return written;
}
