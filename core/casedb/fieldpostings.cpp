#include "fieldpostings.h"

#include <cstring>

namespace Trailscope::Core::FieldPostings {

namespace {

void appendVarint(std::string& out, std::uint64_t value)
{
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

// Reads one varint at `at`; false past the end or on an overlong one.
bool readVarint(const unsigned char* bytes, std::size_t size, std::size_t& at, std::uint64_t& value)
{
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at >= size)
            return false;
        const unsigned char byte = bytes[at++];
        value |= std::uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// The virtual table: columns `event` and the hidden argument `events`.
struct Table
{
    sqlite3_vtab base{};
};

struct Cursor
{
    sqlite3_vtab_cursor base{};
    const unsigned char* bytes = nullptr;
    std::size_t size = 0, at = 0;
    std::int64_t event = 0, rowid = 0;
    bool eof = true;

    void advance()
    {
        std::uint64_t delta = 0;
        if (at >= size || !readVarint(bytes, size, at, delta)) {
            eof = true;
            return;
        }
        event += std::int64_t(delta);
        ++rowid;
        eof = false;
    }
};

constexpr int EventColumn = 0;
constexpr int EventsColumn = 1;

int connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** table, char**)
{
    const int declared = sqlite3_declare_vtab(db, "CREATE TABLE x(event INTEGER, events HIDDEN)");
    if (declared != SQLITE_OK)
        return declared;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    *table = &(new Table)->base;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab* table)
{
    delete reinterpret_cast<Table*>(table);
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab*, sqlite3_index_info* info)
{
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& constraint = info->aConstraint[i];
        if (constraint.iColumn == EventsColumn && constraint.op == SQLITE_INDEX_CONSTRAINT_EQ) {
            if (!constraint.usable)
                return SQLITE_CONSTRAINT; // only with its argument
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->estimatedCost = 10;
            info->estimatedRows = 10;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT;
}

int open(sqlite3_vtab*, sqlite3_vtab_cursor** cursor)
{
    *cursor = &(new Cursor)->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cursor)
{
    delete reinterpret_cast<Cursor*>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* base, int, const char*, int argc, sqlite3_value** argv)
{
    auto* cursor = reinterpret_cast<Cursor*>(base);
    cursor->at = 0;
    cursor->rowid = 0;
    cursor->event = 0;
    cursor->bytes = nullptr;
    cursor->size = 0;
    if (argc == 1 && sqlite3_value_type(argv[0]) == SQLITE_BLOB) {
        // Valid until the cursor's next filter call: SQLite keeps the argument for the scan.
        cursor->bytes = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
        cursor->size = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
    }
    cursor->advance();
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* base)
{
    reinterpret_cast<Cursor*>(base)->advance();
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* base)
{
    return reinterpret_cast<Cursor*>(base)->eof ? 1 : 0;
}

int column(sqlite3_vtab_cursor* base, sqlite3_context* context, int index)
{
    const auto* cursor = reinterpret_cast<Cursor*>(base);
    if (index == EventColumn)
        sqlite3_result_int64(context, cursor->event);
    else
        sqlite3_result_null(context);
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* base, sqlite3_int64* id)
{
    *id = reinterpret_cast<Cursor*>(base)->rowid;
    return SQLITE_OK;
}

const sqlite3_module Module = [] {
    sqlite3_module module{};
    module.iVersion = 0;
    module.xCreate = nullptr; // eponymous only: `ts_postings(...)`, never CREATE VIRTUAL TABLE
    module.xConnect = connect;
    module.xBestIndex = bestIndex;
    module.xDisconnect = disconnect;
    module.xDestroy = disconnect;
    module.xOpen = open;
    module.xClose = close;
    module.xFilter = filter;
    module.xNext = next;
    module.xEof = eof;
    module.xColumn = column;
    module.xRowid = rowid;
    return module;
}();

} // namespace

std::string encode(std::span<const std::int64_t> ascendingEvents)
{
    std::string bytes;
    bytes.reserve(ascendingEvents.size() * 2);
    std::int64_t previous = 0;
    for (const std::int64_t event : ascendingEvents) {
        appendVarint(bytes, static_cast<std::uint64_t>(event - previous));
        previous = event;
    }
    return bytes;
}

std::optional<std::vector<std::int64_t>> decode(std::string_view bytes)
{
    std::vector<std::int64_t> events;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t at = 0;
    std::int64_t event = 0;
    while (at < bytes.size()) {
        std::uint64_t delta = 0;
        if (!readVarint(data, bytes.size(), at, delta))
            return std::nullopt;
        event += static_cast<std::int64_t>(delta);
        events.push_back(event);
    }
    return events;
}

bool registerModule(sqlite3* handle)
{
    return sqlite3_create_module_v2(handle, "ts_postings", &Module, nullptr, nullptr) == SQLITE_OK;
}

} // namespace Trailscope::Core::FieldPostings
