#pragma once

#include <QMainWindow>
#include <QUndoGroup>

#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace Ui {
class MainWindow;
}

namespace preflight {
class Error;
class Store;
} // namespace preflight

namespace preflight::gui {

class ChangesPanel;
class ChecklistView;
class Dashboard;
class ProjectFilterModel;
class ProjectListModel;
class PortfolioView;
class ProjectSession;
class RiskView;
class SignOffView;
class WelcomePage;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Checklist, Risks, SignOff, Dashboard, Changes };

    explicit MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace.get(); }
    ProjectSession *currentSession() const { return m_session; }
    void openProject(qint64 projectId);
    void showView(View view);
    // The views other than the checklist are created when first shown, so startup pays only for
    // what is on screen (five charts, two tables and the welcome page add up).
    Dashboard *dashboard();
    RiskView *riskView();
    SignOffView *signOffView();
    ChecklistView *checklistView() const;
    // Every project at a glance, beside the project list (Ctrl+0); refreshed each time it is shown.
    PortfolioView *portfolioView();
    void showPortfolio();
    bool isPortfolioShown() const { return m_portfolioShown; }
    ChangesPanel *changesPanel();
    // The project list's verdicts and scores for projects other than the open one; called by
    // itself just after the first paint, and by anything that must see them sooner.
    void assessPendingProjects();
    // File → Export and File → Import Markdown (also what dropping a .md file does).
    void exportReport();
    void importMarkdown(const QString &path);
    // File → Connect to Team Server…
    void connectToServer();
    // Project → Update Template…: the migration plan to the newest known version of the open
    // project's template, applied (as one undoable step) when the dialog's Apply is pressed.
    void showTemplateUpdate();
    // Works on another database from now on, as if it had been opened at start.
    void replaceWorkspace(std::unique_ptr<Workspace> workspace);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setupActions();
    void setupStatusBar();
    void setupTemplateUpdate();
    void updateTemplateNotice();
    void bindConnectionStatus();
    void updateDatabaseStatus();
    void updateUnsavedStatus();
    // Before leaving this database: edits the server did not get are tried once more, or the
    // user says to drop them. False to stay.
    bool settleFailedEdits();
    void bindWorkspace();
    void restoreSettings();
    qint64 initialProject() const;
    void saveSettings() const;
    void newProject(const QString &templateId);
    void renameProject();
    void editProfile();
    void deleteProject();
    void openDatabase();
    void showError(const QString &message) const;
    void showError(const Error &error) const; // a lost server connection goes to the status bar
    void showExported(const QString &path);
    void projectsChanged();
    void updateStatus();
    void updatePage();
    void placeView(QWidget *view, QWidget *page);
    void setSessionOnViews(ProjectSession *session);
    qint64 selectedProjectId() const;

    std::unique_ptr<Ui::MainWindow> ui;
    std::unique_ptr<Workspace> m_workspace;
    ProjectListModel *m_projects = nullptr;
    ProjectFilterModel *m_projectFilter;
    ProjectSession *m_session = nullptr;
    Dashboard *m_dashboard = nullptr;
    RiskView *m_riskView = nullptr;
    SignOffView *m_signOffView = nullptr;
    PortfolioView *m_portfolioView = nullptr;
    ChangesPanel *m_changesPanel = nullptr;
    bool m_portfolioShown = false; // the portfolio page, not the project's tabs, is on screen
    WelcomePage *m_welcomePage = nullptr;
    QUndoGroup m_undoGroup;
    QLabel *m_verdictLabel;
    QLabel *m_signedOffLabel;
    QLabel *m_exportedLabel; // the last export, with links to open it or its folder
    QLabel *m_databaseLabel; // the file, or the server and login, or that the connection is lost
    QLabel *m_unsavedLabel; // edits the server did not get, with a link to try them again
    QAction *m_updateTemplateAction = nullptr;
    QToolButton *m_templateUpdateButton = nullptr; // beside the view tabs while an update is available
};

} // namespace preflight::gui
