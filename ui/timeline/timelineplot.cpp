#include "timelineplot.h"

#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStringBuilder>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace Trailscope::Ui {

namespace {

constexpr int RightMargin = 16;
constexpr int BusyIntervalMs = 50;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

TimelinePlot::TimelinePlot(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::CrossCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimelinePlot::setHistogram(const Core::Query::Histogram& histogram)
{
    m_histogram = histogram;
    m_series.clear();
    m_maxCount = 0;
    for (const auto& bucket : m_histogram.buckets)
        m_maxCount = std::max(m_maxCount, bucket.success + bucket.error);
    m_hoverBucket = -1;
    m_pressX.reset();
    m_dragX.reset();
    update();
}

void TimelinePlot::setExtraSeries(const QList<TimelineSeries>& series)
{
    m_series = series;
    m_maxCount = 0;
    for (const auto& bucket : m_histogram.buckets)
        m_maxCount = std::max(m_maxCount, bucket.success + bucket.error);
    for (const TimelineSeries& line : m_series) {
        // A series computed for another histogram would put counts under the wrong times.
        Q_ASSERT(line.counts.size() == m_histogram.buckets.size());
        for (std::int64_t count : line.counts)
            m_maxCount = std::max(m_maxCount, count);
    }
    update();
}

void TimelinePlot::setUtc(bool utc)
{
    m_utc = utc;
    update();
}

void TimelinePlot::setLogScale(bool log)
{
    m_log = log;
    update();
}

void TimelinePlot::setMarkedTime(std::optional<std::int64_t> epochMs)
{
    m_marked = epochMs;
    update();
}

void TimelinePlot::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        m_busyTimer.start(BusyIntervalMs, this);
    else
        m_busyTimer.stop();
    update();
}

QSize TimelinePlot::sizeHint() const
{
    return {800, 11 * fontMetrics().height()};
}

QSize TimelinePlot::minimumSizeHint() const
{
    return {200, 7 * fontMetrics().height()};
}

std::int64_t TimelinePlot::spanStart() const
{
    return m_histogram.buckets.empty() ? 0 : m_histogram.buckets.front().start;
}

std::int64_t TimelinePlot::spanEnd() const
{
    if (m_histogram.buckets.empty())
        return 1;
    return m_histogram.buckets.back().start + std::max<std::int64_t>(m_histogram.bucketMs, 1);
}

CountScale TimelinePlot::scale() const
{
    return countScale(double(m_maxCount), m_log);
}

int TimelinePlot::leftMargin() const
{
    const QFontMetrics metrics = fontMetrics();
    int widest = 0;
    for (double tick : scale().ticks)
        widest = std::max(widest, metrics.horizontalAdvance(QLocale().toString(qint64(tick))));
    return widest + 12;
}

QRectF TimelinePlot::plotArea() const
{
    const int line = fontMetrics().height();
    const int left = leftMargin();
    const int top = line + 10;
    const int bottom = 3 * line + 10; // tick label, date under it, axis title
    return QRectF(left, top, std::max(1, width() - left - RightMargin), std::max(1, height() - top - bottom));
}

double TimelinePlot::xForTime(std::int64_t epochMs) const
{
    const QRectF plot = plotArea();
    return plot.left() + double(epochMs - spanStart()) / double(spanEnd() - spanStart()) * plot.width();
}

double TimelinePlot::timeAt(double x) const
{
    const QRectF plot = plotArea();
    return double(spanStart()) + (x - plot.left()) / plot.width() * double(spanEnd() - spanStart());
}

int TimelinePlot::bucketAt(double x) const
{
    const auto& buckets = m_histogram.buckets;
    if (buckets.empty())
        return -1;
    const double time = timeAt(x);
    const auto after = std::upper_bound(buckets.begin(), buckets.end(), time,
                                        [](double t, const Core::Query::HistogramBucket& b) { return t < b.start; });
    return std::clamp(int(after - buckets.begin()) - 1, 0, int(buckets.size()) - 1);
}

double TimelinePlot::yFor(const CountScale& scale, double count) const
{
    const QRectF plot = plotArea();
    return plot.bottom() - scale.fraction(count) * plot.height();
}

QString TimelinePlot::timeAxisTitle() const
{
    const std::int64_t middle = spanStart() + (spanEnd() - spanStart()) / 2;
    return m_utc ? tr("Time (UTC)") : tr("Time (local, %1)").arg(timeZoneName(false, middle));
}

std::vector<TimeTick> TimelinePlot::ticks() const
{
    if (m_histogram.buckets.empty())
        return {};
    const QRectF plot = plotArea();
    const double msPerPixel = double(spanEnd() - spanStart()) / plot.width();
    const int spacing = fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 16;
    return timeTicks(spanStart(), spanEnd(), std::int64_t(std::ceil(spacing * msPerPixel)), m_utc);
}

TimelinePlot::Colors TimelinePlot::colors() const
{
    const QPalette& p = palette();
    const bool dark = isDark(p);
    const QColor text = p.color(QPalette::WindowText);
    Colors c;
    c.success = p.color(QPalette::Highlight);
    c.error = dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    c.marker = dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xe6, 0x51, 0x00);
    c.text = text;
    c.faint = withAlpha(text, 150);
    c.grid = withAlpha(text, 35);
    c.plotBackground = p.color(QPalette::Base);
    c.selection = withAlpha(p.color(QPalette::Highlight), 70);
    return c;
}

void TimelinePlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const Colors c = colors();
    painter.fillRect(rect(), palette().color(QPalette::Window));
    const QRectF plot = plotArea();
    painter.fillRect(plot, c.plotBackground);
    if (m_histogram.buckets.empty()) {
        painter.setPen(c.faint);
        painter.drawText(plot, Qt::AlignCenter, m_busy ? tr("Counting events\u2026") : tr("No events"));
        paintOverlays(painter, c);
        return;
    }
    const CountScale s = scale();
    paintAxes(painter, s, c);
    paintBars(painter, s, c);
    paintSeries(painter, s);
    paintLegend(painter, c);
    paintOverlays(painter, c);
}

void TimelinePlot::paintAxes(QPainter& painter, const CountScale& s, const Colors& c)
{
    const QRectF plot = plotArea();
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    const QLocale locale;
    for (double tick : s.ticks) {
        const double y = std::round(yFor(s, tick)) + 0.5;
        painter.setPen(c.grid);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(c.faint);
        painter.drawText(QRectF(0, y - line / 2.0, plot.left() - 6, line), Qt::AlignRight | Qt::AlignVCenter,
                         locale.toString(qint64(tick)));
    }
    for (const TimeTick& tick : ticks()) {
        const double x = std::round(xForTime(tick.ms)) + 0.5;
        painter.setPen(c.grid);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 4));
        painter.setPen(c.faint);
        // Centred under the tick, but kept inside the widget at both ends.
        const auto label = [&](const QString& text, double top) {
            const double width = metrics.horizontalAdvance(text) + 8.0;
            const double left = std::clamp(x - width / 2, 0.0, std::max(0.0, double(this->width()) - width));
            painter.drawText(QRectF(left, top, width, line), Qt::AlignCenter, text);
        };
        label(tick.label, plot.bottom() + 4);
        if (!tick.dateLabel.isEmpty())
            label(tick.dateLabel, plot.bottom() + 4 + line);
    }
    painter.setPen(c.text);
    painter.drawText(QRectF(plot.left(), plot.bottom() + 6 + 2 * line, plot.width(), line), Qt::AlignCenter,
                     timeAxisTitle());
}

