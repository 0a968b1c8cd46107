// The main window: the project list beside the four views of the open project. This file holds
// what ties them together (which project is open, which view shows, the status bar); the menus
// and toolbar are set up in MainWindowActions.cpp, project-list commands live in
// MainWindowProjects.cpp and the saved layout in MainWindowSettings.cpp.
#include "MainWindow.h"

#include "Appearance.h"
#include "AssessmentLabels.h"
#include "ConnectionWatcher.h"
#include "Error.h"
#include "LinkOpener.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "dashboard/Dashboard.h"
#include "models/ProjectListModel.h"
#include "ui_MainWindow.h"
#include "widgets/ChangesPanel.h"
#include "widgets/ChecklistView.h"
#include "widgets/PortfolioView.h"
#include "widgets/RiskView.h"
#include "widgets/SignOffView.h"
#include "widgets/VerdictBadgeDelegate.h"
#include "widgets/WelcomePage.h"

#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QUrl>

namespace preflight::gui {

MainWindow::MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent)
    : QMainWindow(parent)
    , ui(std::make_unique<Ui::MainWindow>())
    , m_workspace(std::move(workspace))
    , m_projectFilter(new ProjectFilterModel(this))
{
    ui->setupUi(this);
    ui->projectView->setModel(m_projectFilter);
    ui->projectView->setItemDelegateForColumn(ProjectListModel::VerdictColumn, new VerdictBadgeDelegate(this));
    ui->projectView->setObjectName(QStringLiteral("projectView"));
    addClearButton(ui->projectFilterEdit);
    ui->mainSplitter->setStretchFactor(1, 1);
    // The project list keeps room for a name, the verdict badge and the score: narrower, it showed
    // only names and a scroll bar.
    ui->mainSplitter->setCollapsible(0, false);
    ui->projectView->parentWidget()->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    ui->mainSplitter->setSizes({ 340, 1100 });
    setupActions();
    setupStatusBar();
    setupTemplateUpdate();
    // Load the project to show before the project list: the list then reuses its assessment.
    const qint64 initial = initialProject();
    if (initial)
        m_workspace->session(initial);
    bindWorkspace();
    restoreSettings();
    if (initial)
        openProject(initial);
    updatePage();
    // Start with the keyboard in the checklist: Space and N work without a click first.
    ui->checklistView->tree()->setFocus();
}

MainWindow::~MainWindow()
{
    // Views hold the session, which the workspace owns: detach them before it goes.
    setSessionOnViews(nullptr);
}

void MainWindow::setSessionOnViews(ProjectSession *session)
{
    ui->checklistView->setSession(session);
    if (m_riskView)
        m_riskView->setSession(session);
    if (m_signOffView)
        m_signOffView->setSession(session);
    if (m_dashboard)
        m_dashboard->setSession(session);
    if (m_changesPanel)
        m_changesPanel->setSession(session);
}

void MainWindow::placeView(QWidget *view, QWidget *page)
{
    page->layout()->addWidget(view);
    // The page may already be visible: show now rather than on the next event loop pass, so the
    // view draws the session straight away.
    view->show();
}

ChecklistView *MainWindow::checklistView() const
{
    return ui->checklistView;
}

RiskView *MainWindow::riskView()
{
    if (!m_riskView) {
        m_riskView = new RiskView;
        placeView(m_riskView, ui->risksPage);
        m_riskView->setSession(m_session);
    }
    return m_riskView;
}

SignOffView *MainWindow::signOffView()
{
    if (!m_signOffView) {
        m_signOffView = new SignOffView;
        placeView(m_signOffView, ui->signOffPage);
        m_signOffView->setSession(m_session);
    }
    return m_signOffView;
}

Dashboard *MainWindow::dashboard()
{
    if (!m_dashboard) {
        m_dashboard = createDashboard(ui->dashboardPage);
        m_dashboard->setObjectName(QStringLiteral("dashboard"));
        placeView(m_dashboard, ui->dashboardPage);
        m_dashboard->setSession(m_session);
    }
    return m_dashboard;
}

void MainWindow::showView(View view)
{
    m_portfolioShown = false;
    updatePage();
    if (m_session)
        ui->viewTabs->setCurrentIndex(int(view));
}

PortfolioView *MainWindow::portfolioView()
{
    if (!m_portfolioView) {
        m_portfolioView = new PortfolioView;
        m_portfolioView->setObjectName(QStringLiteral("portfolio"));
        connect(m_portfolioView, &PortfolioView::projectActivated, this, [this](qint64 projectId) {
            m_portfolioShown = false;
            openProject(projectId);
        });
        placeView(m_portfolioView, ui->portfolioPage);
    }
    return m_portfolioView;
}

void MainWindow::showPortfolio()
{
    m_portfolioShown = true;
    portfolioView()->refresh(*m_workspace);
    updatePage();
    m_portfolioView->table()->setFocus();
}

ChangesPanel *MainWindow::changesPanel()
{
    if (!m_changesPanel) {
        m_changesPanel = new ChangesPanel;
        m_changesPanel->setObjectName(QStringLiteral("changes"));
        placeView(m_changesPanel, ui->changesPage);
        m_changesPanel->setSession(m_session);
    }
    return m_changesPanel;
}

