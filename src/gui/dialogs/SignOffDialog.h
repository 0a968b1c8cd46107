#pragma once

#include "model/Project.h"
#include "storage/Store.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

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

    // Records a signed sign-off, returning the store's refusal (nothing written) to show.
    using SignedSubmit
        = std::function<std::optional<QString>(const SignOff &signoff, const Store::StatementSigner &sign)>;
    // Offers "Sign with my SSH key": checked and fixed when `required`. A signed sign-off is
    // recorded by `submit` before the dialog closes, so a missing agent, an unknown key or a
    // review changed meanwhile is shown here and the dialog stays open.
    void offerSigning(bool required, SignedSubmit submit);
    bool recordedSigned() const { return m_recordedSigned; }

    void accept() override;

private:
    void showMessage(const QString &message, bool error);
    void updateSigning();

    std::unique_ptr<Ui::SignOffDialog> ui;
    QString m_role;
    SignedSubmit m_submit;
    bool m_recordedSigned = false;
};

} // namespace preflight::gui
