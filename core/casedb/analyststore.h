#pragma once

#include "casedb/sqlite.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace Trailscope::Core {

/// What an analyst attached to an event: a star and a note.
struct AnalystMark
{
    std::int64_t eventRowId = 0;
    bool starred = false;
    QString note;
    std::int64_t updated = 0; ///< UTC epoch ms
};

/// A named search-bar expression or SQL query kept in the case.
struct SavedItem
{
    std::int64_t id = 0;
    QString kind; ///< "search" or "query"
    QString name;
    QString text;
    std::int64_t created = 0; ///< UTC epoch ms
};

/// The analyst's own tables of a case (stars, notes, saved searches and queries, run history): kept apart from the
/// imported content, which they never change, and created on first use so older cases gain them. Reports read them.
/// Opens its own read-write connection; SQLite serialises its short writes with a running import's.
class AnalystStore
{
public:
    static Result<AnalystStore> open(const QString& casePath);

    Result<void> setStarred(std::int64_t eventRowId, bool starred);
    /// Stars every event of `eventRowIds` in one transaction (a detection rule's matches); notes stay.
    Result<void> starEvents(const std::vector<std::int64_t>& eventRowIds);
    /// An empty note removes the note; the star stays as it was.
    Result<void> setNote(std::int64_t eventRowId, const QString& note);
    Result<std::optional<AnalystMark>> mark(std::int64_t eventRowId);
    Result<std::vector<AnalystMark>> marks();

    /// Saves under `name`, replacing an item of the same kind and name; returns its id.
    Result<std::int64_t> saveItem(const QString& kind, const QString& name, const QString& text);
    Result<std::vector<SavedItem>> savedItems(const QString& kind);
    Result<void> removeItem(std::int64_t id);

    /// Records a run search or query (newest first in history(); consecutive repeats are kept once).
    Result<void> addHistory(const QString& kind, const QString& text);
    Result<std::vector<QString>> history(const QString& kind, int limit = 100);

    /// The SQL that creates the analyst tables when missing (also run by the importer's schema).
    static const char* schemaSql();

private:
    explicit AnalystStore(Sql::Database db) : m_db(std::move(db)) {}

    Sql::Database m_db;
};

} // namespace Trailscope::Core