void MainWindow::setupStatusBar()
{
    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(QStringLiteral("verdictStatus"));
    m_signedOffLabel = new QLabel(this);
    m_signedOffLabel->setObjectName(QStringLiteral("signedOffStatus"));
    m_exportedLabel = new QLabel(this);
    m_exportedLabel->setObjectName(QStringLiteral("exportedStatus"));
    m_exportedLabel->setTextFormat(Qt::RichText);
    m_exportedLabel->hide();
    // The label's only links are the report just exported and its folder (showExported()).
    connect(m_exportedLabel, &QLabel::linkActivated, this,
            [](const QString &link) { LinkOpener::openOwnFile(QUrl(link).toLocalFile()); });
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatus"));
    m_unsavedLabel = new QLabel(this);
    m_unsavedLabel->setObjectName(QStringLiteral("unsavedStatus"));
    m_unsavedLabel->setTextFormat(Qt::RichText);
    m_unsavedLabel->hide();
    connect(m_unsavedLabel, &QLabel::linkActivated, this, [this] { m_workspace->retryFailedEdits(); });
    statusBar()->addWidget(m_unsavedLabel);
    statusBar()->addWidget(m_exportedLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    statusBar()->addPermanentWidget(m_verdictLabel);
    statusBar()->addPermanentWidget(m_signedOffLabel);
}

void MainWindow::openProject(qint64 projectId)
{
    ProjectSession *session = projectId ? m_workspace->session(projectId) : nullptr;
    if (session != m_session) {
        if (m_session)
            disconnect(m_session, nullptr, this, nullptr);
        m_session = session;
        setSessionOnViews(session);
        if (session) {
            if (!m_undoGroup.stacks().contains(session->undoStack()))
                m_undoGroup.addStack(session->undoStack());
            connect(session, &ProjectSession::stateChanged, this, &MainWindow::updateStatus);
        }
        m_undoGroup.setActiveStack(session ? session->undoStack() : nullptr);
    }
    // Keep the list's cursor on the open project (also when opened from code or settings).
    const QModelIndex listIndex = m_projectFilter->mapFromSource(m_projects->indexOfProject(projectId));
    if (listIndex.isValid() && listIndex.row() != ui->projectView->currentIndex().row())
        ui->projectView->setCurrentIndex(listIndex);
    updateStatus();
    updatePage();
}

void MainWindow::updatePage()
{
    if (!m_session && !m_welcomePage) {
        m_welcomePage = new WelcomePage;
        m_welcomePage->setObjectName(QStringLiteral("welcome"));
        connect(m_welcomePage, &WelcomePage::startFromDefaultTemplate, this,
                [this] { newProject(QString::fromLatin1(TemplateRegistry::DefaultTemplateId)); });
        connect(m_welcomePage, &WelcomePage::chooseTemplate, this, [this] { newProject({}); });
        placeView(m_welcomePage, ui->welcomePage);
    }
    if (m_portfolioShown)
        ui->pages->setCurrentWidget(ui->portfolioPage);
    else
        ui->pages->setCurrentWidget(m_session ? static_cast<QWidget *>(ui->viewTabs) : ui->welcomePage);
    // On a team server the database refuses what the login's roles do not allow; the window
    // says so up front (README.md, "Roles on a team server").
    Store::Permissions permissions;
    if (m_workspace->store().isServer()) {
        try {
            permissions = m_workspace->store().permissions();
        } catch (const Error &) {
            // Unreachable: keep the actions; the server still refuses what it must.
        }
    }
    for (QAction *action : { ui->actionNewProject, ui->actionRenameProject, ui->actionArchiveProject,
                             ui->actionProjectProfile, ui->actionDeleteProject, ui->actionImportMarkdown }) {
        if (!action->property("allowedToolTip").isValid())
            action->setProperty("allowedToolTip", action->toolTip());
        action->setToolTip(permissions.administer ? action->property("allowedToolTip").toString()
                                                  : tr("Needs the admin role on this server"));
    }
    ui->actionNewProject->setEnabled(permissions.administer);
    // The profile is a project setting: administrators set it, as the server's grants say.
    for (QAction *action :
         { ui->actionRenameProject, ui->actionArchiveProject, ui->actionProjectProfile, ui->actionDeleteProject })
        action->setEnabled(m_session != nullptr && permissions.administer);
    ui->actionImportMarkdown->setEnabled(permissions.administer);
    ui->actionExport->setEnabled(m_session != nullptr);
}

void MainWindow::updateStatus()
{
    updateTemplateNotice();
    if (!m_session) {
        setWindowTitle(tr("Preflight"));
        m_verdictLabel->setText(tr("No project open"));
        m_signedOffLabel->clear();
        return;
    }
    const Assessment &assessment = m_session->assessment();
    const Project &project = m_session->state().project;
    setWindowTitle(tr("%1 — Preflight").arg(project.name));
    ui->actionArchiveProject->setChecked(project.archived);
    m_verdictLabel->setText(tr("<span style=\"color:%1\">●</span> <b>%2</b> · score %3")
                                .arg(verdictColor(assessment.verdict).name(),
                                     verdictLabel(m_session->tmpl(), assessment.verdict).toHtmlEscaped(),
                                     Labels::score(assessment.score)));
    m_verdictLabel->setToolTip(AssessmentLabels::verdictReasons(assessment).join(QLatin1Char('\n')));
    m_signedOffLabel->setText(assessment.signedOff ? tr("✔ Signed off") : tr("Not signed off"));
}

void MainWindow::showError(const Error &error) const
{
    // A lost server connection is the status bar's to show, once, not a dialog per failed call.
    if (error.kind() == Error::Kind::ConnectionLost && m_workspace && m_workspace->store().isServer()) {
        m_workspace->reportError(error);
        return;
    }
    showError(error.message());
}

void MainWindow::showError(const QString &message) const
{
    statusBar()->showMessage(message, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Preflight"), message, QMessageBox::Ok,
                                const_cast<MainWindow *>(this));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal but not blocking: a failed write must not stall polling
}

} // namespace preflight::gui
