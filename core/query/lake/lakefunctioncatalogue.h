#pragma once

#include <QStringView>

#include <span>
#include <string_view>

namespace Trailscope::Core::Query::Lake {

/// How a Lake function is translated: an aggregate folds a group (and may take FILTER, DISTINCT and OVER), a
/// window function needs OVER, a scalar works on one row.
enum class LakeFunctionKind { Aggregate, Window, Scalar };

/// One Lake (Trino) function the translator knows by name: the one list the translator's dispatch and the SQL
/// editor's completion, highlighting and help read, so the two cannot drift apart.
struct LakeFunction
{
    std::string_view name; ///< lower case, as Trino spells it
    LakeFunctionKind kind;
    std::string_view example; ///< a call over the event table's columns that runs (tested), shown as help
    std::string_view help;    ///< what it returns, in one line
};

/// Every Lake function, aggregates first, then window functions, then scalars.
std::span<const LakeFunction> lakeFunctionCatalogue();

/// The catalogue's entry for `name` (any case), or nullptr: a name the translator passes to SQLite's function of
/// that name, which the query connection's allow-list then accepts or refuses.
const LakeFunction* findLakeFunction(QStringView name);

} // namespace Trailscope::Core::Query::Lake
