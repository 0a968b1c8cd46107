#include "OptionalDateDelegate.h"

#include <QDateEdit>
#include <QKeyEvent>

namespace preflight::gui {

namespace {

// A date edit whose lowest value stands for "no date": QDateEdit cannot be empty, and its
// special value text is Qt's way of naming the minimum.
class OptionalDateEdit : public QDateEdit
{
public:
    explicit OptionalDateEdit(QWidget *parent)
        : QDateEdit(parent)
    {
        setCalendarPopup(true);
        setMinimumDate(OptionalDateDelegate::noDate());
        setSpecialValueText(OptionalDateDelegate::tr("None"));
        setToolTip(OptionalDateDelegate::tr("Delete clears the date"));
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Delete && event->modifiers() == Qt::NoModifier) {
            setDate(minimumDate());
            event->accept();
            return;
        }
        QDateEdit::keyPressEvent(event);
    }
};

} // namespace

OptionalDateDelegate::OptionalDateDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QWidget *OptionalDateDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    return new OptionalDateEdit(parent);
}

void OptionalDateDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QDate date = index.data(Qt::EditRole).toDate();
    static_cast<QDateEdit *>(editor)->setDate(date.isValid() ? date : QDate::currentDate());
}

void OptionalDateDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const QDate date = static_cast<QDateEdit *>(editor)->date();
    model->setData(index, date == noDate() ? QDate() : date, Qt::EditRole);
}

} // namespace preflight::gui
