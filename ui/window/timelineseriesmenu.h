#pragma once

#include "browser/searchrequest.h"
#include "timeline/timelineview.h"

#include <QMenu>

namespace Trailscope::Ui {

class SearchBar;

/// View > Timeline Series: the searches counted as lines on the timeline (Wireshark's I/O graph), at most five.
/// Owns the list; the window puts it in each search request and draws what comes back.
class TimelineSeriesMenu : public QMenu
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxSeries = 5;

    TimelineSeriesMenu(SearchBar* searchBar, QWidget* parent = nullptr);

    const QList<SeriesSearch>& series() const { return m_series; }
    QStringList labels() const;
    /// Adds a search expression as a series; an empty, invalid or repeated expression, or a sixth, is ignored.
    void addExpression(const QString& expression);
    /// Replaces the series with one per top value of `field` in the facets shown, each narrowing the current search.
    void splitBy(const QString& field);
    void setFacets(const FacetList& facets) { m_facets = facets; }
    /// The series with their colours, for the counts a histogram came back with (`buckets` per series).
    QList<TimelineSeries> drawn(const SeriesCounts& counts, std::size_t buckets) const;

Q_SIGNALS:
    /// The series changed: the window searches again to count them.
    void seriesChanged();
    void message(const QString& text);

private:
    void rebuild();
    void setSeries(QList<SeriesSearch> series);
    void chooseExpression();

    SearchBar* m_searchBar;
    QList<SeriesSearch> m_series;
    FacetList m_facets; // of the current search, for splitting by a field
};

} // namespace Trailscope::Ui
