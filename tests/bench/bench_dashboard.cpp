// The dashboard's background computation (issue 15), as the window runs it after a case opens or an import ends:
// DashboardJob::compute over a case, best and median of RUNS, with how many findings, first-seen values and table
// rows it gave. bench_dashboard.sh runs it on the 1M-event case before and after an import of 10,000 more events.
#include "dashboard/dashboardjob.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Trailscope::Ui;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_dashboard CASE [RUNS] [LABEL]\n");
        return 2;
    }
    DashboardRequest request;
    request.casePath = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const char* label = argc > 3 ? argv[3] : "dashboard compute";
    std::vector<double> times;
    DashboardData data;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        data = DashboardJob::compute(request);
        times.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        if (data.error) {
            std::fprintf(stderr, "bench_dashboard: %s\n", qPrintable(data.error->toString()));
            return 1;
        }
    }
    std::sort(times.begin(), times.end());
    std::size_t tableRows = 0;
    for (const auto& [dimension, rows] : data.tables)
        tableRows += rows.size();
    std::printf("%-44s %9.1f %9.1f  (%zu findings, %zu first seen, %zu table rows, %zu rules fired)\n", label,
                times.front(), times[times.size() / 2], data.findings.size(), data.firstSeen.items.size(), tableRows,
                data.detections.size());
    return 0;
}
