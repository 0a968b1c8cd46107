#include "ReasonDialog.h"

#include "ui_ReasonDialog.h"

#include <QPushButton>
#include <QShortcut>

namespace preflight::gui {

ReasonDialog::ReasonDialog(const QString &itemText, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ReasonDialog>())
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("reasonDialog"));
    ui->itemLabel->setText(QStringLiteral("<b>%1</b>").arg(itemText.toHtmlEscaped()));
    ui->reasonEdit->setPlainText(reason);
    const auto updateOk = [this] { ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!this->reason().isEmpty()); };
    connect(ui->reasonEdit, &QPlainTextEdit::textChanged, this, updateOk);
    updateOk();
    // Enter starts a new line of the reason, so the keyboard's way to confirm is Ctrl+Enter.
    QPushButton *ok = ui->buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Mark Not Applicable"));
    ok->setToolTip(tr("Ctrl+Enter"));
    for (const QKeySequence &keys :
         { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        connect(new QShortcut(keys, this), &QShortcut::activated, this, [this, ok] {
            if (ok->isEnabled())
                accept();
        });
    }
    ui->reasonEdit->setFocus();
}

ReasonDialog::~ReasonDialog() = default;

QString ReasonDialog::reason() const
{
    return ui->reasonEdit->toPlainText().trimmed();
}

std::optional<QString> ReasonDialog::ask(QWidget *parent, const QString &itemText, const QString &reason)
{
    ReasonDialog dialog(itemText, reason, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

} // namespace preflight::gui
