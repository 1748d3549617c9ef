#include "timelineview.h"

#include "timeline/timelineplot.h"

#include <QVBoxLayout>

namespace Trailscope::Ui {

TimelineView::TimelineView(QWidget* parent) : QWidget(parent), m_plot(new TimelinePlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setFocusProxy(m_plot);
    connect(m_plot, &TimelinePlot::rangeSelected, this, &TimelineView::rangeSelected);
    connect(m_plot, &TimelinePlot::rangeReset, this, &TimelineView::rangeReset);
    connect(m_plot, &TimelinePlot::bucketActivated, this, &TimelineView::bucketActivated);
}

TimelineView::~TimelineView() = default;

void TimelineView::setHistogram(const Core::Query::Histogram& histogram)
{
    m_plot->setHistogram(histogram);
}

void TimelineView::setExtraSeries(const QList<TimelineSeries>& series)
{
    m_plot->setExtraSeries(series);
}

void TimelineView::setUtc(bool utc)
{
    m_plot->setUtc(utc);
}

void TimelineView::setLogScale(bool log)
{
    m_plot->setLogScale(log);
}

void TimelineView::setMarkedTime(std::optional<std::int64_t> epochMs)
{
    m_plot->setMarkedTime(epochMs);
}

void TimelineView::setBusy(bool busy)
{
    m_plot->setBusy(busy);
}

bool TimelineView::isUtc() const
{
    return m_plot->isUtc();
}

bool TimelineView::isLogScale() const
{
    return m_plot->isLogScale();
}

bool TimelineView::isBusy() const
{
    return m_plot->isBusy();
}

QWidget* TimelineView::viewport() const
{
    return m_plot;
}

QRectF TimelineView::plotArea() const
{
    return m_plot->plotArea();
}

double TimelineView::xForTime(std::int64_t epochMs) const
{
    return m_plot->xForTime(epochMs);
}

QString TimelineView::timeAxisTitle() const
{
    return m_plot->timeAxisTitle();
}

QStringList TimelineView::timeTickLabels() const
{
    QStringList labels;
    for (const TimeTick& tick : m_plot->ticks())
        labels << tick.label;
    return labels;
}

} // namespace Trailscope::Ui
