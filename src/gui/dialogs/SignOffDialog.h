#pragma once

#include "model/Project.h"

#include <QDialog>

#include <memory>

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

private:
    std::unique_ptr<Ui::SignOffDialog> ui;
    QString m_role;
};

} // namespace preflight::gui
