#pragma once

#include "storage/Store.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace Ui {
class SignOffView;
}

namespace preflight::gui {

class ProjectSession;
class SignOffModel;

// Sign-off tab: the verdict and why, then one row per template role.
class SignOffView : public QWidget
{
    Q_OBJECT

public:
    explicit SignOffView(QWidget *parent = nullptr);
    ~SignOffView() override;

    void setSession(ProjectSession *session);
    QTableView *table() const;
    // The allowed-signers file signatures are checked against, kept in the user's settings
    // (signing/allowedSigners) like git's gpg.ssh.allowedSignersFile; empty: none.
    void setAllowedSignersFile(const QString &path);

private:
    void signSelected();
    void clearSelected();
    QString selectedRole() const;
    void refresh();
    void showAllowedSigners(const QString &path);

    std::unique_ptr<Ui::SignOffView> ui;
    SignOffModel *m_model;
    ProjectSession *m_session = nullptr;
    Store::Permissions m_permissions; // asked once per session: on a server, what the login may sign
};

} // namespace preflight::gui
