#include "MainWindow.h"

#include "Appearance.h"
#include "Error.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "dashboard/Dashboard.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/NewProjectDialog.h"
#include "models/ProjectListModel.h"
#include "ui_MainWindow.h"
#include "widgets/ChecklistView.h"
#include "widgets/RiskView.h"
#include "widgets/SignOffView.h"
#include "widgets/VerdictBadgeDelegate.h"
#include "widgets/WelcomePage.h"

#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

#include <optional>

namespace preflight::gui {

namespace Keys {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString splitter = QStringLiteral("window/splitter");
const QString checklistSplitter = QStringLiteral("window/checklistSplitter");
const QString view = QStringLiteral("window/view");
const QString projectColumns = QStringLiteral("window/projectColumns");
const QString lastDatabase = QStringLiteral("session/lastDatabase");
const QString lastProject = QStringLiteral("session/lastProject");
} // namespace Keys

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
    ui->mainSplitter->setSizes({ 340, 1100 });
    setupActions();
    setupStatusBar();
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

void MainWindow::setupActions()
{
    ui->actionNewProject->setShortcut(QKeySequence::New);
    ui->actionNewProject->setIcon(themedIcon(QStringLiteral("new-project")));
    ui->actionOpenDatabase->setShortcut(QKeySequence::Open);
    ui->actionQuit->setShortcut(QKeySequence::Quit);
    ui->actionUndo->setShortcut(QKeySequence::Undo);
    ui->actionUndo->setIcon(themedIcon(QStringLiteral("undo")));
    ui->actionRedo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo });
    ui->actionRedo->setIcon(themedIcon(QStringLiteral("redo")));
    ui->actionFind->setShortcut(QKeySequence::Find);
    ui->actionDeleteProject->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    ui->actionArchiveProject->setIcon(themedIcon(QStringLiteral("archive")));
    ui->actionAbout->setShortcut(QKeySequence::HelpContents);
    ui->projectView->addActions({ ui->actionRenameProject, ui->actionArchiveProject, ui->actionDeleteProject });
    // The checklist's keys only act while the tree has focus; the menu offers them to the mouse
    // and shows what the keys are.
    QMenu *itemMenu = new QMenu(tr("&Item"), this);
    itemMenu->addActions(ui->checklistView->itemActions());
    menuBar()->insertMenu(ui->helpMenu->menuAction(), itemMenu);
    connect(itemMenu, &QMenu::aboutToShow, this, [this] { showView(View::Checklist); });

    connect(ui->actionNewProject, &QAction::triggered, this,
            [this] { newProject(QString::fromLatin1(TemplateRegistry::DefaultTemplateId)); });
    connect(ui->actionRenameProject, &QAction::triggered, this, &MainWindow::renameProject);
    connect(ui->actionArchiveProject, &QAction::triggered, this, [this](bool archived) {
        if (m_session)
            m_session->setArchived(archived);
    });
    connect(ui->actionDeleteProject, &QAction::triggered, this, &MainWindow::deleteProject);
    connect(ui->actionOpenDatabase, &QAction::triggered, this, &MainWindow::openDatabase);
    connect(ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    ui->actionExport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(ui->actionExport, &QAction::triggered, this, &MainWindow::exportReport);
    connect(ui->actionImportMarkdown, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Markdown Checklist"), QString(),
                                                          tr("Markdown files (*.md *.markdown);;All files (*)"));
        if (!path.isEmpty())
            importMarkdown(path);
    });
    setAcceptDrops(true);
    connect(ui->actionFind, &QAction::triggered, this, [this] {
        showView(View::Checklist);
        ui->checklistView->focusSearch();
    });
    connect(ui->actionShowChecklist, &QAction::triggered, this, [this] { showView(View::Checklist); });
    connect(ui->actionShowRisks, &QAction::triggered, this, [this] { showView(View::Risks); });
    connect(ui->actionShowSignOff, &QAction::triggered, this, [this] { showView(View::SignOff); });
    connect(ui->actionShowDashboard, &QAction::triggered, this, [this] { showView(View::Dashboard); });
    connect(ui->actionAbout, &QAction::triggered, this,
            [this] { AboutDialog(m_workspace->store().path(), this).exec(); });
    connect(ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(ui->actionUndo, &QAction::triggered, &m_undoGroup, &QUndoGroup::undo);
    connect(ui->actionRedo, &QAction::triggered, &m_undoGroup, &QUndoGroup::redo);
    connect(&m_undoGroup, &QUndoGroup::canUndoChanged, ui->actionUndo, &QAction::setEnabled);
    connect(&m_undoGroup, &QUndoGroup::canRedoChanged, ui->actionRedo, &QAction::setEnabled);
    connect(&m_undoGroup, &QUndoGroup::undoTextChanged, this, [this](const QString &text) {
        ui->actionUndo->setToolTip(text.isEmpty() ? tr("Undo") : tr("Undo %1").arg(text));
    });
    connect(&m_undoGroup, &QUndoGroup::redoTextChanged, this, [this](const QString &text) {
        ui->actionRedo->setToolTip(text.isEmpty() ? tr("Redo") : tr("Redo %1").arg(text));
    });
    ui->actionUndo->setEnabled(false);
    ui->actionRedo->setEnabled(false);

    connect(ui->projectFilterEdit, &QLineEdit::textChanged, m_projectFilter, &ProjectFilterModel::setFilterFixedString);
    connect(ui->showArchivedCheck, &QCheckBox::toggled, ui->actionShowArchived, &QAction::setChecked);
    connect(ui->actionShowArchived, &QAction::toggled, ui->showArchivedCheck, &QCheckBox::setChecked);
    connect(ui->actionShowArchived, &QAction::toggled, m_projectFilter, &ProjectFilterModel::setShowArchived);
    connect(ui->viewTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == int(View::Risks))
            riskView();
        else if (index == int(View::SignOff))
            signOffView();
        else if (index == int(View::Dashboard))
            dashboard();
    });
}

