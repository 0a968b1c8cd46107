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

class ConnectionWatcher;

// One open database: the Store, the templates, and a ProjectSession per project the user has
// opened in this window (kept, so that each project's undo history survives switching). Commits
// by other processes reach the open views: for a file by polling Store::dataVersion(), on a
// server as the server pushes its change notifications (see ConnectionWatcher), which also
// notices a lost connection and reconnects.
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

    // The newest version of the project's template this window knows, installed or stored in
    // the database, when it is newer than the version the project follows; nullptr otherwise.
    std::shared_ptr<const Template> templateUpdate(const Project &project) const;

    // Created on first use; nullptr (and errorOccurred) when the project or its template is gone.
    ProjectSession *session(qint64 projectId);
    // The session if one is open already; never loads anything.
    const ProjectSession *existingSession(qint64 projectId) const;

    // Creating and deleting whole projects is not undoable; the UI confirms deletion instead.
    // The draft names an installed template version (templateId, templateVersion).
    std::optional<Project> createProject(const Project &draft);
    bool deleteProject(qint64 projectId);

    // What the database was opened with, kept to open it again (the last database of the next
    // start, a fresh workspace after a template import): for a server the connection string as
    // given (sslmode and all, never a password), for a file its path. The password, if the
    // server asked for one, is kept in memory only, for this window's reconnections.
    void setLocation(const QString &location, const QString &password = {});
    QString location() const; // without a password, even one written into a URI
    // A fresh workspace on the same database (throws Error when it cannot be opened).
    std::unique_ptr<Workspace> reopen() const;

    bool isConnectionLost() const;
    // A call on the store failed: a lost server connection (Error::Kind::ConnectionLost) becomes
    // the window's state (connectionLost), anything else is reported (errorOccurred).
    void reportError(const Error &error);
    // Edits that could not be written for want of the server, over all open projects.
    int failedEditCount() const;
    void retryFailedEdits();

    void setPollInterval(int milliseconds); // files only: a server pushes its changes
    bool isPolling() const { return m_pollTimer.isActive(); }
    // Checks the database for commits by other connections now; returns true if there were any.
    bool checkForExternalChanges();

signals:
    void projectsChanged(); // projects came, went, or another process changed the database
    void projectChanged(qint64 projectId); // an open project was edited in this window
    void errorOccurred(const QString &message);
    void connectionLost(const QString &message);
    void connectionRestored();
    void failedEditsChanged();

private:
    void report(const QString &message, bool connectionLost);

    std::unique_ptr<Store> m_store;
    TemplateRegistry m_templates;
    std::map<qint64, ProjectSession *> m_sessions;
    QTimer m_pollTimer;
    ConnectionWatcher *m_watcher = nullptr;
    qint64 m_dataVersion = 0;
    QString m_location;
    QString m_password;
};

} // namespace preflight::gui
