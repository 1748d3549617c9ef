#pragma once

// Internal to the Lake parser: the class shared by lakeparser.cpp (statements, FROM) and
// lakeexpressionparser.cpp (expressions).

#include "query/lake/lakeast.h"

#include <optional>

namespace Trailscope::Core::Query::Lake {

/// Whether a token is a word that ends an expression or FROM item (never an implicit alias).
bool isReserved(const Token& token);

/// Recursive descent over one statement's tokens. After the first error every token reads as End, so all loops
/// stop and the error propagates without exceptions.
class Parser
{
public:
    explicit Parser(const std::vector<Token>& tokens) : m_tokens(tokens) {}

    Result<QueryExpr> run();

private:
    // After an error every token reads as End, so all loops stop and the error propagates.
    const Token& peek(std::size_t ahead = 0) const;
    const Token& take();
    bool word(QStringView w);
    bool op(QStringView o);
    void fail(const Token& at, const QString& message);
    void fail(const SourcePos& at, const QString& message);
    QString describe(const Token& token) const;
    void expectWord(QStringView w);
    void expectOp(QStringView o);
    NamePart identifier(const QString& what);

    // ---- queries ----
    QueryExpr parseQuery();
    QueryExpr parseQueryBody();
    Expr numberExpr(const QString& text);
    QueryExpr::Term parseTerm();
    std::vector<OrderItem> parseOrderList();
    SelectCore parseSelectCore();
    SelectItem parseSelectItem();
    void parseAlias(QString& alias, SourcePos& pos);

    // A table name: parts separated by '.', each a run of adjacent words, numbers, '-' and ':' (EDS IDs and ARNs);
    // `<EDS ID>` and `$EDS_ID` as written in the documentation's examples.
    QString tableName();
    TableRef parseTablePrimary();
    TableRef parseJoinedTable();

    // ---- expressions, lowest precedence first ----
    Expr parseExpr();
    /// Sets the depth of a node built from its children; fails when expressions nest too deeply to translate.
    Expr sealed(Expr e);

    Expr binary(const QString& name, const SourcePos& pos, Expr left, Expr right);
    Expr parseOr();
    Expr parseAnd();
    Expr parseNot();
    Expr parsePredicate();
    Expr parseConcat();
    Expr parseAdditive();
    Expr parseMultiplicative();
    Expr parseUnary();
    Expr parsePostfix(Expr base);
    Expr parsePrimary();
    Expr parseName();
    Expr parseFunction();
    Expr parseCase();
    Expr parseCast();

    // ---- windows (lakewindowparser.cpp) ----
    /// After OVER: a window name, or a window in parentheses.
    WindowSpec parseOver();
    /// `([name] [PARTITION BY …] [ORDER BY …] [frame])`, as after OVER and in `WINDOW name AS`.
    WindowSpec parseWindowSpec();
    WindowFrame parseFrame();
    FrameBound parseFrameBound();
    const std::vector<Token>& m_tokens;
    std::size_t m_index = 0;
    int m_nesting = 0; ///< recursion of queries and expressions, bounded so that deep text cannot exhaust the stack
    std::optional<Error> m_error;
};

} // namespace Trailscope::Core::Query::Lake
