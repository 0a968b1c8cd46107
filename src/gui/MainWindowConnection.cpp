// The main window's side of team servers: File → Connect to Team Server…, and the status bar's
// account of the database: which file, or which server as which login, a lost connection while
// it reconnects, and edits the server did not get, with a link to try them again.
#include "Appearance.h"
#include "ConnectionWatcher.h"
#include "MainWindow.h"
#include "Workspace.h"
#include "dialogs/ConnectDialog.h"
#include "scoring/Assessment.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStatusBar>

namespace preflight::gui {

namespace {

// postgresql://login@host:port/db → postgresql://host:port/db: the login is named after "as".
QString serverWithoutLogin(const QString &path)
{
    static const QRegularExpression login(QStringLiteral("^(postgres(?:ql)?://)[^@/]*@"));
    return QString(path).replace(login, QStringLiteral("\\1"));
}

} // namespace

void MainWindow::connectToServer()
{
    if (!settleFailedEdits())
        return;
    ConnectDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto workspace = std::make_unique<Workspace>(dialog.takeStore());
    workspace->setLocation(dialog.connection(), dialog.password());
    replaceWorkspace(std::move(workspace));
    statusBar()->showMessage(tr("Connected to %1.").arg(serverWithoutLogin(m_workspace->store().path())), 5000);
}

void MainWindow::bindConnectionStatus()
{
    connect(m_workspace.get(), &Workspace::connectionLost, this, &MainWindow::updateDatabaseStatus);
    connect(m_workspace.get(), &Workspace::connectionRestored, this, [this] {
        updateDatabaseStatus();
        statusBar()->showMessage(tr("Reconnected to the team server."), 5000);
    });
    connect(m_workspace.get(), &Workspace::failedEditsChanged, this, &MainWindow::updateUnsavedStatus);
    updateDatabaseStatus();
    updateUnsavedStatus();
}

void MainWindow::updateDatabaseStatus()
{
    const Store &store = m_workspace->store();
    if (!store.isServer()) {
        m_databaseLabel->setText(tr("File: %1").arg(QFileInfo(store.path()).fileName()));
        m_databaseLabel->setToolTip(QDir::toNativeSeparators(store.path()));
        return;
    }
    const QString server = serverWithoutLogin(store.path());
    if (m_workspace->isConnectionLost()) {
        m_databaseLabel->setText(tr("<span style=\"color:%1\">⚠ Connection lost — reconnecting…</span>")
                                     .arg(verdictColor(Verdict::NotReady).name()));
        m_databaseLabel->setToolTip(tr("%1: what is shown is as it was when the connection was lost. Edits made "
                                       "meanwhile are kept to be tried again.")
                                        .arg(server));
        return;
    }
    m_databaseLabel->setText(tr("Team server: %1 as %2").arg(server, store.actor()));
    m_databaseLabel->setToolTip(tr("Changes by others appear as they are made; the audit trail records "
                                   "the login %1.")
                                    .arg(store.actor()));
}

void MainWindow::updateUnsavedStatus()
{
    const int count = m_workspace->failedEditCount();
    m_unsavedLabel->setVisible(count > 0);
    if (count == 0)
        return;
    // Spelled out rather than tr()'s %n: without a translation loaded that reads "1 change(s)".
    const QString changes = count == 1 ? tr("1 change not saved") : tr("%1 changes not saved").arg(count);
    m_unsavedLabel->setText(
        tr("<span style=\"color:%1\">%2</span>: the server could not be reached · <a href=\"retry\">Retry</a>")
            .arg(verdictColor(Verdict::NotReady).name(), changes));
}

bool MainWindow::settleFailedEdits()
{
    while (m_workspace->failedEditCount() > 0) {
        QMessageBox box(QMessageBox::Warning, tr("Changes Not Saved"),
                        tr("%1 of your changes could not be saved: the server could not be reached.")
                            .arg(m_workspace->failedEditCount()),
                        QMessageBox::Retry | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(tr("Try them again now, or leave without them?"));
        box.setDefaultButton(QMessageBox::Retry);
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Discard)
            return true;
        m_workspace->retryFailedEdits();
    }
    return true;
}

} // namespace preflight::gui
