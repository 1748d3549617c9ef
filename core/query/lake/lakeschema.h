#pragma once

#include <QString>

#include <span>
#include <string_view>

namespace Trailscope::Core::Query::Lake {

/// The type a translated value carries, which decides comparisons (time literals, string booleans) and how the
/// result is printed.
enum class ValueType {
    Unknown, ///< whatever SQLite holds (plain SQLite columns, values read from raw records)
    Text,
    Integer,
    Double,
    Boolean,   ///< 1/0 in SQLite; printed true/false
    Timestamp, ///< UTC epoch milliseconds in SQLite; printed ISO-8601 UTC
    Date,      ///< UTC epoch milliseconds of a midnight; printed YYYY-MM-DD
    Json,      ///< JSON text (structs, maps, arrays); printed as a JSON value
    Interval,  ///< only inside expressions (INTERVAL '7' DAY)
};

/// Where a column of the Lake events view lives in the case.
enum class LakeStorage {
    EventString,    ///< events.<column> → strings
    IdentityString, ///< events.identity → identities.<column> → strings
    IdentityTime,   ///< identities.<column> → strings, parsed as a time
    TlsString,      ///< events.tls → tls_profiles.<column> → strings
    EventTime,      ///< events.time
    EventFlag,      ///< events.<column>: 1, 0 or NULL
    EventId,        ///< events.<column>: 16-byte UUID blob or text
    Raw,            ///< read from the raw record by a case-insensitive key path (the field's own path)
    RawRecord,      ///< the raw record itself (eventjson)
};

/// A column or nested field of the Lake events view (CloudTrail Lake's event data store schema).
struct LakeField
{
    std::string_view path; ///< lower-case dotted path, e.g. "useridentity.sessioncontext.sessionissuer.arn"
    std::string_view name; ///< the record's key for the last part, as SELECT * names top-level columns
    LakeStorage storage;
    std::string_view column; ///< column of events / identities / tls_profiles; empty for Raw
    ValueType type;
};

/// The top-level columns, in the order SELECT * returns them.
std::span<const LakeField> lakeColumns();
/// A column or mapped nested field by its dotted path, compared ignoring case; nullptr when neither.
const LakeField* findLakeField(QStringView dottedPath);

} // namespace Trailscope::Core::Query::Lake
