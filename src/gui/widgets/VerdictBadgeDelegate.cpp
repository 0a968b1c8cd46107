#include "VerdictBadgeDelegate.h"

#include "Appearance.h"
#include "models/ProjectListModel.h"

#include <QApplication>
#include <QPainter>

namespace preflight::gui {

namespace {

constexpr int HorizontalPadding = 8;
constexpr int VerticalMargin = 2;

} // namespace

void VerdictBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant verdict = index.data(ProjectListModel::VerdictRole);
    if (!verdict.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // selection and focus only

    const QColor color = verdictColor(static_cast<Verdict>(verdict.toInt()));
    const int width = opt.fontMetrics.horizontalAdvance(text) + 2 * HorizontalPadding;
    QRectF badge(opt.rect.left() + 4, opt.rect.top() + VerticalMargin, width, opt.rect.height() - 2 * VerticalMargin);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    QColor fill = color;
    fill.setAlpha(index.data(ProjectListModel::ArchivedRole).toBool() ? 25 : 55);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), badge.height() / 2, badge.height() / 2);
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize VerdictBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * HorizontalPadding + 8;
    size.rheight() += 2 * VerticalMargin + 2;
    return size;
}

} // namespace preflight::gui
