#pragma once

#include "casedb/rawrecordreader.h"
#include "casedb/sqlite.h"

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace Trailscope::Core::Query {

/// The raw record of the event an SQL function is looking at, read once and parsed once however many functions and
/// fields take from it (a row's conditions and projections ask for the same event one after another). Owns a
/// connection of its own: statements of the calling connection held here would keep that connection from closing
/// (a zombie until they are finalized), and SQLite only drops a function's user data when the connection closes.
class EventRecordCache
{
public:
    /// Reads from `db`; each event fetched counts once in `examined` (the searching connection's counter).
    EventRecordCache(Sql::Database db, std::shared_ptr<std::atomic<std::int64_t>> examined = {})
        : m_db(std::move(db)), m_reader(m_db), m_examined(std::move(examined))
    {}

    /// The connection the records are read through (the same case, read-only).
    Sql::Database& database() { return m_db; }

    /// Where an event's record is, when the caller has it (spares a lookup by id).
    struct Location
    {
        std::int64_t fileId = 0;
        std::uint64_t offset = 0, length = 0;
    };

    /// The record exactly as stored.
    Result<std::string_view> text(std::int64_t rowId, const std::optional<Location>& at = std::nullopt);
    /// The record parsed; valid until another event is asked for.
    Result<simdjson::dom::element> json(std::int64_t rowId, const std::optional<Location>& at = std::nullopt);

private:
    Sql::Database m_db;
    RawRecordReader m_reader;
    std::shared_ptr<std::atomic<std::int64_t>> m_examined;
    std::int64_t m_rowId = -1;
    std::string_view m_record; // into m_owned or the reader's decoded file (valid until the next read)
    std::string m_owned;
    simdjson::dom::parser m_parser;
    simdjson::dom::element m_root;
    bool m_parsed = false;
};

} // namespace Trailscope::Core::Query
