#include "Workspace.h"

#include "ConnectionWatcher.h"
#include "Error.h"
#include "ProjectSession.h"

#include <algorithm>

namespace preflight::gui {

Workspace::Workspace(std::unique_ptr<Store> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{
    m_templates.loadUserTemplates();
    try {
        // A database from before templates were stored takes in the installed versions its
        // projects use, so that it is complete from now on wherever it is copied.
        storeInstalledTemplates(*m_store, m_templates);
    } catch (const Error &error) {
        qWarning("%s", qUtf8Printable(error.message()));
    }
    m_location = m_store->path();
    m_dataVersion = m_store->dataVersion();
    if (m_store->isServer()) {
        m_watcher = new ConnectionWatcher(*m_store, this);
        connect(m_watcher, &ConnectionWatcher::activity, this, &Workspace::checkForExternalChanges);
        connect(m_watcher, &ConnectionWatcher::lost, this, &Workspace::connectionLost);
        // Queued: a reconnection found inside a failed call must not reload under that call.
        connect(
            m_watcher, &ConnectionWatcher::restored, this,
            [this] {
                checkForExternalChanges();
                emit connectionRestored();
            },
            Qt::QueuedConnection);
        return;
    }
    // Half a second keeps "another process changed it" under a second end to end while the
    // query itself (PRAGMA data_version) costs next to nothing.
    m_pollTimer.setInterval(500);
    connect(&m_pollTimer, &QTimer::timeout, this, &Workspace::checkForExternalChanges);
    m_pollTimer.start();
}

Workspace::~Workspace()
{
    // Sessions refer to the store; destroy them before it.
    for (auto &[id, session] : m_sessions)
        delete session;
    m_sessions.clear();
}

Review Workspace::review(const Project &project)
{
    return loadReview(*m_store, m_templates, project, QDate::currentDate());
}

std::shared_ptr<const Template> Workspace::templateUpdate(const Project &project) const
{
    const Template *installed = m_templates.find(project.templateId);
    QString newest = installed ? installed->version : QString();
    for (const QString &version : m_store->storedTemplateVersions(project.templateId)) {
        if (newest.isEmpty() || TemplateRegistry::isNewer(version, newest))
            newest = version;
    }
    if (newest.isEmpty() || !TemplateRegistry::isNewer(newest, project.templateVersion))
        return nullptr;
    // The stored copy first, as resolveTemplate prefers it: a version never changes once stored.
    if (auto stored = m_store->storedTemplate(project.templateId, newest))
        return stored;
    return std::make_shared<const Template>(*installed);
}

ProjectSession *Workspace::session(qint64 projectId)
{
    if (auto it = m_sessions.find(projectId); it != m_sessions.end())
        return it->second;
    try {
        const std::optional<Project> project = m_store->project(projectId);
        if (!project)
            return nullptr;
        auto *session = new ProjectSession(*m_store, resolveTemplate(*m_store, m_templates, *project), projectId);
        connect(session, &ProjectSession::errorOccurred, this,
                [this](const QString &message) { report(message, false); });
        connect(session, &ProjectSession::connectionLost, this,
                [this](const QString &message) { report(message, true); });
        connect(session, &ProjectSession::failedEditsChanged, this, &Workspace::failedEditsChanged);
        // The project list shows every project's verdict and score: any edit may change them.
        connect(session, &ProjectSession::stateChanged, this, [this, projectId] { emit projectChanged(projectId); });
        m_sessions.emplace(projectId, session);
        return session;
    } catch (const Error &error) {
        reportError(error);
        return nullptr;
    }
}

const ProjectSession *Workspace::existingSession(qint64 projectId) const
{
    const auto it = m_sessions.find(projectId);
    return it == m_sessions.end() ? nullptr : it->second;
}

std::optional<Project> Workspace::createProject(const Project &draft)
{
    try {
        const auto installed
            = std::find_if(m_templates.templates().begin(), m_templates.templates().end(), [&](const Template &tmpl) {
                  return tmpl.id == draft.templateId && tmpl.version == draft.templateVersion;
              });
        if (installed == m_templates.templates().end())
            throw Error(Error::Kind::Usage,
                        tr("The template “%1” %2 is not installed.").arg(draft.templateId, draft.templateVersion));
        Project created = m_store->createProject(draft, *installed);
        emit projectsChanged();
        return created;
    } catch (const Error &error) {
        reportError(error);
        return std::nullopt;
    }
}

bool Workspace::deleteProject(qint64 projectId)
{
    try {
        m_store->deleteProject(projectId);
    } catch (const Error &error) {
        reportError(error);
        return false;
    }
    if (auto it = m_sessions.find(projectId); it != m_sessions.end()) {
        it->second->deleteLater();
        m_sessions.erase(it);
    }
    emit projectsChanged();
    return true;
}

void Workspace::setLocation(const QString &location, const QString &password)
{
    m_location = location;
    m_password = password;
}

QString Workspace::location() const
{
    return Store::withoutPassword(m_location);
}

std::unique_ptr<Workspace> Workspace::reopen() const
{
    auto workspace = std::make_unique<Workspace>(Store::open(m_location, m_store->actor(), m_password));
    workspace->setLocation(m_location, m_password);
    return workspace;
}

bool Workspace::isConnectionLost() const
{
    return m_watcher && m_watcher->isLost();
}

void Workspace::reportError(const Error &error)
{
    report(error.message(), error.kind() == Error::Kind::ConnectionLost);
}

void Workspace::report(const QString &text, bool connectionLost)
{
    // The store names the server as it was given, which may carry a password typed into the URI.
    const QString message = m_location.isEmpty() ? text : QString(text).replace(m_location, location());
    if (m_watcher && connectionLost)
        m_watcher->connectionFailed(message);
    else
        emit errorOccurred(message);
}

int Workspace::failedEditCount() const
{
    int count = 0;
    for (const auto &[id, session] : m_sessions)
        count += session->failedEditCount();
    return count;
}

void Workspace::retryFailedEdits()
{
    for (const auto &[id, session] : m_sessions)
        session->retryFailedEdits();
}

void Workspace::setPollInterval(int milliseconds)
{
    m_pollTimer.setInterval(milliseconds);
}

bool Workspace::checkForExternalChanges()
{
    if (isConnectionLost())
        return false; // the reconnection reloads everything
    try {
        const qint64 version = m_store->dataVersion();
        if (version == m_dataVersion)
            return false;
        m_dataVersion = version;
        // A project deleted elsewhere leaves a session that can no longer load: drop it.
        for (auto it = m_sessions.begin(); it != m_sessions.end();) {
            if (m_store->project(it->first)) {
                it->second->reload();
                ++it;
            } else {
                it->second->deleteLater();
                it = m_sessions.erase(it);
            }
        }
    } catch (const Error &error) {
        reportError(error);
        return false;
    }
    if (isConnectionLost())
        return false;
    emit projectsChanged();
    return true;
}

} // namespace preflight::gui