void TimelinePlot::paintBars(QPainter& painter, const CountScale& s, const Colors& c)
{
    const QRectF plot = plotArea();
    const auto& buckets = m_histogram.buckets;
    const double bucketWidth = plot.width() / double(buckets.size());
    // A gap between bars only where they are wide enough to keep one.
    const double gap = bucketWidth >= 4 ? 1 : 0;
    const double zero = plot.bottom();
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const auto& bucket = buckets[i];
        if (bucket.success + bucket.error == 0)
            continue;
        const double left = xForTime(bucket.start) + gap / 2;
        const double right = xForTime(bucket.start + m_histogram.bucketMs) - gap / 2;
        const double width = std::max(1.0, right - left);
        const double successTop = yFor(s, double(bucket.success));
        const double totalTop = yFor(s, double(bucket.success + bucket.error));
        if (bucket.success > 0)
            painter.fillRect(QRectF(left, successTop, width, zero - successTop), c.success);
        if (bucket.error > 0)
            painter.fillRect(QRectF(left, totalTop, width, std::max(1.0, successTop - totalTop)), c.error);
    }
    if (m_hoverBucket >= 0 && m_hoverBucket < int(buckets.size()) && !m_dragX) {
        const auto& bucket = buckets[std::size_t(m_hoverBucket)];
        const double left = xForTime(bucket.start);
        painter.fillRect(QRectF(left, plot.top(), xForTime(bucket.start + m_histogram.bucketMs) - left, plot.height()),
                         withAlpha(c.text, 22));
    }
}

