#pragma once

#include <QStyledItemDelegate>

#include <utility>
#include <vector>

namespace preflight::gui {

// Edits an enum-valued cell (EditRole holds the enum as int) with a combo box of its labels.
class EnumComboDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using Choices = std::vector<std::pair<int, QString>>;
    EnumComboDelegate(Choices choices, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    Choices m_choices;
};

} // namespace preflight::gui
