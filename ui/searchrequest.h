#pragma once

#include "casedb/analyststore.h"
#include "query/eventrows.h"
#include "query/eventstatistics.h"
#include "query/searchsql.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace Trailscope::Ui {

/// What the browser shows: a search-bar expression inside a time window, in an order. Value type, crosses threads.
struct SearchRequest
{
    QString text;
    Core::Query::SearchOptions options;
    /// Extra searches drawn as lines on the timeline (Wireshark's I/O graph), each counted per histogram bucket.
    QStringList extraSeries;
    /// Only events the analyst starred.
    bool starredOnly = false;
    /// A table column other than the event time to sort by (EventTableModel::Column), ties newest first; -1 sorts
    /// by time in `options.order`.
    int sortColumn = -1;
    bool sortDescending = false;
    /// When set, only these events (a result set from the SQL editor), still filtered by the search and window.
    std::shared_ptr<const QList<std::int64_t>> rowSet;
};

/// The time span and size of a case, read when it opens; the "case clock" counts from `newest`.
struct CaseSummary
{
    QString path;
    std::int64_t events = 0;
    std::optional<std::int64_t> oldest, newest; ///< UTC epoch ms
    QStringList missingIndexes;
};

using RowIdList = QList<std::int64_t>;
using EventRowList = QList<Core::Query::EventRow>;
using FacetList = std::vector<Core::Query::Facet>;
using SeriesCounts = QList<std::vector<std::int64_t>>;

/// The passes of a search over its events: the rows for the table, the timeline's counts, the facets. A search
/// that reads raw records scans the time range once per pass.
enum class ScanPass { Rows, Timeline, Facets };

} // namespace Trailscope::Ui

Q_DECLARE_METATYPE(Trailscope::Ui::SearchRequest)
Q_DECLARE_METATYPE(Trailscope::Ui::CaseSummary)
Q_DECLARE_METATYPE(Trailscope::Core::Query::Histogram)
Q_DECLARE_METATYPE(Trailscope::Ui::FacetList)
Q_DECLARE_METATYPE(Trailscope::Ui::ScanPass)
