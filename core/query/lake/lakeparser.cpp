#include "lakeparser.h"

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

bool isReserved(const Token& token)
{
    return token.kind == TokenKind::Identifier && reservedWords().contains(token.text.toLower());
}

class Parser
{
public:
    explicit Parser(const std::vector<Token>& tokens) : m_tokens(tokens) {}

    Result<QueryExpr> run()
    {
        QueryExpr query = parseQuery();
        if (!m_error && peek().kind != TokenKind::End)
            fail(peek(), QStringLiteral("unexpected '%1' after the end of the query").arg(peek().text));
        if (m_error)
            return std::unexpected(*m_error);
        return query;
    }

private:
    // After an error every token reads as End, so all loops stop and the error propagates.
    const Token& peek(std::size_t ahead = 0) const
    {
        if (m_error)
            return m_tokens.back();
        return m_tokens[std::min(m_index + ahead, m_tokens.size() - 1)];
    }
    const Token& take()
    {
        const Token& token = peek();
        if (!m_error && m_index + 1 < m_tokens.size())
            ++m_index;
        return token;
    }
    bool word(QStringView w)
    {
        if (!peek().isWord(w))
            return false;
        take();
        return true;
    }
    bool op(QStringView o)
    {
        if (!peek().isOperator(o))
            return false;
        take();
        return true;
    }
    void fail(const Token& at, const QString& message)
    {
        if (!m_error)
            m_error = queryError(ErrorCode::QuerySyntax, at.pos, message);
    }
    QString describe(const Token& token) const
    {
        return token.kind == TokenKind::End ? QStringLiteral("the end of the statement")
                                            : QStringLiteral("'%1'").arg(token.text);
    }
    void expectWord(QStringView w)
    {
        if (!word(w))
            fail(peek(), QStringLiteral("expected %1, found %2").arg(w.toString().toUpper(), describe(peek())));
    }
    void expectOp(QStringView o)
    {
        if (!op(o))
            fail(peek(), QStringLiteral("expected '%1', found %2").arg(o.toString(), describe(peek())));
    }
    NamePart identifier(const QString& what)
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

    QueryExpr parseQuery()
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

    Expr numberExpr(const QString& text)
    {
        Expr e;
        e.kind = Expr::Kind::Number;
        e.text = text;
        e.pos = peek().pos;
        return e;
    }

    QueryExpr::Term parseTerm()
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

    std::vector<OrderItem> parseOrderList()
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

