#include "dashboardjob.h"

#include "dashboard/findingsearch.h"

#include "casedb/caseschema.h"
#include "detect/detector.h"
#include "detect/rulestore.h"
#include "insights/deliveredinsights.h"
#include "insights/insightrecord.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPromise>
#include <QtConcurrent>

#include <future>
#include <map>

namespace Trailscope::Ui {

namespace {

using namespace Core::Insights;

// Each of AWS's findings asks for its top source IP (one indexed search; ours carry theirs); past this many the
// list is an incident of its own.
constexpr std::size_t MaxSourceIpLookups = 300;

const Attribution* attributionOf(const std::vector<Attribution>& attributions, const QString& attribute)
{
    for (const Attribution& attribution : attributions)
        if (attribution.attribute == attribute)
            return &attribution;
    return nullptr;
}

QString topInsightValue(const std::vector<Attribution>& attributions, const QString& attribute)
{
    const Attribution* attribution = attributionOf(attributions, attribute);
    return attribution && !attribution->insight.empty() ? attribution->insight.front().value : QString();
}

DashboardFinding fromOurs(const InsightFinding& finding, FindingSeries series)
{
    DashboardFinding row;
    row.origin = FindingOrigin::Trailscope;
    row.type = finding.type;
    row.eventSource = finding.eventSource;
    row.eventName = finding.eventName;
    row.errorCode = finding.errorCode;
    row.account = finding.account;
    row.region = finding.region;
    row.start = finding.startTime();
    row.end = finding.endTime();
    row.ended = finding.episode.ended;
    row.baselineAverage = finding.episode.baseline.average;
    row.insightAverage = finding.episodeAverage();
    row.baselineMinutes = finding.episode.baseline.durationMinutes;
    row.attributions = finding.endAttributions;
    row.principal = topInsightValue(row.attributions, QStringLiteral("userIdentityArn"));
    row.sourceIp = finding.topSourceIp;
    row.series = std::move(series);
    return row;
}

std::vector<Attribution> attributionsOfRecord(const QJsonObject& context)
{
    std::vector<Attribution> attributions;
    for (const QJsonValue& entry : context[QStringLiteral("attributions")].toArray()) {
        Attribution attribution;
        attribution.attribute = entry[QStringLiteral("attribute")].toString();
        for (const auto& [side, values] : {std::pair{QStringLiteral("insight"), &attribution.insight},
                                           std::pair{QStringLiteral("baseline"), &attribution.baseline}}) {
            for (const QJsonValue& value : entry[side].toArray())
                values->push_back(
                    {value[QStringLiteral("value")].toString(), value[QStringLiteral("average")].toDouble()});
        }
        attributions.push_back(std::move(attribution));
    }
    return attributions;
}

// AWS delivers a Start and (later) an End sharing a sharedEventID: one row, the End's averages where it came.
std::vector<DashboardFinding> fromDelivered(const std::vector<QJsonObject>& records)
{
    std::vector<DashboardFinding> rows;
    std::map<QString, std::size_t> byShared;
    for (const QJsonObject& record : records) {
        const QJsonObject details = record[QStringLiteral("insightDetails")].toObject();
        const QJsonObject context = details[QStringLiteral("insightContext")].toObject();
        const QJsonObject statistics = context[QStringLiteral("statistics")].toObject();
        const QString shared = record[QStringLiteral("sharedEventID")].toString();
        const bool isEnd = details[QStringLiteral("state")].toString() == QLatin1String("End");
        const auto known = byShared.find(shared);
        const bool fresh = shared.isEmpty() || known == byShared.end();
        if (fresh) {
            rows.emplace_back();
            if (!shared.isEmpty())
                byShared.emplace(shared, rows.size() - 1);
        }
        DashboardFinding& row = fresh ? rows.back() : rows[known->second];
        row.origin = FindingOrigin::Aws;
        row.type = details[QStringLiteral("insightType")].toString() == QLatin1String("ApiErrorRateInsight")
                       ? InsightType::ApiErrorRate
                       : InsightType::ApiCallRate;
        row.eventSource = details[QStringLiteral("eventSource")].toString();
        row.eventName = details[QStringLiteral("eventName")].toString();
        row.errorCode = details[QStringLiteral("errorCode")].toString();
        row.account = record[QStringLiteral("recipientAccountId")].toString();
        row.region = record[QStringLiteral("awsRegion")].toString();
        const std::int64_t time = recordTime(record);
        if (isEnd || fresh) {
            row.baselineAverage = statistics[QStringLiteral("baseline")][QStringLiteral("average")].toDouble();
            row.insightAverage = statistics[QStringLiteral("insight")][QStringLiteral("average")].toDouble();
            row.baselineMinutes = statistics[QStringLiteral("baselineDuration")].toInteger();
            row.attributions = attributionsOfRecord(context);
            row.principal = topInsightValue(row.attributions, QStringLiteral("userIdentityArn"));
        }
        if (isEnd) {
            row.end = time;
            row.ended = true;
            if (fresh) // an End without its Start: the episode began insightDuration minutes before
                row.start = time - statistics[QStringLiteral("insightDuration")].toInteger() * 60000;
        } else {
            row.start = time;
            if (fresh) {
                row.end =
                    time + std::max<std::int64_t>(statistics[QStringLiteral("insightDuration")].toInteger(), 1) * 60000;
                row.ended = false;
            }
        }
    }
    return rows;
}

} // namespace

DashboardJob::DashboardJob(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<DashboardData>::progressValueChanged, this,
            [this](int value) { Q_EMIT progressChanged(value); });
    connect(&m_watcher, &QFutureWatcher<DashboardData>::finished, this, [this] {
        const QFuture<DashboardData> future = m_watcher.future();
        if (future.isCanceled() || future.resultCount() == 0)
            return;
        Q_EMIT finished(future.result());
    });
    connect(&m_tableWatcher, &QFutureWatcher<std::vector<ActivityRow>>::finished, this, [this] {
        const auto future = m_tableWatcher.future();
        if (future.isCanceled() || future.resultCount() == 0)
            return;
        Q_EMIT tableReady(m_tableDimension, future.result());
    });
    connect(&m_drillWatcher, &QFutureWatcher<PrincipalActivity>::finished, this, [this] {
        const auto future = m_drillWatcher.future();
        if (future.isCanceled() || future.resultCount() == 0)
            return;
        Q_EMIT drillDownReady(future.result());
    });
}

