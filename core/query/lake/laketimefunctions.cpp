#include "laketimefunctions.h"

#include "casedb/sqlitefunctionvalues.h"
#include "query/searchvalues.h"
#include "util/eventtime.h"

#include <QDateTime>

#include <optional>

namespace Trailscope::Core::Query::Lake {

namespace {

using Sql::isNull;
using Sql::qtextOf;
using Sql::resultText;

void parseTime(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER)
        return sqlite3_result_int64(context, sqlite3_value_int64(argv[0]));
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    const QString text = qtextOf(argv[0]).trimmed();
    if (const auto exact = parseEventTime(text.toStdString()))
        return sqlite3_result_int64(context, *exact);
    if (const auto span = parseTimeSpan(text))
        return sqlite3_result_int64(context, span->start);
    sqlite3_result_null(context);
}

void isoTime(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[0]))
        return sqlite3_result_null(context);
    resultText(context, formatEventTime(sqlite3_value_int64(argv[0])));
}

QDateTime utc(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

std::optional<std::int64_t> fixedUnitMs(const QString& unit)
{
    if (unit == QLatin1String("millisecond"))
        return 1;
    if (unit == QLatin1String("second"))
        return 1000;
    if (unit == QLatin1String("minute"))
        return 60'000;
    if (unit == QLatin1String("hour"))
        return 3'600'000;
    if (unit == QLatin1String("day"))
        return 86'400'000;
    if (unit == QLatin1String("week"))
        return 7 * 86'400'000LL;
    return std::nullopt;
}

int monthsPerUnit(const QString& unit)
{
    return unit == QLatin1String("month")     ? 1
           : unit == QLatin1String("quarter") ? 3
           : unit == QLatin1String("year")    ? 12
                                              : 0;
}

QString unitOf(sqlite3_value* value)
{
    QString unit = qtextOf(value).trimmed().toLower();
    if (unit.endsWith(u's'))
        unit.chop(1);
    return unit;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

void dateTrunc(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[1]))
        return sqlite3_result_null(context);
    const QString unit = unitOf(argv[0]);
    const std::int64_t ms = sqlite3_value_int64(argv[1]);
    if (unit == QLatin1String("week")) // weeks start on Monday; 1970-01-01 was a Thursday
        return sqlite3_result_int64(context, floorDiv(ms + 3 * 86'400'000LL, 7 * 86'400'000LL) * 7 * 86'400'000LL -
                                                 3 * 86'400'000LL);
    if (const auto step = fixedUnitMs(unit))
        return sqlite3_result_int64(context, floorDiv(ms, *step) * *step);
    if (const int months = monthsPerUnit(unit)) {
        const QDate date = utc(ms).date();
        const int month = (date.month() - 1) / months * months + 1;
        return sqlite3_result_int64(context,
                                    QDateTime(QDate(date.year(), month, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    }
    sqlite3_result_error(context, "date_trunc: unknown unit", -1);
}

void dateAdd(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[1]) || isNull(argv[2]))
        return sqlite3_result_null(context);
    const QString unit = unitOf(argv[0]);
    const std::int64_t amount = sqlite3_value_int64(argv[1]);
    const std::int64_t ms = sqlite3_value_int64(argv[2]);
    if (const auto step = fixedUnitMs(unit))
        return sqlite3_result_int64(context, ms + amount * *step);
    if (const int months = monthsPerUnit(unit))
        return sqlite3_result_int64(context, utc(ms).addMonths(static_cast<int>(amount * months)).toMSecsSinceEpoch());
    sqlite3_result_error(context, "date_add: unknown unit", -1);
}

void dateDiff(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[1]) || isNull(argv[2]))
        return sqlite3_result_null(context);
    const QString unit = unitOf(argv[0]);
    const std::int64_t from = sqlite3_value_int64(argv[1]);
    const std::int64_t to = sqlite3_value_int64(argv[2]);
    if (const auto step = fixedUnitMs(unit))
        return sqlite3_result_int64(context, (to - from) / *step); // truncates toward zero, as Trino
    if (const int months = monthsPerUnit(unit)) {
        const QDateTime a = utc(from), b = utc(to);
        std::int64_t whole = (b.date().year() - a.date().year()) * 12 + (b.date().month() - a.date().month());
        // Only complete months count.
        if (whole > 0 && a.addMonths(static_cast<int>(whole)) > b)
            --whole;
        else if (whole < 0 && a.addMonths(static_cast<int>(whole)) < b)
            ++whole;
        return sqlite3_result_int64(context, whole / months);
    }
    sqlite3_result_error(context, "date_diff: unknown unit", -1);
}

void timePart(sqlite3_context* context, int, sqlite3_value** argv)
{
    if (isNull(argv[1]))
        return sqlite3_result_null(context);
    const QString unit = qtextOf(argv[0]);
    const QDateTime time = utc(sqlite3_value_int64(argv[1]));
    const QDate date = time.date();
    std::int64_t value = 0;
    if (unit == QLatin1String("year"))
        value = date.year();
    else if (unit == QLatin1String("quarter"))
        value = (date.month() - 1) / 3 + 1;
    else if (unit == QLatin1String("month"))
        value = date.month();
    else if (unit == QLatin1String("week"))
        value = date.weekNumber();
    else if (unit == QLatin1String("day"))
        value = date.day();
    else if (unit == QLatin1String("day_of_week"))
        value = date.dayOfWeek();
    else if (unit == QLatin1String("day_of_year"))
        value = date.dayOfYear();
    else if (unit == QLatin1String("hour"))
        value = time.time().hour();
    else if (unit == QLatin1String("minute"))
        value = time.time().minute();
    else if (unit == QLatin1String("second"))
        value = time.time().second();
    else if (unit == QLatin1String("millisecond"))
        value = time.time().msec();
    else
        return sqlite3_result_error(context, "unknown time field", -1);
    sqlite3_result_int64(context, value);
}

using Function = void (*)(sqlite3_context*, int, sqlite3_value**);

struct Definition
{
    const char* name;
    int arguments;
    Function function;
};

const Definition Definitions[] = {
    {"ts_time", 1, parseTime},   {"ts_iso", 1, isoTime},        {"ts_date_trunc", 2, dateTrunc},
    {"ts_date_add", 3, dateAdd}, {"ts_date_diff", 3, dateDiff}, {"ts_time_part", 2, timePart},
};

} // namespace

QStringList lakeTimeFunctionNames()
{
    QStringList names;
    for (const Definition& definition : Definitions)
        names << QString::fromLatin1(definition.name);
    return names;
}

Result<void> registerLakeTimeFunctions(Sql::Database& db)
{
    for (const Definition& definition : Definitions) {
        const int status = sqlite3_create_function_v2(db.handle(), definition.name, definition.arguments,
                                                      SQLITE_UTF8 | SQLITE_DIRECTONLY | SQLITE_DETERMINISTIC, nullptr,
                                                      definition.function, nullptr, nullptr, nullptr);
        if (status != SQLITE_OK)
            return std::unexpected(db.error(QStringLiteral("registering %1").arg(QLatin1String(definition.name))));
    }
    return {};
}

} // namespace Trailscope::Core::Query::Lake
