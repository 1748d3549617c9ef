// Console responsiveness benchmark (issue 4): opens a case in the real main window (offscreen), then prints
//  - how long applying each search takes until table, facets and timeline have refreshed,
//  - the longest event-loop stall while scrolling the event table from top to bottom,
//  - event-loop stalls while another import runs into the open case.
// The event-loop probe is a 2 ms timer: a gap between its ticks is time the GUI thread could not react.
//
//   bench_console CASE [SOURCE_TO_IMPORT]
#include "browser/casesession.h"
#include "browser/eventtablemodel.h"
#include "browser/eventtableview.h"
#include "browser/searchbar.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <execinfo.h>
#include <pthread.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace Trailscope::Ui;

namespace {

// With TS_STALL_STACKS=MS (at least 5), a watchdog thread signals the GUI thread when the probe has not ticked for MS
// milliseconds during the import, and the handler prints the GUI thread's stack: where a stall comes from (bench
// diagnostics only; backtrace() is not async-signal-safe, so it is warmed up before the handler is installed).
std::atomic<qint64> g_lastTickNs{0};
std::atomic<bool> g_watch{false};
pthread_t g_gui;
QElapsedTimer g_wallClock;

class LatencyProbe : public QObject
{
public:
    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            g_lastTickNs = g_wallClock.nsecsElapsed();
            if (m_last > 0) {
                m_gapsMs.push_back(static_cast<double>(now - m_last) / 1e6);
                if (m_gapsMs.back() > 50)
                    m_longGaps.push_back({static_cast<double>(m_last) / 1e9, m_gapsMs.back()});
            }
            m_last = now;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_longGaps.clear();
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxMs() const { return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end()); }
    double percentileMs(double p) const
    {
        if (m_gapsMs.empty())
            return 0;
        std::vector<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
    }
    long over(double ms) const
    {
        return std::count_if(m_gapsMs.begin(), m_gapsMs.end(), [ms](double g) { return g > ms; });
    }

    /// "1.2 s: 63 ms, ..." for the stalls over 50 ms, by when they began (seconds since start()).
    std::string longGaps() const
    {
        std::string text;
        for (const auto& [at, ms] : m_longGaps) {
            char item[64];
            std::snprintf(item, sizeof item, "%s%.1f s: %.0f ms", text.empty() ? "" : ", ", at, ms);
            text += item;
        }
        return text;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gapsMs;
    std::vector<std::pair<double, double>> m_longGaps;
};

void dumpStack(int)
{
    void* frames[80];
    const int n = backtrace(frames, 80);
    char header[96];
    const int length = std::snprintf(header, sizeof header, "---- GUI thread stack during a stall, at %.1f s ----\n",
                                     double(g_wallClock.nsecsElapsed()) / 1e9);
    (void)!write(2, header, static_cast<std::size_t>(length));
    backtrace_symbols_fd(frames, n, 2);
}

void startWatchdog()
{
    if (!qEnvironmentVariableIsSet("TS_STALL_STACKS"))
        return;
    const int thresholdMs = std::max(5, qEnvironmentVariableIntValue("TS_STALL_STACKS"));
    g_gui = pthread_self();
    void* warm[2];
    backtrace(warm, 2);
    std::signal(SIGUSR2, dumpStack);
    std::thread([thresholdMs] {
        qint64 reportedFor = -1;
        qint64 previous = 0;
        for (;;) {
            usleep(5000);
            const qint64 last = g_lastTickNs.load();
            if (!g_watch || last == 0)
                continue;
            const qint64 now = g_wallClock.nsecsElapsed();
            // This thread oversleeping as well means the whole machine paused (the hypervisor, or every core busy),
            // not the GUI thread.
            if (previous > 0 && now - previous > qint64(thresholdMs) * 1000000) {
                char line[96];
                const int n =
                    std::snprintf(line, sizeof line, "---- the watchdog itself slept %.0f ms at %.1f s ----\n",
                                  double(now - previous) / 1e6, double(previous) / 1e9);
                (void)!write(2, line, static_cast<std::size_t>(n));
            }
            previous = now;
            if (now - last > qint64(thresholdMs) * 1000000 && reportedFor != last) { // once per stall
                reportedFor = last;
                pthread_kill(g_gui, SIGUSR2);
            }
        }
    }).detach();
}

// Runs the event loop until `done` or the timeout; returns whether `done` became true. Benchmark harness only.
template <typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(1);
    loop.exec();
    return done();
}

struct Refresh
{
    double rows = -1, histogram = -1, facets = -1, finished = -1;
    qint64 matched = 0;
};

