#include "sqlite.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <utility>

namespace Trailscope::Core::Sql {

Statement::Statement(sqlite3* db, std::string_view sql)
{
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statement,
                           nullptr) != SQLITE_OK) {
        m_prepareError = QString::fromUtf8(sqlite3_errmsg(db));
        m_statement = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_prepareError(std::move(other.m_prepareError))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_prepareError = std::move(other.m_prepareError);
    }
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

Statement& Statement::bindText(int index, std::string_view text)
{
    // An empty view may carry a null pointer, which SQLite would bind as NULL rather than as ''.
    sqlite3_bind_text(m_statement, index, text.data() ? text.data() : "", static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindStatic(int index, std::string_view text)
{
    sqlite3_bind_text(m_statement, index, text.data() ? text.data() : "", static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    sqlite3_bind_blob64(m_statement, index, data, size, SQLITE_STATIC);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<double>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

int Statement::step()
{
    return sqlite3_step(m_statement);
}

int Statement::exec()
{
    int status = SQLITE_ROW;
    while (status == SQLITE_ROW)
        status = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return status;
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::string_view Statement::columnText(int index) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::string_view();
}

std::string_view Statement::columnBlob(int index) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, index));
    return data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::string_view();
}

QString Statement::columnQString(int index) const
{
    const std::string_view text = columnText(index);
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_examined(std::move(other.m_examined)), m_keepGoing(std::move(other.m_keepGoing))
{}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        std::swap(m_path, other.m_path);
        std::swap(m_examined, other.m_examined);
        std::swap(m_keepGoing, other.m_keepGoing);
    }
    return *this;
}

namespace {

// Case files travel between analysts, so every connection treats the file as untrusted before it reads a byte of
// its schema: nothing in it may load code (extensions, FTS3 tokenizer pointers), fire (triggers), reach other files
// (ATTACH) or corrupt it by design (defensive mode: no writable_schema, no journal_mode=OFF); and functions a view
// or index names run only if they are innocuous (trusted_schema off). Trailscope's own schema needs none of these.
void harden(sqlite3* db)
{
    int unused = 0;
    sqlite3_enable_load_extension(db, 0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &unused);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &unused);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &unused);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
}

} // namespace

Result<Database> Database::open(const QString& path, int flags, bool immutable)
{
    Database db;
    db.m_path = path;
    // A URI only when needed: a plain name never has its '?' or '%' read as URI syntax.
    const QByteArray name = immutable ? QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() +
                                            QByteArrayLiteral("?immutable=1")
                                      : QFile::encodeName(path);
    if (immutable)
        flags |= SQLITE_OPEN_URI;
    const int status = sqlite3_open_v2(name.constData(), &db.m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (status != SQLITE_OK) {
        Error error{ErrorCode::Io, db.m_db ? db.lastError() : QString::fromUtf8(sqlite3_errstr(status)), path};
        return std::unexpected(error);
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, 5000);
    harden(db.m_db);
    return db;
}

Result<void> Database::exec(std::string_view sql)
{
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error error = errorOf(QString::fromUtf8(message ? message : "unknown error"));
        sqlite3_free(message);
        return std::unexpected(error);
    }
    return {};
}

std::optional<std::int64_t> Database::queryInt(std::string_view sql) const
{
    Statement statement(m_db, sql);
    if (!statement.isValid() || statement.step() != SQLITE_ROW || statement.columnIsNull(0))
        return std::nullopt;
    return statement.columnInt(0);
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Error Database::error(const QString& context) const
{
    return errorOf(context + QStringLiteral(": ") + lastError());
}

// What the analyst can act on is told apart: a full disk (free space, run it again) and a file that cannot be
// written (a read-only disk, a failing device) name the case; the rest is SQLite's own message.
Error Database::errorOf(QString detail) const
{
    switch (sqlite3_extended_errcode(m_db) & 0xff) {
    case SQLITE_FULL:
        return Error{ErrorCode::DiskFull, QStringLiteral("the disk is full (%1)").arg(detail), m_path};
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return Error{ErrorCode::Io, std::move(detail), m_path};
    default:
        return Error{ErrorCode::Sqlite, std::move(detail)};
    }
}

Transaction::Transaction(Database& db, bool immediate) : m_db(db)
{
    m_open = m_db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN").has_value();
}

Transaction::~Transaction()
{
    if (m_open)
        (void)m_db.exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_open)
        return fail(ErrorCode::Sqlite, QStringLiteral("no transaction to commit"));
    m_open = false;
    return m_db.exec("COMMIT");
}

} // namespace Trailscope::Core::Sql
