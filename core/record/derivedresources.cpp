#include "derivedresources.h"

#include "record/resourcepathwalk.h"

namespace Trailscope::Core {

std::vector<DerivedResource> deriveResources(std::string_view recordJson)
{
    std::vector<DerivedResource> resources;
    simdjson::dom::parser parser;
    simdjson::dom::element record;
    if (parser.parse(recordJson.data(), recordJson.size()).get(record) != simdjson::SUCCESS || !record.is_object())
        return resources;
    // As the importer reads them: only object items are resources (some tools write each one as a string).
    if (simdjson::dom::array listed; record["resources"].get_array().get(listed) == simdjson::SUCCESS)
        for (const simdjson::dom::element item : listed)
            if (item.is_object())
                return resources;
    std::string_view source, name;
    if (record["eventSource"].get_string().get(source) != simdjson::SUCCESS ||
        record["eventName"].get_string().get(name) != simdjson::SUCCESS)
        return resources;
    visitDerivedResources(record, source, name, [&](std::string_view type, std::string_view found) {
        resources.push_back(DerivedResource{std::string(type), std::string(found)});
    });
    return resources;
}

} // namespace Trailscope::Core
