#pragma once

#include "model/Project.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"
#include "templates/TemplateRegistry.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace preflight::gui {

class ProjectSession;

// One open database: the Store, the templates, and a ProjectSession per project the user has
// opened in this window (kept, so that each project's undo history survives switching). It
// polls Store::dataVersion() so that commits by other processes reach the open views.
class Workspace : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~Workspace() override;

    Store &store() const { return *m_store; }
    const TemplateRegistry &templates() const { return m_templates; }
    // The project's review with the exact template version it uses (loadReview, as the command
    // line and the reports do). Throws Error naming the template and version when it is missing.
    Review review(const Project &project);

    // Created on first use; nullptr (and errorOccurred) when the project or its template is gone.
    ProjectSession *session(qint64 projectId);
    // The session if one is open already; never loads anything.
    const ProjectSession *existingSession(qint64 projectId) const;

    // Creating and deleting whole projects is not undoable; the UI confirms deletion instead.
    // The draft names an installed template version (templateId, templateVersion).
    std::optional<Project> createProject(const Project &draft);
    bool deleteProject(qint64 projectId);

    void setPollInterval(int milliseconds);
    // Checks the database for commits by other connections now; returns true if there were any.
    bool checkForExternalChanges();

signals:
    void projectsChanged(); // projects came, went, or another process changed the database
    void projectChanged(qint64 projectId); // an open project was edited in this window
    void errorOccurred(const QString &message);

private:
    std::unique_ptr<Store> m_store;
    TemplateRegistry m_templates;
    std::map<qint64, ProjectSession *> m_sessions;
    QTimer m_pollTimer;
    qint64 m_dataVersion = 0;
};

} // namespace preflight::gui
