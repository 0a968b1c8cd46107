// The main window's menus, toolbar and shortcuts, and the file commands behind them: export,
// Markdown import (also by dropping a .md file on the window) and the About dialog.
#include "Appearance.h"
#include "Error.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "UndoKeys.h"
#include "Workspace.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/KeyboardShortcutsDialog.h"
#include "models/ProjectListModel.h"
#include "ui_MainWindow.h"
#include "widgets/ChecklistView.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QUrl>

#include <optional>

namespace preflight::gui {

void MainWindow::setupActions()
{
    ui->actionNewProject->setShortcut(QKeySequence::New);
    ui->actionNewProject->setIcon(themedIcon(QStringLiteral("new-project")));
    ui->actionOpenDatabase->setShortcut(QKeySequence::Open);
    ui->actionQuit->setShortcut(QKeySequence::Quit);
    ui->actionUndo->setShortcut(QKeySequence::Undo);
    ui->actionUndo->setIcon(themedIcon(QStringLiteral("undo")));
    ui->actionRedo->setShortcuts(redoKeys());
    new UndoKeys(this, ui->actionUndo, ui->actionRedo);
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
    connect(ui->actionProjectProfile, &QAction::triggered, this, &MainWindow::editProfile);
    connect(ui->actionDeleteProject, &QAction::triggered, this, &MainWindow::deleteProject);
    connect(ui->actionOpenDatabase, &QAction::triggered, this, &MainWindow::openDatabase);
    connect(ui->actionConnectServer, &QAction::triggered, this, &MainWindow::connectToServer);
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
    connect(ui->actionShowPortfolio, &QAction::triggered, this, &MainWindow::showPortfolio);
    connect(ui->actionShowChanges, &QAction::triggered, this, [this] { showView(View::Changes); });
    connect(ui->actionShowChecklist, &QAction::triggered, this, [this] { showView(View::Checklist); });
    connect(ui->actionShowRisks, &QAction::triggered, this, [this] { showView(View::Risks); });
    connect(ui->actionShowSignOff, &QAction::triggered, this, [this] { showView(View::SignOff); });
    connect(ui->actionShowDashboard, &QAction::triggered, this, [this] { showView(View::Dashboard); });
    connect(ui->actionAbout, &QAction::triggered, this,
            [this] { AboutDialog(m_workspace->store().path(), this).exec(); });
    connect(ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    ui->actionKeyboardShortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(ui->actionKeyboardShortcuts, &QAction::triggered, this, [this] {
        // The checklist's keys first: they are what a review is run with.
        KeyboardShortcutsDialog(ui->checklistView->itemActions() + findChildren<QAction *>(), this).exec();
    });

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
        else if (index == int(View::Changes))
            changesPanel();
    });
}

void MainWindow::exportReport()
{
    if (!m_session) {
        showError(tr("Select a project to export."));
        return;
    }
    ExportDialog dialog(*m_session, this);
    if (dialog.exec() == QDialog::Accepted)
        showExported(dialog.path());
}

void MainWindow::showExported(const QString &path)
{
    const QFileInfo file(path);
    m_exportedLabel->setText(tr("Exported %1 · <a href=\"%2\">Open</a> · <a href=\"%3\">Show Folder</a>")
                                 .arg(file.fileName().toHtmlEscaped(),
                                      QUrl::fromLocalFile(file.absoluteFilePath()).toString(QUrl::FullyEncoded),
                                      QUrl::fromLocalFile(file.absolutePath()).toString(QUrl::FullyEncoded)));
    m_exportedLabel->setToolTip(QDir::toNativeSeparators(file.absoluteFilePath()));
    m_exportedLabel->show();
}

void MainWindow::importMarkdown(const QString &path)
{
    std::optional<ImportDialog> dialog;
    try {
        dialog.emplace(import::importMarkdownFile(path), m_workspace->store(), m_workspace->templates(), this);
    } catch (const Error &error) {
        showError(error); // names the file and line: "notes.md:12: …"
        return;
    }
    if (dialog->exec() != QDialog::Accepted)
        return;
    const qint64 projectId = dialog->createdProjectId();
    if (dialog->createdTemplate()) {
        // The registry holds the templates the open sessions point into; a fresh workspace on
        // the same database is the safe way to pick up the new one.
        try {
            replaceWorkspace(m_workspace->reopen());
        } catch (const Error &error) {
            showError(error);
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

} // namespace preflight::gui
