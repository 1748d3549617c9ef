#include "translator.h"

#include <algorithm>

namespace Trailscope::Core::Query::Lake {

namespace {

constexpr char MarkStart = '\x01';
constexpr char MarkEnd = '\x02';

bool sameName(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString dotted(const std::vector<NamePart>& parts, std::size_t from = 0)
{
    QStringList texts;
    for (std::size_t i = from; i < parts.size(); ++i)
        texts << parts[i].text;
    return texts.join(u'.');
}

} // namespace

SourcePos Translation::originalPosition(int sqlOffset, const SourcePos& fallback) const
{
    SourcePos best = fallback;
    for (const auto& [offset, pos] : marks) {
        if (offset > sqlOffset)
            break;
        best = pos;
    }
    return best;
}

Result<Translation> translate(const QueryExpr& query, const TableCatalog& tables, std::int64_t nowMs,
                              bool countExamined)
{
    return Translator(tables, nowMs, countExamined).run(query);
}

Result<Translation> Translator::run(const QueryExpr& q)
{
    const QueryResult result = query(q, nullptr);
    if (m_error)
        return std::unexpected(*m_error);
    Translation translation;
    // Marks become (offset, position) pairs and leave the SQL.
    translation.sql.reserve(result.sql.size());
    for (std::size_t i = 0; i < result.sql.size(); ++i) {
        if (result.sql[i] != MarkStart) {
            translation.sql += result.sql[i];
            continue;
        }
        const std::size_t end = result.sql.find(MarkEnd, i);
        const int index = std::stoi(result.sql.substr(i + 1, end - i - 1));
        translation.marks.emplace_back(static_cast<int>(translation.sql.size()),
                                       m_marks[static_cast<std::size_t>(index)]);
        i = end;
    }
    for (const Column& column : result.columns)
        translation.columns.push_back({column.name, column.type});
    translation.countsEvents = m_examineCount > 0;
    translation.examinesOnce = m_examineCount == 1 && m_examineOnce;
    return translation;
}

std::string Translator::mark(const SourcePos& pos)
{
    m_marks.push_back(pos);
    return MarkStart + std::to_string(m_marks.size() - 1) + MarkEnd;
}

void Translator::fail(const SourcePos& pos, const QString& message)
{
    if (!m_error)
        m_error = queryError(ErrorCode::QuerySyntax, pos, message);
}

std::string Translator::quoteIdentifier(const QString& name)
{
    return '"' + QString(name).replace(u'"', QStringLiteral("\"\"")).toStdString() + '"';
}

std::string Translator::quoteString(const QString& text)
{
    // Control characters that would read as marks go in as a blob cast to text.
    if (text.contains(QChar(u'\x01')) || text.contains(QChar(u'\x02')))
        return "CAST(X'" + text.toUtf8().toHex().toStdString() + "' AS TEXT)";
    return '\'' + QString(text).replace(u'\'', QStringLiteral("''")).toStdString() + '\'';
}

Value Translator::make(std::string sql, ValueType type)
{
    Value value;
    value.sql = std::move(sql);
    value.type = type;
    return value;
}

const std::vector<Translator::Column>* Translator::cte(const QString& name) const
{
    for (auto it = m_ctes.rbegin(); it != m_ctes.rend(); ++it)
        if (sameName(it->first, name))
            return &it->second;
    return nullptr;
}

// ---- queries ----

Translator::QueryResult Translator::query(const QueryExpr& q, const Scope* outer)
{
    const std::size_t ctesBefore = m_ctes.size();
    std::string with;
    for (const CommonTable& table : q.with) {
        // A recursive query names its columns; they are known inside its own body.
        const std::size_t self = m_ctes.size();
        if (!table.columns.empty()) {
            std::vector<Column> named;
            named.reserve(table.columns.size());
            for (const NamePart& column : table.columns)
                named.push_back({column.text, ValueType::Unknown});
            m_ctes.emplace_back(table.name.text, std::move(named));
        }
        ++m_commonTables;
        QueryResult body = query(*table.query, outer);
        --m_commonTables;
        m_ctes.resize(self);
        std::vector<Column> columns = body.columns;
        std::string names;
        if (!table.columns.empty()) {
            if (table.columns.size() != columns.size())
                fail(table.name.pos, QStringLiteral("WITH %1 names %2 columns, its query returns %3")
                                         .arg(table.name.text)
                                         .arg(table.columns.size())
                                         .arg(columns.size()));
            for (std::size_t i = 0; i < std::min(columns.size(), table.columns.size()); ++i)
                columns[i].name = table.columns[i].text;
        }
        for (const Column& column : columns)
            names += (names.empty() ? "" : ", ") + quoteIdentifier(column.name);
        with += (with.empty() ? "WITH " : ", ") + quoteIdentifier(table.name.text) + "(" + names + ") AS (" + body.sql +
                ")";
        m_ctes.emplace_back(table.name.text, std::move(columns));
    }
    QueryResult result;
    if (q.terms.size() == 1 && q.terms.front().core) {
        result = core(*q.terms.front().core, outer, &q);
    } else {
        std::string compound;
        for (const QueryExpr::Term& term : q.terms) {
            QueryResult part = term.core ? core(*term.core, outer, nullptr) : query(*term.nested, outer);
            if (result.columns.empty()) {
                result.columns = part.columns;
            } else if (part.columns.size() != result.columns.size()) {
                fail(q.pos, QStringLiteral("the queries of %1 return %2 and %3 columns")
                                .arg(term.setOp.toUpper())
                                .arg(result.columns.size())
                                .arg(part.columns.size()));
            }
            if (!term.setOp.isEmpty())
                compound += ' ' + term.setOp.toUpper().toStdString() + (term.all ? " ALL " : " ");
            // Parenthesised members and members with their own ORDER BY/LIMIT need a SELECT around them.
            compound += term.core ? part.sql : "SELECT * FROM (" + part.sql + ")";
        }
        result.sql = compound;
        if (!q.orderBy.empty() || q.limit || q.offset) {
            Scope scope;
            scope.parent = outer;
            Source source;
            source.kind = Source::Kind::Derived;
            source.alias = newAlias('u');
            source.columns = result.columns;
            scope.sources.push_back(source);
            std::vector<SelectedItem> selected;
            for (const Column& column : result.columns) {
                Value value = make(source.alias + "." + quoteIdentifier(column.name), column.type);
                selected.push_back({value, column.name});
            }
            result.sql = "SELECT * FROM (" + compound + ") AS " + source.alias + orderBy(q.orderBy, scope, selected) +
                         limitClause(q, scope);
        }
    }
    m_ctes.resize(ctesBefore);
    result.sql = with.empty() ? result.sql : with + " " + result.sql;
    return result;
}

std::string Translator::limitClause(const QueryExpr& q, const Scope& scope)
{
    std::string sql;
    if (q.limit)
        sql += " LIMIT " + expr(*q.limit, scope).sql;
    else if (q.offset)
        sql += " LIMIT -1";
    if (q.offset)
        sql += " OFFSET " + expr(*q.offset, scope).sql;
    return sql;
}

std::string Translator::orderBy(const std::vector<OrderItem>& items, const Scope& scope,
                                const std::vector<SelectedItem>& selected)
{
    std::string sql;
    for (const OrderItem& item : items) {
        std::string term;
        const Expr& e = item.expr;
        if (e.kind == Expr::Kind::Number && !e.text.contains(u'.')) {
            const qsizetype ordinal = e.text.toLongLong();
            if (ordinal < 1 || ordinal > static_cast<qsizetype>(selected.size()))
                fail(e.pos, QStringLiteral("ORDER BY position %1 is not in the select list").arg(e.text));
            else
                term = selected[static_cast<std::size_t>(ordinal - 1)].value.sql;
        } else if (e.kind == Expr::Kind::Name && e.parts.size() == 1) {
            // Output names first, as Trino does.
            const auto it = std::find_if(selected.begin(), selected.end(),
                                         [&](const SelectedItem& s) { return sameName(s.name, e.parts[0].text); });
            term = it != selected.end() ? it->value.sql : expr(e, scope).sql;
        } else {
            term = expr(e, scope).sql;
        }
        sql += (sql.empty() ? " ORDER BY " : ", ") + mark(e.pos) + term;
        // Trino puts NULLs last both ways unless told; SQLite puts them first ascending.
        const bool nullsFirst = item.nullsFirst.value_or(false);
        if (item.descending)
            sql += nullsFirst ? " DESC NULLS FIRST" : " DESC";
        else
            sql += nullsFirst ? " ASC" : " ASC NULLS LAST";
    }
    return sql;
}

Translator::QueryResult Translator::core(const SelectCore& c, const Scope* outer, const QueryExpr* tail)
{
    Scope scope;
    scope.parent = outer;
    const bool aggregateBefore = m_aggregate, windowBefore = m_window;
    m_aggregate = m_window = false;
    const std::vector<NamedWindow>* windowsBefore = m_windows;
    m_windows = &c.windows;
    const bool sharedFrom = c.from.size() > 1 || (c.from.size() == 1 && c.from.front().kind == TableRef::Kind::Join);
    m_sharedFroms += sharedFrom ? 1 : 0;

    std::string from;
    for (const TableRef& ref : c.from)
        from += (from.empty() ? "" : ", ") + fromItem(ref, scope);
    std::string where;
    if (c.where)
        where = predicate(*c.where, scope).sql;
    if (const std::string examine = examineCondition(c, scope); !examine.empty())
        where = where.empty() ? examine : examine + " AND (" + where + ")";
    if (!where.empty())
        where.insert(0, " WHERE ");

    std::vector<SelectedItem> selected;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const SelectItem& item = c.items[i];
        if (item.expr.kind == Expr::Kind::Star) {
            std::vector<SelectedItem> expanded = expandStar(item.expr, scope);
            selected.insert(selected.end(), expanded.begin(), expanded.end());
            continue;
        }
        Value value = expr(item.expr, scope);
        if (value.type == ValueType::Interval)
            fail(item.expr.pos, QStringLiteral("an interval is not a value to select"));
        QString name = item.alias;
        if (name.isEmpty() && item.expr.kind == Expr::Kind::Name)
            name = item.expr.parts.back().text;
        else if (name.isEmpty() && item.expr.kind == Expr::Kind::Field)
            name = item.expr.text;
        if (name.isEmpty())
            name = QStringLiteral("_col%1").arg(selected.size());
        value.sql = mark(item.expr.pos) + value.sql;
        selected.push_back({std::move(value), name});
    }

