// Insights benchmark (issue 15): on an imported case, the in-process milliseconds of each piece of the insights
// work, each run RUNS times on a connection of its own (a fresh read-only connection per run, as the CLI and a
// dashboard worker open one): all insights from scratch (the scan, the model, the attributions), AWS's delivered
// insights, first-seen activity, and each who/what/where table, over every event and under one search.
//
//   bench_insights CASE [RUNS] [SEARCH]
//
// Prints one line per piece: rows, best and median milliseconds, and the target it is held to.
#include "casedb/caseschema.h"
#include "insights/activitytables.h"
#include "insights/deliveredinsights.h"
#include "insights/firstseen.h"
#include "insights/insightfinder.h"
#include "query/searchparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Trailscope::Core;
using namespace Trailscope::Core::Insights;

namespace {

// Runs `piece` `runs` times on fresh connections; returns its rows (of the last run) and prints the figures.
void measure(const QString& casePath, const char* label, int runs, double targetMs,
             const std::function<std::int64_t(Sql::Database&)>& piece)
{
    std::vector<double> times;
    std::int64_t rows = 0;
    for (int run = 0; run < runs; ++run) {
        auto db = CaseSchema::open(casePath, CaseSchema::OpenMode::ReadOnly);
        if (!db) {
            std::fprintf(stderr, "bench_insights: %s\n", qPrintable(db.error().toString()));
            std::exit(1);
        }
        QElapsedTimer clock;
        clock.start();
        rows = piece(*db);
        times.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    std::printf("%-36s %9lld %9.1f %9.1f %9.0f %s\n", label, static_cast<long long>(rows), times.front(), median,
                targetMs, median <= targetMs ? "ok" : "OVER");
    std::fflush(stdout);
}

template <typename T>
std::int64_t sizeOr(const Result<std::vector<T>>& result)
{
    if (!result) {
        std::fprintf(stderr, "bench_insights: %s\n", qPrintable(result.error().toString()));
        std::exit(1);
    }
    return static_cast<std::int64_t>(result->size());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: bench_insights CASE [RUNS] [SEARCH]\n");
        return 2;
    }
    const QString casePath = arguments.at(1);
    const int runs = arguments.size() > 2 ? std::max(1, arguments.at(2).toInt()) : 5;
    const QString searchText = arguments.size() > 3 ? arguments.at(3) : QStringLiteral("errorCode:*");
    const auto parsed = Query::parseSearch(searchText);
    if (!parsed) {
        std::fprintf(stderr, "bench_insights: bad search '%s'\n", qPrintable(searchText));
        return 2;
    }
    const Query::CompiledSearch search = Query::compileSearch(*parsed);
    std::printf("case: %s; %d runs each; milliseconds; search for the limited tables: %s\n", qPrintable(casePath), runs,
                qPrintable(searchText));
    std::printf("%-36s %9s %9s %9s %9s\n", "piece", "rows", "best", "median", "target");
    measure(casePath, "insights from scratch (medium)", runs, 3000,
            [](Sql::Database& db) { return sizeOr(computeInsights(db, {})); });
    InsightOptions high;
    high.sensitivity = Sensitivity::High;
    high.includeDataEvents = true;
    measure(casePath, "insights (high, data events)", runs, 3000,
            [&](Sql::Database& db) { return sizeOr(computeInsights(db, high)); });
    measure(casePath, "delivered insights", runs, 1000,
            [](Sql::Database& db) { return sizeOr(deliveredInsights(db, std::nullopt, std::nullopt)); });
    measure(casePath, "first seen", runs, 1000, [](Sql::Database& db) {
        const auto activity = computeFirstSeen(db);
        return activity ? static_cast<std::int64_t>(activity->items.size()) : -1;
    });
    for (const ActivityDimension dimension :
         {ActivityDimension::Principal, ActivityDimension::AccessKey, ActivityDimension::SourceIp,
          ActivityDimension::UserAgent, ActivityDimension::Region, ActivityDimension::Account,
          ActivityDimension::PrincipalEventSource}) {
        const QByteArray all = "table " + activityDimensionName(dimension).toUtf8();
        measure(casePath, all.constData(), runs, 1000,
                [&](Sql::Database& db) { return sizeOr(computeActivityTable(db, dimension)); });
        const QByteArray limited = all + " (search)";
        measure(casePath, limited.constData(), runs, 1000,
                [&](Sql::Database& db) { return sizeOr(computeActivityTable(db, dimension, search)); });
    }
    return 0;
}
