#include "lakequery.h"

#include "query/lake/lakeparser.h"
#include "util/eventtime.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Trailscope::Core::Query::Lake {

namespace {

// The place of a character offset of `text`.
SourcePos positionAt(const QString& text, qsizetype offset)
{
    SourcePos pos;
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    pos.offset = offset;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == u'\n') {
            ++pos.line;
            lineStart = i + 1;
        }
    }
    pos.column = static_cast<int>(offset - lineStart) + 1;
    return pos;
}

std::optional<QJsonValue> parseJsonValue(QStringView text)
{
    // QJsonDocument reads objects and arrays only: wrap the value in one.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

} // namespace

QJsonValue cellValue(sqlite3_stmt* statement, int index, ValueType type)
{
    switch (sqlite3_column_type(statement, index)) {
    case SQLITE_NULL:
        return QJsonValue(QJsonValue::Null);
    case SQLITE_INTEGER: {
        const qint64 value = sqlite3_column_int64(statement, index);
        if (type == ValueType::Timestamp)
            return formatEventTime(value);
        if (type == ValueType::Date)
            return formatEventTime(value).left(10);
        if (type == ValueType::Boolean)
            return value != 0;
        return value;
    }
    case SQLITE_FLOAT: {
        const double value = sqlite3_column_double(statement, index);
        if (type == ValueType::Timestamp)
            return formatEventTime(static_cast<std::int64_t>(std::llround(value)));
        return value;
    }
    case SQLITE_BLOB: {
        const QByteArray bytes(static_cast<const char*>(sqlite3_column_blob(statement, index)),
                               sqlite3_column_bytes(statement, index));
        return QString::fromLatin1(bytes.toHex());
    }
    default:
        break;
    }
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, index)),
                                           sqlite3_column_bytes(statement, index));
    if (type == ValueType::Boolean && (text == QLatin1String("true") || text == QLatin1String("false")))
        return text == QLatin1String("true");
    const bool nested = text.startsWith(u'{') || text.startsWith(u'[');
    if (type == ValueType::Json || (type == ValueType::Unknown && nested))
        if (const auto value = parseJsonValue(text))
            return *value;
    return text;
}

LakeQuery::LakeQuery(std::unique_ptr<QueryConnection> connection) : m_connection(std::move(connection))
{
    for (const QString& table : m_connection->tableNames())
        m_tables.insert(table, m_connection->columnsOf(table));
}

Result<std::unique_ptr<LakeQuery>> LakeQuery::open(const QString& casePath)
{
    auto connection = QueryConnection::open(casePath);
    if (!connection)
        return std::unexpected(connection.error());
    return std::unique_ptr<LakeQuery>(new LakeQuery(std::move(*connection)));
}

Result<std::vector<PreparedQuery>> LakeQuery::prepare(const QString& text)
{
    const auto tokens = tokenize(text);
    if (!tokens)
        return std::unexpected(tokens.error());
    std::vector<PreparedQuery> prepared;
    for (const std::vector<Token>& statement : splitStatements(*tokens)) {
        auto query = prepareOne(text, statement);
        if (!query)
            return std::unexpected(query.error());
        prepared.push_back(std::move(*query));
    }
    if (prepared.empty())
        return std::unexpected(
            queryError(ErrorCode::QuerySyntax, positionAt(text, text.size()), QStringLiteral("no statement to run")));
    return prepared;
}

Result<PreparedQuery> LakeQuery::prepareOne(const QString& text, const std::vector<Token>& tokens)
{
    PreparedQuery query;
    query.pos = tokens.front().pos;
    const qsizetype end = tokens.size() > 1 ? tokens[tokens.size() - 2].end : query.pos.offset;
    query.text = text.mid(query.pos.offset, end - query.pos.offset);
    m_connection->resetCancel();

    std::optional<Error> parseError;
    if (looksLikeQuery(tokens)) {
        const auto parsed = parseStatement(tokens);
        if (parsed) {
            const auto translation =
                translate(*parsed, m_tables, m_fixedNow.value_or(QDateTime::currentMSecsSinceEpoch()), m_counted);
            if (!translation)
                return std::unexpected(translation.error());
            int offset = -1;
            auto statement = m_connection->prepare(translation->sql, &offset);
            if (!statement)
                return std::unexpected(placeError(statement.error(), text, query, tokens, offset, &*translation));
            query.translated = true;
            query.progress.counting = translation->countsEvents;
            query.progress.bounded = translation->examinesOnce;
            query.sql = translation->sql;
            query.columns = translation->columns;
            query.statement = std::move(*statement);
            return query;
        }
        parseError = parsed.error();
    }
    // Not Lake SQL the parser reads: plain SQLite SQL, as written, on the read-only connection.
    const QByteArray utf8 = query.text.toUtf8();
    int offset = -1;
    auto statement =
        m_connection->prepare(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), &offset);
    if (!statement) {
        // A query the Lake parser rejects that SQLite cannot read either: the parser's message says more.
        if (parseError && statement.error().code != ErrorCode::QueryRefused)
            return std::unexpected(*parseError);
        return std::unexpected(placeError(statement.error(), text, query, tokens, offset, nullptr));
    }
    query.sql = std::string(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    query.statement = std::move(*statement);
    const int count = sqlite3_column_count(query.statement.get());
    for (int i = 0; i < count; ++i)
        query.columns.push_back({QString::fromUtf8(sqlite3_column_name(query.statement.get(), i)), ValueType::Unknown});
    return query;
}

