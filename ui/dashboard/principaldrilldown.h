#pragma once

#include "dashboard/dashboarddata.h"

#include <QWidget>

class QChart;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Trailscope::Ui {

class ActivityModel;

/// The drill-down of one principal of the who/what/where tables: its APIs, source IPs and regions with counts and
/// errors, and its calls and errors per hour or day. Shows what DashboardJob computed; "Open Events" asks for the
/// principal's events in the browser (openEventsRequested), the view decides how.
class PrincipalDrillDown : public QWidget
{
    Q_OBJECT

public:
    explicit PrincipalDrillDown(QWidget* parent = nullptr);

    /// The principal being computed: its name shown, the last one's tables cleared.
    void setPending(const QString& principal);
    void setActivity(const PrincipalActivity& activity);
    void clear();

    const PrincipalActivity& activity() const { return m_activity; }
    bool isPending() const { return m_pending; }
    ActivityModel* apisModel() const { return m_apis; }
    ActivityModel* sourceIpsModel() const { return m_sourceIps; }
    ActivityModel* regionsModel() const { return m_regions; }
    QChart* chart() const { return m_chart; }
    QString titleText() const;

Q_SIGNALS:
    void openEventsRequested(const QString& principal, std::int64_t start, std::int64_t end);
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void drawSeries();

    PrincipalActivity m_activity;
    bool m_pending = false;
    QLabel* m_title = nullptr;
    QPushButton* m_open = nullptr;
    QTabWidget* m_tabs = nullptr;
    ActivityModel* m_apis = nullptr;
    ActivityModel* m_sourceIps = nullptr;
    ActivityModel* m_regions = nullptr;
    QTableView* m_apisView = nullptr;
    QTableView* m_sourceIpsView = nullptr;
    QTableView* m_regionsView = nullptr;
    QChart* m_chart = nullptr;
};

} // namespace Trailscope::Ui
