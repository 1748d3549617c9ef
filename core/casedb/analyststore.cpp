#include "analyststore.h"

#include "casedb/caseschema.h"

#include <QDateTime>

namespace Trailscope::Core {

namespace {

std::int64_t now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error sqlError(const Sql::Database& db, const char* what)
{
    return db.error(QString::fromLatin1(what));
}

} // namespace

const char* AnalystStore::schemaSql()
{
    return "CREATE TABLE IF NOT EXISTS analyst_marks(event INTEGER PRIMARY KEY, starred INT NOT NULL DEFAULT 0, "
           "note TEXT, updated INT NOT NULL);"
           "CREATE TABLE IF NOT EXISTS analyst_saved(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "
           "text TEXT NOT NULL, created INT NOT NULL, UNIQUE(kind, name));"
           "CREATE TABLE IF NOT EXISTS analyst_history(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, text TEXT NOT NULL, "
           "run INT NOT NULL);";
}

Result<AnalystStore> AnalystStore::open(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadWrite);
    if (!db)
        return std::unexpected(db.error());
    if (auto created = db->exec(schemaSql()); !created)
        return std::unexpected(created.error());
    return AnalystStore(std::move(*db));
}

Result<void> AnalystStore::setStarred(std::int64_t eventRowId, bool starred)
{
    Sql::Statement statement =
        m_db.prepare("INSERT INTO analyst_marks(event, starred, updated) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT(event) DO UPDATE SET starred = excluded.starred, updated = excluded.updated");
    statement.bind(1, eventRowId).bind(2, starred ? 1 : 0).bind(3, now());
    if (statement.exec() != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "starring an event"));
    return m_db.exec("DELETE FROM analyst_marks WHERE starred = 0 AND note IS NULL");
}

Result<void> AnalystStore::starEvents(const std::vector<std::int64_t>& eventRowIds)
{
    Sql::Transaction transaction(m_db);
    Sql::Statement statement = m_db.prepare("INSERT INTO analyst_marks(event, starred, updated) VALUES (?1, 1, ?2) "
                                            "ON CONFLICT(event) DO UPDATE SET starred = 1, updated = excluded.updated");
    const std::int64_t time = now();
    for (const std::int64_t eventRowId : eventRowIds) {
        statement.bind(1, eventRowId).bind(2, time);
        if (statement.exec() != SQLITE_DONE)
            return std::unexpected(sqlError(m_db, "starring events"));
        statement.reset();
    }
    return transaction.commit();
}

Result<void> AnalystStore::setNote(std::int64_t eventRowId, const QString& note)
{
    Sql::Statement statement =
        m_db.prepare("INSERT INTO analyst_marks(event, note, updated) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT(event) DO UPDATE SET note = excluded.note, updated = excluded.updated");
    statement.bind(1, eventRowId).bind(3, now());
    const QByteArray text = note.trimmed().toUtf8();
    if (text.isEmpty())
        statement.bindNull(2);
    else
        statement.bindText(2, std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (statement.exec() != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "writing a note"));
    return m_db.exec("DELETE FROM analyst_marks WHERE starred = 0 AND note IS NULL");
}

Result<std::optional<AnalystMark>> AnalystStore::mark(std::int64_t eventRowId)
{
    Sql::Statement statement = m_db.prepare("SELECT event, starred, note, updated FROM analyst_marks WHERE event = ?1");
    statement.bind(1, eventRowId);
    const int status = statement.step();
    if (status == SQLITE_DONE)
        return std::optional<AnalystMark>();
    if (status != SQLITE_ROW)
        return std::unexpected(sqlError(m_db, "reading a mark"));
    return AnalystMark{statement.columnInt(0), statement.columnInt(1) != 0, statement.columnQString(2),
                       statement.columnInt(3)};
}

