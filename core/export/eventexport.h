#pragma once

#include "casedb/sqlite.h"
#include "query/searchsql.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Trailscope::Core::Export {

/// How the events of a search are written out (issue 17's event formats; HTML and PDF reports come later).
enum class EventFormat {
    Csv,       ///< RFC 4180 with Event history's columns (query/eventcolumns.h), formula-looking cells neutralised
    Json,      ///< {"Records":[...]}, each record exactly as stored: the file imports again to the same events
    JsonLines, ///< one record a line, as stored but for line breaks between its tokens
};

/// `csv`, `json`, `jsonl`.
std::optional<EventFormat> eventFormatNamed(QStringView name);

struct EventExportOptions
{
    EventFormat format = EventFormat::Csv;
    bool byteOrderMark = false;                   ///< CSV: a UTF-8 BOM first, for spreadsheet programs
    std::function<void(std::int64_t)> progress;   ///< called with the events written so far, every page
    const std::atomic<bool>* cancelled = nullptr; ///< set: the export stops and leaves no file
    /// The analyst's notes by event row (the starred scope): CSV gains a Note column; JSON a "Notes" list of
    /// {"eventID", "note"} (events with a note) after "Records" (the records stay as stored, so the file still
    /// imports); JSON Lines wraps each record as {"note": ..., "record": <the record as stored>}.
    const std::unordered_map<std::int64_t, QString>* notes = nullptr;
};

/// A record as one line: line breaks between its JSON tokens dropped (a string holds none unescaped), then "\n".
std::string recordLine(std::string record);

/// Writes the events `search` matches in `window` (its order too) to `path`, through a temporary file renamed at the
/// end, so a failed or cancelled export leaves nothing behind and an existing file is replaced only by a whole one;
/// `-` writes to standard output. The number of events written.
Result<std::int64_t> exportEvents(Sql::Database& db, const Query::CompiledSearch& search,
                                  const Query::SearchOptions& window, const QString& path,
                                  const EventExportOptions& options);

/// The same for the events of `eventRows` (a finding's), in that order.
Result<std::int64_t> exportEventRows(Sql::Database& db, const std::vector<std::int64_t>& eventRows, const QString& path,
                                     const EventExportOptions& options);

/// The starred events in `window` (its order too) with their notes (options.notes is theirs, whatever the caller set).
Result<std::int64_t> exportStarredEvents(Sql::Database& db, const Query::SearchOptions& window, const QString& path,
                                         EventExportOptions options);

/// The notes of the starred events (an empty note for a starred event without one), by event row; none when the case
/// has no analyst tables yet (a case opened read-only before anything was starred).
Result<std::unordered_map<std::int64_t, QString>> starredNotes(Sql::Database& db);

} // namespace Trailscope::Core::Export