void MainWindow::setupStatusBar()
{
    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(QStringLiteral("verdictStatus"));
    m_signedOffLabel = new QLabel(this);
    m_signedOffLabel->setObjectName(QStringLiteral("signedOffStatus"));
    statusBar()->addPermanentWidget(m_verdictLabel);
    statusBar()->addPermanentWidget(m_signedOffLabel);
}

void MainWindow::bindWorkspace()
{
    delete m_projects;
    m_projects = new ProjectListModel(m_workspace.get(), this);
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
    connect(m_workspace.get(), &Workspace::errorOccurred, this, &MainWindow::showError);
    connect(ui->projectView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { openProject(selectedProjectId()); });
}

qint64 MainWindow::selectedProjectId() const
{
    return ui->projectView->currentIndex().data(ProjectListModel::ProjectIdRole).toLongLong();
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

void MainWindow::projectsChanged()
{
    // The list may have been reset (a project added or removed elsewhere): find ours again.
    if (m_session && !m_workspace->store().project(m_session->projectId()))
        openProject(0);
    else if (m_session)
        openProject(m_session->projectId());
    if (!m_session && m_projectFilter->rowCount() > 0)
        ui->projectView->setCurrentIndex(m_projectFilter->index(0, 0));
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
    ui->pages->setCurrentWidget(m_session ? static_cast<QWidget *>(ui->viewTabs) : ui->welcomePage);
    for (QAction *action :
         { ui->actionRenameProject, ui->actionArchiveProject, ui->actionDeleteProject, ui->actionExport })
        action->setEnabled(m_session != nullptr);
}

void MainWindow::updateStatus()
{
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
    m_verdictLabel->setToolTip(assessment.verdictReasons.join(QLatin1Char('\n')));
    m_signedOffLabel->setText(assessment.signedOff ? tr("✔ Signed off") : tr("Not signed off"));
}

void MainWindow::showView(View view)
{
    if (m_session)
        ui->viewTabs->setCurrentIndex(int(view));
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
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Open or Create Database"), m_workspace->store().path(),
                                       tr("Preflight databases (*.db)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    std::unique_ptr<Store> store;
    try {
        store = Store::open(path, m_workspace->store().actor());
    } catch (const Error &error) {
        showError(error.message());
        return;
    }
    replaceWorkspace(std::move(store));
}

void MainWindow::replaceWorkspace(std::unique_ptr<Store> store)
{
    openProject(0);
    m_undoGroup.setActiveStack(nullptr);
    m_workspace = std::make_unique<Workspace>(std::move(store));
    bindWorkspace();
    projectsChanged();
}

void MainWindow::exportReport()
{
    if (!m_session) {
        showError(tr("Select a project to export."));
        return;
    }
    ExportDialog(*m_session, this).exec();
}

void MainWindow::importMarkdown(const QString &path)
{
    std::optional<ImportDialog> dialog;
    try {
        dialog.emplace(import::importMarkdownFile(path), m_workspace->store(), m_workspace->templates(), this);
    } catch (const Error &error) {
        showError(error.message()); // names the file and line: "notes.md:12: …"
        return;
    }
    if (dialog->exec() != QDialog::Accepted)
        return;
    const qint64 projectId = dialog->createdProjectId();
    if (dialog->createdTemplate()) {
        // The registry holds the templates the open sessions point into; a fresh workspace on
        // the same database is the safe way to pick up the new one.
        try {
            replaceWorkspace(Store::open(m_workspace->store().path(), m_workspace->store().actor()));
        } catch (const Error &error) {
            showError(error.message());
            return;
        }
    } else {
        projectsChanged();
    }
    if (projectId)
        openProject(projectId);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()
        && urls.first().toLocalFile().endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    // Not from inside the drop: the source application waits until the handler returns.
    const QString path = urls.first().toLocalFile();
    QMetaObject::invokeMethod(
        this, [this, path] { importMarkdown(path); }, Qt::QueuedConnection);
}

void MainWindow::showError(const QString &message) const
{
    statusBar()->showMessage(message, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Preflight"), message, QMessageBox::Ok,
                                const_cast<MainWindow *>(this));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal but not blocking: a failed write must not stall polling
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(Keys::geometry).toByteArray());
    restoreState(settings.value(Keys::state).toByteArray());
    ui->mainSplitter->restoreState(settings.value(Keys::splitter).toByteArray());
    ui->checklistView->restoreState(settings.value(Keys::checklistSplitter).toByteArray());
    ui->projectView->header()->restoreState(settings.value(Keys::projectColumns).toByteArray());
    ui->viewTabs->setCurrentIndex(settings.value(Keys::view, 0).toInt());
}

qint64 MainWindow::initialProject() const
{
    QSettings settings;
    if (settings.value(Keys::lastDatabase).toString() == m_workspace->store().path()) {
        const qint64 last = settings.value(Keys::lastProject).toLongLong();
        if (last && m_workspace->store().project(last))
            return last;
    }
    try {
        for (const Project &project : m_workspace->store().projects()) {
            if (!project.archived)
                return project.id;
        }
    } catch (const Error &error) {
        showError(error.message());
    }
    return 0;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(Keys::geometry, saveGeometry());
    settings.setValue(Keys::state, saveState());
    settings.setValue(Keys::splitter, ui->mainSplitter->saveState());
    settings.setValue(Keys::checklistSplitter, ui->checklistView->saveState());
    settings.setValue(Keys::projectColumns, ui->projectView->header()->saveState());
    settings.setValue(Keys::view, ui->viewTabs->currentIndex());
    settings.setValue(Keys::lastDatabase, m_workspace->store().path());
    if (m_session)
        settings.setValue(Keys::lastProject, m_session->projectId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Edits are already in the database; only typing still waiting for its pause is flushed.
    ui->checklistView->commitPendingEdits();
    saveSettings();
    event->accept();
}

} // namespace preflight::gui
