#pragma once

#include <QString>

#include <array>
#include <memory>
#include <string_view>

namespace Trailscope::Core {

using Sha256 = std::array<unsigned char, 32>;

/// Incremental SHA-256 over OpenSSL, which uses the CPU's SHA extensions where present.
class Sha256Hasher
{
public:
    Sha256Hasher();
    ~Sha256Hasher();
    Sha256Hasher(const Sha256Hasher&) = delete;
    Sha256Hasher& operator=(const Sha256Hasher&) = delete;

    void add(std::string_view bytes);
    Sha256 finish();

private:
    struct Context;
    std::unique_ptr<Context> d;
};

Sha256 sha256(std::string_view bytes);
QString toHex(const Sha256& digest);

} // namespace Trailscope::Core
