#pragma once

#include "model/Project.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SignOffDialog;
}

namespace preflight::gui {

// Records one role's decision. The name defaults to the previous signer, or the store's actor.
class SignOffDialog : public QDialog
{
    Q_OBJECT

public:
    SignOffDialog(const QString &role, const std::optional<SignOff> &previous, const QString &defaultName,
                  QWidget *parent = nullptr);
    ~SignOffDialog() override;
    SignOff signOff() const;

private:
    std::unique_ptr<Ui::SignOffDialog> ui;
    QString m_role;
};

} // namespace preflight::gui
