#include "KeyboardShortcutsDialog.h"

#include "ui_KeyboardShortcutsDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QStandardItemModel>

namespace preflight::gui {

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::KeyboardShortcutsDialog>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    auto *model = new QStandardItemModel(0, 2, this);
    model->setHorizontalHeaderLabels({ tr("Action"), tr("Keys") });
    QList<const QAction *> listed;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty() || listed.contains(action))
            continue;
        listed.push_back(action);
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        QString name = action->text();
        name.remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        model->appendRow({ new QStandardItem(name), new QStandardItem(keys.join(QStringLiteral(", "))) });
    }
    ui->keysView->setModel(model);
    ui->keysView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui->keysView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    ui->keysView->header()->setStretchLastSection(false);
}

KeyboardShortcutsDialog::~KeyboardShortcutsDialog() = default;

} // namespace preflight::gui
