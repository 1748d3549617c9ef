#include "s3key.h"

#include "util/eventtime.h"

#include <vector>

namespace Trailscope::Core {

namespace {

std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find_first_of("/\\", start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start)
            parts.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

bool allDigits(std::string_view text, std::size_t length)
{
    if (text.size() != length)
        return false;
    for (const char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

int toInt(std::string_view digits)
{
    int value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool isOrganizationId(std::string_view part)
{
    return part.size() >= 12 && part.starts_with("o-");
}

S3Key::Folder folderOf(std::string_view name)
{
    if (name == "CloudTrail")
        return S3Key::Folder::CloudTrail;
    if (name == "CloudTrail-Insight")
        return S3Key::Folder::Insight;
    if (name == "CloudTrail-Digest")
        return S3Key::Folder::Digest;
    return S3Key::Folder::Other;
}

// Finds `_YYYYMMDDTHHmm[ss]Z` in a file name; the digest form carries seconds.
std::optional<std::int64_t> timeFromFileName(std::string_view name)
{
    for (std::size_t i = 0; i + 15 <= name.size(); ++i) {
        if (name[i] != '_' || !allDigits(name.substr(i + 1, 8), 8) || name[i + 9] != 'T')
            continue;
        const std::string_view rest = name.substr(i + 10);
        std::size_t clockDigits = 0;
        while (clockDigits < rest.size() && rest[clockDigits] >= '0' && rest[clockDigits] <= '9')
            ++clockDigits;
        if ((clockDigits != 4 && clockDigits != 6) || clockDigits >= rest.size() || rest[clockDigits] != 'Z')
            continue;
        const std::string_view date = name.substr(i + 1, 8);
        const int year = toInt(date.substr(0, 4));
        const int month = toInt(date.substr(4, 2));
        const int day = toInt(date.substr(6, 2));
        const int hour = toInt(rest.substr(0, 2));
        const int minute = toInt(rest.substr(2, 2));
        const int second = clockDigits == 6 ? toInt(rest.substr(4, 2)) : 0;
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
            continue;
        return (daysFromCivil(year, month, day) * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 +
                second) *
               1000;
    }
    return std::nullopt;
}

} // namespace

S3Key parseS3Key(std::string_view path)
{
    S3Key key;
    const auto parts = splitPath(path);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i] != "AWSLogs")
            continue;
        std::size_t next = i + 1;
        std::string organization;
        if (next < parts.size() && isOrganizationId(parts[next]))
            organization = std::string(parts[next++]);
        if (next + 1 >= parts.size() || !allDigits(parts[next], 12))
            continue;
        key.organizationId = organization;
        key.accountId = std::string(parts[next]);
        key.folder = folderOf(parts[next + 1]);
        const std::size_t regionIndex = next + 2;
        if (regionIndex < parts.size() - 1)
            key.region = std::string(parts[regionIndex]);
        if (regionIndex + 3 < parts.size() && allDigits(parts[regionIndex + 1], 4) &&
            allDigits(parts[regionIndex + 2], 2) && allDigits(parts[regionIndex + 3], 2)) {
            key.delivered = daysFromCivil(toInt(parts[regionIndex + 1]), toInt(parts[regionIndex + 2]),
                                          toInt(parts[regionIndex + 3])) *
                            86400000;
            key.deliveredDayOnly = true;
        }
        break;
    }
    if (!parts.empty()) {
        if (const auto fromName = timeFromFileName(parts.back())) {
            key.delivered = fromName;
            key.deliveredDayOnly = false;
        }
    }
    return key;
}

bool looksLikeTrailFileName(std::string_view fileName)
{
    const std::size_t slash = fileName.find_last_of("/\\");
    if (slash != std::string_view::npos)
        fileName = fileName.substr(slash + 1);
    return fileName.size() > 13 && allDigits(fileName.substr(0, 12), 12) &&
           fileName.substr(12).starts_with("_CloudTrail_");
}

} // namespace Trailscope::Core