Result<std::vector<AnalystMark>> AnalystStore::marks()
{
    Sql::Statement statement = m_db.prepare("SELECT event, starred, note, updated FROM analyst_marks ORDER BY event");
    std::vector<AnalystMark> marks;
    int status;
    while ((status = statement.step()) == SQLITE_ROW)
        marks.push_back(
            {statement.columnInt(0), statement.columnInt(1) != 0, statement.columnQString(2), statement.columnInt(3)});
    if (status != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "reading marks"));
    return marks;
}

Result<std::int64_t> AnalystStore::saveItem(const QString& kind, const QString& name, const QString& text)
{
    Sql::Statement statement = m_db.prepare(
        "INSERT INTO analyst_saved(kind, name, text, created) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(kind, name) DO UPDATE SET text = excluded.text, created = excluded.created RETURNING id");
    const QByteArray kindText = kind.toUtf8(), nameText = name.toUtf8(), body = text.toUtf8();
    statement.bindText(1, kindText.toStdString()).bindText(2, nameText.toStdString()).bindText(3, body.toStdString());
    statement.bind(4, now());
    if (statement.step() != SQLITE_ROW)
        return std::unexpected(sqlError(m_db, "saving"));
    const std::int64_t id = statement.columnInt(0);
    statement.reset();
    return id;
}

Result<std::vector<SavedItem>> AnalystStore::savedItems(const QString& kind)
{
    Sql::Statement statement = m_db.prepare(
        "SELECT id, kind, name, text, created FROM analyst_saved WHERE kind = ?1 ORDER BY name COLLATE NOCASE");
    statement.bindText(1, kind.toStdString());
    std::vector<SavedItem> items;
    int status;
    while ((status = statement.step()) == SQLITE_ROW)
        items.push_back({statement.columnInt(0), statement.columnQString(1), statement.columnQString(2),
                         statement.columnQString(3), statement.columnInt(4)});
    if (status != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "reading saved items"));
    return items;
}

Result<void> AnalystStore::removeItem(std::int64_t id)
{
    Sql::Statement statement = m_db.prepare("DELETE FROM analyst_saved WHERE id = ?1");
    statement.bind(1, id);
    if (statement.exec() != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "removing a saved item"));
    return {};
}

Result<void> AnalystStore::addHistory(const QString& kind, const QString& text)
{
    // A repeat of the latest entry only moves its time.
    Sql::Statement latest =
        m_db.prepare("SELECT id, text FROM analyst_history WHERE kind = ?1 ORDER BY id DESC LIMIT 1");
    latest.bindText(1, kind.toStdString());
    if (latest.step() == SQLITE_ROW && latest.columnQString(1) == text) {
        const std::int64_t id = latest.columnInt(0);
        latest.reset();
        Sql::Statement touch = m_db.prepare("UPDATE analyst_history SET run = ?2 WHERE id = ?1");
        touch.bind(1, id).bind(2, now());
        if (touch.exec() != SQLITE_DONE)
            return std::unexpected(sqlError(m_db, "recording history"));
        return {};
    }
    latest.reset();
    Sql::Statement insert = m_db.prepare("INSERT INTO analyst_history(kind, text, run) VALUES (?1, ?2, ?3)");
    insert.bindText(1, kind.toStdString()).bindText(2, text.toStdString()).bind(3, now());
    if (insert.exec() != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "recording history"));
    return {};
}

Result<std::vector<QString>> AnalystStore::history(const QString& kind, int limit)
{
    Sql::Statement statement =
        m_db.prepare("SELECT text FROM analyst_history WHERE kind = ?1 ORDER BY id DESC LIMIT ?2");
    statement.bindText(1, kind.toStdString()).bind(2, limit);
    std::vector<QString> texts;
    int status;
    while ((status = statement.step()) == SQLITE_ROW)
        texts.push_back(statement.columnQString(0));
    if (status != SQLITE_DONE)
        return std::unexpected(sqlError(m_db, "reading history"));
    return texts;
}

} // namespace Trailscope::Core
