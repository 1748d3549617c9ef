#pragma once

#include "query/lake/laketokenizer.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Trailscope::Core::Query::Lake {

struct QueryExpr;
struct Expr;

/// One part of a dotted name as written: `userIdentity.sessioncontext.sessionissuer.arn` has four.
struct NamePart
{
    QString text;
    SourcePos pos;
    bool quoted = false;
};

struct OrderItem;

/// One end of a window frame. The kinds are in the order along the partition: a frame may not end before it starts.
struct FrameBound
{
    enum class Kind { UnboundedPreceding, Preceding, CurrentRow, Following, UnboundedFollowing };
    Kind kind = Kind::CurrentRow;
    SourcePos pos;
    std::shared_ptr<Expr> offset; ///< n of `n PRECEDING` and `n FOLLOWING`
};

/// `ROWS | RANGE | GROUPS BETWEEN start AND end`; the short form `ROWS start` ends at CURRENT ROW.
struct WindowFrame
{
    QString unit; ///< "rows", "range", "groups"
    SourcePos pos;
    FrameBound start, end;
};

/// A window: `OVER (…)`, `OVER name` or `WINDOW name AS (…)`. It may refine a named window of its SELECT.
struct WindowSpec
{
    std::optional<NamePart> base; ///< the named window it starts from
    std::vector<Expr> partitionBy;
    std::vector<OrderItem> orderBy;
    std::optional<WindowFrame> frame;
};

/// `WINDOW name AS (…)` of a SELECT.
struct NamedWindow
{
    NamePart name;
    WindowSpec spec;
};

/// An expression of the Lake dialect, position-tagged for error messages.
struct Expr
{
    enum class Kind {
        Null,
        Boolean,      ///< text "true" / "false"
        Number,       ///< text as written
        String,       ///< text is the value
        TypedLiteral, ///< TIMESTAMP '…', DATE '…': text is the type (lower case), args[0] the string
        Interval,     ///< INTERVAL '7' DAY: text is the unit (lower case), args[0] the amount (a String or Number)
        Name,         ///< a dotted name: parts; qualifier or nested path is decided by the translator
        Star,         ///< `*` or `t.*` (parts hold the qualifier); also count(*)
        Unary,        ///< text: "-", "+", "not"
        Binary,       ///< text: "or", "and", "=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "||"
        IsNull,       ///< args[0] IS [NOT] NULL
        IsDistinct,   ///< args[0] IS [NOT] DISTINCT FROM args[1]
        Between,      ///< args[0] [NOT] BETWEEN args[1] AND args[2]
        InList,       ///< args[0] [NOT] IN (args[1..])
        InQuery,      ///< args[0] [NOT] IN (query)
        Like,         ///< args[0] [NOT] LIKE args[1] [ESCAPE args[2]]
        Function,     ///< text: name as written; args; distinct; star for count(*); over
        Case,         ///< operand (optional) in `operand`, WHEN/THEN pairs in args, ELSE in `elseExpr`
        Cast,         ///< args[0] AS text (type as written, lower case); tryCast for TRY_CAST
        Subquery,     ///< (query) as a value
        Exists,       ///< [NOT] EXISTS (query)
        Subscript,    ///< args[0][args[1]]
        Field,        ///< args[0].text, e.g. element_at(resources, 1).arn
        Array,        ///< ARRAY[args…]
    };

    Kind kind = Kind::Null;
    int depth = 1; ///< levels of expressions below and including this one (the parser bounds it)
    SourcePos pos;
    QString text;
    std::vector<Expr> args;
    std::vector<NamePart> parts;
    bool negated = false;
    bool distinct = false;
    bool tryCast = false;
    std::shared_ptr<Expr> operand, elseExpr;
    std::shared_ptr<QueryExpr> query;
    std::shared_ptr<WindowSpec> over;
};

struct OrderItem
{
    Expr expr;
    bool descending = false;
    std::optional<bool> nullsFirst;
};

struct SelectItem
{
    Expr expr;     ///< Kind::Star for `*` and `t.*`
    QString alias; ///< empty when none was written
    SourcePos aliasPos;
};

/// A FROM item: a named table, a parenthesised query, or a join of two items.
struct TableRef
{
    enum class Kind { Named, Subquery, Join };
    Kind kind = Kind::Named;
    SourcePos pos;
    QString name; ///< Named: as written (`my_event_data_store`, an EDS ID, `<EDS ID>`, `main.events`)
    QString alias;
    std::shared_ptr<QueryExpr> query;
    // Join
    QString joinType; ///< "inner", "left", "right", "full", "cross"
    std::shared_ptr<TableRef> left, right;
    std::optional<Expr> on;
    std::vector<NamePart> usingColumns;
};

struct SelectCore
{
    SourcePos pos;
    bool distinct = false;
    std::vector<SelectItem> items;
    std::vector<TableRef> from; ///< comma-separated items (cross joins)
    std::optional<Expr> where;
    std::vector<Expr> groupBy;
    std::optional<Expr> having;
    std::vector<NamedWindow> windows;
};

struct CommonTable
{
    NamePart name;
    std::vector<NamePart> columns;
    std::shared_ptr<QueryExpr> query;
};

/// A query: optional WITH, one or more SELECTs joined by set operators (left to right), ORDER BY, LIMIT, OFFSET.
struct QueryExpr
{
    struct Term
    {
        QString setOp; ///< "" for the first, else "union", "except", "intersect"
        bool all = false;
        std::shared_ptr<SelectCore> core;  ///< a SELECT …
        std::shared_ptr<QueryExpr> nested; ///< or a parenthesised query
    };

    SourcePos pos;
    std::vector<CommonTable> with;
    std::vector<Term> terms;
    std::vector<OrderItem> orderBy;
    std::optional<Expr> limit, offset;
};

} // namespace Trailscope::Core::Query::Lake
