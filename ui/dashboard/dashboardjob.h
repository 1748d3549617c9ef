#pragma once

#include "dashboard/dashboarddata.h"

#include "query/searchast.h"
#include "query/searchsql.h"

#include <QFutureWatcher>
#include <QObject>

namespace Trailscope::Ui {

/// What one computation of the dashboard looks at.
struct DashboardRequest
{
    QString casePath;
    std::int64_t caseEvents = 0;
    std::optional<std::int64_t> caseStart, caseEnd;
    Core::Insights::Sensitivity sensitivity = Core::Insights::Sensitivity::Medium;
};

/// The dashboard's background work: insights (ours and AWS's), first-seen activity, the who/what/where tables and the
/// shipped detection rules on read-only connections of their own, through QtConcurrent with progress and cancel; and
/// one table again under the browser's search. Every start supersedes the one before (generation numbers): a late
/// result is dropped.
class DashboardJob : public QObject
{
    Q_OBJECT

public:
    /// Where the computation is, in percent: insights, AWS's insights, first seen, then one step per table.
    enum Stage { Insights = 0, Delivered = 45, FirstSeen = 50, Tables = 60, Done = 100 };

    explicit DashboardJob(QObject* parent = nullptr);
    ~DashboardJob() override;

    quint64 start(const DashboardRequest& request);
    /// One table under a search (the browser's), superseding the previous such request.
    quint64 startTable(const QString& casePath, Core::Insights::ActivityDimension dimension,
                       const Core::Query::SearchTree& search, const Core::Query::SearchOptions& options);
    /// One principal's drill-down, superseding the previous one.
    quint64 startDrillDown(const QString& casePath, const QString& principal);
    void cancel();
    bool isRunning() const;

    /// Everything a computation of `request` shows, on the calling thread; checks `promise` between stages.
    static DashboardData compute(const DashboardRequest& request, QPromise<DashboardData>* promise = nullptr);
    /// A principal's drill-down, on the calling thread.
    static PrincipalActivity computeDrillDown(const QString& casePath, const QString& principal);

Q_SIGNALS:
    void progressChanged(int percent);
    void finished(const Trailscope::Ui::DashboardData& data);
    void tableReady(Trailscope::Core::Insights::ActivityDimension dimension,
                    const std::vector<Trailscope::Core::Insights::ActivityRow>& rows);
    void drillDownReady(const Trailscope::Ui::PrincipalActivity& activity);

private:
    QFutureWatcher<DashboardData> m_watcher;
    QFutureWatcher<std::vector<Core::Insights::ActivityRow>> m_tableWatcher;
    QFutureWatcher<PrincipalActivity> m_drillWatcher;
    quint64 m_generation = 0, m_tableGeneration = 0, m_drillGeneration = 0;
    Core::Insights::ActivityDimension m_tableDimension = Core::Insights::ActivityDimension::Principal;
};

} // namespace Trailscope::Ui
