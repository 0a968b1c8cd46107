#include "ReasonDialog.h"

#include "ui_ReasonDialog.h"

#include <QKeyEvent>
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
    // Enter starts a new line of the reason, so the keyboard's way to confirm is Ctrl+Enter.
    QPushButton *ok = ui->buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Mark Not Applicable"));
    ok->setToolTip(tr("Ctrl+Enter"));
    ui->reasonEdit->installEventFilter(this);
}

ReasonDialog::~ReasonDialog() = default;

bool ReasonDialog::eventFilter(QObject *watched, QEvent *event)
{
    // A key of the field rather than a window shortcut: a shortcut needs the dialog to be the
    // active window, which it is not yet for a moment after it opens.
    if (watched == ui->reasonEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            if (ui->buttons->button(QDialogButtonBox::Ok)->isEnabled())
                accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

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