void TimelinePlot::paintSeries(QPainter& painter, const CountScale& s)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const auto& buckets = m_histogram.buckets;
    const std::int64_t half = m_histogram.bucketMs / 2;
    for (const TimelineSeries& line : m_series) {
        const std::size_t points = std::min(line.counts.size(), buckets.size());
        if (points == 0)
            continue;
        QPainterPath path;
        for (std::size_t i = 0; i < points; ++i) {
            const QPointF point(xForTime(buckets[i].start + half), yFor(s, double(line.counts[i])));
            if (i == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        painter.setPen(QPen(line.color, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
    }
    painter.restore();
}

void TimelinePlot::paintLegend(QPainter& painter, const Colors& c)
{
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    const int swatch = line * 2 / 3;
    double x = plotArea().left();
    const double y = 4;
    const auto entry = [&](const QString& label, const QColor& color, bool isLine) {
        if (isLine)
            painter.fillRect(QRectF(x, y + line / 2.0 - 1, swatch, 2), color);
        else
            painter.fillRect(QRectF(x, y + (line - swatch) / 2.0, swatch, swatch), color);
        x += swatch + 4;
        painter.setPen(c.text);
        painter.drawText(QPointF(x, y + metrics.ascent()), label);
        x += metrics.horizontalAdvance(label) + 14;
    };
    entry(tr("Success"), c.success, false);
    entry(tr("Error"), c.error, false);
    for (const TimelineSeries& series : m_series)
        entry(series.label, series.color, true);
    if (m_log) {
        painter.setPen(c.faint);
        painter.drawText(QPointF(x, y + metrics.ascent()), tr("(log scale)"));
    }
}

void TimelinePlot::paintOverlays(QPainter& painter, const Colors& c)
{
    const QRectF plot = plotArea();
    if (m_marked && *m_marked >= spanStart() && *m_marked <= spanEnd() && !m_histogram.buckets.empty()) {
        const double x = std::round(xForTime(*m_marked)) + 0.5;
        painter.setPen(QPen(c.marker, 2));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(c.marker);
        const double size = 5;
        painter.drawPolygon(QPolygonF{QPointF(x - size, plot.top() - size), QPointF(x + size, plot.top() - size),
                                      QPointF(x, plot.top() + 1)});
        painter.restore();
    }
    if (m_pressX && m_dragX) {
        const double left = std::min(*m_pressX, *m_dragX);
        const double right = std::max(*m_pressX, *m_dragX);
        const QRectF band(left, plot.top(), right - left, plot.height());
        painter.fillRect(band, c.selection);
        painter.setPen(c.success);
        painter.drawLine(band.topLeft(), band.bottomLeft());
        painter.drawLine(band.topRight(), band.bottomRight());
    }
    if (m_busy) {
        // An indeterminate sweep along the top edge: visible, but the previous chart stays readable.
        const double segment = plot.width() / 5;
        const double travel = plot.width() + segment;
        const double offset = std::fmod(m_busyPhase * 8.0, travel) - segment;
        const double left = std::max(plot.left(), plot.left() + offset);
        const double right = std::min(plot.right(), plot.left() + offset + segment);
        if (right > left)
            painter.fillRect(QRectF(left, plot.top(), right - left, 2), c.success);
        painter.setPen(c.faint);
        painter.drawText(QRectF(plot.left(), 4, plot.width(), fontMetrics().height()), Qt::AlignRight,
                         tr("Updating\u2026"));
    }
}

QString TimelinePlot::toolTipFor(int bucket) const
{
    const auto& b = m_histogram.buckets[std::size_t(bucket)];
    const auto format = [&](std::int64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, m_utc ? Qt::UTC : Qt::LocalTime)
            .toString(m_histogram.bucketMs < 60000 ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                   : QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    const QLocale locale;
    QString text = tr("%1 \u2013 %2 (%3)")
                       .arg(format(b.start), format(b.start + m_histogram.bucketMs), timeZoneName(m_utc, b.start)) %
                   u'\n' % tr("Success: %1").arg(locale.toString(qint64(b.success))) % u'\n' %
                   tr("Error: %1").arg(locale.toString(qint64(b.error)));
    for (const TimelineSeries& series : m_series) {
        if (std::size_t(bucket) < series.counts.size())
            text += u'\n' % series.label % QStringLiteral(": ") %
                    locale.toString(qint64(series.counts[std::size_t(bucket)]));
    }
    return text;
}

bool TimelinePlot::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QRectF plot = plotArea();
        if (!m_histogram.buckets.empty() && plot.contains(help->pos()))
            QToolTip::showText(help->globalPos(), toolTipFor(bucketAt(help->pos().x())), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TimelinePlot::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_histogram.buckets.empty() || !plotArea().contains(event->position())) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressX = event->position().x();
    m_dragX.reset();
    event->accept();
}

void TimelinePlot::mouseMoveEvent(QMouseEvent* event)
{
    const QRectF plot = plotArea();
    const double x = std::clamp(event->position().x(), plot.left(), plot.right());
    if (m_pressX && (event->buttons() & Qt::LeftButton)) {
        if (m_dragX || std::abs(x - *m_pressX) >= QApplication::startDragDistance())
            m_dragX = x;
        update();
        return;
    }
    const int hover = plot.contains(event->position()) ? bucketAt(event->position().x()) : -1;
    if (hover != m_hoverBucket) {
        m_hoverBucket = hover;
        update();
    }
}

void TimelinePlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressX) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const double press = *m_pressX;
    const std::optional<double> drag = m_dragX;
    m_pressX.reset();
    m_dragX.reset();
    update();
    const auto& buckets = m_histogram.buckets;
    if (buckets.empty())
        return;
    if (drag) {
        const int first = bucketAt(std::min(press, *drag));
        const int last = bucketAt(std::max(press, *drag));
        Q_EMIT rangeSelected(buckets[std::size_t(first)].start,
                             buckets[std::size_t(last)].start + m_histogram.bucketMs);
        return;
    }
    const auto& bucket = buckets[std::size_t(bucketAt(press))];
    if (bucket.success + bucket.error > 0)
        Q_EMIT bucketActivated(bucket.start, bucket.start + m_histogram.bucketMs);
}

void TimelinePlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    m_pressX.reset();
    m_dragX.reset();
    Q_EMIT rangeReset();
}

void TimelinePlot::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_pressX) {
        m_pressX.reset();
        m_dragX.reset();
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TimelinePlot::leaveEvent(QEvent* event)
{
    m_hoverBucket = -1;
    update();
    QWidget::leaveEvent(event);
}

void TimelinePlot::timerEvent(QTimerEvent* event)
{
    if (event->timerId() != m_busyTimer.timerId()) {
        QWidget::timerEvent(event);
        return;
    }
    ++m_busyPhase;
    update(plotArea().toAlignedRect().adjusted(0, -fontMetrics().height() - 8, 0, 0));
}

void TimelinePlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace Trailscope::Ui
