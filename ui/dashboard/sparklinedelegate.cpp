#include "sparklinedelegate.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace Trailscope::Ui {

SparklineDelegate::SparklineDelegate(int role, QObject* parent) : QStyledItemDelegate(parent), m_role(role) {}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyledItemDelegate::paint(painter, option, index); // background, selection, focus
    const QList<int> counts = index.data(m_role).value<QList<int>>();
    if (counts.size() < 2)
        return;
    const int highest = *std::max_element(counts.begin(), counts.end());
    if (highest <= 0)
        return;
    const QRectF box = QRectF(option.rect).adjusted(4, 3, -4, -3);
    const double step = box.width() / static_cast<double>(counts.size() - 1);
    QPainterPath line;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const QPointF point(box.left() + step * static_cast<double>(i),
                            box.bottom() - box.height() * counts[i] / highest);
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    QPainterPath area = line;
    area.lineTo(box.right(), box.bottom());
    area.lineTo(box.left(), box.bottom());
    area.closeSubpath();
    const bool selected = option.state & QStyle::State_Selected;
    const QColor accent = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    QColor fill = accent;
    fill.setAlpha(90);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillPath(area, fill);
    painter->setPen(QPen(accent, 1.5));
    painter->drawPath(line);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(160, 0));
}

} // namespace Trailscope::Ui
