#include "ProjectCommands.h"

#include <QCoreApplication>

namespace preflight::gui {

RenameProjectCommand::RenameProjectCommand(ProjectSession *session, const QString &before, const QString &after)
    : StoreCommand(
        session,
        QCoreApplication::translate("preflight::gui::RenameProjectCommand", "Rename project to “%1”").arg(after))
    , m_before(before)
    , m_after(after)
{ }

void RenameProjectCommand::applyRedo()
{
    write(m_after);
}

void RenameProjectCommand::applyUndo()
{
    write(m_before);
}

void RenameProjectCommand::write(const QString &name)
{
    Store::ProjectPatch patch;
    patch.name = name;
    session()->store().updateProject(session()->projectId(), patch);
}

ArchiveProjectCommand::ArchiveProjectCommand(ProjectSession *session, bool archived)
    : StoreCommand(session,
                   archived ? QCoreApplication::translate("preflight::gui::ArchiveProjectCommand", "Archive project")
                            : QCoreApplication::translate("preflight::gui::ArchiveProjectCommand", "Restore project"))
    , m_archived(archived)
{ }

void ArchiveProjectCommand::applyRedo()
{
    write(m_archived);
}

void ArchiveProjectCommand::applyUndo()
{
    write(!m_archived);
}

void ArchiveProjectCommand::write(bool archived)
{
    Store::ProjectPatch patch;
    patch.archived = archived;
    session()->store().updateProject(session()->projectId(), patch);
}

SetProfileCommand::SetProfileCommand(ProjectSession *session, const Profile &before, const Profile &after)
    : StoreCommand(session, QCoreApplication::translate("preflight::gui::SetProfileCommand", "Change profile"))
    , m_before(before)
    , m_after(after)
{ }

void SetProfileCommand::applyRedo()
{
    write(m_after);
}

void SetProfileCommand::applyUndo()
{
    write(m_before);
}

void SetProfileCommand::write(const Profile &profile)
{
    Store::ProjectPatch patch;
    patch.profile = profile;
    session()->store().updateProject(session()->projectId(), patch);
}

} // namespace preflight::gui
