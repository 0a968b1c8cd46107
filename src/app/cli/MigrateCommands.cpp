// project migrate, project confirm
#include "cli/Context.h"
#include "storage/Store.h"
#include "templates/MigrationPlan.h"

namespace preflight::cli {

namespace {

nlohmann::json stringsJson(const QStringList &list)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString &text : list)
        array.push_back(text.toStdString());
    return array;
}

nlohmann::json planJson(const Project &project, const MigrationPlan &plan, bool applied)
{
    nlohmann::json carried = nlohmann::json::array();
    for (const MigrationPlan::Carry &carry : plan.carried)
        carried.push_back({ { "from", carry.fromId.toStdString() },
                            { "to", carry.toId.toStdString() },
                            { "moved", carry.moved },
                            { "recheck", carry.recheck } });
    nlohmann::json dropped = nlohmann::json::array();
    for (const ItemState &state : plan.dropped)
        dropped.push_back({ { "id", state.itemId.toStdString() },
                            { "status", itemStatusKey(state.status).toStdString() },
                            { "reason", state.reason.toStdString() },
                            { "note", state.note.toStdString() },
                            { "owner", state.owner.toStdString() },
                            { "evidence", state.evidence.toStdString() } });
    return document("preflight.migration/1",
                    { { "project", project.name.toStdString() },
                      { "template", plan.templateId.toStdString() },
                      { "from", plan.fromVersion.toStdString() },
                      { "to", plan.toVersion.toStdString() },
                      { "noop", plan.noop() },
                      { "applied", applied },
                      { "carried", carried },
                      { "rechecks", plan.rechecks() },
                      { "dropped", dropped },
                      { "added", stringsJson(plan.added) },
                      { "signoffs_stale", plan.noop() ? 0 : plan.staleSignOffs },
                      { "profile_tags_gone", stringsJson(plan.profileTagsGone) } });
}

void printPlan(QTextStream &out, const Project &project, const MigrationPlan &plan, bool applied)
{
    if (plan.noop()) {
        out << "Project \"" << project.name << "\" follows " << plan.templateId << ' ' << plan.toVersion
            << " already; nothing to migrate\n";
        return;
    }
    out << "Project \"" << project.name << "\": " << plan.templateId << ' ' << plan.fromVersion << " → "
        << plan.toVersion << (applied ? " (migrated)\n" : " (plan; run again with --apply to migrate)\n");
    const MigrationHeadings headings = migrationHeadings(plan);
    out << "  " << headings.carried << '\n';
    for (const MigrationPlan::Carry &carry : plan.carried) {
        if (carry.fromId != carry.toId)
            out << "    " << carry.fromId << " → " << carry.toId << '\n';
    }
    out << "  " << headings.rechecks << '\n';
    for (const MigrationPlan::Carry &carry : plan.carried) {
        if (carry.recheck)
            out << "    " << carry.toId << '\n';
    }
    out << "  " << headings.dropped << '\n';
    for (const ItemState &state : plan.dropped)
        out << "    " << state.itemId << " (" << itemStatusKey(state.status) << ")\n";
    out << "  " << headings.added << '\n';
    out << "  " << headings.staleSignOffs << '\n';
    if (!headings.profileTagsGone.isEmpty())
        out << "  " << headings.profileTagsGone << " (project set --profile removes them)\n    "
            << plan.profileTagsGone.join(QStringLiteral(", ")) << '\n';
}

int migrateProject(Context &context)
{
    const Project project = context.project(context.arg(0));
    const Template &from = context.templateOf(project);
    const Template &to = context.templateVersion(project.templateId, context.requiredValue(QStringLiteral("to")));
    const MigrationPlan plan = planMigration(from, to, context.store().loadState(project.id));
    const bool applied = context.isSet(QStringLiteral("apply")) && !plan.noop()
        && context.store().migrateProject(project.id, to, plan);
    if (context.json())
        context.printJson(planJson(project, plan, applied));
    else
        printPlan(context.out(), project, plan, applied);
    return Success;
}

int confirmItems(Context &context)
{
    const Project project = context.project(context.arg(0));
    const std::map<QString, QString> flagged = context.store().itemsToRecheck(project.id);
    QStringList ids = context.args().mid(1);
    if (context.isSet(QStringLiteral("all"))) {
        if (!ids.isEmpty())
            throw usageError(QStringLiteral("--all confirms every flagged item; name no items with it"));
        for (const auto &[id, text] : flagged)
            ids << id;
    } else if (ids.isEmpty()) {
        throw usageError(QStringLiteral("name the items to confirm, or --all"));
    }
    for (const QString &id : ids) {
        if (flagged.count(id) == 0)
            throw usageError(
                QStringLiteral("item \"%1\" of project \"%2\" is not flagged for a re-check").arg(id, project.name));
    }
    const int confirmed = context.store().confirmItems(project.id, ids);
    if (context.json())
        context.printJson(document("preflight.confirm/1",
                                   { { "project", project.name.toStdString() },
                                     { "confirmed", stringsJson(ids) },
                                     { "remaining", int(flagged.size()) - confirmed } }));
    else
        context.out() << "Confirmed " << confirmed << (confirmed == 1 ? " answer" : " answers") << "; "
                      << int(flagged.size()) - confirmed << " still to re-check\n";
    return Success;
}

const CommandGroup migrateCommands { {
    { { QStringLiteral("project"), QStringLiteral("migrate") },
      QStringLiteral("PROJECT --to VERSION [--apply] [--json]"),
      QStringLiteral("Move a project to another version of its template; shows the plan, applies it with --apply"),
      { makeOption("to", "The template version to move to.", "VERSION"),
        makeOption("apply", "Migrate; without it only the plan is shown.") },
      1,
      1,
      &migrateProject },
    { { QStringLiteral("project"), QStringLiteral("confirm") },
      QStringLiteral("PROJECT ITEM_ID... | --all [--json]"),
      QStringLiteral("Confirm answers flagged \"wording changed — re-check\" by a migration"),
      { makeOption("all", "Confirm every flagged answer.") },
      1,
      -1,
      &confirmItems },
} };

} // namespace

} // namespace preflight::cli
