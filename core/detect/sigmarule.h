#pragma once

#include "detect/detectionrule.h"

#include <QByteArray>
#include <QRegularExpression>

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simdjson::dom {
class element;
}

namespace Trailscope::Core::Detect {

/// A Sigma string value compiled for matching: literal runs, `*` (any run) and `?` (one character); `\*`, `\?` and
/// `\\` are literal. Folded to ASCII lower case unless the test is `|cased`.
struct SigmaPattern
{
    struct Token
    {
        enum class Kind { Text, Star, One };
        Kind kind = Kind::Text;
        std::string text;
    };
    std::vector<Token> tokens;
};

/// One field condition of a selection (`eventName|startswith: Put`), or a keyword searched in the whole record.
struct SigmaTest
{
    enum class Kind {
        Match,    ///< equality with wildcards; contains/startswith/endswith are wildcards added around the value
        Regex,    ///< `re` (with `i`, `m`, `s`)
        FieldRef, ///< equal to another field's value
        Exists,   ///< `exists: true|false`
        Null,     ///< the value `null`: absent or JSON null
        Compare,  ///< `lt`, `lte`, `gt`, `gte`
        Cidr,     ///< `cidr`
        Keyword,  ///< a value without a field: anywhere in the record's text
    };
    enum class Order { Less, LessEqual, Greater, GreaterEqual };

    Kind kind = Kind::Match;
    QString field;                 ///< as written; empty for keywords
    std::vector<std::string> path; ///< the field's keys (`requestParameters.userName` → two)
    bool all = false;              ///< `all`: every value must match, not any
    bool cased = false;
    bool exists = true;
    Order order = Order::Less;
    std::vector<SigmaPattern> patterns;
    std::vector<std::shared_ptr<const QRegularExpression>> regexes;
    std::vector<std::vector<std::string>> references; ///< FieldRef paths
    std::vector<double> numbers;
    std::vector<QString> networks; ///< Cidr, as written
};

/// A named selection: any of its alternatives (a list of maps), each of which needs all of its tests (a map).
struct SigmaSelection
{
    QString name;
    std::vector<std::vector<SigmaTest>> alternatives;
};

/// The condition with `1 of x*`, `all of them` already expanded to Or/And over the selections they name.
struct SigmaCondition
{
    enum class Kind { And, Or, Not, Selection };
    Kind kind = Kind::Selection;
    int selection = -1;
    std::vector<SigmaCondition> children;
};

struct SigmaRule
{
    RuleInfo info;
    std::vector<SigmaSelection> selections;
    SigmaCondition condition;
};

/// Why a rule file was not loaded; the CLI and UI word it.
struct RuleProblem
{
    enum class Kind {
        Unreadable,           ///< the file could not be read
        NotYaml,              ///< YAML syntax error (detail: the parser's message)
        NotCloudTrail,        ///< logsource is not product: aws, service: cloudtrail
        NoDetection,          ///< no detection or condition
        UnsupportedModifier,  ///< detail: the modifier
        UnsupportedCondition, ///< aggregations (`| count()`), correlations, multi-document rules
        BadCondition,         ///< a condition that does not parse, or names no selection
        BadValue,             ///< a value of a kind the construct does not take (detail says where)
        MissingField,         ///< a key every rule of its kind needs (detail: the key)
        UnknownKey,           ///< a metric-filter rule file's key that means nothing (detail: the key), never ignored
        BadPattern,           ///< a metric-filter pattern that does not parse (detail: column and message)
    };
    Kind kind = Kind::NotYaml;
    QString detail;
};

/// `unsupported modifier: windash` and the like, for listings.
QString describeProblem(const RuleProblem& problem);

/// Parses one Sigma rule (DRL 1.1) for CloudTrail. Everything the rule uses is either supported exactly or named in
/// the problem: a rule is never loaded half-applied.
std::expected<SigmaRule, RuleProblem> parseSigmaRule(const QByteArray& yaml, const QString& path = {});

/// Whether a record satisfies the rule; `text` is the record as stored (keywords search it).
bool matchesSigma(const SigmaRule& rule, const simdjson::dom::element& record, std::string_view text);

/// Whether the rule's tests on `fields` (dotted paths) alone narrow it: every way it can match passes a test on one of
/// them that their string value decides. Then mayMatchFields() is false for events that cannot match.
bool constrainsFields(const SigmaRule& rule, const std::vector<std::string>& fields);
/// Whether an event with these values of `fields` (nullopt: absent or null) may satisfy the rule; always true when the
/// rule is not constrained by them.
bool mayMatchFields(const SigmaRule& rule, const std::vector<std::string>& fields,
                    const std::vector<std::optional<std::string>>& values);
/// The same for eventSource and eventName.
bool constrainsApi(const SigmaRule& rule);
bool mayMatchApi(const SigmaRule& rule, std::string_view source, std::string_view name);

} // namespace Trailscope::Core::Detect
