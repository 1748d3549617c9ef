#pragma once

#include "query/eventstatistics.h"

#include <QColor>
#include <QList>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

namespace Trailscope::Ui {

class TimelinePlot;

/// An extra line over the bars (as Wireshark's I/O graph): one count per bucket of the histogram it goes with.
struct TimelineSeries
{
    QString label;
    QColor color;
    std::vector<std::int64_t> counts;
};

/// The timeline chart: stacked success/error counts per bucket, extra series as lines, the selected event marked.
/// Callers see only this interface; the drawing behind it is ours (QPainter), because Qt Charts took 34-38 ms to
/// apply 300 stacked buckets on Qt 6.4 (release build), has no sensible log scale for stacked bars, and is deprecated
/// from Qt 6.10.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    void setHistogram(const Trailscope::Core::Query::Histogram& histogram);
    /// Each series has one count per bucket of the current histogram; call after setHistogram.
    void setExtraSeries(const QList<TimelineSeries>& series);
    /// Time labels in UTC (the default) or the local time zone; the axis title names the zone either way.
    void setUtc(bool utc);
    void setLogScale(bool log);
    /// A vertical mark at the selected event's time; nullopt removes it.
    void setMarkedTime(std::optional<std::int64_t> epochMs);
    /// Keeps the current chart and shows a subtle activity indicator while a new one is computed.
    void setBusy(bool busy);

    bool isUtc() const;
    bool isLogScale() const;
    bool isBusy() const;

    /// The widget that takes the mouse (for tests and event filters) and, in its coordinates, where the bars are.
    QWidget* viewport() const;
    QRectF plotArea() const;
    /// The x coordinate of an instant in viewport coordinates.
    double xForTime(std::int64_t epochMs) const;
    /// The axis title and the tick labels as currently laid out.
    QString timeAxisTitle() const;
    QStringList timeTickLabels() const;

Q_SIGNALS:
    /// A drag across the plot, widened to whole buckets: [startMs, endMs).
    void rangeSelected(std::int64_t startMs, std::int64_t endMs);
    /// A double click: back to the whole range.
    void rangeReset();
    /// A click on a bucket that holds events.
    void bucketActivated(std::int64_t bucketStartMs, std::int64_t bucketEndMs);

private:
    TimelinePlot* m_plot;
};

} // namespace Trailscope::Ui
