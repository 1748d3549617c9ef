#include "lakeparser.h"

#include "parser.h"

#include <QSet>

namespace Trailscope::Core::Query::Lake {

namespace {

// Words that end an expression or a FROM item, so they are never taken as an implicit alias.
const QSet<QString>& reservedWords()
{
    static const QSet<QString> Words{
        QStringLiteral("select"),   QStringLiteral("from"),   QStringLiteral("where"),     QStringLiteral("group"),
        QStringLiteral("having"),   QStringLiteral("order"),  QStringLiteral("limit"),     QStringLiteral("offset"),
        QStringLiteral("union"),    QStringLiteral("except"), QStringLiteral("intersect"), QStringLiteral("join"),
        QStringLiteral("on"),       QStringLiteral("using"),  QStringLiteral("left"),      QStringLiteral("right"),
        QStringLiteral("inner"),    QStringLiteral("full"),   QStringLiteral("cross"),     QStringLiteral("outer"),
        QStringLiteral("natural"),  QStringLiteral("as"),     QStringLiteral("and"),       QStringLiteral("or"),
        QStringLiteral("not"),      QStringLiteral("is"),     QStringLiteral("in"),        QStringLiteral("like"),
        QStringLiteral("between"),  QStringLiteral("case"),   QStringLiteral("when"),      QStringLiteral("then"),
        QStringLiteral("else"),     QStringLiteral("end"),    QStringLiteral("with"),      QStringLiteral("by"),
        QStringLiteral("asc"),      QStringLiteral("desc"),   QStringLiteral("nulls"),     QStringLiteral("escape"),
        QStringLiteral("distinct"), QStringLiteral("all"),    QStringLiteral("window"),    QStringLiteral("fetch"),
        QStringLiteral("over"),     QStringLiteral("exists"),
    };
    return Words;
}

} // namespace

bool isReserved(const Token& token)
{
    return token.kind == TokenKind::Identifier && reservedWords().contains(token.text.toLower());
}

Result<QueryExpr> Parser::run()
{
    QueryExpr query = parseQuery();
    if (!m_error && peek().kind != TokenKind::End)
        fail(peek(), QStringLiteral("unexpected '%1' after the end of the query").arg(peek().text));
    if (m_error)
        return std::unexpected(*m_error);
    return query;
}

// After an error every token reads as End, so all loops stop and the error propagates.
const Token& Parser::peek(std::size_t ahead) const
{
    if (m_error)
        return m_tokens.back();
    return m_tokens[std::min(m_index + ahead, m_tokens.size() - 1)];
}

const Token& Parser::take()
{
    const Token& token = peek();
    if (!m_error && m_index + 1 < m_tokens.size())
        ++m_index;
    return token;
}

bool Parser::word(QStringView w)
{
    if (!peek().isWord(w))
        return false;
    take();
    return true;
}

bool Parser::op(QStringView o)
{
    if (!peek().isOperator(o))
        return false;
    take();
    return true;
}

void Parser::fail(const Token& at, const QString& message)
{
    fail(at.pos, message);
}

void Parser::fail(const SourcePos& at, const QString& message)
{
    if (!m_error)
        m_error = queryError(ErrorCode::QuerySyntax, at, message);
}

QString Parser::describe(const Token& token) const
{
    return token.kind == TokenKind::End ? QStringLiteral("the end of the statement")
                                        : QStringLiteral("'%1'").arg(token.text);
}

void Parser::expectWord(QStringView w)
{
    if (!word(w))
        fail(peek(), QStringLiteral("expected %1, found %2").arg(w.toString().toUpper(), describe(peek())));
}

void Parser::expectOp(QStringView o)
{
    if (!op(o))
        fail(peek(), QStringLiteral("expected '%1', found %2").arg(o.toString(), describe(peek())));
}

NamePart Parser::identifier(const QString& what)
{
    const Token& token = peek();
    if ((token.kind == TokenKind::Identifier && !isReserved(token)) || token.kind == TokenKind::QuotedIdentifier) {
        take();
        return NamePart{token.text, token.pos, token.kind == TokenKind::QuotedIdentifier};
    }
    fail(token, QStringLiteral("expected %1, found %2").arg(what, describe(token)));
    return {};
}

// ---- queries ----
QueryExpr Parser::parseQuery()
{
    // Bounded like expressions (lakeexpressionparser.cpp): queries nest in expressions and back.
    if (++m_nesting > 200)
        fail(peek(), QStringLiteral("the query nests too deeply"));
    QueryExpr query = parseQueryBody();
    --m_nesting;
    return query;
}

QueryExpr Parser::parseQueryBody()
{
    QueryExpr query;
    query.pos = peek().pos;
    if (word(u"with")) {
        word(u"recursive");
        do {
            CommonTable table;
            table.name = identifier(QStringLiteral("a name for the WITH query"));
            if (op(u"(")) {
                do
                    table.columns.push_back(identifier(QStringLiteral("a column name")));
                while (op(u","));
                expectOp(u")");
            }
            expectWord(u"as");
            expectOp(u"(");
            table.query = std::make_shared<QueryExpr>(parseQuery());
            expectOp(u")");
            query.with.push_back(std::move(table));
        } while (op(u","));
    }
    query.terms.push_back(parseTerm());
    while (true) {
        QString setOp;
        if (peek().isWord(u"union") || peek().isWord(u"except") || peek().isWord(u"intersect"))
            setOp = take().text.toLower();
        else
            break;
        const bool all = word(u"all");
        if (!all)
            word(u"distinct");
        QueryExpr::Term term = parseTerm();
        term.setOp = setOp;
        term.all = all;
        query.terms.push_back(std::move(term));
    }
    if (word(u"order")) {
        expectWord(u"by");
        query.orderBy = parseOrderList();
    }
    if (word(u"offset")) {
        query.offset = parseExpr();
        (void)(word(u"rows") || word(u"row"));
    }
    if (word(u"limit")) {
        if (!word(u"all"))
            query.limit = parseExpr();
    } else if (word(u"fetch")) {
        (void)(word(u"first") || word(u"next"));
        query.limit = peek().kind == TokenKind::Number ? parseExpr() : numberExpr(QStringLiteral("1"));
        (void)(word(u"rows") || word(u"row"));
        expectWord(u"only");
    }
    if (!query.offset && word(u"offset")) {
        query.offset = parseExpr();
        (void)(word(u"rows") || word(u"row"));
    }
    return query;
}

Expr Parser::numberExpr(const QString& text)
{
    Expr e;
    e.kind = Expr::Kind::Number;
    e.text = text;
    e.pos = peek().pos;
    return e;
}

QueryExpr::Term Parser::parseTerm()
{
    QueryExpr::Term term;
    if (peek().isOperator(u"(")) {
        take();
        term.nested = std::make_shared<QueryExpr>(parseQuery());
        expectOp(u")");
        return term;
    }
    term.core = std::make_shared<SelectCore>(parseSelectCore());
    return term;
}

std::vector<OrderItem> Parser::parseOrderList()
{
    std::vector<OrderItem> items;
    do {
        OrderItem item;
        item.expr = parseExpr();
        if (word(u"desc"))
            item.descending = true;
        else
            word(u"asc");
        if (word(u"nulls")) {
            if (word(u"first"))
                item.nullsFirst = true;
            else if (word(u"last"))
                item.nullsFirst = false;
            else
                fail(peek(), QStringLiteral("expected FIRST or LAST after NULLS"));
        }
        items.push_back(std::move(item));
    } while (op(u","));
    return items;
}

SelectCore Parser::parseSelectCore()
{
    SelectCore core;
    core.pos = peek().pos;
    if (!peek().isWord(u"select")) {
        fail(peek(), peek().kind == TokenKind::Identifier
                         ? QStringLiteral("only SELECT queries are allowed, found '%1'").arg(peek().text)
                         : QStringLiteral("expected SELECT, found %1").arg(describe(peek())));
        return core;
    }
    take();
    if (word(u"distinct"))
        core.distinct = true;
    else
        word(u"all");
    do
        core.items.push_back(parseSelectItem());
    while (op(u","));
    if (word(u"from")) {
        do
            core.from.push_back(parseJoinedTable());
        while (op(u","));
    }
    if (word(u"where"))
        core.where = parseExpr();
    if (word(u"group")) {
        expectWord(u"by");
        do
            core.groupBy.push_back(parseExpr());
        while (op(u","));
    }
    if (word(u"having"))
        core.having = parseExpr();
    if (word(u"window")) {
        do {
            NamedWindow window;
            window.name = identifier(QStringLiteral("a window name"));
            expectWord(u"as");
            window.spec = parseWindowSpec();
            core.windows.push_back(std::move(window));
        } while (op(u","));
    }
    return core;
}

SelectItem Parser::parseSelectItem()
{
    SelectItem item;
    const Token& first = peek();
    if (first.isOperator(u"*")) {
        take();
        item.expr.kind = Expr::Kind::Star;
        item.expr.pos = first.pos;
        return item;
    }
    // t.* : a name followed by . *
    if ((first.kind == TokenKind::Identifier || first.kind == TokenKind::QuotedIdentifier) &&
        peek(1).isOperator(u".") && peek(2).isOperator(u"*")) {
        item.expr.kind = Expr::Kind::Star;
        item.expr.pos = first.pos;
        item.expr.parts.push_back(NamePart{first.text, first.pos, first.kind == TokenKind::QuotedIdentifier});
        take();
        take();
        take();
        return item;
    }
    item.expr = parseExpr();
    parseAlias(item.alias, item.aliasPos);
    return item;
}

void Parser::parseAlias(QString& alias, SourcePos& pos)
{
    if (word(u"as")) {
        const NamePart name = identifier(QStringLiteral("an alias after AS"));
        alias = name.text;
        pos = name.pos;
        return;
    }
    const Token& token = peek();
    if (token.kind == TokenKind::QuotedIdentifier || (token.kind == TokenKind::Identifier && !isReserved(token))) {
        take();
        alias = token.text;
        pos = token.pos;
    }
}

// A table name: parts separated by '.', each a run of adjacent words, numbers, '-' and ':' (EDS IDs and ARNs);
// `<EDS ID>` and `$EDS_ID` as written in the documentation's examples.
QString Parser::tableName()
{
    const Token& first = peek();
    if (first.isOperator(u"<")) {
        take();
        QStringList words;
        while (peek().kind != TokenKind::End && !peek().isOperator(u">"))
            words << take().text;
        expectOp(u">");
        return u'<' + words.join(u' ') + u'>';
    }
    if (first.kind == TokenKind::QuotedIdentifier) {
        take();
        QString name = first.text;
        while (peek().isOperator(u".") && peek(1).kind != TokenKind::End) {
            take();
            name += u'.' + identifier(QStringLiteral("a table name")).text;
        }
        return name;
    }
    if (first.kind != TokenKind::Identifier && first.kind != TokenKind::Number) {
        fail(first, QStringLiteral("expected a table name, found %1").arg(describe(first)));
        return {};
    }
    QString name = take().text;
    qsizetype end = first.end;
    while (true) {
        const Token& next = peek();
        const bool adjacent = next.pos.offset == end;
        const bool joins = next.kind == TokenKind::Identifier || next.kind == TokenKind::Number ||
                           next.isOperator(u"-") || next.isOperator(u":") || next.isOperator(u"/") ||
                           next.isOperator(u".");
        if (!adjacent || !joins || next.kind == TokenKind::End)
            break;
        name += next.text;
        end = next.end;
        take();
    }
    return name;
}

TableRef Parser::parseTablePrimary()
{
    TableRef ref;
    ref.pos = peek().pos;
    if (peek().isOperator(u"(")) {
        take();
        if (peek().isWord(u"select") || peek().isWord(u"with") || peek().isOperator(u"(")) {
            ref.kind = TableRef::Kind::Subquery;
            ref.query = std::make_shared<QueryExpr>(parseQuery());
            expectOp(u")");
        } else {
            ref = parseJoinedTable();
            expectOp(u")");
            return ref;
        }
    } else {
        ref.kind = TableRef::Kind::Named;
        ref.name = tableName();
    }
    SourcePos aliasPos;
    parseAlias(ref.alias, aliasPos);
    if (!ref.alias.isEmpty() && peek().isOperator(u"(")) { // column aliases: t(a, b) are not supported
        fail(peek(), QStringLiteral("column aliases after a table alias are not supported"));
    }
    return ref;
}

TableRef Parser::parseJoinedTable()
{
    TableRef left = parseTablePrimary();
    while (true) {
        QString type;
        const Token& at = peek();
        if (word(u"cross")) {
            type = QStringLiteral("cross");
        } else if (word(u"inner") || peek().isWord(u"join")) { // a bare JOIN is an inner join
            type = QStringLiteral("inner");
        } else if (peek().isWord(u"left") || peek().isWord(u"right") || peek().isWord(u"full")) {
            type = take().text.toLower();
            word(u"outer");
        } else {
            break;
        }
        expectWord(u"join");
        TableRef join;
        join.kind = TableRef::Kind::Join;
        join.pos = at.pos;
        join.joinType = type;
        join.left = std::make_shared<TableRef>(std::move(left));
        join.right = std::make_shared<TableRef>(parseTablePrimary());
        if (type != QLatin1String("cross")) {
            if (word(u"on")) {
                join.on = parseExpr();
            } else if (word(u"using")) {
                expectOp(u"(");
                do
                    join.usingColumns.push_back(identifier(QStringLiteral("a column name")));
                while (op(u","));
                expectOp(u")");
            } else {
                fail(peek(), QStringLiteral("expected ON or USING after JOIN, found %1").arg(describe(peek())));
            }
        }
        left = std::move(join);
    }
    return left;
}

Result<QueryExpr> parseStatement(const std::vector<Token>& tokens)
{
    if (tokens.empty() || tokens.back().kind != TokenKind::End)
        return std::unexpected(queryError(ErrorCode::QuerySyntax, {}, QStringLiteral("empty statement")));
    return Parser(tokens).run();
}

bool looksLikeQuery(const std::vector<Token>& tokens)
{
    return !tokens.empty() &&
           (tokens.front().isWord(u"select") || tokens.front().isWord(u"with") || tokens.front().isOperator(u"("));
}

} // namespace Trailscope::Core::Query::Lake
