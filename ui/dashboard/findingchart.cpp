#include "findingchart.h"

#include "dashboard/chartstyle.h"
#include "dashboard/findingsmodel.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Trailscope::Ui {

namespace {

// The bar chart's category axis has no room for a whole ARN or user agent: the part that names it.
QString shortValue(const QString& value)
{
    QString text = value;
    if (text.startsWith(QLatin1String("arn:")))
        text = text.section(QLatin1Char(':'), 5);
    return text.size() > 34 ? text.left(33) + QChar(0x2026) : text;
}

QString attributeLabel(const QString& attribute)
{
    if (attribute == QLatin1String("userIdentityArn"))
        return FindingChart::tr("Principals");
    if (attribute == QLatin1String("userAgent"))
        return FindingChart::tr("User agents");
    if (attribute == QLatin1String("errorCode"))
        return FindingChart::tr("Error codes");
    return attribute;
}

} // namespace

FindingChart::FindingChart(QWidget* parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_attribute = new QComboBox(this);
    m_attribute->setObjectName(QStringLiteral("attributionChoice"));
    connect(m_attribute, &QComboBox::currentIndexChanged, this, &FindingChart::drawAttributions);

    m_rate = new QChart;
    m_bars = new QChart;
    m_rateView = ChartStyle::makeView(m_rate, this);
    m_barsView = ChartStyle::makeView(m_bars, this);
    m_rateView->setMinimumHeight(180);
    m_barsView->setMinimumHeight(180);

    auto* barsBox = new QWidget(this);
    auto* barsLayout = new QVBoxLayout(barsBox);
    barsLayout->setContentsMargins(0, 0, 0, 0);
    auto* choiceRow = new QHBoxLayout;
    choiceRow->addWidget(new QLabel(tr("Attributions:"), barsBox));
    choiceRow->addWidget(m_attribute, 1);
    barsLayout->addLayout(choiceRow);
    barsLayout->addWidget(m_barsView, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_rateView);
    split->addWidget(barsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    clear();
}

void FindingChart::clear()
{
    m_finding.reset();
    m_summary->setText(tr("Select a finding to see its rate against the baseline. Double-click or press Enter to "
                          "open its events."));
    m_attribute->blockSignals(true);
    m_attribute->clear();
    m_attribute->blockSignals(false);
    drawRate();
    drawAttributions();
}

QString FindingChart::summaryText() const
{
    return m_summary->text();
}

void FindingChart::setFinding(const DashboardFinding& finding)
{
    m_finding = finding;
    const QString api = finding.eventSource + QLatin1Char(' ') + finding.eventName;
    QString summary = tr("%1 %2 in %3 (%4), %5: %6 per minute against a baseline of %7 per minute over %n minute(s).",
                         nullptr, static_cast<int>(finding.baselineMinutes))
                          .arg(FindingsModel::originLabel(finding.origin), FindingsModel::typeLabel(finding),
                               finding.region, finding.account, api, QString::number(finding.insightAverage, 'g', 3),
                               QString::number(finding.baselineAverage, 'g', 3));
    if (!finding.errorCode.isEmpty())
        summary += QLatin1Char(' ') + tr("Error code %1.").arg(finding.errorCode);
    if (finding.baselineMinutes < Core::Insights::BaselineMinutes)
        summary += QLatin1Char(' ') + tr("The case holds less than the seven days of history AWS uses.");
    m_summary->setText(summary);
    m_attribute->blockSignals(true);
    m_attribute->clear();
    for (const Core::Insights::Attribution& attribution : finding.attributions)
        m_attribute->addItem(attributeLabel(attribution.attribute), attribution.attribute);
    m_attribute->blockSignals(false);
    drawRate();
    drawAttributions();
}

void FindingChart::drawRate()
{
    m_rate->removeAllSeries();
    for (QAbstractAxis* axis : m_rate->axes()) {
        m_rate->removeAxis(axis);
        delete axis;
    }
    ChartStyle::apply(m_rate, palette()); // the theme first: it recolours the series added after it only
    m_rate->legend()->setAlignment(Qt::AlignBottom);
    if (!m_finding) {
        m_rate->setTitle(QString());
        ChartStyle::apply(m_rate, palette());
        return;
    }
    const DashboardFinding& finding = *m_finding;
    m_rate->setTitle(finding.type == Core::Insights::InsightType::ApiCallRate ? tr("Calls per minute")
                                                                              : tr("Errors per minute"));
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setTitleText(tr("UTC"));
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%g")); // a baseline of 0.001 a minute needs its decimals
    m_rate->addAxis(x, Qt::AlignBottom);
    m_rate->addAxis(y, Qt::AlignLeft);

    // Ours carry their minutes; AWS's only their averages, drawn flat over the episode and the hour either side.
    std::int64_t from = finding.start - 3600000, until = finding.end + 3600000;
    double highest = std::max(finding.insightAverage, finding.baselineAverage);
    auto* rate = new QLineSeries;
    rate->setName(finding.type == Core::Insights::InsightType::ApiCallRate ? tr("Calls") : tr("Errors"));
    if (!finding.series.counts.empty()) {
        from = finding.series.fromMinute * 60000;
        until = from + static_cast<std::int64_t>(finding.series.counts.size()) * 60000;
        for (std::size_t i = 0; i < finding.series.counts.size(); ++i) {
            const double t = static_cast<double>(from + static_cast<std::int64_t>(i) * 60000);
            rate->append(t, static_cast<double>(finding.series.counts[i]));
            highest = std::max(highest, static_cast<double>(finding.series.counts[i]));
        }
    } else {
        rate->setName(tr("Insight average (AWS)"));
        rate->append(static_cast<double>(finding.start), finding.insightAverage);
        rate->append(static_cast<double>(finding.end), finding.insightAverage);
    }
    auto* top = new QLineSeries;
    auto* bottom = new QLineSeries;
    top->append(static_cast<double>(finding.start), highest * 1.1);
    top->append(static_cast<double>(finding.end), highest * 1.1);
    bottom->append(static_cast<double>(finding.start), 0);
    bottom->append(static_cast<double>(finding.end), 0);
    auto* episode = new QAreaSeries(top, bottom);
    episode->setName(tr("Episode"));
    QColor shade = palette().color(QPalette::Highlight);
    shade.setAlpha(60);
    episode->setBrush(shade);
    episode->setPen(Qt::NoPen);
    auto* baseline = new QLineSeries;
    baseline->setName(tr("Baseline average"));
    baseline->append(static_cast<double>(from), finding.baselineAverage);
    baseline->append(static_cast<double>(until), finding.baselineAverage);
    QPen dashed(ChartStyle::isDark(palette()) ? QColor(230, 170, 60) : QColor(190, 110, 0), 2, Qt::DashLine);
    baseline->setPen(dashed);
    for (QAbstractSeries* series : std::initializer_list<QAbstractSeries*>{episode, rate, baseline}) {
        m_rate->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    rate->setPen(QPen(ChartStyle::isDark(palette()) ? QColor(110, 170, 255) : QColor(20, 90, 200), 2));
    x->setRange(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC), QDateTime::fromMSecsSinceEpoch(until, Qt::UTC));
    y->setRange(0, std::max(1.0, highest * 1.1));
    y->applyNiceNumbers();
    ChartStyle::apply(m_rate, palette());
}

void FindingChart::drawAttributions()
{
    m_bars->removeAllSeries();
    for (QAbstractAxis* axis : m_bars->axes()) {
        m_bars->removeAxis(axis);
        delete axis;
    }
    ChartStyle::apply(m_bars, palette()); // the theme first: it recolours the series added after it only
    const QString attribute = m_attribute->currentData().toString();
    const Core::Insights::Attribution* chosen = nullptr;
    if (m_finding) {
        for (const Core::Insights::Attribution& attribution : m_finding->attributions)
            if (attribution.attribute == attribute)
                chosen = &attribution;
    }
    if (!chosen) {
        m_bars->setTitle(m_finding ? tr("No attributions") : QString());
        ChartStyle::apply(m_bars, palette());
        return;
    }
    m_bars->setTitle(tr("Per minute, episode against baseline"));
    QStringList values;
    for (const auto* side : {&chosen->insight, &chosen->baseline})
        for (const Core::Insights::AttributionValue& value : *side)
            if (!values.contains(value.value))
                values << value.value;
    const auto averageOf = [](const std::vector<Core::Insights::AttributionValue>& side, const QString& value) {
        for (const Core::Insights::AttributionValue& entry : side)
            if (entry.value == value)
                return entry.average;
        return 0.0;
    };
    auto* insight = new QBarSet(tr("Episode"));
    auto* baseline = new QBarSet(tr("Baseline"));
    QStringList categories;
    double highest = 0;
    // Horizontal bars run bottom up: the top value last, so it is drawn at the top.
    std::reverse(values.begin(), values.end());
    for (const QString& value : values) {
        categories << shortValue(value);
        *insight << averageOf(chosen->insight, value);
        *baseline << averageOf(chosen->baseline, value);
        highest = std::max({highest, averageOf(chosen->insight, value), averageOf(chosen->baseline, value)});
    }
    insight->setColor(ChartStyle::isDark(palette()) ? QColor(110, 170, 255) : QColor(20, 90, 200));
    baseline->setColor(ChartStyle::isDark(palette()) ? QColor(230, 170, 60) : QColor(190, 110, 0));
    auto* bars = new QHorizontalBarSeries;
    bars->append(baseline);
    bars->append(insight);
    m_bars->addSeries(bars);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    auto* x = new QValueAxis;
    x->setRange(0, std::max(1.0, highest * 1.1));
    x->applyNiceNumbers();
    m_bars->addAxis(y, Qt::AlignLeft);
    m_bars->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(y);
    bars->attachAxis(x);
    m_bars->legend()->setAlignment(Qt::AlignBottom);
    ChartStyle::apply(m_bars, palette());
}

void FindingChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        drawRate();
        drawAttributions();
    }
    QWidget::changeEvent(event);
}

} // namespace Trailscope::Ui
