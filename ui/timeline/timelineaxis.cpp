#include "timelineaxis.h"

#include <QDateTime>
#include <QStringBuilder>

#include <algorithm>
#include <array>
#include <cmath>

namespace Trailscope::Ui {

namespace {

constexpr std::int64_t Second = 1000;
constexpr std::int64_t Minute = 60 * Second;
constexpr std::int64_t Hour = 60 * Minute;
constexpr std::int64_t Day = 24 * Hour;

QDateTime displayTime(std::int64_t ms, bool utc)
{
    return QDateTime::fromMSecsSinceEpoch(ms, utc ? Qt::UTC : Qt::LocalTime);
}

std::int64_t offsetMs(std::int64_t ms, bool utc)
{
    return utc ? 0 : std::int64_t(displayTime(ms, false).offsetFromUtc()) * 1000;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Fixed-length steps, aligned on multiples of the step in display time (so 6 h ticks fall on 00, 06, 12, 18).
std::vector<TimeTick> fixedTicks(std::int64_t start, std::int64_t end, std::int64_t step, bool utc)
{
    std::vector<TimeTick> ticks;
    const QString format = step < Minute ? QStringLiteral("HH:mm:ss")
                           : step < Day  ? QStringLiteral("HH:mm")
                                         : QStringLiteral("yyyy-MM-dd");
    std::int64_t local = floorDiv(start + offsetMs(start, utc), step) * step;
    QDate previousDate;
    for (int guard = 0; guard < 10000; ++guard, local += step) {
        // The offset of the instant itself, so ticks stay on round local times across a daylight-saving change.
        std::int64_t ms = local - offsetMs(local - offsetMs(local, utc), utc);
        if (ms < start)
            continue;
        if (ms > end)
            break;
        const QDateTime when = displayTime(ms, utc);
        TimeTick tick{ms, when.toString(format), {}};
        if (step < Day && when.date() != previousDate)
            tick.dateLabel = when.toString(QStringLiteral("yyyy-MM-dd"));
        previousDate = when.date();
        ticks.push_back(tick);
    }
    return ticks;
}

std::vector<TimeTick> monthTicks(std::int64_t start, std::int64_t end, int months, bool utc)
{
    std::vector<TimeTick> ticks;
    const QDate first = displayTime(start, utc).date();
    QDate month(first.year(), 1, 1);
    month = month.addMonths(((first.month() - 1) / months) * months);
    const QString format = months >= 12 ? QStringLiteral("yyyy") : QStringLiteral("yyyy-MM");
    for (int guard = 0; guard < 10000; ++guard, month = month.addMonths(months)) {
        const std::int64_t ms = QDateTime(month, QTime(0, 0), utc ? Qt::UTC : Qt::LocalTime).toMSecsSinceEpoch();
        if (ms < start)
            continue;
        if (ms > end)
            break;
        ticks.push_back(TimeTick{ms, displayTime(ms, utc).toString(format), {}});
    }
    return ticks;
}

} // namespace

std::vector<TimeTick> timeTicks(std::int64_t startMs, std::int64_t endMs, std::int64_t minSpacingMs, bool utc)
{
    if (endMs <= startMs)
        return {};
    static constexpr std::array Fixed{
        Second,     2 * Second, 5 * Second,  10 * Second, 15 * Second, 30 * Second, Minute,
        2 * Minute, 5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour,        2 * Hour,
        3 * Hour,   6 * Hour,   12 * Hour,   Day,         2 * Day,     7 * Day,     14 * Day,
    };
    for (std::int64_t step : Fixed) {
        if (step >= minSpacingMs)
            return fixedTicks(startMs, endMs, step, utc);
    }
    for (int months : {1, 3, 6, 12, 24, 60}) {
        if (std::int64_t(months) * 28 * Day >= minSpacingMs)
            return monthTicks(startMs, endMs, months, utc);
    }
    return {};
}

QString timeZoneName(bool utc, std::int64_t atMs)
{
    if (utc)
        return QStringLiteral("UTC");
    const QDateTime when = displayTime(atMs, false);
    const int offset = when.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    const QString name = QStringLiteral("UTC%1%2:%3")
                             .arg(QChar(offset < 0 ? u'-' : u'+'))
                             .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                             .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    const QString abbreviation = when.timeZoneAbbreviation();
    // Zones without a name of their own report the offset again ("+0530"), which says nothing new.
    if (abbreviation.isEmpty() || abbreviation.startsWith(u'+') || abbreviation.startsWith(u'-') ||
        abbreviation.startsWith(QStringLiteral("UTC")))
        return name;
    return name % u' ' % abbreviation;
}

double CountScale::fraction(double count) const
{
    if (top <= 0 || count <= 0)
        return 0;
    if (log)
        return std::log10(1 + count) / std::log10(1 + top);
    return count / top;
}

CountScale countScale(double maxCount, bool log, int maxTicks)
{
    CountScale scale;
    scale.log = log;
    maxCount = std::max(maxCount, 1.0);
    if (log) {
        const double decades = std::max(1.0, std::ceil(std::log10(maxCount)));
        scale.top = std::pow(10.0, decades);
        const int every = int(std::ceil(decades / std::max(1, maxTicks - 1)));
        scale.ticks.push_back(0);
        for (int k = 0; k <= int(decades); k += every)
            scale.ticks.push_back(std::pow(10.0, k));
        return scale;
    }
    const double rough = maxCount / std::max(1, maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    step = std::max(step, 1.0);
    scale.top = std::ceil(maxCount / step) * step;
    for (double value = 0; value <= scale.top + step / 2; value += step)
        scale.ticks.push_back(value);
    return scale;
}

} // namespace Trailscope::Ui
