#pragma once

#include "record/fieldleaves.h"

// Internal to the Lake translator: the class shared by laketranslator.cpp (queries, FROM, names),
// lakeexpressions.cpp (operators, coercions, predicates) and lakefunctioncalls.cpp (functions).

#include "query/lake/lakejson.h"
#include "query/lake/laketranslator.h"

#include <optional>

namespace Trailscope::Core::Query::Lake {

/// A value read by key path from JSON: the event's raw record (`onRecord`, base is the events row id) or JSON text.
struct RawPath
{
    bool onRecord = false;
    std::string base;
    JsonSteps steps;
};

/// Where the field index can narrow a condition on a value (FieldIndex): the nested path it reads, and how the
/// value relates to the leaf there.
struct IndexedField
{
    FieldPathPattern path;
    std::string eventRowid;        ///< the SQL of the event's row id (`e.id`)
    bool compositeCanMatch = true; ///< an object or array at the path can give a value that satisfies a condition
    bool exactStrings = true;      ///< a string leaf gives itself, so a condition on its text is one on the value
    bool numeric = false;          ///< a CAST to a number: a number leaf gives its value (an integer one rounded)
};

/// A translated expression.
struct Value
{
    std::string sql;
    ValueType type = ValueType::Unknown;
    const LakeField* field = nullptr; ///< a mapped column of the events view, read through `rowAlias`
    std::string rowAlias;
    std::optional<RawPath> raw;     ///< extendable by `.field`, `[i]`, element_at
    std::optional<QString> literal; ///< a string literal's value
    /// A value read from a nested path, NULL wherever the path is absent, that is not the path's value as read
    /// (json_extract_scalar, CAST of it); a value as read is found by recordPath().
    std::optional<IndexedField> indexed;
    bool booleanLiteral = false;
    bool constant = false; ///< a literal, or built from literals only
    QString intervalUnit;  ///< Interval: the unit; sql holds the amount
};

class Translator
{
public:
    Translator(const TableCatalog& tables, std::int64_t nowMs, bool countExamined)
        : m_tables(tables), m_now(nowMs), m_countExamined(countExamined)
    {}
    Result<Translation> run(const QueryExpr& query);

private:
    struct Column
    {
        QString name;
        ValueType type = ValueType::Unknown;
    };
    struct Source
    {
        enum class Kind { Events, Table, Derived };
        Kind kind = Kind::Events;
        QString name;      ///< what qualifies it in the query: the alias, else the table name
        std::string alias; ///< its alias in the SQL
        std::vector<Column> columns;
    };
    struct Scope
    {
        std::vector<Source> sources;
        const Scope* parent = nullptr;
    };
    struct QueryResult
    {
        std::string sql;
        std::vector<Column> columns;
    };
    struct SelectedItem
    {
        Value value;
        QString name;
    };

    // laketranslator.cpp
    QueryResult query(const QueryExpr& q, const Scope* outer);
    QueryResult core(const SelectCore& c, const Scope* outer, const QueryExpr* tail);
    std::string orderBy(const std::vector<OrderItem>& items, const Scope& scope,
                        const std::vector<SelectedItem>& selected);
    std::string limitClause(const QueryExpr& q, const Scope& scope);
    std::string fromItem(const TableRef& ref, Scope& scope);
    Value name(const Expr& e, const Scope& scope);
    Value columnOf(const Source& source, const std::vector<NamePart>& parts, const SourcePos& pos);
    Value fieldValue(const std::string& alias, const LakeField& field);
    std::vector<SelectedItem> expandStar(const Expr& star, const Scope& scope);
    const std::vector<Column>* cte(const QString& name) const;

