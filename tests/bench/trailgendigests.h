#pragma once

// trailgen --digests KEYFILE: the digest chain CloudTrail delivers beside the log files (one digest per account,
// region and hour, reference §5), signed with the given RSA private key, so bench_verify.sh validates a tree of the
// benchmark's size with its digests.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

struct evp_pkey_st;

class DigestWriter
{
public:
    /// `keyPath`: a PEM RSA private key (`openssl genrsa`); `orgPath`: `AWSLogs/o-.../` under `out`.
    DigestWriter(const std::string& keyPath, std::string out, std::string orgPath);
    ~DigestWriter();
    DigestWriter(const DigestWriter&) = delete;
    DigestWriter& operator=(const DigestWriter&) = delete;

    /// A log file written at `key` (from AWSLogs/ on), delivered at `delivered` (epoch seconds), with `content`.
    void add(const std::string& account, const std::string& region, std::string key, std::int64_t delivered,
             const std::string& content);
    /// Writes every chain, hour by hour from the first delivery to the last, and `<digest>.sig` for each newest.
    /// Returns the number of digest files.
    std::size_t finish();

private:
    struct Log
    {
        std::string key, hash;
        std::int64_t delivered;
    };
    std::string sign(const std::string& message) const;
    void writeGzip(const std::string& path, const std::string& content) const;

    evp_pkey_st* m_key = nullptr;
    std::string m_out, m_orgPath, m_fingerprint;
    std::map<std::pair<std::string, std::string>, std::vector<Log>> m_streams; ///< (account, region) → logs
    std::int64_t m_first = INT64_MAX, m_last = INT64_MIN;
};
