#pragma once

#include <QString>

#include <cstdint>
#include <expected>

namespace Trailscope::Core {

/// Machine-readable reasons; `ui/` and the CLI turn them into words.
enum class ErrorCode {
    Io,
    NotACase,
    CorruptCase,
    NewerCase,
    AlteredCase, ///< holds what Trailscope never writes (triggers, foreign views, virtual tables): refused
    OlderCase,   ///< readable, but made before the layout the importer writes
    CaseBusy,
    DiskFull, ///< a write failed for want of space: what was committed before is kept
    Sqlite,
    Cancelled,
    // Whole-file problems.
    TruncatedGzip,
    CorruptGzip,
    DecompressionBomb,
    NotJson,
    NoRecords,
    UnsupportedArchive,
    CorruptArchive,
    MemberTooLarge,
    // Per-record problems.
    InvalidJson,
    InvalidUtf8,
    NotAnObject,
    NotARecord,
    MissingEventId,
    MissingEventTime,
    UnusableEventTime,
    TimeFromTimestamp, ///< no eventTime; the time is the record's @timestamp (one warning per file)
    RecordTooLarge,
    TooDeep,
    BadArchiveMemberName,
    ArchiveLink, ///< a symbolic or hard link member, never followed
    // Queries (Lake SQL and plain SQLite SQL); Error::line and Error::column place them in the query text.
    QuerySyntax,  ///< the text is not a query the dialect accepts
    QueryRefused, ///< the statement would write, or uses something the read-only query connection does not allow
    QueryFailed,  ///< SQLite could not prepare or run the translated statement
};

/// Stable kebab-case code, printed by the CLI in its JSON output.
QString errorCodeName(ErrorCode code);

/// Where a problem was found and why; the record index is zero-based, the line one-based.
struct Error
{
    Error() = default;
    Error(ErrorCode code, QString detail, QString path = {}, QString member = {}, std::int64_t record = -1,
          std::int64_t line = -1)
        : code(code), detail(std::move(detail)), path(std::move(path)), member(std::move(member)), record(record),
          line(line)
    {}

    ErrorCode code = ErrorCode::Io;
    QString detail;
    QString path;
    QString member;
    std::int64_t record = -1;
    std::int64_t line = -1;
    std::int64_t column = -1; ///< one-based, with `line`, for errors in text the user typed (queries)

    /// "path!member record 3 (line 7): detail" for logs and terminals.
    QString toString() const;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString detail)
{
    return std::unexpected(Error{code, std::move(detail), {}, {}, -1, -1});
}

} // namespace Trailscope::Core
