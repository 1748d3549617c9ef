#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace Trailscope::Ui {

class SqlResultModel;

/// One result tab: a header (statement, rows, time, state) over a lazy grid; clicking an eventID cell asks for it.
class SqlResultView : public QWidget
{
    Q_OBJECT

public:
    SqlResultView(SqlResultModel* model, int number, QWidget* parent = nullptr);

    SqlResultModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString headerText() const;

Q_SIGNALS:
    void eventIdClicked(const QString& eventId);

private:
    void updateHeader();

    SqlResultModel* m_model;
    int m_number;
    QLabel* m_header;
    QTableView* m_table;
    bool m_sized = false;
};

} // namespace Trailscope::Ui
