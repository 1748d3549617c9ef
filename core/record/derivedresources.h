#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Trailscope::Core {

/// A resource an event acted on, found through the resource table (record/resourcetable.h) in its request or
/// response rather than in a `resources` array.
struct DerivedResource
{
    std::string type;
    std::string name;

    friend bool operator==(const DerivedResource&, const DerivedResource&) = default;
};

/// The resources a record names by its event source and name, in table order, each once; empty for records with a
/// `resources` array holding an object (those say themselves), for calls the table does not know and for invalid JSON.
std::vector<DerivedResource> deriveResources(std::string_view recordJson);

} // namespace Trailscope::Core