Refresh applySearch(MainWindow& window, const QString& text)
{
    Refresh refresh;
    QElapsedTimer timer;
    const auto stamp = [&timer](double& slot) {
        if (slot < 0)
            slot = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    };
    CaseSession* session = window.session();
    QList<QMetaObject::Connection> connections{
        QObject::connect(window.eventModel(), &EventTableModel::rowsReset, [&] { stamp(refresh.rows); }),
        QObject::connect(session, &CaseSession::histogramReady, [&] { stamp(refresh.histogram); }),
        QObject::connect(session, &CaseSession::facetsReady, [&] { stamp(refresh.facets); }),
        QObject::connect(session, &CaseSession::searchFinished, [&](qint64 matched, double) {
            refresh.matched = matched;
            stamp(refresh.finished);
        })};
    timer.start();
    window.searchBar()->submit(text);
    waitFor([&] { return refresh.finished >= 0 && refresh.facets >= 0 && refresh.histogram >= 0; }, 60000);
    for (const auto& connection : connections)
        QObject::disconnect(connection);
    return refresh;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings and recent cases out of it
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_console CASE [SOURCE_TO_IMPORT]\n");
        return 2;
    }
    const QString casePath = QString::fromLocal8Bit(argv[1]);
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QElapsedTimer opening;
    opening.start();
    bool ready = false;
    QObject::connect(&window, &MainWindow::caseReady, [&] { ready = true; });
    window.openCase(casePath);
    if (!waitFor([&] { return ready; }, 60000)) {
        std::fprintf(stderr, "the case did not open\n");
        return 1;
    }
    std::printf("case opened in %.0f ms: %lld events\n", static_cast<double>(opening.nsecsElapsed()) / 1e6,
                static_cast<long long>(window.session()->summary().events));
    waitFor([&] { return window.eventModel()->isComplete() && window.eventModel()->rowCount() > 0; }, 60000);

    std::printf("\n%-48s %10s %9s %10s %9s %10s\n", "search", "matched", "rows_ms", "timeline", "facets", "all_ids_ms");
    const QStringList searches{QString(), QStringLiteral("readOnly:false"),
                               QStringLiteral("eventSource:s3.amazonaws.com"), QStringLiteral("errorCode:*"),
                               QStringLiteral("eventName:AssumeRole"), QStringLiteral("eventName:ConsoleLogin"),
                               QStringLiteral("errorCode:AccessDenied* ip:10.0.0.0/8"),
                               QStringLiteral("eventName:Delete* OR eventName:Terminate*"),
                               // Free text: a common word (a page stops early) and a rarer one (the case is scanned).
                               QStringLiteral("amazonaws"), QStringLiteral("\"AdministratorAccess\"")};
    for (const QString& text : searches) {
        const Refresh r = applySearch(window, text);
        std::printf("%-48s %10lld %9.0f %10.0f %9.0f %10.0f\n", text.isEmpty() ? "(all events)" : qPrintable(text),
                    static_cast<long long>(r.matched), r.rows, r.histogram, r.facets, r.finished);
    }
    std::printf("(ms from pressing Enter: first rows shown, timeline redrawn, facets refreshed, every row id known)\n");

    // Scrolling from top to bottom of all events in 300 steps, painting each step as a frame would.
    applySearch(window, QString());
    QTableView* view = window.eventView();
    QScrollBar* bar = view->verticalScrollBar();
    LatencyProbe probe;
    probe.start();
    int step = 0;
    QTimer scroller;
    double worstPaint = 0;
    QObject::connect(&scroller, &QTimer::timeout, [&] {
        bar->setValue(static_cast<int>(static_cast<qint64>(bar->maximum()) * step / 300));
        QElapsedTimer paint;
        paint.start();
        view->viewport()->repaint();
        worstPaint = std::max(worstPaint, static_cast<double>(paint.nsecsElapsed()) / 1e6);
        ++step;
    });
    scroller.start(16);
    waitFor([&] { return step > 300; }, 120000);
    scroller.stop();
    probe.stop();
    std::printf("\nscrolling %d rows top to bottom: longest frame paint %.1f ms, longest event-loop stall %.1f ms, "
                "p99 %.1f ms, stalls over 50 ms: %ld\n",
                window.eventModel()->rowCount(), worstPaint, probe.maxMs(), probe.percentileMs(0.99), probe.over(50));

    if (argc >= 3) {
        bool imported = false;
        QObject::connect(&window, &MainWindow::importFinished, [&] { imported = true; });
        QElapsedTimer importing;
        importing.start();
        probe.start();
        window.importPaths({QString::fromLocal8Bit(argv[2])});
        g_wallClock.start();
        startWatchdog();
        g_watch = true;
        // The analyst keeps working meanwhile: a search every two seconds.
        QTimer searching;
        int searchesDuringImport = 0;
        QObject::connect(&searching, &QTimer::timeout, [&] {
            window.searchBar()->submit(searchesDuringImport++ % 2 ? QStringLiteral("errorCode:*") : QString());
        });
        searching.start(2000);
        waitFor([&] { return imported; }, 1800000);
        searching.stop();
        probe.stop();
        g_watch = false;
        std::printf("\nimport of %s into the open case: %.1f s; GUI event loop: longest stall %.1f ms, p99 %.1f ms, "
                    "stalls over 50 ms: %ld (%d searches run meanwhile)\n",
                    argv[2], static_cast<double>(importing.elapsed()) / 1000.0, probe.maxMs(), probe.percentileMs(0.99),
                    probe.over(50), searchesDuringImport);
        if (probe.over(50) > 0)
            std::printf("stalls over 50 ms, by when they began after the import started: %s\n",
                        probe.longGaps().c_str());
    }
    return 0;
}