    // lakeexpressions.cpp
    Value expr(const Expr& e, const Scope& scope);
    Value predicate(const Expr& e, const Scope& scope); ///< expr() in a context where NULL counts as false
    std::optional<std::string> storedIdEquality(const Value& column, const Value& literal) const;
    Value comparison(const Expr& e, const Scope& scope, bool filter);
    Value inList(const Expr& e, const Scope& scope, bool filter);
    Value like(const Expr& e, const Scope& scope, bool filter);
    Value literal(const Expr& e);
    Value cast(const Expr& e, const Scope& scope);
    Value castValue(const Expr& e, Value x);
    Value caseExpr(const Expr& e, const Scope& scope);
    Value arithmetic(const Expr& e, const Scope& scope);
    Value subscript(const Expr& e, const Scope& scope);
    Value fieldAccess(const Expr& e, const Scope& scope);
    void coerce(Value& a, Value& b, const SourcePos& pos);
    Value timeLiteral(const QString& text, const SourcePos& pos, ValueType type);
    /// In a filter, a condition on the text of a string column as a lookup of matching string ids (the
    /// column's index then applies); nullopt when the column is not one or outside a filter (NULL ≠ false).
    std::optional<std::string> indexedCondition(const Value& column, const std::string& valueCondition, bool equality,
                                                bool filter) const;
    /// In a filter, `exact` (a condition that is NULL or false wherever the nested field `column` is absent) with
    /// the field index's candidates before it; nullopt when the index does not cover the field. `onString`: what
    /// FieldIndex::ValueTest says of a string value (empty: any value); `lookupTexts`: the SQL texts of
    /// an equality or IN that `onString` accepts (then it is looked up, FieldIndex::ValueTest::lookup).
    std::optional<std::string> fieldIndexed(const Value& column, const std::string& onString, bool filter,
                                            const std::string& exact, std::vector<std::string> lookupTexts = {},
                                            std::optional<std::pair<double, double>> numbers = std::nullopt) const;
    Value extendPath(Value base, JsonStep step, const SourcePos& pos);
    QueryResult subquery(const QueryExpr& q, const Scope& scope);

    // lakefunctioncalls.cpp
    Value function(const Expr& e, const Scope& scope);
    Value aggregate(const Expr& e, const QString& name, const Scope& scope);

    // lakewindows.cpp
    std::string window(const Expr& e, const Scope& scope); ///< " OVER …", and marks the SELECT as windowed
    /// `(…)`, or the name of a WINDOW clause window alone where `nameAlone` allows it (after OVER).
    std::string windowSpec(const WindowSpec& w, const Scope& scope, bool nameAlone);
    std::string windowClause(const std::vector<NamedWindow>& windows, const Scope& scope);
    std::string frame(const WindowFrame& f, const std::vector<OrderItem>& order, const Scope& scope);
    std::string frameBound(const WindowFrame& f, const FrameBound& b, const std::vector<OrderItem>& order,
                           const Scope& scope);
    const NamedWindow* namedWindow(const NamePart& name);

    // lakeexaminecounter.cpp
    /// The condition that counts the event rows a loop of this SELECT visits; empty when it reads no events.
    std::string examineCondition(const SelectCore& c, const Scope& scope);

    // helpers
    std::string mark(const SourcePos& pos);
    void fail(const SourcePos& pos, const QString& message);
    std::string newAlias(char prefix) { return prefix + std::to_string(++m_aliases); }
    static std::string quoteIdentifier(const QString& name);
    static std::string quoteString(const QString& text);
    /// The raw record's path under `value` as the field index reads it, when `value` is that path's value as read
    /// (not converted or wrapped).
    static std::optional<FieldPathPattern> recordPath(const Value& value);
    /// `value.indexed`, or the record path of a value as read.
    static std::optional<IndexedField> indexedFieldOf(const Value& value);
    static Value make(std::string sql, ValueType type = ValueType::Unknown);

    const TableCatalog& m_tables;
    std::int64_t m_now;
    bool m_countExamined; ///< loops over events count the rows they visit (progress)
    std::optional<Error> m_error;
    std::vector<SourcePos> m_marks;
    std::vector<std::pair<QString, std::vector<Column>>> m_ctes;
    int m_aliases = 0;
    bool m_filter = false;                               ///< translating a WHERE/ON/HAVING condition along AND/OR only
    bool m_aggregate = false;                            ///< the SELECT being translated uses an aggregate
    bool m_window = false;                               ///< … or a window function
    const std::vector<NamedWindow>* m_windows = nullptr; ///< the WINDOW clause of the SELECT being translated

    // Where the SELECT being translated runs, for whether its loop over events can run more than once.
    int m_expressionQueries = 0; ///< inside IN, EXISTS or scalar subqueries (they may run once per outer row)
    int m_commonTables = 0;      ///< inside WITH bodies (a common table may be read more than once)
    int m_sharedFroms = 0;       ///< inside SELECTs whose FROM joins several items (nested loops)
    int m_examineCount = 0;      ///< loops over events that count what they examine
    bool m_examineOnce = true;   ///< … and each of them runs at most once
};

} // namespace Trailscope::Core::Query::Lake
