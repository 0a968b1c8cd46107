#pragma once

#include <QStyledItemDelegate>

namespace preflight::gui {

// Paints the project list's verdict as a coloured badge (VerdictRole gives the colour).
class VerdictBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace preflight::gui
