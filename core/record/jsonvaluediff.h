#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Trailscope::Core {

/// Where two copies of a record differ as JSON values: object key order is ignored, array order is kept, numbers
/// compare as numbers (1, 1.0 and 1e0 are equal), strings by their decoded text. Empty when they are equal.
/// Paths are dotted from the record's top with array indexes (`resources[0].ARN`); at most `limit` are listed.
/// A copy that is not valid JSON equals the other only byte for byte.
std::vector<std::string> jsonDifferences(std::string_view left, std::string_view right, std::size_t limit = 20);

} // namespace Trailscope::Core