DashboardJob::~DashboardJob()
{
    cancel();
    m_watcher.waitForFinished();
    m_tableWatcher.waitForFinished();
    m_drillWatcher.waitForFinished();
}

quint64 DashboardJob::start(const DashboardRequest& request)
{
    m_watcher.cancel(); // the running one stops at its next stage; its result is not reported
    m_watcher.setFuture(QtConcurrent::run([request](QPromise<DashboardData>& promise) {
        promise.setProgressRange(0, Done);
        promise.addResult(compute(request, &promise));
    }));
    return ++m_generation;
}

quint64 DashboardJob::startTable(const QString& casePath, ActivityDimension dimension,
                                 const Core::Query::SearchTree& search, const Core::Query::SearchOptions& options)
{
    m_tableWatcher.cancel();
    m_tableDimension = dimension;
    m_tableWatcher.setFuture(
        QtConcurrent::run([casePath, dimension, search, options](QPromise<std::vector<ActivityRow>>& promise) {
            auto db = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly);
            if (!db || promise.isCanceled())
                return;
            auto rows = computeActivityTable(*db, dimension, Core::Query::compileSearch(*search), options);
            if (rows)
                promise.addResult(std::move(*rows));
        }));
    return ++m_tableGeneration;
}

quint64 DashboardJob::startDrillDown(const QString& casePath, const QString& principal)
{
    m_drillWatcher.cancel();
    m_drillWatcher.setFuture(QtConcurrent::run([casePath, principal](QPromise<PrincipalActivity>& promise) {
        if (!promise.isCanceled())
            promise.addResult(computeDrillDown(casePath, principal));
    }));
    return ++m_drillGeneration;
}

void DashboardJob::cancel()
{
    m_watcher.cancel();
    m_tableWatcher.cancel();
    m_drillWatcher.cancel();
}

bool DashboardJob::isRunning() const
{
    return m_watcher.isRunning();
}

