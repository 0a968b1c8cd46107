#pragma once

#include <QStyledItemDelegate>

namespace preflight::gui {

// Draws the checklist's check boxes with an outline in the palette's text colour. Several
// styles (Fusion among them) derive the box outline from the window colour, which all but
// disappears on dark palettes, leaving open items with no visible box at all.
class ChecklistDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace preflight::gui
