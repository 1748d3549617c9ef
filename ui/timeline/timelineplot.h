#pragma once

#include "query/eventstatistics.h"
#include "timeline/timelineaxis.h"
#include "timeline/timelineview.h"

#include <QBasicTimer>
#include <QWidget>

#include <optional>

namespace Trailscope::Ui {

/// TimelineView's drawing and mouse handling, painted directly: a few hundred rectangles and lines per frame.
class TimelinePlot : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePlot(QWidget* parent = nullptr);

    void setHistogram(const Trailscope::Core::Query::Histogram& histogram);
    void setExtraSeries(const QList<TimelineSeries>& series);
    void setUtc(bool utc);
    void setLogScale(bool log);
    void setMarkedTime(std::optional<std::int64_t> epochMs);
    void setBusy(bool busy);

    bool isUtc() const { return m_utc; }
    bool isLogScale() const { return m_log; }
    bool isBusy() const { return m_busy; }

    QRectF plotArea() const;
    double xForTime(std::int64_t epochMs) const;
    QString timeAxisTitle() const;
    std::vector<TimeTick> ticks() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void rangeSelected(std::int64_t startMs, std::int64_t endMs);
    void rangeReset();
    void bucketActivated(std::int64_t bucketStartMs, std::int64_t bucketEndMs);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void timerEvent(QTimerEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Colors
    {
        QColor success, error, marker, text, faint, grid, plotBackground, selection;
    };

    std::int64_t spanStart() const;
    std::int64_t spanEnd() const;
    double timeAt(double x) const;
    /// The bucket under x, clamped to the histogram; -1 when there are no buckets.
    int bucketAt(double x) const;
    int leftMargin() const;
    CountScale scale() const;
    double yFor(const CountScale& scale, double count) const;
    Colors colors() const;
    QString toolTipFor(int bucket) const;

    void paintAxes(QPainter& painter, const CountScale& scale, const Colors& colors);
    void paintBars(QPainter& painter, const CountScale& scale, const Colors& colors);
    void paintSeries(QPainter& painter, const CountScale& scale);
    void paintOverlays(QPainter& painter, const Colors& colors);
    void paintLegend(QPainter& painter, const Colors& colors);

    Trailscope::Core::Query::Histogram m_histogram;
    QList<TimelineSeries> m_series;
    std::int64_t m_maxCount = 0;
    bool m_utc = true;
    bool m_log = false;
    bool m_busy = false;
    std::optional<std::int64_t> m_marked;

    std::optional<double> m_pressX;
    std::optional<double> m_dragX; ///< set once the press moved past the drag distance
    int m_hoverBucket = -1;
    QBasicTimer m_busyTimer;
    int m_busyPhase = 0;
};

} // namespace Trailscope::Ui
