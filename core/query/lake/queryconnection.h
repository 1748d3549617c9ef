#pragma once

#include "casedb/sqlite.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace Trailscope::Core::Query::Lake {

struct StatementFinalizer
{
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
/// A prepared statement of a query connection, finalized when dropped.
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

/// A connection to a case that can only read, whatever SQL it is given. Opened SQLITE_OPEN_READONLY; an allow-list
/// authorizer permits SELECT, reading tables, recursive CTEs, the functions of an allow-list (SQLite's pure
/// built-ins and Trailscope's `ts_` functions; never load_extension or fts3_tokenizer) and introspection pragmas
/// without a value, and denies everything else (ATTACH and so VACUUM INTO, writes, transactions, CREATE TEMP …);
/// no attached databases (SQLITE_LIMIT_ATTACHED 0); extension loading off; defensive mode; and every prepared
/// statement must be sqlite3_stmt_readonly. Long statements can be cancelled from any thread.
class QueryConnection
{
public:
    /// Opens the case read-only and registers the Lake SQL functions.
    static Result<std::unique_ptr<QueryConnection>> open(const QString& casePath);
    ~QueryConnection();
    QueryConnection(const QueryConnection&) = delete;
    QueryConnection& operator=(const QueryConnection&) = delete;

    /// Prepares one statement. A statement the authorizer denies, that would write, or that leaves SQL after it
    /// fails with ErrorCode::QueryRefused; other prepare errors are ErrorCode::QueryFailed with SQLite's message.
    /// `errorOffset` receives SQLite's byte offset of the error in `sql` when it knows one, else -1.
    Result<StatementHandle> prepare(std::string_view sql, int* errorOffset = nullptr);

    /// Asks the running statement to stop (thread-safe); its step then returns SQLITE_INTERRUPT.
    void cancel() { m_cancelled = true; }
    void resetCancel() { m_cancelled = false; }
    bool isCancelled() const { return m_cancelled; }
    /// Called from within long statements every few thousand virtual-machine steps; returning false cancels.
    void setProgressHandler(std::function<bool()> handler) { m_progress = std::move(handler); }

    /// Event rows examined: translated Lake SQL calls `ts_examine(rowid)` on each events row a loop visits, which
    /// counts here. Read and set between steps and from the progress handler, on the connection's thread.
    std::int64_t examined() const { return m_examined; }
    void setExamined(std::int64_t examined) { m_examined = examined; }

    Sql::Database& database() { return m_db; }
    /// Names of the case's tables and views (lower case).
    const QSet<QString>& tableNames() const { return m_tables; }
    /// Columns of a table or view of the case, in order.
    QStringList columnsOf(const QString& table) const;

private:
    explicit QueryConnection(Sql::Database db);
    static int authorize(void* self, int action, const char* a, const char* b, const char* database,
                         const char* trigger);
    static int progress(void* self);

    Sql::Database m_db;
    QSet<QString> m_tables;
    QHash<QString, QStringList> m_columns;
    QString m_denied; ///< what the authorizer last refused, for the message
    std::atomic<bool> m_cancelled{false};
    std::function<bool()> m_progress;
    std::int64_t m_examined = 0;
};

} // namespace Trailscope::Core::Query::Lake
