#include "EnumComboDelegate.h"

#include <QComboBox>

namespace preflight::gui {

EnumComboDelegate::EnumComboDelegate(Choices choices, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_choices(std::move(choices))
{ }

QWidget *EnumComboDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (const auto &[value, label] : m_choices)
        combo->addItem(label, value);
    // Commit as soon as a value is picked: one keystroke or click, no extra Enter.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<EnumComboDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void EnumComboDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
}

void EnumComboDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
}

} // namespace preflight::gui
