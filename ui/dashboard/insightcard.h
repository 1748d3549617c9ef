#pragma once

#include <QFrame>

#include <cstdint>
#include <vector>

class QAreaSeries;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace Trailscope::Ui {

/// A dashboard card: a kind of finding, how many the case holds, a sparkline of when they started over the case's
/// time range, and its worst one. Clicking it asks for its list.
class InsightCard : public QFrame
{
    Q_OBJECT

public:
    InsightCard(const QString& title, const QString& explanation, QWidget* parent = nullptr);

    /// `buckets`: the count in each equal slice of the case's time range.
    void setValues(qsizetype count, const std::vector<int>& buckets, const QString& worst);
    void clear(const QString& placeholder);

    QString countText() const;
    QString worstText() const;
    qsizetype sparklinePoints() const;

Q_SIGNALS:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    QLabel* m_count = nullptr;
    QLabel* m_worst = nullptr;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLineSeries* m_line = nullptr;
    QAreaSeries* m_area = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
};

} // namespace Trailscope::Ui
