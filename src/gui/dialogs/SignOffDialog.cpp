#include "SignOffDialog.h"

#include "Appearance.h"
#include "ui_SignOffDialog.h"

#include <QPushButton>

namespace preflight::gui {

SignOffDialog::SignOffDialog(const QString &role, const QString &verdict, const std::optional<SignOff> &previous,
                             const QString &defaultName, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SignOffDialog>())
    , m_role(role)
{
    ui->setupUi(this);
    setObjectName(QStringLiteral("signOffDialog"));
    setWindowTitle(tr("Sign Off as %1").arg(role));
    ui->roleLabel->setText(tr("Signing as <b>%1</b>. The review is now: %2").arg(role.toHtmlEscaped(), verdict));
    ui->introLabel->setText(tr("Your decision covers the checklist and the risks as they are now. Any later change "
                               "marks it stale until you sign again."));
    for (Decision decision : { Decision::Approve, Decision::ApproveWithRisks, Decision::Reject })
        ui->decisionCombo->addItem(dotIcon(decisionColor(decision)), Labels::decision(decision), int(decision));
    ui->nameEdit->setText(previous ? previous->name : defaultName);
    ui->decisionCombo->setCurrentIndex(-1);
    if (previous)
        ui->commentEdit->setPlainText(previous->comment);
    const auto updateOk = [this] {
        ui->buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!ui->nameEdit->text().trimmed().isEmpty() && ui->decisionCombo->currentIndex() >= 0);
    };
    connect(ui->nameEdit, &QLineEdit::textChanged, this, updateOk);
    connect(ui->decisionCombo, &QComboBox::currentIndexChanged, this, updateOk);
    updateOk();
    ui->decisionCombo->setFocus();
}

SignOffDialog::~SignOffDialog() = default;

SignOff SignOffDialog::signOff() const
{
    SignOff signoff;
    signoff.role = m_role;
    signoff.name = ui->nameEdit->text().trimmed();
    signoff.decision = static_cast<Decision>(ui->decisionCombo->currentData().toInt());
    signoff.comment = ui->commentEdit->toPlainText().trimmed();
    signoff.date = QDateTime::currentDateTimeUtc();
    return signoff;
}

} // namespace preflight::gui
