#pragma once

#include <QDate>
#include <QStyledItemDelegate>

namespace preflight::gui {

// Edits a cell whose EditRole is a QDate that may be unset (an invalid QDate), such as the date a
// risk's acceptance ends. The editor is a date field with a calendar; it starts at today when the
// cell has no date, and Delete empties it ("None"), which clears the date.
class OptionalDateDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit OptionalDateDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

    // The editor's lowest date, shown as "None": dates before it are not offered.
    static QDate noDate() { return QDate(2000, 1, 1); }
};

} // namespace preflight::gui