    SelectCore parseSelectCore()
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
        return core;
    }

    SelectItem parseSelectItem()
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

    void parseAlias(QString& alias, SourcePos& pos)
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
    QString tableName()
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

    TableRef parseTablePrimary()
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

    TableRef parseJoinedTable()
    {
        TableRef left = parseTablePrimary();
        while (true) {
            QString type;
            const Token& at = peek();
            if (word(u"cross")) {
                type = QStringLiteral("cross");
            } else if (word(u"inner")) {
                type = QStringLiteral("inner");
            } else if (peek().isWord(u"left") || peek().isWord(u"right") || peek().isWord(u"full")) {
                type = take().text.toLower();
                word(u"outer");
            } else if (peek().isWord(u"join")) {
                type = QStringLiteral("inner");
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

    // ---- expressions, lowest precedence first ----

    Expr parseExpr() { return parseOr(); }

    Expr binary(const QString& name, const SourcePos& pos, Expr left, Expr right)
    {
        Expr e;
        e.kind = Expr::Kind::Binary;
        e.text = name;
        e.pos = pos;
        e.args.push_back(std::move(left));
        e.args.push_back(std::move(right));
        return e;
    }

    Expr parseOr()
    {
        Expr left = parseAnd();
        while (peek().isWord(u"or")) {
            const SourcePos pos = take().pos;
            left = binary(QStringLiteral("or"), pos, std::move(left), parseAnd());
        }
        return left;
    }

    Expr parseAnd()
    {
        Expr left = parseNot();
        while (peek().isWord(u"and")) {
            const SourcePos pos = take().pos;
            left = binary(QStringLiteral("and"), pos, std::move(left), parseNot());
        }
        return left;
    }

    Expr parseNot()
    {
        if (peek().isWord(u"not")) {
            Expr e;
            e.kind = Expr::Kind::Unary;
            e.text = QStringLiteral("not");
            e.pos = take().pos;
            e.args.push_back(parseNot());
            return e;
        }
        return parsePredicate();
    }

    Expr parsePredicate()
    {
        Expr left = parseConcat();
        while (true) {
            const Token& token = peek();
            static const QStringList Comparisons{QStringLiteral("="), QStringLiteral("<>"), QStringLiteral("!="),
                                                 QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"),
                                                 QStringLiteral(">=")};
            if (token.kind == TokenKind::Operator && Comparisons.contains(token.text)) {
                take();
                const QString name = token.text == QLatin1String("!=") ? QStringLiteral("<>") : token.text;
                left = binary(name, token.pos, std::move(left), parseConcat());
                continue;
            }
            if (token.isWord(u"is")) {
                take();
                Expr e;
                e.pos = token.pos;
                e.negated = word(u"not");
                if (word(u"null")) {
                    e.kind = Expr::Kind::IsNull;
                    e.args.push_back(std::move(left));
                } else if (word(u"distinct")) {
                    expectWord(u"from");
                    e.kind = Expr::Kind::IsDistinct;
                    e.args.push_back(std::move(left));
                    e.args.push_back(parseConcat());
                } else if (peek().isWord(u"true") || peek().isWord(u"false")) {
                    // x IS [NOT] TRUE: x IS NOT DISTINCT FROM TRUE
                    e.kind = Expr::Kind::IsDistinct;
                    e.negated = !e.negated;
                    Expr literal;
                    literal.kind = Expr::Kind::Boolean;
                    literal.pos = peek().pos;
                    literal.text = take().text.toLower();
                    e.args.push_back(std::move(left));
                    e.args.push_back(std::move(literal));
                } else {
                    fail(peek(),
                         QStringLiteral("expected NULL or DISTINCT FROM after IS, found %1").arg(describe(peek())));
                }
                left = std::move(e);
                continue;
            }
            const bool negated = token.isWord(u"not") &&
                                 (peek(1).isWord(u"in") || peek(1).isWord(u"like") || peek(1).isWord(u"between"));
            const Token& keyword = negated ? peek(1) : token;
            if (keyword.isWord(u"between")) {
                if (negated)
                    take();
                take();
                Expr e;
                e.kind = Expr::Kind::Between;
                e.pos = keyword.pos;
                e.negated = negated;
                e.args.push_back(std::move(left));
                e.args.push_back(parseConcat());
                expectWord(u"and");
                e.args.push_back(parseConcat());
                left = std::move(e);
                continue;
            }
            if (keyword.isWord(u"like")) {
                if (negated)
                    take();
                take();
                Expr e;
                e.kind = Expr::Kind::Like;
                e.pos = keyword.pos;
                e.negated = negated;
                e.args.push_back(std::move(left));
                e.args.push_back(parseConcat());
                if (word(u"escape"))
                    e.args.push_back(parseConcat());
                left = std::move(e);
                continue;
            }
            if (keyword.isWord(u"in")) {
                if (negated)
                    take();
                take();
                Expr e;
                e.pos = keyword.pos;
                e.negated = negated;
                e.args.push_back(std::move(left));
                expectOp(u"(");
                if (peek().isWord(u"select") || peek().isWord(u"with")) {
                    e.kind = Expr::Kind::InQuery;
                    e.query = std::make_shared<QueryExpr>(parseQuery());
                } else {
                    e.kind = Expr::Kind::InList;
                    do
                        e.args.push_back(parseExpr());
                    while (op(u","));
                }
                expectOp(u")");
                left = std::move(e);
                continue;
            }
            break;
        }
        return left;
    }

    Expr parseConcat()
    {
        Expr left = parseAdditive();
        while (peek().isOperator(u"||")) {
            const SourcePos pos = take().pos;
            left = binary(QStringLiteral("||"), pos, std::move(left), parseAdditive());
        }
        return left;
    }

    Expr parseAdditive()
    {
        Expr left = parseMultiplicative();
        while (peek().isOperator(u"+") || peek().isOperator(u"-")) {
            const Token& token = take();
            left = binary(token.text, token.pos, std::move(left), parseMultiplicative());
        }
        return left;
    }

    Expr parseMultiplicative()
    {
        Expr left = parseUnary();
        while (peek().isOperator(u"*") || peek().isOperator(u"/") || peek().isOperator(u"%")) {
            const Token& token = take();
            left = binary(token.text, token.pos, std::move(left), parseUnary());
        }
        return left;
    }

    Expr parseUnary()
    {
        if (peek().isOperator(u"-") || peek().isOperator(u"+")) {
            Expr e;
            e.kind = Expr::Kind::Unary;
            e.pos = peek().pos;
            e.text = take().text;
            e.args.push_back(parseUnary());
            return e;
        }
        return parsePostfix(parsePrimary());
    }

    Expr parsePostfix(Expr base)
    {
        while (true) {
            if (peek().isOperator(u"[")) {
                Expr e;
                e.kind = Expr::Kind::Subscript;
                e.pos = take().pos;
                e.args.push_back(std::move(base));
                e.args.push_back(parseExpr());
                expectOp(u"]");
                base = std::move(e);
            } else if (peek().isOperator(u".") && base.kind != Expr::Kind::Name) {
                take();
                const NamePart name = identifier(QStringLiteral("a field name after '.'"));
                Expr e;
                e.kind = Expr::Kind::Field;
                e.pos = name.pos;
                e.text = name.text;
                e.args.push_back(std::move(base));
                base = std::move(e);
            } else {
                return base;
            }
        }
    }

    Expr parsePrimary()
    {
        const Token& token = peek();
        Expr e;
        e.pos = token.pos;
        switch (token.kind) {
        case TokenKind::String:
            take();
            e.kind = Expr::Kind::String;
            e.text = token.text;
            return e;
        case TokenKind::Number:
            take();
            e.kind = Expr::Kind::Number;
            e.text = token.text;
            return e;
        case TokenKind::QuotedIdentifier:
            return parseName();
        case TokenKind::Operator:
            if (token.isOperator(u"(")) {
                take();
                if (peek().isWord(u"select") || peek().isWord(u"with")) {
                    e.kind = Expr::Kind::Subquery;
                    e.query = std::make_shared<QueryExpr>(parseQuery());
                    expectOp(u")");
                    return e;
                }
                e = parseExpr();
                expectOp(u")");
                return e;
            }
            if (token.isOperator(u"?"))
                fail(token, QStringLiteral("parameters ('?') are not supported"));
            else
                fail(token, QStringLiteral("expected a value, found %1").arg(describe(token)));
            return e;
        case TokenKind::End:
            fail(token, QStringLiteral("expected a value, found the end of the statement"));
            return e;
        case TokenKind::Identifier:
            break;
        }
        const QString lower = token.text.toLower();
        if (lower == QLatin1String("null") || lower == QLatin1String("true") || lower == QLatin1String("false")) {
            take();
            e.kind = lower == QLatin1String("null") ? Expr::Kind::Null : Expr::Kind::Boolean;
            e.text = lower;
            return e;
        }
        if (lower == QLatin1String("case"))
            return parseCase();
        if ((lower == QLatin1String("cast") || lower == QLatin1String("try_cast")) && peek(1).isOperator(u"("))
            return parseCast();
        if (lower == QLatin1String("exists") && peek(1).isOperator(u"(")) {
            take();
            take();
            e.kind = Expr::Kind::Exists;
            e.query = std::make_shared<QueryExpr>(parseQuery());
            expectOp(u")");
            return e;
        }
        if (lower == QLatin1String("interval") &&
            (peek(1).kind == TokenKind::String || peek(1).kind == TokenKind::Number || peek(1).isOperator(u"-"))) {
            take();
            e.kind = Expr::Kind::Interval;
            e.args.push_back(parseUnary());
            const Token& unit = peek();
            if (unit.kind != TokenKind::Identifier) {
                fail(unit, QStringLiteral("expected a unit (DAY, HOUR, …) after INTERVAL"));
                return e;
            }
            take();
            e.text = unit.text.toLower();
            if (e.text.endsWith(u's'))
                e.text.chop(1);
            return e;
        }
        if ((lower == QLatin1String("timestamp") || lower == QLatin1String("date") || lower == QLatin1String("time")) &&
            peek(1).kind == TokenKind::String) {
            take();
            e.kind = Expr::Kind::TypedLiteral;
            e.text = lower;
            Expr literal;
            literal.kind = Expr::Kind::String;
            literal.pos = peek().pos;
            literal.text = take().text;
            e.args.push_back(std::move(literal));
            return e;
        }
        if (lower == QLatin1String("array") && peek(1).isOperator(u"[")) {
            take();
            take();
            e.kind = Expr::Kind::Array;
            if (!peek().isOperator(u"]")) {
                do
                    e.args.push_back(parseExpr());
                while (op(u","));
            }
            expectOp(u"]");
            return e;
        }
        if (lower == QLatin1String("current_timestamp") || lower == QLatin1String("current_date") ||
            lower == QLatin1String("localtimestamp")) {
            take();
            e.kind = Expr::Kind::Function;
            e.text = lower;
            return e;
        }
        if (isReserved(token)) {
            fail(token, QStringLiteral("expected a value, found %1").arg(describe(token)));
            return e;
        }
        if (peek(1).isOperator(u"("))
            return parseFunction();
        return parseName();
    }

    Expr parseName()
    {
        Expr e;
        e.kind = Expr::Kind::Name;
        e.pos = peek().pos;
        e.parts.push_back(identifier(QStringLiteral("a name")));
        while (peek().isOperator(u".") &&
               (peek(1).kind == TokenKind::Identifier || peek(1).kind == TokenKind::QuotedIdentifier)) {
            take();
            e.parts.push_back(identifier(QStringLiteral("a field name after '.'")));
        }
        return e;
    }

    Expr parseFunction()
    {
        Expr e;
        e.kind = Expr::Kind::Function;
        e.pos = peek().pos;
        e.text = take().text;
        take(); // (
        if (peek().isOperator(u"*")) {
            Expr star;
            star.kind = Expr::Kind::Star;
            star.pos = take().pos;
            e.args.push_back(std::move(star));
        } else if (!peek().isOperator(u")")) {
            if (word(u"distinct"))
                e.distinct = true;
            else
                word(u"all");
            do
                e.args.push_back(parseExpr());
            while (op(u","));
        }
        expectOp(u")");
        if (word(u"filter")) {
            // agg(x) FILTER (WHERE c): kept as an extra argument the translator folds into CASE
            expectOp(u"(");
            expectWord(u"where");
            Expr filter = parseExpr();
            expectOp(u")");
            Expr wrapped;
            wrapped.kind = Expr::Kind::Unary;
            wrapped.text = QStringLiteral("filter");
            wrapped.pos = filter.pos;
            wrapped.args.push_back(std::move(filter));
            e.elseExpr = std::make_shared<Expr>(std::move(wrapped));
        }
        if (word(u"over")) {
            auto window = std::make_shared<WindowSpec>();
            expectOp(u"(");
            if (word(u"partition")) {
                expectWord(u"by");
                do
                    window->partitionBy.push_back(parseExpr());
                while (op(u","));
            }
            if (word(u"order")) {
                expectWord(u"by");
                window->orderBy = parseOrderList();
            }
            if (peek().isWord(u"rows") || peek().isWord(u"range") || peek().isWord(u"groups"))
                fail(peek(), QStringLiteral("window frames are not supported"));
            expectOp(u")");
            e.over = std::move(window);
        }
        return e;
    }

    Expr parseCase()
    {
        Expr e;
        e.kind = Expr::Kind::Case;
        e.pos = take().pos;
        if (!peek().isWord(u"when"))
            e.operand = std::make_shared<Expr>(parseExpr());
        if (!peek().isWord(u"when"))
            fail(peek(), QStringLiteral("expected WHEN, found %1").arg(describe(peek())));
        while (word(u"when")) {
            e.args.push_back(parseExpr());
            expectWord(u"then");
            e.args.push_back(parseExpr());
        }
        if (word(u"else"))
            e.elseExpr = std::make_shared<Expr>(parseExpr());
        expectWord(u"end");
        return e;
    }

    Expr parseCast()
    {
        Expr e;
        e.kind = Expr::Kind::Cast;
        e.pos = peek().pos;
        e.tryCast = take().text.compare(QLatin1String("try_cast"), Qt::CaseInsensitive) == 0;
        take(); // (
        e.args.push_back(parseExpr());
        expectWord(u"as");
        // A type: words, with an optional (n[, m]) and ARRAY(...)/MAP(...) parameters kept as text.
        QString type;
        if (peek().kind != TokenKind::Identifier)
            fail(peek(), QStringLiteral("expected a type after AS, found %1").arg(describe(peek())));
        while (peek().kind == TokenKind::Identifier) {
            if (!type.isEmpty())
                type += u' ';
            type += take().text.toLower();
        }
        if (op(u"(")) {
            int depth = 1;
            while (depth > 0 && peek().kind != TokenKind::End) {
                const Token& t = take();
                depth += t.isOperator(u"(") ? 1 : t.isOperator(u")") ? -1 : 0;
            }
        }
        e.text = type;
        expectOp(u")");
        return e;
    }

    const std::vector<Token>& m_tokens;
    std::size_t m_index = 0;
    std::optional<Error> m_error;
};

} // namespace

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
