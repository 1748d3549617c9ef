#include "eventtableview.h"

#include "eventtablemodel.h"

#include "query/eventcolumns.h"

#include <QHeaderView>
#include <QMenu>

namespace Trailscope::Ui {

EventTableView::EventTableView(EventTableModel* model, QWidget* parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("eventTable"));
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setShowGrid(false);
    verticalHeader()->setVisible(false);
    // Uniform row heights: the view never asks every row for its size.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView* header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    // Only the indicator: the window sorts in SQL on the whole result, never in the view.
    header->setSortIndicatorShown(true);
    header->setSortIndicator(EventTableModel::TimeColumn, Qt::DescendingOrder);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setDefaultSectionSize(140);
    const auto columns = Core::Query::eventColumns();
    for (std::size_t column = 0; column < columns.size(); ++column) {
        if (columns[column].widthHint > 0)
            setColumnWidth(static_cast<int>(column), columns[column].widthHint);
        setColumnHidden(static_cast<int>(column), columns[column].hiddenByDefault);
    }
    connect(header, &QHeaderView::customContextMenuRequested, this, &EventTableView::showHeaderMenu);
}

void EventTableView::makeCurrent(int row, bool scrollToTop)
{
    const QModelIndex index = model()->index(row, 0);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (scrollToTop)
        scrollTo(index, QAbstractItemView::PositionAtTop);
}

void EventTableView::showHeaderMenu(const QPoint& position)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < EventTableModel::ColumnCount; ++column) {
        QAction* action = menu->addAction(EventTableModel::columnTitle(column));
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        action->setEnabled(column != EventTableModel::TimeColumn);
        connect(action, &QAction::toggled, this, [this, column](bool shown) { setColumnHidden(column, !shown); });
    }
    menu->popup(horizontalHeader()->mapToGlobal(position));
}

} // namespace Trailscope::Ui
