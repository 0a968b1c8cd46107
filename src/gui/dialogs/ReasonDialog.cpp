#include "ReasonDialog.h"

#include "ui_ReasonDialog.h"

#include <QPushButton>

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
