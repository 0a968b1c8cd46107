#pragma once

#include "ProjectSession.h"
#include "commands/StoreCommand.h"

namespace preflight::gui {

class RenameProjectCommand : public StoreCommand
{
public:
    RenameProjectCommand(ProjectSession *session, const QString &before, const QString &after);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    void write(const QString &name);
    QString m_before;
    QString m_after;
};

class ArchiveProjectCommand : public StoreCommand
{
public:
    ArchiveProjectCommand(ProjectSession *session, bool archived);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    void write(bool archived);
    bool m_archived;
};

// The applicability profile: undo restores the one before, and with it every left-out item's
// stored answer counts again, since changing the profile never touches answers.
class SetProfileCommand : public StoreCommand
{
public:
    SetProfileCommand(ProjectSession *session, const Profile &before, const Profile &after);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    void write(const Profile &profile);
    Profile m_before;
    Profile m_after;
};

} // namespace preflight::gui
