#include "sha256.h"

#include <openssl/evp.h>

namespace Trailscope::Core {

struct Sha256Hasher::Context
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(context); }
};

Sha256Hasher::Sha256Hasher() : d(std::make_unique<Context>())
{
    EVP_DigestInit_ex(d->context, EVP_sha256(), nullptr);
}

Sha256Hasher::~Sha256Hasher() = default;

void Sha256Hasher::add(std::string_view bytes)
{
    EVP_DigestUpdate(d->context, bytes.data(), bytes.size());
}

Sha256 Sha256Hasher::finish()
{
    Sha256 digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(d->context, digest.data(), &length);
    EVP_DigestInit_ex(d->context, EVP_sha256(), nullptr);
    return digest;
}

Sha256 sha256(std::string_view bytes)
{
    Sha256 digest{};
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
    return digest;
}

QString toHex(const Sha256& digest)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest.data()), digest.size()).toHex());
}

} // namespace Trailscope::Core
