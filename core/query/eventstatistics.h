#pragma once

#include "casedb/sqlite.h"
#include "query/fieldtable.h"
#include "query/searchsql.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Core::Query {

/// How many events a search matches inside the options' window.
Result<std::int64_t> countEvents(Sql::Database& db, const CompiledSearch& search, const SearchOptions& options);

struct FacetValue
{
    QString value; ///< empty with `absent` set for events without the field
    bool absent = false;
    std::int64_t count = 0;
};

struct Facet
{
    const FieldDef* field = nullptr;
    std::vector<FacetValue> top; ///< most frequent first; ties by value
    std::int64_t distinct = 0;   ///< distinct values, absent counted as one
};

/// The top values of each field under a search, all fields stored on the event, its identity or its TLS details
/// counted in one pass over the matching events. Resource fields (resource, resourceType) count each matching event
/// once per distinct value among its resources, and as absent when it has none. Other fields give an empty facet.
Result<std::vector<Facet>> computeFacets(Sql::Database& db, const CompiledSearch& search, const SearchOptions& options,
                                         const std::vector<const FieldDef*>& fields, int topCount = 10);

struct HistogramBucket
{
    std::int64_t start = 0; ///< UTC epoch ms
    std::int64_t success = 0;
    std::int64_t error = 0; ///< events with an errorCode
};

/// Event counts over time, split by success and error, with a bucket size chosen from round sizes (one second to
/// thirty days) so there are at most `maxBuckets`; empty buckets are included so the series is continuous.
struct Histogram
{
    std::int64_t bucketMs = 0;
    std::vector<HistogramBucket> buckets;
};

Result<Histogram> computeHistogram(Sql::Database& db, const CompiledSearch& search, const SearchOptions& options,
                                   int maxBuckets = 300);

/// How many events another search matches in each bucket of `histogram` (same origin and bucket size): the
/// timeline's extra series, aligned with its bars.
Result<std::vector<std::int64_t>> countPerBucket(Sql::Database& db, const CompiledSearch& search,
                                                 const SearchOptions& options, const Histogram& histogram);

/// The smallest round bucket size that covers [first, last] in at most `maxBuckets` buckets.
std::int64_t chooseBucketMs(std::int64_t first, std::int64_t last, int maxBuckets);

} // namespace Trailscope::Core::Query
