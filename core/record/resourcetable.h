#pragma once

#include <array>
#include <span>
#include <string_view>

namespace Trailscope::Core {

/// Where one API call names a resource it acted on: the resource type and the record path that holds its name.
/// A path is dotted keys from the record's top (`requestParameters.bucketName`); `[]` after a key visits every item
/// of that array (`responseElements.instancesSet.items[].instanceId`). A path that ends at an array of strings names
/// each of them.
struct ResourcePath
{
    std::string_view type; ///< as Event history and the `resources` array spell it: `AWS::EC2::Instance`
    std::string_view path;
};

/// The resources of one API call, derived as Event history derives them for records without a `resources` array.
struct ResourceRule
{
    std::string_view eventSource;          ///< `ec2.amazonaws.com`
    std::string_view eventName;            ///< exact, or a prefix ending in `*` (Lambda's dated names)
    std::array<ResourcePath, 3> resources; ///< unused slots are empty
};

/// Every rule, grouped by service.
std::span<const ResourceRule> resourceRules();

/// The rule for an event source and name; nullptr when the call names no resource we know how to find.
const ResourceRule* findResourceRule(std::string_view eventSource, std::string_view eventName);

} // namespace Trailscope::Core
