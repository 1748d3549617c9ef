#pragma once

#include "query/eventrows.h"
#include "query/fieldtable.h"

#include <QString>

#include <span>
#include <string_view>

namespace Trailscope::Core::Query {

/// One column of an event table: the browser's, `lookup`'s, and (next) the exporters'. The single place a column is
/// defined; views take their titles, widths, sort fields, filter terms and cell texts from here.
struct EventColumn
{
    std::string_view id; ///< CloudTrail's key name, also the CLI's JSON column name: `eventTime`, `userName`
    const char* title;   ///< Event history's label in English; the window translates it (context EventTableModel)
    std::string_view fieldName; ///< the search field it shows, sorts by and filters on
    int widthHint;              ///< pixels at the default font; 0: the view's default
    bool hiddenByDefault;
    QString (*text)(const EventRow& row); ///< the cell as text (UTC times, `true`/`false`); empty when absent
};

/// Every column, in the order Event history shows them and then ours.
std::span<const EventColumn> eventColumns();

/// The search field of a column (never null for the columns of the table).
const FieldDef& fieldOf(const EventColumn& column);

} // namespace Trailscope::Core::Query
