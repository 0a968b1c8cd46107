#pragma once

#include "model/Project.h"
#include "storage/Store.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

class QProcess;

namespace preflight::ssh {
class SigningKey;
}

namespace Ui {
class SignOffDialog;
}

namespace preflight::gui {

// Records one role's decision. It names the role and the review's current verdict, and has no
// default decision: approving is a choice the signer makes, never what pressing Enter does. The
// name defaults to the previous signer, or the store's actor.
class SignOffDialog : public QDialog
{
    Q_OBJECT

public:
    // `verdict` is the review's verdict as the window shows it (rich text).
    SignOffDialog(const QString &role, const QString &verdict, const std::optional<SignOff> &previous,
                  const QString &defaultName, QWidget *parent = nullptr);
    ~SignOffDialog() override;
    SignOff signOff() const;

    // How a signed sign-off is recorded, in the store's two steps: `prepare` returns the
    // sign-off with its statement (throwing the store's refusal), `record` writes it signed and
    // returns a refusal (nothing written) to show.
    struct Signing
    {
        std::function<SignOff(const SignOff &signoff)> prepare;
        std::function<std::optional<QString>(const SignOff &signedSignOff)> record;
    };
    // Offers "Sign with my SSH key": checked and fixed when `required`. A signed sign-off is
    // recorded before the dialog closes, so a missing agent, an unknown key or a review changed
    // meanwhile is shown here and the dialog stays open. ssh-keygen runs without blocking: the
    // dialog stays responsive while a hardware key waits for its touch, and Cancel stops it,
    // recording nothing.
    void offerSigning(bool required, Signing signing);
    bool recordedSigned() const { return m_recordedSigned; }
    bool isSigning() const { return m_process != nullptr; }

    void accept() override;
    void reject() override;

private:
    void showMessage(const QString &message, bool error);
    void updateSigning();
    void startSigning(const SignOff &prepared);
    void finishSigning(int exitCode, bool crashed);
    void stopSigning(); // kills ssh-keygen; nothing is recorded
    void setBusy(bool busy);

    std::unique_ptr<Ui::SignOffDialog> ui;
    QString m_role;
    Signing m_signing;
    bool m_recordedSigned = false;
    bool m_required = false;
    // While ssh-keygen signs: the key (an agent's key lives in a temporary file), the process
    // and the sign-off it signs.
    std::unique_ptr<ssh::SigningKey> m_key;
    QProcess *m_process = nullptr;
    SignOff m_prepared;
};

} // namespace preflight::gui
