#include "SignOffDialog.h"

#include "Appearance.h"
#include "Error.h"
#include "signing/SshSigning.h"
#include "ui_SignOffDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QPushButton>
#include <QScopeGuard>

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
    connect(ui->signCheck, &QCheckBox::toggled, this, &SignOffDialog::updateSigning);
    connect(ui->chooseKeyButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose the Key to Sign With"),
                                                          QDir::homePath() + QStringLiteral("/.ssh"),
                                                          tr("Public keys (*.pub);;All files (*)"));
        if (!file.isEmpty())
            ui->keyEdit->setText(file);
    });
    // Signing is offered only where the caller can record a signed sign-off (offerSigning).
    for (QWidget *widget : { static_cast<QWidget *>(ui->signCheck), static_cast<QWidget *>(ui->keyCaption),
                             static_cast<QWidget *>(ui->keyEdit), static_cast<QWidget *>(ui->chooseKeyButton) })
        widget->hide();
    ui->decisionCombo->setFocus();
}

SignOffDialog::~SignOffDialog() = default;

void SignOffDialog::offerSigning(bool required, SignedSubmit submit)
{
    m_submit = std::move(submit);
    ui->signCheck->show();
    ui->signCheck->setChecked(required);
    ui->signCheck->setEnabled(!required);
    ui->signCheck->setToolTip(required ? tr("This project requires signed sign-offs")
                                       : tr("Sign the sign-off with your SSH key, as git signs commits: an auditor "
                                            "can then check who gave it"));
    updateSigning();
}

void SignOffDialog::updateSigning()
{
    const bool on = m_submit && ui->signCheck->isChecked();
    for (QWidget *widget : { static_cast<QWidget *>(ui->keyCaption), static_cast<QWidget *>(ui->keyEdit),
                             static_cast<QWidget *>(ui->chooseKeyButton) })
        widget->setVisible(on);
}

void SignOffDialog::showMessage(const QString &message, bool error)
{
    ui->errorLabel->setStyleSheet(error ? QStringLiteral("color: %1").arg(verdictColor(Verdict::NotReady).name())
                                        : QString());
    ui->errorLabel->setText(message);
    ui->errorLabel->show();
}

void SignOffDialog::accept()
{
    if (!m_submit || !ui->signCheck->isChecked()) {
        QDialog::accept();
        return;
    }
    // ssh-keygen blocks until the agent answers, which may wait for a hardware key's touch: say so
    // before it starts.
    showMessage(tr("Signing… your key may ask for a touch or a passphrase."), false);
    ui->errorLabel->repaint();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    std::optional<QString> refused;
    try {
        const QString path = ui->keyEdit->text().trimmed();
        auto key = std::make_shared<ssh::SigningKey>(path.isEmpty() ? ssh::SigningKey::fromAgent()
                                                                    : ssh::SigningKey::fromFile(path));
        refused = m_submit(signOff(), [key](const QString &statement) { return key->sign(statement); });
    } catch (const Error &error) {
        refused = error.message();
    }
    if (refused) {
        showMessage(*refused, true);
        return;
    }
    m_recordedSigned = true;
    QDialog::accept();
}

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
