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

/// A search counted on the timeline as a line of its own (Wireshark's I/O graph).
struct SeriesSearch
{
    QString label; ///< as the legend and the Series menu show it
    Core::Query::SearchTree search;
};

/// What the browser shows: a parsed search inside a time window and scope, in an order. Value type, crosses threads;
/// the tree is parsed once, by the search bar, and shared, never parsed again from text.
struct SearchRequest
{
    Core::Query::SearchTree search = Core::Query::shareSearch({});
    Core::Query::SearchOptions options;
    /// Extra searches drawn as lines on the timeline, each counted per histogram bucket.
    QList<SeriesSearch> extraSeries;
    /// Only events the analyst starred.
    bool starredOnly = false;
    /// A field other than the event time to sort by, ties newest first; nullptr sorts by time in `options.order`.
    const Core::Query::FieldDef* sortField = nullptr;
    bool sortDescending = false;
    /// When set, only these events (a result set from the SQL editor), still filtered by the search and window.
    std::shared_ptr<const QList<std::int64_t>> rowSet;
};

/// The time span and size of a case, read when it opens; the "case clock" counts from `newest`.
struct CaseSummary
{
    QString path;
    std::int64_t events = 0;
    std::int64_t lastEventRow = 0; ///< the newest stored event's row id when opened: what arrives later is new
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
