#include "ChecklistDelegate.h"

#include "Appearance.h"

#include <QApplication>
#include <QPainter>

namespace preflight::gui {

void ChecklistDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (!isDark(option.palette) || !index.data(Qt::CheckStateRole).isValid())
        return;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const QRectF box = QRectF(style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget))
                           .adjusted(1.5, 1.5, -1.5, -1.5);
    QColor outline = option.palette.color(QPalette::Text);
    outline.setAlpha(opt.checkState == Qt::Unchecked ? 150 : 90);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(outline, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(box, 2, 2);
    painter->restore();
}

} // namespace preflight::gui
