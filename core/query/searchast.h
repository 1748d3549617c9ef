#pragma once

#include "query/fieldtable.h"
#include "query/searchvalues.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace Trailscope::Core::Query {

/// A syntax or value error in a search, at a 0-based character position of the text the user typed.
struct SearchError
{
    qsizetype position = 0;
    QString message;
};

/// A value with its `*` wildcards already found: the literal pieces between them. "a*b" → {"a", "b"};
/// "*" → {"", ""}; "abc" → {"abc"}. Escaped stars (`\*`) stay inside a piece.
struct Pattern
{
    QStringList pieces;

    bool hasWildcard() const { return pieces.size() > 1; }
    /// A lone `*`: any value, i.e. the field is present.
    bool isAny() const { return pieces.size() == 2 && pieces[0].isEmpty() && pieces[1].isEmpty(); }
    QString literal() const { return pieces.value(0); }
    /// The pattern written back with `*` for wildcards and `\*`, `\\` for literal ones (for functions and dumps).
    QString toText() const;
    static Pattern fromText(QStringView text);
};

/// The comparisons a field term can make; `!=` and `-f:v` become Not(Match).
enum class Compare { Match, Less, LessEqual, Greater, GreaterEqual };

/// One step of a filter-pattern property selector (`$.a.b[0]`, `$.a[*]`, `$.*`).
struct JsonStep
{
    enum class Kind { Key, Index, AnyMember };
    Kind kind = Kind::Key;
    QString key;
    int index = 0;
};

/// One condition of a CloudWatch Logs JSON filter pattern, e.g. `$.errorCode = "AccessDenied*"`.
struct JsonCondition
{
    enum class Op { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, IsNull, IsTrue, IsFalse, NotExists };
    enum class ValueType { None, String, Number, Regex };

    std::vector<JsonStep> path;
    QString selector; ///< as written, for dumps and messages
    Op op = Op::Equal;
    ValueType valueType = ValueType::None;
    Pattern pattern;   ///< String: the value with its wildcards
    double number = 0; ///< Number
    QString text;      ///< Number and String: the literal as written (unquoted); Regex: the expression

    bool hasWildcardStep() const;
    /// `userIdentity.type` for `$.userIdentity.type`; empty when the path has indexes or wildcards.
    QString plainPath() const;
    /// A compact JSON form the raw-record SQL function receives as a bound parameter.
    QByteArray toSpec() const;
    static std::optional<JsonCondition> fromSpec(const QByteArray& spec);
};

/// A node of a parsed search. Both languages (search bar and `{…}` filter patterns) parse to this tree.
struct SearchNode
{
    enum class Kind {
        All,   ///< matches every event (an empty search)
        And,   ///< all children
        Or,    ///< any child
        Not,   ///< the one child does not match; events lacking the field match
        Field, ///< field `op` value, e.g. eventName:Run*
        Text,  ///< free text over the raw record
        Json,  ///< a filter-pattern condition
    };

    Kind kind = Kind::All;
    qsizetype position = 0; ///< where the node's text starts
    std::vector<SearchNode> children;

    // Field
    const FieldDef* field = nullptr;
    Compare compare = Compare::Match;
    Pattern pattern;                     ///< the value as typed, wildcards split
    std::optional<TimeSpan> time;        ///< Time fields
    std::optional<IpNetwork> network;    ///< Cidr fields when the value is an address or network
    std::optional<EventVersion> version; ///< Number fields
    std::optional<bool> boolean;         ///< Boolean fields

    // Text uses `pattern`; Json uses `json`.
    std::shared_ptr<const JsonCondition> json;
};

/// A readable S-expression of the tree, for tests and logs: `(and (eventName : "Run*") (not (text "x")))`.
QString dumpSearch(const SearchNode& node);

/// An And/Or node over `children`, or the single child itself; positioned at the first child.
SearchNode combineNodes(SearchNode::Kind kind, std::vector<SearchNode> children);

/// Every one of `nodes` (AND), as a tree: empty searches drop out, nested ANDs are flattened, an OR stays one child
/// whatever its text looked like. How a view narrows a search (a timeline series, a facet value) without text.
SearchNode allOf(std::vector<SearchNode> nodes);

/// `field` (a search field's name) matches `value` literally, every character meaning itself (no wildcard); an All
/// node when the field is unknown or the value empty. How a view names one value (a finding's API) without text.
SearchNode fieldIs(std::string_view field, const QString& value);

/// A parsed search shared between the search bar, requests and workers; never null (an empty search is All).
using SearchTree = std::shared_ptr<const SearchNode>;
SearchTree shareSearch(SearchNode node);

} // namespace Trailscope::Core::Query
