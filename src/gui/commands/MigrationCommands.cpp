#include "MigrationCommands.h"

#include <QCoreApplication>

namespace preflight::gui {

ConfirmWordingCommand::ConfirmWordingCommand(ProjectSession *session, std::map<QString, Recheck> flags)
    : StoreCommand(session,
                   QCoreApplication::translate("preflight::gui::ConfirmWordingCommand", "Confirm wording of %n item(s)",
                                               nullptr, int(flags.size())))
    , m_flags(std::move(flags))
{ }

void ConfirmWordingCommand::applyRedo()
{
    QStringList ids;
    for (const auto &[id, flag] : m_flags)
        ids << id;
    session()->store().confirmItems(session()->projectId(), ids);
}

void ConfirmWordingCommand::applyUndo()
{
    session()->store().restoreRechecks(session()->projectId(), m_flags);
}

MigrateTemplateCommand::MigrateTemplateCommand(ProjectSession *session, std::shared_ptr<const Template> to,
                                               MigrationPlan plan, ProjectState before)
    : StoreCommand(session,
                   QCoreApplication::translate("preflight::gui::MigrateTemplateCommand", "Update template to %1")
                       .arg(plan.toVersion))
    , m_to(std::move(to))
    , m_plan(std::move(plan))
    , m_before(std::move(before))
{ }

void MigrateTemplateCommand::applyRedo()
{
    Store &store = session()->store();
    store.migrateProject(session()->projectId(), *m_to, m_plan);
    m_after = store.loadState(session()->projectId());
}

void MigrateTemplateCommand::applyUndo()
{
    session()->store().revertMigration(session()->projectId(), m_plan, m_before, m_after);
}

} // namespace preflight::gui
