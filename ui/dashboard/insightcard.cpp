#include "insightcard.h"

#include "dashboard/chartstyle.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Trailscope::Ui {

InsightCard::InsightCard(const QString& title, const QString& explanation, QWidget* parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setToolTip(explanation);
    setCursor(Qt::PointingHandCursor);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    auto* titleLabel = new QLabel(title, this);
    QFont bold = titleLabel->font();
    bold.setBold(true);
    titleLabel->setFont(bold);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("cardCount"));
    QFont big = m_count->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_count->setFont(big);
    m_worst = new QLabel(this);
    m_worst->setObjectName(QStringLiteral("cardWorst"));
    m_worst->setWordWrap(true);
    m_worst->setTextInteractionFlags(Qt::NoTextInteraction);
    m_worst->setMinimumHeight(m_worst->fontMetrics().lineSpacing() * 2);
    m_worst->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_line = new QLineSeries(this);
    m_area = new QAreaSeries(m_line);
    m_chart = new QChart;
    m_chart->addSeries(m_area);
    m_x = new QValueAxis(m_chart);
    m_y = new QValueAxis(m_chart);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_area->attachAxis(m_x);
    m_area->attachAxis(m_y);
    m_x->setVisible(false);
    m_y->setVisible(false);
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_view = ChartStyle::makeView(m_chart, this);
    m_view->setFixedHeight(44);
    m_view->setAttribute(Qt::WA_TransparentForMouseEvents);

    layout->addWidget(titleLabel);
    layout->addWidget(m_count);
    layout->addWidget(m_view);
    layout->addWidget(m_worst);
    layout->addStretch(1);
    restyle();
    clear(QString());
}

void InsightCard::setValues(qsizetype count, const std::vector<int>& buckets, const QString& worst)
{
    m_count->setText(QLocale().toString(count));
    QList<QPointF> points;
    int highest = 0;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        points << QPointF(static_cast<double>(i), buckets[i]);
        highest = std::max(highest, buckets[i]);
    }
    m_line->replace(points);
    m_x->setRange(0, std::max<double>(1, static_cast<double>(buckets.size()) - 1));
    m_y->setRange(0, std::max(1, highest) * 1.1);
    m_worst->setText(worst);
    m_worst->setToolTip(worst);
}

void InsightCard::clear(const QString& placeholder)
{
    m_count->setText(QStringLiteral("–"));
    m_line->clear();
    m_worst->setText(placeholder);
}

QString InsightCard::countText() const
{
    return m_count->text();
}

QString InsightCard::worstText() const
{
    return m_worst->text();
}

qsizetype InsightCard::sparklinePoints() const
{
    return m_line->count();
}

void InsightCard::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT activated();
    QFrame::mouseReleaseEvent(event);
}

void InsightCard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        restyle();
    QFrame::changeEvent(event);
}

void InsightCard::restyle()
{
    ChartStyle::apply(m_chart, palette());
    m_chart->setBackgroundBrush(palette().color(QPalette::Window));
    m_chart->setBackgroundVisible(false);
    m_view->setBackgroundBrush(palette().color(QPalette::Window));
    const QColor accent = palette().color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlpha(90);
    m_area->setPen(QPen(accent, 1.5));
    m_area->setBrush(fill);
}

} // namespace Trailscope::Ui
