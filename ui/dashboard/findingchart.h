#pragma once

#include "dashboard/dashboarddata.h"

#include <QWidget>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace Trailscope::Ui {

/// A finding's detail, as the AWS console's Insights graph: its calls (or errors) per minute against the baseline
/// average, the episode shaded; beside it the attributions (top principals, user agents, error codes) as bars, the
/// episode's rate against the baseline's. Qt Charts: the series are a few hundred points.
class FindingChart : public QWidget
{
    Q_OBJECT

public:
    explicit FindingChart(QWidget* parent = nullptr);

    void setFinding(const DashboardFinding& finding);
    void clear();

    QChart* rateChart() const { return m_rate; }
    QChart* attributionChart() const { return m_bars; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void drawRate();
    void drawAttributions();

    std::optional<DashboardFinding> m_finding;
    QLabel* m_summary = nullptr;
    QComboBox* m_attribute = nullptr;
    QChart* m_rate = nullptr;
    QChart* m_bars = nullptr;
    QChartView* m_rateView = nullptr;
    QChartView* m_barsView = nullptr;
};

} // namespace Trailscope::Ui