DashboardData DashboardJob::compute(const DashboardRequest& request, QPromise<DashboardData>* promise)
{
    QElapsedTimer clock;
    clock.start();
    DashboardData data;
    data.casePath = request.casePath;
    data.caseEvents = request.caseEvents;
    data.caseStart = request.caseStart;
    data.caseEnd = request.caseEnd;
    data.sensitivity = request.sensitivity;
    const auto stopped = [promise](int progress) {
        if (promise)
            promise->setProgressValue(progress);
        return promise && promise->isCanceled();
    };
    auto db = Core::CaseSchema::open(request.casePath, Core::CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        data.error = db.error();
        return data;
    }
    if (stopped(Insights))
        return data;
    // The tables, the longest part, on a thread and connection of their own beside insights and first seen: on
    // two cores the whole takes about as long as the tables alone (1.3 -> 0.8 s on the 1M-event case).
    auto tables = std::async(std::launch::async, [casePath = request.casePath] {
        using Tables = Core::Result<std::map<ActivityDimension, std::vector<ActivityRow>>>;
        auto own = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly);
        if (!own)
            return Tables(std::unexpected(own.error()));
        return computeActivityTables(
            *own, std::vector<ActivityDimension>(std::begin(DashboardDimensions), std::end(DashboardDimensions)));
    });
    InsightOptions options;
    options.sensitivity = request.sensitivity;
    auto ours = computeInsightsWithSeries(*db, options);
    if (!ours) {
        data.error = ours.error();
        return data;
    }
    for (std::size_t i = 0; i < ours->findings.size(); ++i)
        data.findings.push_back(fromOurs(ours->findings[i], std::move(ours->series[i])));
    if (stopped(Delivered))
        return data;
    auto delivered = deliveredInsights(*db, std::nullopt, std::nullopt);
    if (!delivered) {
        data.error = delivered.error();
        return data;
    }
    for (DashboardFinding& row : fromDelivered(*delivered))
        data.findings.push_back(std::move(row));
    // Ours carry their top source IP from the insights pass; AWS's records do not, so theirs are looked up.
    std::size_t lookups = 0;
    for (DashboardFinding& finding : data.findings) {
        if (finding.origin != FindingOrigin::Aws || ++lookups > MaxSourceIpLookups)
            continue;
        const auto ips = computeActivityTable(*db, ActivityDimension::SourceIp,
                                              Core::Query::compileSearch(FindingSearch::episodeEvents(finding)),
                                              {finding.start, finding.end, Core::Query::SortOrder::NewestFirst});
        if (ips && !ips->empty())
            finding.sourceIp = ips->front().value;
    }
    if (stopped(FirstSeen))
        return data;
    auto firstSeen = computeFirstSeen(*db);
    if (!firstSeen) {
        data.error = firstSeen.error();
        return data;
    }
    data.firstSeen = std::move(*firstSeen);
    // The case's rules (as `detect`; the shipped ones alone take ~150 ms on the 1M-event case) here rather than on a
    // third thread: insights, first seen and the rules take about as long as the tables beside them, and two cores
    // shared three ways made the whole slower (0.82 -> 1.01 s after an import into the 1M-event case).
    auto rules = Core::Detect::caseRuleSet(*db);
    if (!rules) {
        data.error = rules.error();
        return data;
    }
    if (auto stored = Core::Detect::readCaseRules(*db)) {
        data.rulesOff = static_cast<int>(stored->disabled.size());
        data.ownRules = static_cast<int>(
            std::count_if(stored->rules.begin(), stored->rules.end(),
                          [&](const Core::Detect::StoredRule& rule) { return stored->isEnabled(rule.ruleId); }));
    }
    data.rulesRun = static_cast<int>(rules->loaded());
    for (const Core::Detect::UnsupportedRule& rule : rules->unsupported)
        data.rulesNotLoaded << rule.id + QStringLiteral(": ") + Core::Detect::describeProblem(rule.problem);
    auto fired = Core::Detect::runDetections(request.casePath, *db, *rules);
    if (!fired) {
        data.error = fired.error();
        return data;
    }
    data.detections = std::move(*fired);
    if (stopped(Tables))
        return data;
    // Every table from one pass over the events rather than one pass each.
    auto counted = tables.get();
    if (!counted) {
        data.error = counted.error();
        return data;
    }
    for (auto& [dimension, rows] : *counted)
        data.tables.emplace(dimension, std::move(rows));
    if (promise)
        promise->setProgressValue(Done);
    data.milliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    return data;
}

PrincipalActivity DashboardJob::computeDrillDown(const QString& casePath, const QString& principal)
{
    PrincipalActivity activity;
    activity.casePath = casePath;
    activity.principal = principal;
    auto db = Core::CaseSchema::open(casePath, Core::CaseSchema::OpenMode::ReadOnly);
    if (!db) {
        activity.error = db.error();
        return activity;
    }
    const Core::Query::CompiledSearch search = Core::Query::compileSearch(FindingSearch::principalIs(principal));
    for (const auto& [dimension, rows] : {std::pair{ActivityDimension::Api, &activity.apis},
                                          std::pair{ActivityDimension::SourceIp, &activity.sourceIps},
                                          std::pair{ActivityDimension::Region, &activity.regions}}) {
        auto table = computeActivityTable(*db, dimension, search);
        if (!table) {
            activity.error = table.error();
            return activity;
        }
        *rows = std::move(*table);
    }
    auto series = computeActivitySeries(*db, search);
    if (!series) {
        activity.error = series.error();
        return activity;
    }
    activity.series = std::move(*series);
    return activity;
}

std::int64_t PrincipalActivity::events() const
{
    std::int64_t total = 0;
    for (const ActivityRow& row : apis)
        total += row.events;
    return total;
}

std::int64_t PrincipalActivity::errors() const
{
    std::int64_t total = 0;
    for (const ActivityRow& row : apis)
        total += row.errors;
    return total;
}

std::optional<std::int64_t> PrincipalActivity::first() const
{
    std::optional<std::int64_t> first;
    for (const ActivityRow& row : apis)
        if (row.first)
            first = std::min(first.value_or(*row.first), *row.first);
    return first;
}

std::optional<std::int64_t> PrincipalActivity::last() const
{
    std::optional<std::int64_t> last;
    for (const ActivityRow& row : apis)
        if (row.last)
            last = std::max(last.value_or(*row.last), *row.last);
    return last;
}

} // namespace Trailscope::Ui
