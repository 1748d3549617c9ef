#include "timelinechart.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>

namespace Trailscope::Core::Report {

namespace {

const QColor SuccessColor(0x1f, 0x4e, 0x79);
const QColor ErrorColor(0xc0, 0x39, 0x2b);

QString bucketTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

Query::Histogram histogramOf(const std::vector<TimedEvent>& events, int maxBuckets)
{
    Query::Histogram histogram;
    if (events.empty())
        return histogram;
    const auto [first, last] = std::minmax_element(
        events.begin(), events.end(), [](const TimedEvent& a, const TimedEvent& b) { return a.time < b.time; });
    histogram.bucketMs = Query::chooseBucketMs(first->time, last->time, maxBuckets);
    const std::int64_t origin = first->time - first->time % histogram.bucketMs;
    histogram.buckets.resize(static_cast<std::size_t>((last->time - origin) / histogram.bucketMs + 1));
    for (std::size_t i = 0; i < histogram.buckets.size(); ++i)
        histogram.buckets[i].start = origin + static_cast<std::int64_t>(i) * histogram.bucketMs;
    for (const TimedEvent& event : events) {
        Query::HistogramBucket& bucket =
            histogram.buckets[static_cast<std::size_t>((event.time - origin) / histogram.bucketMs)];
        ++(event.error ? bucket.error : bucket.success);
    }
    return histogram;
}

QImage timelineChart(const Query::Histogram& histogram, QSize size)
{
    if (histogram.buckets.empty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(size.height() / 16);
    painter.setFont(font);
    const int label = painter.fontMetrics().height() + 6;
    const QRectF plot(12, label, size.width() - 24, size.height() - 2 * label - 6);

    std::int64_t tallest = 1;
    for (const Query::HistogramBucket& bucket : histogram.buckets)
        tallest = std::max(tallest, bucket.success + bucket.error);
    const double barWidth = plot.width() / static_cast<double>(histogram.buckets.size());
    const double gap = barWidth > 4 ? 1 : 0;
    for (std::size_t i = 0; i < histogram.buckets.size(); ++i) {
        const Query::HistogramBucket& bucket = histogram.buckets[i];
        const double x = plot.left() + static_cast<double>(i) * barWidth;
        const double successHeight = plot.height() * static_cast<double>(bucket.success) / static_cast<double>(tallest);
        const double errorHeight = plot.height() * static_cast<double>(bucket.error) / static_cast<double>(tallest);
        painter.fillRect(QRectF(x, plot.bottom() - successHeight, barWidth - gap, successHeight), SuccessColor);
        painter.fillRect(QRectF(x, plot.bottom() - successHeight - errorHeight, barWidth - gap, errorHeight),
                         ErrorColor);
    }
    painter.setPen(QColor(0x6b, 0x72, 0x80));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    const QRectF below(plot.left(), plot.bottom() + 4, plot.width(), label);
    painter.drawText(below, Qt::AlignLeft | Qt::AlignTop, bucketTime(histogram.buckets.front().start));
    painter.drawText(below, Qt::AlignRight | Qt::AlignTop,
                     bucketTime(histogram.buckets.back().start + histogram.bucketMs));
    painter.drawText(QRectF(plot.left(), 0, plot.width(), label), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1 events at most per bar").arg(tallest));
    const QRectF legend(plot.left(), 0, plot.width(), label);
    const QString errors = QStringLiteral("\u25A0 with an error code");
    painter.setPen(ErrorColor);
    painter.drawText(legend, Qt::AlignRight | Qt::AlignVCenter, errors);
    painter.setPen(SuccessColor);
    painter.drawText(legend.adjusted(0, 0, -painter.fontMetrics().horizontalAdvance(errors + QStringLiteral("   ")), 0),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("\u25A0 without"));
    return image;
}

} // namespace Trailscope::Core::Report
