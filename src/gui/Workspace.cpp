#include "Workspace.h"

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
    m_dataVersion = m_store->dataVersion();
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

ProjectSession *Workspace::session(qint64 projectId)
{
    if (auto it = m_sessions.find(projectId); it != m_sessions.end())
        return it->second;
    try {
        const std::optional<Project> project = m_store->project(projectId);
        if (!project)
            return nullptr;
        auto *session = new ProjectSession(*m_store, resolveTemplate(*m_store, m_templates, *project), projectId);
        connect(session, &ProjectSession::errorOccurred, this, &Workspace::errorOccurred);
        // The project list shows every project's verdict and score: any edit may change them.
        connect(session, &ProjectSession::stateChanged, this, [this, projectId] { emit projectChanged(projectId); });
        m_sessions.emplace(projectId, session);
        return session;
    } catch (const Error &error) {
        emit errorOccurred(error.message());
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
        emit errorOccurred(error.message());
        return std::nullopt;
    }
}

bool Workspace::deleteProject(qint64 projectId)
{
    try {
        m_store->deleteProject(projectId);
    } catch (const Error &error) {
        emit errorOccurred(error.message());
        return false;
    }
    if (auto it = m_sessions.find(projectId); it != m_sessions.end()) {
        it->second->deleteLater();
        m_sessions.erase(it);
    }
    emit projectsChanged();
    return true;
}

void Workspace::setPollInterval(int milliseconds)
{
    m_pollTimer.setInterval(milliseconds);
}

bool Workspace::checkForExternalChanges()
{
    qint64 version = 0;
    try {
        version = m_store->dataVersion();
    } catch (const Error &error) {
        emit errorOccurred(error.message());
        return false;
    }
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
    emit projectsChanged();
    return true;
}

} // namespace preflight::gui
