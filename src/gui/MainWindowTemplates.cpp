// The "Template update available" notice beside the view tabs and Project › Update Template…:
// the migration plan of the open project, applied as one undoable command.
#include "Appearance.h"
#include "Error.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "dialogs/TemplateUpdateDialog.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QToolButton>

namespace preflight::gui {

void MainWindow::setupTemplateUpdate()
{
    m_updateTemplateAction = new QAction(tr("&Update Template…"), this);
    m_updateTemplateAction->setObjectName(QStringLiteral("actionUpdateTemplate"));
    m_updateTemplateAction->setToolTip(tr("Move this project to the newest version of its template"));
    m_updateTemplateAction->setEnabled(false);
    connect(m_updateTemplateAction, &QAction::triggered, this, &MainWindow::showTemplateUpdate);
    ui->fileMenu->insertAction(ui->actionDeleteProject, m_updateTemplateAction);

    m_templateUpdateButton = new QToolButton(this);
    m_templateUpdateButton->setObjectName(QStringLiteral("templateUpdateButton"));
    m_templateUpdateButton->setAutoRaise(true);
    m_templateUpdateButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_templateUpdateButton->setIcon(themedIcon(QStringLiteral("info")));
    m_templateUpdateButton->hide();
    connect(m_templateUpdateButton, &QToolButton::clicked, this, &MainWindow::showTemplateUpdate);
    ui->viewTabs->setCornerWidget(m_templateUpdateButton, Qt::TopRightCorner);
}

void MainWindow::updateTemplateNotice()
{
    std::shared_ptr<const Template> update;
    if (m_session) {
        try {
            update = m_workspace->templateUpdate(m_session->state().project);
        } catch (const Error &error) {
            // A damaged stored version only hides the notice; the review itself is unaffected.
            qWarning("%s", qUtf8Printable(error.message()));
        }
    }
    m_updateTemplateAction->setEnabled(update != nullptr);
    m_templateUpdateButton->setVisible(update != nullptr);
    m_templateUpdateButton->setEnabled(true);
    if (!update)
        return;
    m_templateUpdateButton->setText(tr("Template update available: %1").arg(update->version));
    m_templateUpdateButton->setToolTip(tr("“%1” %2 is available; this project follows %3. Click to see what moving "
                                          "to it would change.")
                                           .arg(update->title, update->version, m_session->tmpl().version));
    // On a team server only admins migrate projects: the notice stays, the plan is not offered.
    if (m_workspace->store().isServer()) {
        bool administer = true;
        try {
            administer = m_workspace->store().permissions().administer;
        } catch (const Error &) {
            // Unreachable: keep it enabled; the server still refuses what it must.
        }
        if (!administer) {
            m_updateTemplateAction->setEnabled(false);
            m_templateUpdateButton->setEnabled(false);
            m_templateUpdateButton->setToolTip(tr("“%1” %2 is available; moving the project to it needs the admin "
                                                  "role on this server")
                                                   .arg(update->title, update->version));
        }
    }
}

void MainWindow::showTemplateUpdate()
{
    if (!m_session)
        return;
    try {
        std::shared_ptr<const Template> to = m_workspace->templateUpdate(m_session->state().project);
        if (!to)
            return;
        const MigrationPlan plan = planMigration(m_session->tmpl(), *to, m_session->state());
        auto *dialog = new TemplateUpdateDialog(m_session->state().project.name, m_session->tmpl(), *to, plan, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        ProjectSession *session = m_session;
        connect(dialog, &QDialog::accepted, session, [session, to, plan] { session->migrate(to, plan); });
        dialog->open();
    } catch (const Error &error) {
        showError(error);
    }
}

} // namespace preflight::gui
