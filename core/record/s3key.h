#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace Trailscope::Core {

/// What the S3 key of a delivered object says about it, before the object is read.
struct S3Key
{
    enum class Folder { None, CloudTrail, Insight, Digest, Other };

    Folder folder = Folder::None;
    std::string organizationId; ///< `o-...` for organization trails, else empty.
    std::string accountId;
    std::string region;
    /// Delivery time in UTC epoch ms: from the file name when it carries one, else midnight of the key's date.
    std::optional<std::int64_t> delivered;
    /// True when `delivered` has only day precision (taken from YYYY/MM/DD).
    bool deliveredDayOnly = false;
};

/// Recognises `[prefix/]AWSLogs/[o-id/]account/Folder/region/YYYY/MM/DD/file` anywhere in a slash-separated path.
S3Key parseS3Key(std::string_view path);

/// True when the name looks like a CloudTrail log file name (`acct_CloudTrail_region_YYYYMMDDTHHmmZ_x.json.gz`).
bool looksLikeTrailFileName(std::string_view fileName);

} // namespace Trailscope::Core
