#pragma once

#include <QMainWindow>
#include <QUndoGroup>

#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Ui {
class MainWindow;
}

namespace preflight::gui {

class ChecklistView;
class Dashboard;
class ProjectFilterModel;
class ProjectListModel;
class ProjectSession;
class RiskView;
class SignOffView;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View { Checklist, Risks, SignOff, Dashboard };

    explicit MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    Workspace *workspace() const { return m_workspace.get(); }
    ProjectSession *currentSession() const { return m_session; }
    void openProject(qint64 projectId);
    void showView(View view);
    // Created on first use, so startup does not pay for five charts nobody has looked at yet.
    Dashboard *dashboard();

    ChecklistView *checklistView() const;
    RiskView *riskView() const;
    SignOffView *signOffView() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void setupStatusBar();
    void bindWorkspace();
    void restoreSettings();
    void saveSettings() const;
    void newProject(const QString &templateId);
    void renameProject();
    void deleteProject();
    void openDatabase();
    void showError(const QString &message);
    void projectsChanged();
    void updateStatus();
    void updatePage();
    qint64 selectedProjectId() const;

    std::unique_ptr<Ui::MainWindow> ui;
    std::unique_ptr<Workspace> m_workspace;
    ProjectListModel *m_projects = nullptr;
    ProjectFilterModel *m_projectFilter;
    ProjectSession *m_session = nullptr;
    Dashboard *m_dashboard = nullptr;
    QUndoGroup m_undoGroup;
    QLabel *m_verdictLabel;
    QLabel *m_signedOffLabel;
};

} // namespace preflight::gui
