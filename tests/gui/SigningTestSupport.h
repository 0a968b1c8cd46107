#pragma once

// What the window's signing tests share: the agent the window signs through, a window on the
// Sign-off tab, and the dialog's controls.
#include "SshFixture.h"
#include "WindowTestSupport.h"
#include "dialogs/SignOffDialog.h"
#include "models/SignOffModel.h"
#include "widgets/SignOffView.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

namespace preflight::gui::signing_test {

using namespace preflight::gui::test;

// The agent the dialog signs through is the one SSH_AUTH_SOCK names, as in a user's session.
struct AgentEnvironment
{
    explicit AgentEnvironment(const QString &socket)
        : m_before(qgetenv("SSH_AUTH_SOCK"))
        , m_wasSet(qEnvironmentVariableIsSet("SSH_AUTH_SOCK"))
    {
        set(socket);
    }
    ~AgentEnvironment()
    {
        if (m_wasSet)
            qputenv("SSH_AUTH_SOCK", m_before);
        else
            qunsetenv("SSH_AUTH_SOCK");
    }
    static void set(const QString &socket)
    {
        if (socket.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", socket.toUtf8());
    }

private:
    QByteArray m_before;
    bool m_wasSet;
};

inline QString fingerprint(const QString &keyFile)
{
    return preflight::test::runTool(QStringLiteral("ssh-keygen"),
                                    { QStringLiteral("-l"), QStringLiteral("-f"), keyFile })
        .section(QLatin1Char(' '), 1, 1);
}

struct SigningWindow : ProjectWindow
{
    SigningWindow()
    {
        open.window.showView(MainWindow::View::SignOff);
        table()->setCurrentIndex(table()->model()->index(row(), 0));
    }
    QTableView *table() { return open.window.signOffView()->table(); }
    int row()
    {
        for (int r = 0; r < table()->model()->rowCount(); ++r) {
            if (table()->model()->index(r, 0).data(SignOffModel::RoleNameRole).toString() == role)
                return r;
        }
        FAIL("no Security Lead row");
        return -1;
    }
    QModelIndex signature() { return table()->model()->index(row(), SignOffModel::SignatureColumn); }
    void clickSign() { open.window.signOffView()->findChild<QPushButton *>(QStringLiteral("signButton"))->click(); }
    std::vector<SignOff> stored() const { return db.open()->loadState(project.id).signoffs; }

    const QString role = QStringLiteral("Security Lead");
};

inline void fill(SignOffDialog *dialog, const char *name)
{
    auto *nameEdit = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    nameEdit->setText(QString::fromLatin1(name));
    auto *decision = dialog->findChild<QComboBox *>(QStringLiteral("decisionCombo"));
    decision->setCurrentIndex(decision->findData(int(Decision::Approve)));
}

inline QPushButton *okButton(SignOffDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}

} // namespace preflight::gui::signing_test
