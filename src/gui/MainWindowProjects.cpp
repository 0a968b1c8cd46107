// The project list and the commands on whole projects: create, rename, delete, and opening
// another database (which replaces the workspace under the list).
#include "Error.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "dialogs/NewProjectDialog.h"
#include "dialogs/ProfileDialog.h"
#include "models/ProjectListModel.h"
#include "ui_MainWindow.h"
#include "widgets/ChecklistView.h"
#include "widgets/PortfolioView.h"

#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <functional>
#include <optional>

namespace preflight::gui {

namespace {

// Runs `done` on the event loop pass after `widget` first paints, then goes away.
class AfterFirstPaint : public QObject
{
public:
    AfterFirstPaint(QWidget *widget, std::function<void()> done)
        : QObject(widget)
        , m_done(std::move(done))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, watched, m_done);
            deleteLater();
        }
        return false;
    }

private:
    std::function<void()> m_done;
};

} // namespace

void MainWindow::bindWorkspace()
{
    delete m_projects;
    // Projects other than the open one get their badges just after the window has painted.
    m_projects = new ProjectListModel(m_workspace.get(), this, ProjectListModel::Assess::Later);
    m_projectFilter->setSourceModel(m_projects);
    QHeaderView *header = ui->projectView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ProjectListModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ProjectListModel::VerdictColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProjectListModel::ScoreColumn, QHeaderView::ResizeToContents);
    ui->projectView->sortByColumn(ProjectListModel::NameColumn, Qt::AscendingOrder);
    connect(m_workspace.get(), &Workspace::projectsChanged, this, &MainWindow::projectsChanged);
    // Renaming or archiving can move or hide the open project's row: keep the cursor on it.
    connect(m_workspace.get(), &Workspace::projectChanged, this, &MainWindow::projectsChanged);
    connect(m_workspace.get(), &Workspace::errorOccurred, this, qOverload<const QString &>(&MainWindow::showError));
    bindConnectionStatus();
    // Choosing a project in the list leaves the portfolio for that project's tabs.
    connect(ui->projectView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_portfolioShown = false;
        openProject(selectedProjectId());
    });
    connect(ui->projectView, &QAbstractItemView::clicked, this, [this] {
        m_portfolioShown = false;
        updatePage();
    });
    if (m_projects->hasPending())
        new AfterFirstPaint(ui->projectView->viewport(), [this] { assessPendingProjects(); });
}

void MainWindow::assessPendingProjects()
{
    if (!m_projects->hasPending())
        return;
    // The badge column is sized to its contents, so it grows by itself for a wider badge.
    m_projects->assessPending();
}

qint64 MainWindow::selectedProjectId() const
{
    return ui->projectView->currentIndex().data(ProjectListModel::ProjectIdRole).toLongLong();
}

void MainWindow::projectsChanged()
{
    // The list may have been reset (a project added or removed elsewhere): find ours again.
    if (m_session && !m_workspace->store().project(m_session->projectId()))
        openProject(0);
    else if (m_session)
        openProject(m_session->projectId());
    if (!m_session && m_projectFilter->rowCount() > 0)
        ui->projectView->setCurrentIndex(m_projectFilter->index(0, 0));
    if (m_portfolioShown)
        m_portfolioView->refresh(*m_workspace);
    updatePage();
}

void MainWindow::newProject(const QString &templateId)
{
    NewProjectDialog dialog(*m_workspace, templateId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const std::optional<Project> created = m_workspace->createProject(dialog.draft())) {
        openProject(created->id);
        showView(View::Checklist);
        ui->checklistView->tree()->setFocus();
    }
}

void MainWindow::renameProject()
{
    if (!m_session)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Project"), tr("New name:"), QLineEdit::Normal,
                                               m_session->state().project.name, &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        m_session->rename(name);
}

void MainWindow::editProfile()
{
    if (!m_session)
        return;
    ProfileDialog dialog(m_session->tmpl(), m_session->state().project.profile, this);
    if (dialog.exec() == QDialog::Accepted)
        m_session->setProfile(dialog.profile());
}

void MainWindow::deleteProject()
{
    if (!m_session)
        return;
    const QString name = m_session->state().project.name;
    QMessageBox box(QMessageBox::Warning, tr("Delete Project"),
                    tr("Delete “%1” with its checklist, risks and sign-offs?").arg(name), QMessageBox::Cancel, this);
    box.setInformativeText(tr("This cannot be undone. The audit trail keeps a record of the changes; archiving "
                              "hides the project and keeps everything."));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    const qint64 id = m_session->projectId();
    openProject(0);
    m_workspace->deleteProject(id);
}

void MainWindow::openDatabase()
{
    if (!settleFailedEdits())
        return;
    // From a server, the file dialog starts in the default folder, and the file records this
    // computer's user rather than the server login.
    const Store &current = m_workspace->store();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Open or Create Database"), current.isServer() ? Store::defaultPath() : current.path(),
        tr("Preflight databases (*.db)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    std::unique_ptr<Store> store;
    try {
        store = Store::open(path, current.isServer() ? Store::defaultActor() : current.actor());
    } catch (const Error &error) {
        showError(error);
        return;
    }
    replaceWorkspace(std::make_unique<Workspace>(std::move(store)));
}

void MainWindow::replaceWorkspace(std::unique_ptr<Workspace> workspace)
{
    openProject(0);
    m_undoGroup.setActiveStack(nullptr);
    m_workspace = std::move(workspace);
    bindWorkspace();
    projectsChanged();
}

} // namespace preflight::gui
