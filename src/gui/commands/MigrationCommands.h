#pragma once

#include "ProjectSession.h"
#include "commands/StoreCommand.h"
#include "templates/MigrationPlan.h"

#include <map>
#include <memory>

namespace preflight::gui {

// "Confirm wording": clears re-check flags a migration left (Store::confirmItems, as `project
// confirm`); undo puts them back as they were.
class ConfirmWordingCommand : public StoreCommand
{
public:
    ConfirmWordingCommand(ProjectSession *session, std::map<QString, Recheck> flags);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    std::map<QString, Recheck> m_flags;
};

// Moves the project to another version of its template (Store::migrateProject). Undo writes back
// the state loaded before the first redo (Store::revertMigration), refusing when anything the
// migration left was changed since; redo migrates again with the same plan, which still fits
// because the undo restored exactly what it was made for.
class MigrateTemplateCommand : public StoreCommand
{
public:
    MigrateTemplateCommand(ProjectSession *session, std::shared_ptr<const Template> to, MigrationPlan plan,
                           ProjectState before);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    std::shared_ptr<const Template> m_to;
    MigrationPlan m_plan;
    ProjectState m_before;
    ProjectState m_after; // as the last redo left it
};

} // namespace preflight::gui
