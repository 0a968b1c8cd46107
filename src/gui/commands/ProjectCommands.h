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

} // namespace preflight::gui
