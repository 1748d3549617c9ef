#pragma once

#include "casedb/rawrecordreader.h"
#include "casedb/sqlite.h"

#include <simdjson.h>

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

    /// The record exactly as stored.
    Result<std::string_view> text(std::int64_t rowId);
    /// The record parsed; valid until another event is asked for.
    Result<simdjson::dom::element> json(std::int64_t rowId);

private:
    Sql::Database m_db;
    RawRecordReader m_reader;
    std::shared_ptr<std::atomic<std::int64_t>> m_examined;
    std::int64_t m_rowId = -1;
    std::string m_record;
    simdjson::dom::parser m_parser;
    simdjson::dom::element m_root;
    bool m_parsed = false;
};

} // namespace Trailscope::Core::Query
