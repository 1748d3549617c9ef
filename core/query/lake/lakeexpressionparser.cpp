#include "parser.h"

#include <QStringList>

#include <algorithm>

namespace Trailscope::Core::Query::Lake {

namespace {

constexpr int MaxDepth = 200;

} // namespace

Expr Parser::parseExpr()
{
    if (++m_nesting > MaxDepth)
        fail(peek(), QStringLiteral("the query nests too deeply"));
    Expr e = parseOr();
    --m_nesting;
    return e;
}

Expr Parser::sealed(Expr e)
{
    int depth = 0;
    for (const Expr& arg : e.args)
        depth = std::max(depth, arg.depth);
    for (const auto* child : {e.operand.get(), e.elseExpr.get()})
        if (child)
            depth = std::max(depth, child->depth);
    e.depth = depth + 1;
    if (e.depth > MaxDepth)
        fail(peek(), QStringLiteral("the query nests too deeply"));
    return e;
}

Expr Parser::binary(const QString& name, const SourcePos& pos, Expr left, Expr right)
{
    Expr e;
    e.kind = Expr::Kind::Binary;
    e.text = name;
    e.pos = pos;
    e.args.push_back(std::move(left));
    e.args.push_back(std::move(right));
    return sealed(std::move(e));
}

Expr Parser::parseOr()
{
    Expr left = parseAnd();
    while (peek().isWord(u"or")) {
        const SourcePos pos = take().pos;
        left = binary(QStringLiteral("or"), pos, std::move(left), parseAnd());
    }
    return left;
}

Expr Parser::parseAnd()
{
    Expr left = parseNot();
    while (peek().isWord(u"and")) {
        const SourcePos pos = take().pos;
        left = binary(QStringLiteral("and"), pos, std::move(left), parseNot());
    }
    return left;
}

Expr Parser::parseNot()
{
    if (peek().isWord(u"not")) {
        Expr e;
        e.kind = Expr::Kind::Unary;
        e.text = QStringLiteral("not");
        e.pos = take().pos;
        if (++m_nesting > MaxDepth)
            fail(peek(), QStringLiteral("the query nests too deeply"));
        e.args.push_back(parseNot());
        --m_nesting;
        return sealed(std::move(e));
    }
    return parsePredicate();
}

Expr Parser::parsePredicate()
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
                fail(peek(), QStringLiteral("expected NULL or DISTINCT FROM after IS, found %1").arg(describe(peek())));
            }
            left = sealed(std::move(e));
            continue;
        }
        const bool negated =
            token.isWord(u"not") && (peek(1).isWord(u"in") || peek(1).isWord(u"like") || peek(1).isWord(u"between"));
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
            left = sealed(std::move(e));
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
            left = sealed(std::move(e));
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
            left = sealed(std::move(e));
            continue;
        }
        break;
    }
    return left;
}

Expr Parser::parseConcat()
{
    Expr left = parseAdditive();
    while (peek().isOperator(u"||")) {
        const SourcePos pos = take().pos;
        left = binary(QStringLiteral("||"), pos, std::move(left), parseAdditive());
    }
    return left;
}

Expr Parser::parseAdditive()
{
    Expr left = parseMultiplicative();
    while (peek().isOperator(u"+") || peek().isOperator(u"-")) {
        const Token& token = take();
        left = binary(token.text, token.pos, std::move(left), parseMultiplicative());
    }
    return left;
}

Expr Parser::parseMultiplicative()
{
    Expr left = parseUnary();
    while (peek().isOperator(u"*") || peek().isOperator(u"/") || peek().isOperator(u"%")) {
        const Token& token = take();
        left = binary(token.text, token.pos, std::move(left), parseUnary());
    }
    return left;
}

Expr Parser::parseUnary()
{
    if (peek().isOperator(u"-") || peek().isOperator(u"+")) {
        Expr e;
        e.kind = Expr::Kind::Unary;
        e.pos = peek().pos;
        e.text = take().text;
        if (++m_nesting > MaxDepth)
            fail(peek(), QStringLiteral("the query nests too deeply"));
        e.args.push_back(parseUnary());
        --m_nesting;
        return sealed(std::move(e));
    }
    return parsePostfix(parsePrimary());
}

Expr Parser::parsePostfix(Expr base)
{
    while (true) {
        if (peek().isOperator(u"[")) {
            Expr e;
            e.kind = Expr::Kind::Subscript;
            e.pos = take().pos;
            e.args.push_back(std::move(base));
            e.args.push_back(parseExpr());
            expectOp(u"]");
            base = sealed(std::move(e));
        } else if (peek().isOperator(u".") && base.kind != Expr::Kind::Name) {
            take();
            const NamePart name = identifier(QStringLiteral("a field name after '.'"));
            Expr e;
            e.kind = Expr::Kind::Field;
            e.pos = name.pos;
            e.text = name.text;
            e.args.push_back(std::move(base));
            base = sealed(std::move(e));
        } else {
            return base;
        }
    }
}

Expr Parser::parsePrimary()
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

Expr Parser::parseName()
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

Expr Parser::parseFunction()
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
    if (word(u"over"))
        e.over = std::make_shared<WindowSpec>(parseOver());
    return sealed(std::move(e));
}

Expr Parser::parseCase()
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
    return sealed(std::move(e));
}

Expr Parser::parseCast()
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
    return sealed(std::move(e));
}

} // namespace Trailscope::Core::Query::Lake
