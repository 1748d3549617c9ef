#include "principaldrilldown.h"

#include "common/errortext.h"
#include "dashboard/activitymodel.h"
#include "dashboard/chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

using Core::Insights::ActivityDimension;
using Core::Insights::ActivitySeries;

QTableView* makeTable(ActivityModel* model, const char* name, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(ActivityModel::Events, Qt::DescendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    // Each row is one value of the principal's events: "distinct APIs" says nothing new there.
    view->setColumnHidden(ActivityModel::DistinctApis, true);
    return view;
}

QString timeText(std::int64_t epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

PrincipalDrillDown::PrincipalDrillDown(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("principalDrillDown"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("drillDownTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_open = new QPushButton(tr("&Open Events"), this);
    m_open->setObjectName(QStringLiteral("drillDownOpenEvents"));
    m_open->setToolTip(tr("Show this principal's events in the browser, over its first to last event."));
    connect(m_open, &QPushButton::clicked, this, [this] {
        const auto first = m_activity.first(), last = m_activity.last();
        if (!m_activity.principal.isEmpty() && first && last)
            Q_EMIT openEventsRequested(m_activity.principal, *first, *last + 1);
    });
    auto* close = new QPushButton(tr("&Close"), this);
    close->setObjectName(QStringLiteral("drillDownClose"));
    connect(close, &QPushButton::clicked, this, &PrincipalDrillDown::closeRequested);

    m_apis = new ActivityModel(this);
    m_sourceIps = new ActivityModel(this);
    m_regions = new ActivityModel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("drillDownTabs"));
    m_tabs->setDocumentMode(true);
    m_apisView = makeTable(m_apis, "drillDownApis", m_tabs);
    m_sourceIpsView = makeTable(m_sourceIps, "drillDownSourceIps", m_tabs);
    m_regionsView = makeTable(m_regions, "drillDownRegions", m_tabs);
    m_sourceIpsView->setColumnHidden(ActivityModel::EventSource, true);
    m_regionsView->setColumnHidden(ActivityModel::EventSource, true);
    m_tabs->addTab(m_apisView, tr("APIs"));
    m_tabs->addTab(m_sourceIpsView, tr("Source IPs"));
    m_tabs->addTab(m_regionsView, tr("Regions"));

    m_chart = new QChart;
    QChartView* chartView = ChartStyle::makeView(m_chart, this);
    chartView->setObjectName(QStringLiteral("drillDownChart"));
    chartView->setMinimumHeight(160);
    chartView->setMinimumWidth(460); // room for four date labels under the bars

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tabs);
    split->addWidget(chartView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_open);
    header->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(header);
    layout->addWidget(split, 1);
    clear();
}

QString PrincipalDrillDown::titleText() const
{
    return m_title->text();
}

void PrincipalDrillDown::clear()
{
    m_activity = {};
    m_pending = false;
    m_apis->setRows(ActivityDimension::Api, {});
    m_sourceIps->setRows(ActivityDimension::SourceIp, {});
    m_regions->setRows(ActivityDimension::Region, {});
    m_title->clear();
    m_open->setEnabled(false);
    drawSeries();
}

void PrincipalDrillDown::setPending(const QString& principal)
{
    clear();
    m_pending = true;
    m_activity.principal = principal;
    m_title->setText(tr("Counting the activity of %1…").arg(principal));
}

void PrincipalDrillDown::setActivity(const PrincipalActivity& activity)
{
    m_activity = activity;
    m_pending = false;
    m_apis->setRows(ActivityDimension::Api, activity.apis);
    m_sourceIps->setRows(ActivityDimension::SourceIp, activity.sourceIps);
    m_regions->setRows(ActivityDimension::Region, activity.regions);
    for (QTableView* view : {m_apisView, m_sourceIpsView, m_regionsView}) {
        view->resizeColumnsToContents();
        view->setColumnWidth(ActivityModel::Value, std::min(view->columnWidth(ActivityModel::Value), 320));
    }
    const auto first = activity.first(), last = activity.last();
    if (activity.error)
        m_title->setText(
            tr("Could not count the activity of %1: %2").arg(activity.principal, ErrorText::describe(*activity.error)));
    else
        m_title->setText(tr("<b>%1</b>: %2 events, %3 with an error; %n API(s), from %4 to %5 (UTC).", nullptr,
                            static_cast<int>(activity.apis.size()))
                             .arg(activity.principal.toHtmlEscaped(),
                                  QLocale().toString(static_cast<qlonglong>(activity.events())),
                                  QLocale().toString(static_cast<qlonglong>(activity.errors())),
                                  first ? timeText(*first) : QString(), last ? timeText(*last) : QString()));
    m_open->setEnabled(!activity.error && first && last);
    drawSeries();
}

void PrincipalDrillDown::drawSeries()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    ChartStyle::apply(m_chart, palette()); // the theme first: it recolours the series added after it only
    const ActivitySeries& series = m_activity.series;
    if (series.buckets.empty()) {
        m_chart->setTitle(QString());
        return;
    }
    const bool hourly = series.bucketMs == ActivitySeries::Hour;
    m_chart->setTitle(hourly ? tr("Calls and errors per hour") : tr("Calls and errors per day"));
    // Steps, so a bucket reads as a flat bar over its hour or day, and a single bucket still shows.
    auto* calls = new QLineSeries;
    calls->setName(tr("Calls"));
    auto* errors = new QLineSeries;
    errors->setName(tr("Errors"));
    double highest = 0;
    for (const Core::Insights::ActivityBucket& bucket : series.buckets) {
        const double from = static_cast<double>(bucket.start),
                     until = static_cast<double>(bucket.start + series.bucketMs);
        calls->append(from, static_cast<double>(bucket.events));
        calls->append(until, static_cast<double>(bucket.events));
        errors->append(from, static_cast<double>(bucket.errors));
        errors->append(until, static_cast<double>(bucket.errors));
        highest = std::max(highest, static_cast<double>(bucket.events));
    }
    auto* x = new QDateTimeAxis;
    x->setFormat(hourly ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd"));
    x->setTickCount(std::clamp(static_cast<int>(series.buckets.size()) + 1, 2, 4));
    x->setTitleText(tr("UTC"));
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* line : {calls, errors}) {
        m_chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    const bool dark = ChartStyle::isDark(palette());
    calls->setPen(QPen(dark ? QColor(110, 170, 255) : QColor(20, 90, 200), 2));
    errors->setPen(QPen(dark ? QColor(255, 110, 100) : QColor(200, 30, 30), 2));
    const std::int64_t start = series.buckets.front().start;
    const std::int64_t end = series.buckets.back().start + series.bucketMs;
    x->setRange(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC), QDateTime::fromMSecsSinceEpoch(end, Qt::UTC));
    y->setRange(0, std::max(1.0, highest * 1.1));
    y->applyNiceNumbers();
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    ChartStyle::apply(m_chart, palette());
}

void PrincipalDrillDown::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        drawSeries();
    QWidget::changeEvent(event);
}

} // namespace Trailscope::Ui
