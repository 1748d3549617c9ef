#pragma once

#include "util/error.h"

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace Trailscope::Core::Sql {

/// A prepared statement, reset and reused; binds are 1-based as in SQLite.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_statement != nullptr; }
    const QString& prepareError() const { return m_prepareError; }

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bindText(int index, std::string_view text);   ///< copied by SQLite
    Statement& bindStatic(int index, std::string_view text); ///< must outlive the step
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind(int index, const std::optional<double>& value);

    /// Steps once; returns SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    /// Runs to completion, then resets for the next use; returns SQLITE_DONE or an error code.
    int exec();
    void reset();

    std::int64_t columnInt(int index) const { return sqlite3_column_int64(m_statement, index); }
    double columnDouble(int index) const { return sqlite3_column_double(m_statement, index); }
    bool columnIsNull(int index) const { return sqlite3_column_type(m_statement, index) == SQLITE_NULL; }
    std::string_view columnText(int index) const;
    std::string_view columnBlob(int index) const;
    QString columnQString(int index) const;
    sqlite3_stmt* handle() const { return m_statement; }

private:
    sqlite3_stmt* m_statement = nullptr;
    QString m_prepareError;
};

/// Owns one connection.
class Database
{
public:
    Database() = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// `immutable`: the file cannot change while open (read-only media), so SQLite takes no locks and needs no
    /// shared-memory file beside it.
    static Result<Database> open(const QString& path, int flags, bool immutable = false);

    sqlite3* handle() const { return m_db; }
    Result<void> exec(std::string_view sql);
    Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
    /// First column of the first row, or nullopt.
    std::optional<std::int64_t> queryInt(std::string_view sql) const;
    QString lastError() const;
    /// The last failure, with the context: a full disk is ErrorCode::DiskFull and a failing or read-only file
    /// ErrorCode::Io, both naming the file; anything else is ErrorCode::Sqlite.
    Error error(const QString& context) const;

    /// Events this connection's SQL functions have examined one by one (raw records read from the evidence), so
    /// a scan can say how far it has got. Shared with the functions, which keep it across moves of this object.
    const std::shared_ptr<std::atomic<std::int64_t>>& examinedEvents() const { return m_examined; }

    /// Says whether the statement running on this connection should go on: long work inside its SQL functions (a
    /// whole-case scan, several threads at once) asks it, as SQLite asks the progress handler between its own
    /// steps. Set it before running statements; unset, work always goes on.
    using KeepGoing = std::function<bool()>;
    void setKeepGoing(KeepGoing keepGoing) { *m_keepGoing = std::move(keepGoing); }
    const std::shared_ptr<KeepGoing>& keepGoing() const { return m_keepGoing; }

private:
    Error errorOf(QString detail) const;

    sqlite3* m_db = nullptr;
    QString m_path;
    std::shared_ptr<std::atomic<std::int64_t>> m_examined = std::make_shared<std::atomic<std::int64_t>>(0);
    std::shared_ptr<KeepGoing> m_keepGoing = std::make_shared<KeepGoing>();
};

/// Rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(Database& db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Result<void> commit();

private:
    Database& m_db;
    bool m_open = false;
};

} // namespace Trailscope::Core::Sql
