#include "SignOffDialog.h"

#include "Appearance.h"
#include "Error.h"
#include "signing/SshSigning.h"
#include "ui_SignOffDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QProcess>
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

SignOffDialog::~SignOffDialog()
{
    stopSigning(); // closed while signing: ssh-keygen goes too, and the cursor comes back
}

void SignOffDialog::offerSigning(bool required, Signing signing)
{
    m_signing = std::move(signing);
    m_required = required;
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
    const bool on = m_signing.record && ui->signCheck->isChecked();
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
    if (!m_signing.record || !ui->signCheck->isChecked()) {
        QDialog::accept();
        return;
    }
    if (m_process)
        return; // signing already
    SignOff prepared;
    try {
        const QString path = ui->keyEdit->text().trimmed();
        using Caller = ssh::SigningKey::Caller;
        m_key = std::make_unique<ssh::SigningKey>(path.isEmpty() ? ssh::SigningKey::fromAgent(Caller::Window)
                                                                 : ssh::SigningKey::fromFile(path, Caller::Window));
        prepared = m_signing.prepare(signOff());
    } catch (const Error &error) {
        showMessage(error.message(), true);
        return;
    }
    startSigning(prepared);
}

void SignOffDialog::reject()
{
    if (m_process) {
        stopSigning();
        showMessage(tr("Signing cancelled: nothing was recorded."), false);
        return;
    }
    QDialog::reject();
}

void SignOffDialog::startSigning(const SignOff &prepared)
{
    m_prepared = prepared;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        finishSigning(exitCode, status != QProcess::NormalExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // a crash or a kill also ends in finished()
        stopSigning();
        showMessage(tr("%1 not found: install OpenSSH (the openssh-client package)").arg(ssh::SigningKey::program()),
                    true);
    });
    setBusy(true);
    // The agent may wait for a hardware key's touch or ask for a passphrase in its own window.
    showMessage(tr("Touch your key if it asks… Signing…"), false);
    m_process->start(ssh::SigningKey::program(), m_key->signArguments());
    if (!m_process)
        return; // it could not start, and said so
    m_process->write(prepared.statement.toUtf8());
    m_process->closeWriteChannel();
}

void SignOffDialog::finishSigning(int exitCode, bool crashed)
{
    QProcess *process = std::exchange(m_process, nullptr);
    process->deleteLater();
    setBusy(false);
    std::optional<QString> refused;
    try {
        const Store::Signature signature = m_key->signatureFrom(
            crashed ? -1 : exitCode, process->readAllStandardOutput(), process->readAllStandardError());
        m_prepared.signature = signature.signature;
        m_prepared.keyFingerprint = signature.keyFingerprint;
        refused = m_signing.record(m_prepared);
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

void SignOffDialog::stopSigning()
{
    QProcess *process = std::exchange(m_process, nullptr);
    if (!process)
        return;
    // Its output is of no use now: nothing may reach finishSigning and record a sign-off.
    disconnect(process, nullptr, this, nullptr);
    process->kill();
    process->waitForFinished(5000);
    process->deleteLater();
    setBusy(false);
}

void SignOffDialog::setBusy(bool busy)
{
    for (QWidget *widget : { static_cast<QWidget *>(ui->nameEdit), static_cast<QWidget *>(ui->decisionCombo),
                             static_cast<QWidget *>(ui->commentEdit), static_cast<QWidget *>(ui->keyEdit),
                             static_cast<QWidget *>(ui->chooseKeyButton),
                             static_cast<QWidget *>(ui->buttons->button(QDialogButtonBox::Ok)) })
        widget->setEnabled(!busy);
    // Required signing stays fixed; optional signing cannot be switched off halfway.
    ui->signCheck->setEnabled(!busy && m_signing.record && !m_required);
    if (busy)
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QGuiApplication::restoreOverrideCursor();
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