Error LakeQuery::placeError(Error error, const QString& text, const PreparedQuery& query,
                            const std::vector<Token>& tokens, int sqlOffset, const Translation* translation) const
{
    SourcePos pos = query.pos;
    if (translation && sqlOffset >= 0) {
        pos = translation->originalPosition(sqlOffset, query.pos);
    } else if (!translation && sqlOffset >= 0) {
        const QByteArray utf8 = query.text.toUtf8();
        const qsizetype chars = QString::fromUtf8(utf8.left(sqlOffset)).size();
        pos = positionAt(text, query.pos.offset + chars);
    } else {
        // No offset from SQLite: the name its message quotes, where the user wrote it.
        static const QRegularExpression Named(
            QStringLiteral("(?:no such (?:function|column|table): |the function )([A-Za-z_][A-Za-z0-9_.]*)"));
        const auto match = Named.match(error.detail);
        if (match.hasMatch()) {
            const QString name = match.captured(1).section(u'.', -1);
            for (const Token& token : tokens)
                if (token.kind != TokenKind::End && token.text.compare(name, Qt::CaseInsensitive) == 0) {
                    pos = token.pos;
                    break;
                }
        }
    }
    error.line = pos.line;
    error.column = pos.column;
    return error;
}

void LakeQuery::setProgressHandler(ProgressHandler handler, bool counted)
{
    m_counted = counted && handler;
    if (!handler) {
        m_connection->setProgressHandler({});
        return;
    }
    m_connection->setProgressHandler([this, handler = std::move(handler)] {
        QueryProgress progress = m_stepping ? m_stepping->progress : QueryProgress{};
        if (progress.counting)
            progress.examined = m_connection->examined();
        return handler(progress);
    });
}

std::int64_t LakeQuery::eventCount()
{
    Sql::Database& db = m_connection->database();
    const std::optional<std::int64_t> version = db.queryInt("PRAGMA data_version");
    if (!version || version != m_countVersion) {
        m_eventCount = db.queryInt("SELECT count(*) FROM events").value_or(0);
        m_countVersion = version;
    }
    return m_eventCount;
}

Result<bool> LakeQuery::next(PreparedQuery& query, QJsonArray& row)
{
    sqlite3_stmt* statement = query.statement.get();
    if (m_counted && query.progress.counting && query.progress.total < 0)
        query.progress.total = eventCount();
    // Each statement keeps its own count: the console steps several statements of a run in turns.
    m_connection->setExamined(query.progress.examined);
    m_stepping = &query;
    const int status = sqlite3_step(statement);
    m_stepping = nullptr;
    query.progress.examined = m_connection->examined();
    if (status == SQLITE_DONE)
        return false;
    if (status != SQLITE_ROW) {
        const bool interrupted = status == SQLITE_INTERRUPT || m_connection->isCancelled();
        Error error = interrupted ? Error{ErrorCode::Cancelled, QStringLiteral("query cancelled")}
                                  : Error{ErrorCode::QueryFailed, m_connection->database().lastError()};
        error.line = query.pos.line;
        error.column = query.pos.column;
        sqlite3_reset(statement);
        return std::unexpected(error);
    }
    row = QJsonArray();
    for (int i = 0; i < static_cast<int>(query.columns.size()); ++i)
        row.append(cellValue(statement, i, query.columns[static_cast<std::size_t>(i)].type));
    return true;
}

std::optional<std::int64_t> LakeQuery::newestEventTime()
{
    return m_connection->database().queryInt("SELECT max(time) FROM events");
}

} // namespace Trailscope::Core::Query::Lake
