#pragma once

#include <QStyledItemDelegate>

namespace Trailscope::Ui {

/// Draws a cell's counts (a QList<int> under `role`) as a sparkline in the colours of the insight cards': the
/// highlight colour's line over its translucent area, scaled to the cell's largest count.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    SparklineDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_role;
};

} // namespace Trailscope::Ui
