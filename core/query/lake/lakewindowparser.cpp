// Windows of the Lake parser: `OVER name`, `OVER ([name] PARTITION BY … ORDER BY … frame)` and the frames Trino
// accepts (`ROWS | RANGE | GROUPS`, with BETWEEN or the short form that ends at the current row).
#include "parser.h"

namespace Trailscope::Core::Query::Lake {

namespace {

// Words that open a part of a window rather than name the window it refines.
bool opensWindowPart(const Token& token)
{
    return token.isWord(u"partition") || token.isWord(u"order") || token.isWord(u"rows") || token.isWord(u"range") ||
           token.isWord(u"groups");
}

} // namespace

WindowSpec Parser::parseOver()
{
    if (peek().isOperator(u"("))
        return parseWindowSpec();
    WindowSpec spec;
    spec.base = identifier(QStringLiteral("a window name or '(' after OVER"));
    return spec;
}

WindowSpec Parser::parseWindowSpec()
{
    WindowSpec spec;
    expectOp(u"(");
    const Token& first = peek();
    if ((first.kind == TokenKind::Identifier && !isReserved(first) && !opensWindowPart(first)) ||
        first.kind == TokenKind::QuotedIdentifier)
        spec.base = identifier(QStringLiteral("a window name"));
    if (word(u"partition")) {
        expectWord(u"by");
        do
            spec.partitionBy.push_back(parseExpr());
        while (op(u","));
    }
    if (word(u"order")) {
        expectWord(u"by");
        spec.orderBy = parseOrderList();
    }
    if (peek().isWord(u"rows") || peek().isWord(u"range") || peek().isWord(u"groups"))
        spec.frame = parseFrame();
    expectOp(u")");
    return spec;
}

WindowFrame Parser::parseFrame()
{
    WindowFrame frame;
    frame.pos = peek().pos;
    frame.unit = take().text.toLower();
    const bool between = word(u"between");
    frame.start = parseFrameBound();
    if (between) {
        expectWord(u"and");
        frame.end = parseFrameBound();
    } else {
        frame.end.pos = frame.start.pos; // the short form ends at CURRENT ROW
    }
    using Kind = FrameBound::Kind;
    if (frame.start.kind == Kind::UnboundedFollowing)
        fail(frame.start.pos, QStringLiteral("a window frame cannot start at UNBOUNDED FOLLOWING"));
    else if (frame.end.kind == Kind::UnboundedPreceding)
        fail(frame.end.pos, QStringLiteral("a window frame cannot end at UNBOUNDED PRECEDING"));
    else if (frame.end.kind < frame.start.kind)
        fail(between ? frame.end.pos : frame.start.pos,
             between ? QStringLiteral("a window frame cannot end before it starts")
                     : QStringLiteral("a frame that starts after the current row needs BETWEEN … AND …"));
    return frame;
}

FrameBound Parser::parseFrameBound()
{
    using Kind = FrameBound::Kind;
    FrameBound bound;
    bound.pos = peek().pos;
    if (word(u"unbounded")) {
        if (word(u"preceding"))
            bound.kind = Kind::UnboundedPreceding;
        else if (word(u"following"))
            bound.kind = Kind::UnboundedFollowing;
        else
            fail(peek(),
                 QStringLiteral("expected PRECEDING or FOLLOWING after UNBOUNDED, found %1").arg(describe(peek())));
        return bound;
    }
    if (word(u"current")) {
        expectWord(u"row");
        bound.kind = Kind::CurrentRow;
        return bound;
    }
    // An offset is a value, not a condition: the AND of BETWEEN follows it.
    bound.offset = std::make_shared<Expr>(parseAdditive());
    if (word(u"preceding"))
        bound.kind = Kind::Preceding;
    else if (word(u"following"))
        bound.kind = Kind::Following;
    else
        fail(peek(),
             QStringLiteral("expected PRECEDING or FOLLOWING after a frame offset, found %1").arg(describe(peek())));
    return bound;
}

} // namespace Trailscope::Core::Query::Lake
