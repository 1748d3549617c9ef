#include "queryconnection.h"

#include "casedb/caseschema.h"
#include "query/lake/lakefunctions.h"

#include <QLoggingCategory>

namespace Trailscope::Core::Query::Lake {

namespace {

// SQLite's built-ins that compute and never touch files or the database (no load_extension, fts3_tokenizer,
// readfile/writefile or similar), and the ts_ functions of registerLakeFunctions().
const QSet<QString>& allowedFunctions()
{
    static const QSet<QString> Names = [] {
        QSet<QString> names;
        for (const char* name :
             {"abs", "avg", "char", "coalesce", "count", "format", "glob", "group_concat", "hex", "ifnull", "iif",
              "instr", "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "printf",
              "quote", "random", "replace", "round", "rtrim", "sign", "soundex", "substr", "substring", "sum", "total",
              "trim", "typeof", "unicode", "unlikely", "upper", "unhex", "octet_length", "sqlite_version",
              // the case's own: strings_value is an index on ts_hash(value); the field index matches paths
              "ts_hash", "ts_field_hash", "ts_field_path",
              // window functions
              "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
              "last_value", "nth_value",
              // dates
              "date", "time", "datetime", "julianday", "unixepoch", "strftime", "current_date", "current_time",
              "current_timestamp",
              // JSON (all return values; none writes)
              "json", "json_array", "json_array_length", "json_extract", "json_insert", "json_object", "json_patch",
              "json_remove", "json_replace", "json_set", "json_type", "json_valid", "json_quote", "json_group_array",
              "json_group_object", "json_each", "json_tree", "->", "->>",
              // math
              "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees",
              "exp", "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh",
              "sqrt", "tan", "tanh", "trunc"})
            names.insert(QString::fromLatin1(name));
        for (const QString& name : lakeFunctionNames())
            names.insert(name);
        names.insert(QStringLiteral("ts_examine"));
        return names;
    }();
    return Names;
}

// ts_examine([rowid]): counts an events row a loop visits and passes it. Without an argument it runs once per row
// of the statement's outermost loop; a row id (NULL: the missing side of an outer join) ties it to that table's loop.
void examine(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    if (argc == 0 || sqlite3_value_type(argv[0]) != SQLITE_NULL)
        ++*static_cast<std::int64_t*>(sqlite3_user_data(context));
    sqlite3_result_int(context, 1);
}

// Pragmas that only describe the schema; with a table argument where they take one.
bool pragmaAllowed(const QString& name, const char* argument)
{
    static const QSet<QString> WithTable{QStringLiteral("table_info"),  QStringLiteral("table_xinfo"),
                                         QStringLiteral("index_list"),  QStringLiteral("index_info"),
                                         QStringLiteral("index_xinfo"), QStringLiteral("foreign_key_list")};
    static const QSet<QString> ReadOnly{
        QStringLiteral("user_version"),   QStringLiteral("application_id"),  QStringLiteral("page_size"),
        QStringLiteral("page_count"),     QStringLiteral("freelist_count"),  QStringLiteral("schema_version"),
        QStringLiteral("encoding"),       QStringLiteral("table_list"),      QStringLiteral("function_list"),
        QStringLiteral("collation_list"), QStringLiteral("compile_options"), QStringLiteral("data_version")};
    return WithTable.contains(name) || (ReadOnly.contains(name) && argument == nullptr);
}

QString actionName(int action)
{
    switch (action) {
    case SQLITE_ATTACH:
        return QStringLiteral("ATTACH (and VACUUM INTO)");
    case SQLITE_DETACH:
        return QStringLiteral("DETACH");
    case SQLITE_INSERT:
        return QStringLiteral("INSERT");
    case SQLITE_UPDATE:
        return QStringLiteral("UPDATE");
    case SQLITE_DELETE:
        return QStringLiteral("DELETE");
    case SQLITE_TRANSACTION:
        return QStringLiteral("BEGIN, COMMIT and ROLLBACK");
    case SQLITE_SAVEPOINT:
        return QStringLiteral("SAVEPOINT");
    case SQLITE_ANALYZE:
        return QStringLiteral("ANALYZE");
    case SQLITE_REINDEX:
        return QStringLiteral("REINDEX");
    case SQLITE_ALTER_TABLE:
        return QStringLiteral("ALTER TABLE");
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_VTABLE:
        return QStringLiteral("CREATE");
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TEMP_INDEX:
    case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_TEMP_TRIGGER:
    case SQLITE_DROP_TEMP_VIEW:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_VTABLE:
        return QStringLiteral("DROP");
    default:
        return QStringLiteral("this statement");
    }
}

} // namespace

QueryConnection::QueryConnection(Sql::Database db) : m_db(std::move(db)) {}

QueryConnection::~QueryConnection()
{
    if (m_db.handle()) {
        sqlite3_set_authorizer(m_db.handle(), nullptr, nullptr);
        sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
    }
}

Result<std::unique_ptr<QueryConnection>> QueryConnection::open(const QString& casePath)
{
    auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    std::unique_ptr<QueryConnection> connection(new QueryConnection(std::move(*db)));
    sqlite3* handle = connection->m_db.handle();
    // Extensions, ATTACH, triggers and the rest are already off: Sql::Database::open hardens every connection.
    if (auto registered = registerLakeFunctions(connection->m_db); !registered)
        return std::unexpected(registered.error());
    // Not deterministic: it has an effect, the count, so SQLite must neither move nor merge its calls.
    for (const int arguments : {0, 1})
        if (sqlite3_create_function_v2(handle, "ts_examine", arguments, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                       &connection->m_examined, examine, nullptr, nullptr, nullptr) != SQLITE_OK)
            return std::unexpected(connection->m_db.error(QStringLiteral("registering ts_examine")));
    // Tables and views, and the eponymous virtual tables a query may use, known before the authorizer is on:
    // their first use declares them, which the authorizer would see as writes to the schema.
    auto names = connection->m_db.prepare("SELECT lower(name) FROM sqlite_schema WHERE type IN ('table', 'view')");
    while (names.step() == SQLITE_ROW)
        connection->m_tables.insert(names.columnQString(0));
    auto columns = connection->m_db.prepare("SELECT name FROM pragma_table_info(?1)");
    for (const QString& table : std::as_const(connection->m_tables)) {
        columns.bindText(1, table.toStdString());
        QStringList names;
        while (columns.step() == SQLITE_ROW)
            names << columns.columnQString(0);
        columns.reset();
        connection->m_columns.insert(table, names);
    }
    for (const char* warm : {"SELECT * FROM json_each('[]')", "SELECT * FROM json_tree('[]')",
                             "SELECT * FROM pragma_table_info('events')", "SELECT * FROM ts_postings(x'')"})
        (void)connection->m_db.exec(warm);
    sqlite3_set_authorizer(handle, &QueryConnection::authorize, connection.get());
    sqlite3_progress_handler(handle, 4000, &QueryConnection::progress, connection.get());
    return connection;
}

QStringList QueryConnection::columnsOf(const QString& table) const
{
    return m_columns.value(table.toLower());
}

int QueryConnection::authorize(void* self, int action, const char* a, const char* b, const char*, const char*)
{
    auto* connection = static_cast<QueryConnection*>(self);
    // The first refusal names what the statement tried; later ones are its consequences (DROP deletes schema rows).
    const auto deny = [&](const QString& what) {
        if (connection->m_denied.isEmpty())
            connection->m_denied = what;
        return SQLITE_DENY;
    };
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_FUNCTION: {
        const QString name = QString::fromUtf8(b ? b : "").toLower();
        if (allowedFunctions().contains(name))
            return SQLITE_OK;
        return deny(QStringLiteral("the function %1()").arg(name));
    }
    case SQLITE_PRAGMA: {
        const QString name = QString::fromUtf8(a ? a : "").toLower();
        if (pragmaAllowed(name, b))
            return SQLITE_OK;
        return deny(b ? QStringLiteral("PRAGMA %1 = …").arg(name) : QStringLiteral("PRAGMA %1").arg(name));
    }
    default: {
        // CREATE and DROP are first seen as writes to the schema table.
        const QString table = QString::fromUtf8(a ? a : "");
        const bool schema = (action == SQLITE_INSERT || action == SQLITE_DELETE || action == SQLITE_UPDATE) &&
                            (table == QLatin1String("sqlite_master") || table == QLatin1String("sqlite_temp_master"));
        return deny(schema ? QStringLiteral("changing the schema (CREATE, DROP, ALTER)") : actionName(action));
    }
    }
}

