#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace Trailscope::Ui {

// Axis arithmetic of the timeline, apart from the painting so it can be checked on its own.

struct TimeTick
{
    std::int64_t ms = 0; ///< UTC epoch ms
    QString label;       ///< time of day, or the date for steps of a day or more
    QString dateLabel;   ///< the date under a time-of-day label where the date changes; else empty
};

/// Round ticks in [startMs, endMs] at least `minSpacingMs` apart, aligned and labelled in UTC or in the process's
/// local time zone. Steps: seconds, minutes, hours, days, weeks, months, years.
std::vector<TimeTick> timeTicks(std::int64_t startMs, std::int64_t endMs, std::int64_t minSpacingMs, bool utc);

/// `UTC`, or the local zone's offset at `atMs` (`UTC+05:30`) followed by its abbreviation where it has one.
QString timeZoneName(bool utc, std::int64_t atMs);

struct CountScale
{
    double top = 1;            ///< the count at the top of the plot
    std::vector<double> ticks; ///< counts with a grid line and label, 0 included
    bool log = false;

    /// 0 at the bottom, 1 at `top`; log scale maps log10(1 + count).
    double fraction(double count) const;
};

/// A scale from 0 to a round value above `maxCount`: 1-2-5 steps, or powers of ten on the log scale.
CountScale countScale(double maxCount, bool log, int maxTicks = 5);

} // namespace Trailscope::Ui