    std::string group;
    for (const Expr& g : c.groupBy) {
        std::string term;
        if (g.kind == Expr::Kind::Number) {
            const qsizetype ordinal = g.text.toLongLong();
            if (ordinal < 1 || ordinal > static_cast<qsizetype>(selected.size()))
                fail(g.pos, QStringLiteral("GROUP BY position %1 is not in the select list").arg(g.text));
            else
                term = selected[static_cast<std::size_t>(ordinal - 1)].value.sql;
        } else {
            const Value value = expr(g, scope);
            // Grouping by a string's id groups exactly as by its text, without reading the text of every row.
            term = value.field && value.field->storage == LakeStorage::EventString
                       ? value.rowAlias + "." + std::string(value.field->column)
                       : value.sql;
        }
        group += (group.empty() ? " GROUP BY " : ", ") + mark(g.pos) + term;
    }
    std::string having;
    if (c.having)
        having = " HAVING " + predicate(*c.having, scope).sql;
    const std::string windows = windowClause(c.windows, scope);

    std::string order, limit;
    if (tail) {
        order = orderBy(tail->orderBy, scope, selected);
        limit = limitClause(*tail, scope);
    }

    QueryResult result;
    std::string items;
    for (const SelectedItem& item : selected) {
        items += (items.empty() ? "" : ", ") + item.value.sql + " AS " + quoteIdentifier(item.name);
        result.columns.push_back({item.name, item.value.type});
    }
    const std::string select = std::string("SELECT ") + (c.distinct ? "DISTINCT " : "") + items;
    const bool single =
        c.from.size() == 1 && scope.sources.size() == 1 && scope.sources.front().kind == Source::Kind::Events;
    if (single && !c.where) {
        // A scan of every event that reads raw records reads them in rowid order, which is the evidence's order: a
        // decoded source file serves all its events at once. Unconstrained, SQLite scans the smallest covering index
        // instead (events_event_id: random order), and every event decodes its file again (a GROUP BY on a nested
        // field of a million events: 96 s instead of a few). The rowid range changes no plan an ORDER BY or LIMIT
        // prefers.
        const std::string alias = scope.sources.front().alias;
        const std::string body = select + group + having + order;
        if (body.find("ts_event_get(" + alias + ".id") != std::string::npos ||
            body.find("ts_event_json(" + alias + ".id") != std::string::npos)
            where = (where.empty() ? " WHERE " : where + " AND ") + alias + ".id > 0";
    }
    if (tail && tail->limit && single && !c.distinct && !m_aggregate && !m_window && c.groupBy.empty() && !c.having &&
        c.windows.empty()) {
        // Rows are chosen on stored columns first; only the rows returned are projected (raw records read).
        const std::string alias = scope.sources.front().alias;
        result.sql = select + " FROM " + from + " WHERE " + alias + ".id IN (SELECT " + alias + ".id FROM " + from +
                     where + order + limit + ")" + order;
    } else {
        result.sql = select + (from.empty() ? "" : " FROM " + from) + where + group + having + windows + order + limit;
    }
    m_aggregate = aggregateBefore;
    m_window = windowBefore;
    m_windows = windowsBefore;
    m_sharedFroms -= sharedFrom ? 1 : 0;
    return result;
}

std::vector<Translator::SelectedItem> Translator::expandStar(const Expr& star, const Scope& scope)
{
    std::vector<SelectedItem> items;
    bool found = false;
    for (const Source& source : scope.sources) {
        if (!star.parts.empty() && !sameName(source.name, star.parts.front().text))
            continue;
        found = true;
        if (source.kind == Source::Kind::Events) {
            for (const LakeField& field : lakeColumns())
                items.push_back({fieldValue(source.alias, field), QString::fromLatin1(field.name)});
        } else {
            for (const Column& column : source.columns)
                items.push_back({make(source.alias + "." + quoteIdentifier(column.name), column.type), column.name});
        }
    }
    if (!found)
        fail(star.pos, star.parts.empty() ? QStringLiteral("SELECT * needs a FROM clause")
                                          : QStringLiteral("no table '%1' in FROM").arg(star.parts.front().text));
    return items;
}

std::string Translator::fromItem(const TableRef& ref, Scope& scope)
{
    Source source;
    std::string sql;
    switch (ref.kind) {
    case TableRef::Kind::Join: {
        const std::string left = fromItem(*ref.left, scope);
        const std::string right = fromItem(*ref.right, scope);
        sql = left + " " + ref.joinType.toUpper().toStdString() + " JOIN " + right;
        if (ref.on) {
            sql += " ON " + predicate(*ref.on, scope).sql;
        } else if (!ref.usingColumns.empty()) {
            // USING (c): the left side's c equals the right side's, read through the Lake mapping on both.
            const Source rightSource = scope.sources.back();
            std::string conditions;
            for (const NamePart& column : ref.usingColumns) {
                Scope leftScope;
                leftScope.sources.assign(scope.sources.begin(), scope.sources.end() - 1);
                Expr nameExpr;
                nameExpr.kind = Expr::Kind::Name;
                nameExpr.pos = column.pos;
                nameExpr.parts = {column};
                const Value a = name(nameExpr, leftScope);
                const Value b = columnOf(rightSource, {column}, column.pos);
                conditions += (conditions.empty() ? "" : " AND ") + a.sql + " = " + b.sql;
            }
            sql += " ON " + conditions;
        }
        return sql;
    }
    case TableRef::Kind::Subquery: {
        const QueryResult result = query(*ref.query, scope.parent);
        source.kind = Source::Kind::Derived;
        source.alias = newAlias('q');
        source.columns = result.columns;
        source.name = ref.alias;
        sql = "(" + result.sql + ") AS " + source.alias;
        break;
    }
    case TableRef::Kind::Named: {
        QString tableName = ref.name;
        if (tableName.startsWith(QLatin1String("main."), Qt::CaseInsensitive))
            tableName = tableName.mid(5);
        const std::vector<Column>* common = cte(ref.name);
        source.name =
            ref.alias.isEmpty() ? (common || m_tables.contains(tableName.toLower()) ? tableName : ref.name) : ref.alias;
        if (common) {
            source.kind = Source::Kind::Derived;
            source.columns = *common;
            source.alias = newAlias('c');
            sql = quoteIdentifier(ref.name) + " AS " + source.alias;
        } else if (m_tables.contains(tableName.toLower())) {
            source.kind = Source::Kind::Table;
            for (const QString& column : m_tables.value(tableName.toLower()))
                source.columns.push_back({column, ValueType::Unknown});
            source.alias = newAlias('t');
            sql = quoteIdentifier(tableName) + " AS " + source.alias;
        } else {
            // Any other name is an event data store: the Lake events view.
            source.kind = Source::Kind::Events;
            source.alias = newAlias('e');
            sql = "events AS " + source.alias;
        }
        break;
    }
    }
    for (const Source& existing : scope.sources)
        if (!source.name.isEmpty() && sameName(existing.name, source.name))
            fail(ref.pos, QStringLiteral("'%1' names two tables in FROM; give one an alias").arg(source.name));
    scope.sources.push_back(std::move(source));
    return mark(ref.pos) + sql;
}

// ---- names ----

Value Translator::name(const Expr& e, const Scope& scope)
{
    const std::vector<NamePart>& parts = e.parts;
    // A first part that names a FROM item qualifies the rest.
    if (parts.size() >= 2) {
        for (const Scope* s = &scope; s; s = s->parent)
            for (const Source& source : s->sources)
                if (!source.name.isEmpty() && sameName(source.name, parts[0].text))
                    return columnOf(source, std::vector<NamePart>(parts.begin() + 1, parts.end()), parts[1].pos);
    }
    for (const Scope* s = &scope; s; s = s->parent) {
        const Source* match = nullptr;
        for (const Source& source : s->sources) {
            const bool has = source.kind == Source::Kind::Events
                                 ? std::any_of(lakeColumns().begin(), lakeColumns().end(),
                                               [&](const LakeField& f) {
                                                   return sameName(QLatin1String(f.path.data(),
                                                                                 static_cast<qsizetype>(f.path.size())),
                                                                   parts[0].text);
                                               })
                                 : std::any_of(source.columns.begin(), source.columns.end(),
                                               [&](const Column& c) { return sameName(c.name, parts[0].text); });
            if (!has)
                continue;
            if (match) {
                fail(parts[0].pos,
                     QStringLiteral("column '%1' is ambiguous: qualify it with a table alias").arg(parts[0].text));
                return make("NULL");
            }
            match = &source;
        }
        if (match)
            return columnOf(*match, parts, parts[0].pos);
    }
    fail(parts[0].pos, QStringLiteral("column '%1' cannot be resolved").arg(dotted(parts)));
    return make("NULL");
}

Value Translator::columnOf(const Source& source, const std::vector<NamePart>& parts, const SourcePos& pos)
{
    if (source.kind == Source::Kind::Events) {
        if (const LakeField* field = findLakeField(dotted(parts)))
            return fieldValue(source.alias, *field);
        // The longest mapped prefix decides: under a struct or map read from the raw record the rest is a key path.
        for (std::size_t n = parts.size() - 1; n >= 1; --n) {
            const LakeField* prefix = findLakeField(
                dotted(std::vector<NamePart>(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(n))));
            if (!prefix)
                continue;
            if (prefix->storage != LakeStorage::Raw || prefix->type != ValueType::Json) {
                fail(parts[n].pos, QStringLiteral("'%1' has no field '%2'")
                                       .arg(dotted(std::vector<NamePart>(
                                                parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(n))),
                                            parts[n].text));
                return make("NULL");
            }
            Value value;
            value.raw = RawPath{true, source.alias + ".id", {}};
            for (const NamePart& part : parts)
                value.raw->steps.push_back({JsonStep::Kind::Field, part.text.toStdString(), 0});
            value.sql = "ts_event_get(" + value.raw->base + ", " +
                        quoteString(QString::fromStdString(encodeSteps(value.raw->steps))) + ")";
            value.rowAlias = source.alias;
            return value;
        }
        fail(pos, QStringLiteral("column '%1' cannot be resolved").arg(dotted(parts)));
        return make("NULL");
    }
    const auto column = std::find_if(source.columns.begin(), source.columns.end(),
                                     [&](const Column& c) { return sameName(c.name, parts[0].text); });
    if (column == source.columns.end()) {
        fail(pos, QStringLiteral("column '%1' cannot be resolved").arg(dotted(parts)));
        return make("NULL");
    }
    Value value = make(source.alias + "." + quoteIdentifier(column->name), column->type);
    if (parts.size() == 1)
        return value;
    if (source.kind == Source::Kind::Table) {
        fail(parts[1].pos, QStringLiteral("'%1' is a plain column without fields").arg(parts[0].text));
        return make("NULL");
    }
    for (std::size_t i = 1; i < parts.size(); ++i)
        value = extendPath(std::move(value), {JsonStep::Kind::Field, parts[i].text.toStdString(), 0}, parts[i].pos);
    return value;
}

Value Translator::fieldValue(const std::string& alias, const LakeField& field)
{
    const std::string column(field.column);
    std::string sql;
    switch (field.storage) {
    case LakeStorage::EventString:
        sql = "(SELECT value FROM strings WHERE id = " + alias + "." + column + ")";
        break;
    case LakeStorage::IdentityString:
    case LakeStorage::IdentityTime:
        sql = "(SELECT value FROM strings WHERE id = (SELECT " + column + " FROM identities WHERE id = " + alias +
              ".identity))";
        if (field.storage == LakeStorage::IdentityTime)
            sql = "ts_time(" + sql + ")";
        break;
    case LakeStorage::TlsString:
        sql = "(SELECT value FROM strings WHERE id = (SELECT " + column + " FROM tls_profiles WHERE id = " + alias +
              ".tls))";
        break;
    case LakeStorage::EventTime:
    case LakeStorage::EventFlag:
        sql = alias + "." + column;
        break;
    case LakeStorage::EventId:
        sql = "ts_stored_id(" + alias + "." + column + ")";
        break;
    case LakeStorage::RawRecord:
        sql = "ts_event_json(" + alias + ".id)";
        break;
    case LakeStorage::Raw: {
        Value value;
        value.type = field.type;
        value.raw = RawPath{true, alias + ".id", {}};
        for (const QString& part :
             QString::fromLatin1(field.path.data(), static_cast<qsizetype>(field.path.size())).split(u'.'))
            value.raw->steps.push_back({JsonStep::Kind::Field, part.toStdString(), 0});
        value.sql = "ts_event_get(" + value.raw->base + ", " +
                    quoteString(QString::fromStdString(encodeSteps(value.raw->steps))) + ")";
        value.field = &field;
        value.rowAlias = alias;
        return value;
    }
    }
    Value value = make(sql, field.type);
    value.field = &field;
    value.rowAlias = alias;
    return value;
}

} // namespace Trailscope::Core::Query::Lake