int QueryConnection::progress(void* self)
{
    auto* connection = static_cast<QueryConnection*>(self);
    if (connection->m_cancelled)
        return 1;
    if (connection->m_progress && !connection->m_progress()) {
        connection->m_cancelled = true;
        return 1;
    }
    return 0;
}

namespace {

// SQLite's own words (stable since views exist) for DELETE/INSERT/UPDATE, CREATE INDEX and ALTER on a view.
bool writesToAView(const QString& message)
{
    return message.contains(QLatin1String("because it is a view")) ||
           message.contains(QLatin1String("views may not be indexed")) ||
           message.contains(QLatin1String("Cannot add a column to a view"));
}

} // namespace

Result<StatementHandle> QueryConnection::prepare(std::string_view sql, int* errorOffset)
{
    if (errorOffset)
        *errorOffset = -1;
    m_denied.clear();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int status = sqlite3_prepare_v3(m_db.handle(), sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
    StatementHandle statement(raw);
    const auto refused = [](const QString& what) {
        return fail(ErrorCode::QueryRefused, QStringLiteral("%1 is not allowed: queries only read the case").arg(what));
    };
    if (status != SQLITE_OK) {
        if (errorOffset)
            *errorOffset = sqlite3_error_offset(m_db.handle());
        if ((status & 0xff) == SQLITE_AUTH || !m_denied.isEmpty())
            return refused(m_denied.isEmpty() ? QStringLiteral("this statement") : m_denied);
        // Writing to `events` (a view) fails before the authorizer is asked; it is the same refused write.
        if (writesToAView(m_db.lastError()))
            return refused(QStringLiteral("a statement that writes"));
        return fail(ErrorCode::QueryFailed, m_db.lastError());
    }
    if (!statement)
        return fail(ErrorCode::QuerySyntax, QStringLiteral("empty statement"));
    // One statement at a time: whatever follows must be nothing but comments and space.
    if (tail && tail < sql.data() + sql.size()) {
        sqlite3_stmt* next = nullptr;
        const int rest = sqlite3_prepare_v3(m_db.handle(), tail, static_cast<int>(sql.data() + sql.size() - tail), 0,
                                            &next, nullptr);
        sqlite3_finalize(next);
        if (rest != SQLITE_OK || next)
            return refused(QStringLiteral("more than one statement in one piece of SQL"));
    }
    if (!sqlite3_stmt_readonly(statement.get()))
        return refused(QStringLiteral("a statement that writes"));
    return statement;
}

} // namespace Trailscope::Core::Query::Lake
