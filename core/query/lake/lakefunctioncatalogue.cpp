#include "lakefunctioncatalogue.h"

#include <QHash>
#include <QString>

namespace Trailscope::Core::Query::Lake {

namespace {

using enum LakeFunctionKind;

constexpr LakeFunction Catalogue[] = {
    {"count", Aggregate, "count(*)", "rows of the group, or non-null values of the argument"},
    {"count_if", Aggregate, "count_if(errorCode IS NOT NULL)", "rows of the group where the condition holds"},
    {"sum", Aggregate, "sum(length(eventName))", "sum of the values"},
    {"avg", Aggregate, "avg(length(eventName))", "mean of the values, as a double"},
    {"min", Aggregate, "min(eventTime)", "smallest value"},
    {"max", Aggregate, "max(eventTime)", "largest value"},
    {"total", Aggregate, "total(length(eventName))", "sum of the values, 0 for an empty group"},
    {"approx_distinct", Aggregate, "approx_distinct(sourceIPAddress)", "distinct values (counted exactly)"},
    {"arbitrary", Aggregate, "arbitrary(awsRegion)", "one value of the group"},
    {"any_value", Aggregate, "any_value(awsRegion)", "one value of the group"},
    {"array_agg", Aggregate, "array_agg(eventName)", "the values as a JSON array"},
    {"string_agg", Aggregate, "string_agg(eventName, ',')", "the values joined by the separator"},
    {"listagg", Aggregate, "listagg(eventName, ',')", "the values joined by the separator"},
    {"group_concat", Aggregate, "group_concat(eventName, ',')", "the values joined by the separator"},
    {"bool_and", Aggregate, "bool_and(readOnly)", "true when the condition holds for every row"},
    {"every", Aggregate, "every(readOnly)", "true when the condition holds for every row"},
    {"bool_or", Aggregate, "bool_or(readOnly)", "true when the condition holds for some row"},
    {"max_by", Aggregate, "max_by(eventName, eventTime)", "x of the row with the largest y (or the n best x)"},
    {"min_by", Aggregate, "min_by(eventName, eventTime)", "x of the row with the smallest y (or the n best x)"},
    {"approx_percentile", Aggregate, "approx_percentile(length(eventName), 0.5)",
     "the value at the percentile (exact), or an array for an array of percentiles"},
    {"stddev", Aggregate, "stddev(length(eventName))", "sample standard deviation"},
    {"stddev_samp", Aggregate, "stddev_samp(length(eventName))", "sample standard deviation"},
    {"stddev_pop", Aggregate, "stddev_pop(length(eventName))", "population standard deviation"},
    {"variance", Aggregate, "variance(length(eventName))", "sample variance"},
    {"var_samp", Aggregate, "var_samp(length(eventName))", "sample variance"},
    {"var_pop", Aggregate, "var_pop(length(eventName))", "population variance"},

    {"row_number", Window, "row_number() OVER (ORDER BY eventTime)", "the row's number in its partition"},
    {"rank", Window, "rank() OVER (ORDER BY eventName)", "rank with gaps after ties"},
    {"dense_rank", Window, "dense_rank() OVER (ORDER BY eventName)", "rank without gaps"},
    {"percent_rank", Window, "percent_rank() OVER (ORDER BY eventTime)", "(rank - 1) / (rows - 1)"},
    {"cume_dist", Window, "cume_dist() OVER (ORDER BY eventTime)", "share of rows up to this one's peers"},
    {"ntile", Window, "ntile(4) OVER (ORDER BY eventTime)", "bucket number of n equal buckets"},
    {"lag", Window, "lag(eventName) OVER (ORDER BY eventTime)", "value of an earlier row"},
    {"lead", Window, "lead(eventName) OVER (ORDER BY eventTime)", "value of a later row"},
    {"first_value", Window, "first_value(eventName) OVER (ORDER BY eventTime)", "the frame's first value"},
    {"last_value", Window, "last_value(eventName) OVER (ORDER BY eventTime)", "the frame's last value"},
    {"nth_value", Window, "nth_value(eventName, 2) OVER (ORDER BY eventTime)", "the frame's n-th value"},

    {"element_at", Scalar, "element_at(resources, 1)", "array element (1-based) or map value by key"},
    {"cardinality", Scalar, "cardinality(resources)", "elements of an array or entries of a map"},
    {"json_size", Scalar, "json_size(json_format(requestParameters), '$.instancesSet.items')",
     "elements or keys of the JSON value at a path (0 for a scalar); with one argument, of the value itself"},
    {"contains", Scalar, "contains(map_keys(requestParameters), 'bucketName')", "true when the array holds the value"},
    {"map_keys", Scalar, "map_keys(requestParameters)", "the keys of a map as an array"},
    {"array_join", Scalar, "array_join(map_keys(requestParameters), ',')", "array elements joined by a separator"},
    {"split", Scalar, "split(eventSource, '.')", "the parts of a text as an array"},
    {"split_part", Scalar, "split_part(eventSource, '.', 1)", "the n-th part (1-based) of a text"},
    {"json_extract_scalar", Scalar, "json_extract_scalar(json_format(requestParameters), '$.bucketName')",
     "a scalar at a JSON path, as text"},
    {"json_extract", Scalar, "json_extract(json_format(requestParameters), '$.bucketName')",
     "the JSON value at a JSON path"},
    {"json_format", Scalar, "json_format(requestParameters)", "a JSON value as text"},
    {"json_parse", Scalar, "json_parse('[1,2]')", "text parsed as JSON"},
    {"json_array_get", Scalar, "json_array_get(json_format(resources), 0)", "a JSON array element (0-based)"},
    {"json_array_contains", Scalar, "json_array_contains(json_parse('[1,2]'), 2)",
     "true when the JSON array holds the value"},
    {"json_array_length", Scalar, "json_array_length(json_format(resources))", "elements of a JSON array"},
    {"regexp_like", Scalar, "regexp_like(eventName, '^Create')", "true when the regular expression matches"},
    {"regexp_extract", Scalar, "regexp_extract(eventSource, '^([a-z0-9]+)', 1)", "the match (or a group)"},
    {"regexp_replace", Scalar, "regexp_replace(eventSource, '\\.amazonaws\\.com$', '')", "matches replaced"},
    {"starts_with", Scalar, "starts_with(eventName, 'Get')", "true when the text begins with the prefix"},
    {"strpos", Scalar, "strpos(eventSource, '.')", "1-based position of a substring, 0 when absent"},
    {"position", Scalar, "position(eventSource, '.')", "1-based position of a substring, 0 when absent"},
    {"concat", Scalar, "concat(eventSource, ':', eventName)", "the arguments joined as text"},
    {"length", Scalar, "length(eventName)", "characters of a text"},
    {"lower", Scalar, "lower(eventName)", "text in lower case"},
    {"upper", Scalar, "upper(eventName)", "text in upper case"},
    {"trim", Scalar, "trim(eventName)", "text without surrounding spaces"},
    {"ltrim", Scalar, "ltrim(eventName)", "text without leading spaces"},
    {"rtrim", Scalar, "rtrim(eventName)", "text without trailing spaces"},
    {"replace", Scalar, "replace(eventSource, '.amazonaws.com', '')", "occurrences replaced"},
    {"substr", Scalar, "substr(eventName, 1, 3)", "part of a text (1-based start, length)"},
    {"substring", Scalar, "substring(eventName, 1, 3)", "part of a text (1-based start, length)"},
    {"if", Scalar, "if(errorCode IS NULL, 'ok', errorCode)", "the second argument when the condition holds"},
    {"try", Scalar, "try(eventName)", "the value, or NULL where it fails"},
    {"coalesce", Scalar, "coalesce(errorCode, 'ok')", "the first non-null argument"},
    {"nullif", Scalar, "nullif(awsRegion, 'us-east-1')", "NULL when the arguments are equal"},
    {"greatest", Scalar, "greatest(eventTime, from_iso8601_timestamp('2023-01-01T00:00:00Z'))", "the largest argument"},
    {"least", Scalar, "least(eventTime, from_iso8601_timestamp('2023-01-01T00:00:00Z'))", "the smallest argument"},
    {"ceiling", Scalar, "ceiling(length(eventName) / 2.0)", "the number rounded up"},
    {"rand", Scalar, "rand()", "a random number"},
    {"now", Scalar, "now()", "the query's start time"},
    {"current_timestamp", Scalar, "current_timestamp", "the query's start time"},
    {"localtimestamp", Scalar, "localtimestamp", "the query's start time (UTC)"},
    {"current_date", Scalar, "current_date", "the query's start date (UTC)"},
    {"date_trunc", Scalar, "date_trunc('hour', eventTime)", "the time cut down to a unit"},
    {"date_add", Scalar, "date_add('day', 1, eventTime)", "the time moved by a number of units"},
    {"date_diff", Scalar, "date_diff('minute', eventTime, now())", "whole units between two times"},
    {"from_iso8601_timestamp", Scalar, "from_iso8601_timestamp('2023-01-22T05:00:00Z')", "an ISO-8601 time"},
    {"from_iso8601_date", Scalar, "from_iso8601_date('2023-01-22')", "an ISO-8601 date"},
    {"date", Scalar, "date(eventTime)", "the date of a time"},
    {"to_iso8601", Scalar, "to_iso8601(eventTime)", "a time as ISO-8601 text"},
    {"to_unixtime", Scalar, "to_unixtime(eventTime)", "seconds since 1970 (UTC)"},
    {"from_unixtime", Scalar, "from_unixtime(1674363600)", "the time of seconds since 1970 (UTC)"},
    {"date_format", Scalar, "date_format(eventTime, '%Y-%m-%d %H:%i')", "a time formatted (MySQL specifiers)"},
    {"year", Scalar, "year(eventTime)", "the year of a time"},
    {"quarter", Scalar, "quarter(eventTime)", "the quarter (1-4) of a time"},
    {"month", Scalar, "month(eventTime)", "the month (1-12) of a time"},
    {"week", Scalar, "week(eventTime)", "the ISO week of a time"},
    {"week_of_year", Scalar, "week_of_year(eventTime)", "the ISO week of a time"},
    {"day", Scalar, "day(eventTime)", "the day of the month of a time"},
    {"day_of_month", Scalar, "day_of_month(eventTime)", "the day of the month of a time"},
    {"day_of_week", Scalar, "day_of_week(eventTime)", "the ISO day of the week (1 Monday - 7 Sunday)"},
    {"dow", Scalar, "dow(eventTime)", "the ISO day of the week (1 Monday - 7 Sunday)"},
    {"day_of_year", Scalar, "day_of_year(eventTime)", "the day of the year of a time"},
    {"doy", Scalar, "doy(eventTime)", "the day of the year of a time"},
    {"hour", Scalar, "hour(eventTime)", "the hour of a time"},
    {"minute", Scalar, "minute(eventTime)", "the minute of a time"},
    {"second", Scalar, "second(eventTime)", "the second of a time"},
    {"millisecond", Scalar, "millisecond(eventTime)", "the millisecond of a time"},
};

} // namespace

std::span<const LakeFunction> lakeFunctionCatalogue()
{
    return Catalogue;
}

const LakeFunction* findLakeFunction(QStringView name)
{
    static const QHash<QString, const LakeFunction*> ByName = [] {
        QHash<QString, const LakeFunction*> byName;
        for (const LakeFunction& function : Catalogue)
            byName.insert(QString::fromLatin1(function.name.data(), static_cast<qsizetype>(function.name.size())),
                          &function);
        return byName;
    }();
    return ByName.value(name.toString().toLower(), nullptr);
}

} // namespace Trailscope::Core::Query::Lake
