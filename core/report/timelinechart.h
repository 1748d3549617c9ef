#pragma once

#include "query/eventstatistics.h"

#include <QImage>

namespace Trailscope::Core::Report {

/// The timeline as a picture for a report: a bar per bucket, successes and errors stacked, the first and last
/// bucket's UTC times and the tallest bar's count as labels. Needs a QGuiApplication (fonts). A null image for an
/// empty histogram.
QImage timelineChart(const Query::Histogram& histogram, QSize size = QSize(1600, 360));

/// An event as a histogram counts it.
struct TimedEvent
{
    std::int64_t time = 0; ///< UTC epoch ms
    bool error = false;    ///< it has an errorCode
};

/// A histogram of `events` (any order) in at most `maxBuckets` round-sized buckets: the timeline of a finding's or
/// the starred events, which no search describes.
Query::Histogram histogramOf(const std::vector<TimedEvent>& events, int maxBuckets = 120);

} // namespace Trailscope::Core::Report
