#pragma once

#include <QTableView>

namespace Trailscope::Ui {

class EventTableModel;

/// The event table: uniform rows (the view never asks every row for its size), columns from the column table with
/// their widths and default visibility, a header menu to show or hide them, sorting left to SQL on the whole result.
class EventTableView : public QTableView
{
    Q_OBJECT

public:
    explicit EventTableView(EventTableModel* model, QWidget* parent = nullptr);

    /// Makes `row` the current and only selected row (the selection's record then loads), optionally at the top.
    void makeCurrent(int row, bool scrollToTop = false);

private:
    void showHeaderMenu(const QPoint& position);
};

} // namespace Trailscope::Ui
