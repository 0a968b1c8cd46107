#include "templates/MigrationPlan.h"

#include "Error.h"
#include "model/Profile.h"

#include <algorithm>

namespace preflight {

int MigrationPlan::rechecks() const
{
    return int(std::count_if(carried.begin(), carried.end(), [](const Carry &carry) { return carry.recheck; }));
}

MigrationPlan planMigration(const Template &from, const Template &to, const ProjectState &state)
{
    if (from.id != to.id)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("template \"%1\" cannot be migrated to template \"%2\": a project moves between "
                                   "versions of its own template")
                        .arg(from.id, to.id));
    MigrationPlan plan;
    plan.templateId = to.id;
    plan.fromVersion = from.version;
    plan.toVersion = to.version;
    if (plan.noop())
        return plan;
    const TemplateDiff diff = diffTemplates(from, to);
    for (const ItemDiff &item : diff.items) {
        if (item.added()) {
            plan.added.append(item.newId);
            continue;
        }
        if (item.removed()) {
            plan.removed.append(item.oldId);
            if (const auto answer = state.items.find(item.oldId); answer != state.items.end())
                plan.dropped.push_back(answer->second);
            continue;
        }
        if (item.reidentified())
            plan.renamed.emplace(item.oldId, item.newId);
        if (state.items.count(item.oldId) == 0)
            continue;
        plan.carried.push_back({ item.oldId, item.newId, item.moved(), item.reworded(), item.oldText });
    }
    plan.staleSignOffs = int(state.signoffs.size());
    if (const Profile profile = normalizedProfile(state.project.profile)) {
        const QStringList known = templateTags(to);
        for (const QString &tag : *profile) {
            if (!known.contains(tag))
                plan.profileTagsGone.append(tag);
        }
    }
    return plan;
}

namespace {

QString counted(qsizetype count, const char *one, const char *many)
{
    return count == 1 ? QString::fromUtf8(one) : QString::fromUtf8(many).arg(count);
}

} // namespace

MigrationHeadings migrationHeadings(const MigrationPlan &plan)
{
    int moved = 0;
    int renamed = 0;
    for (const MigrationPlan::Carry &carry : plan.carried) {
        moved += carry.moved;
        renamed += carry.fromId != carry.toId;
    }
    MigrationHeadings headings;
    headings.carried = counted(plan.carried.size(), "1 answer carries over", "%1 answers carry over")
        + QStringLiteral(" (%1 to a moved item, %2 to a new id)").arg(moved).arg(renamed);
    headings.rechecks = counted(plan.rechecks(), "1 answer flagged “wording changed — re-check”",
                                "%1 answers flagged “wording changed — re-check”");
    headings.dropped
        = counted(plan.dropped.size(), "1 answer of a removed item leaves the review (the audit trail keeps it)",
                  "%1 answers of removed items leave the review (the audit trail keeps them)");
    headings.added = counted(plan.added.size(), "1 new item starts open", "%1 new items start open");
    headings.staleSignOffs = counted(plan.staleSignOffs, "1 sign-off goes stale", "%1 sign-offs go stale");
    if (!plan.profileTagsGone.isEmpty())
        headings.profileTagsGone
            = counted(plan.profileTagsGone.size(),
                      "1 profile tag no item of %2 carries stays in the profile, where it "
                      "leaves nothing in or out",
                      "%1 profile tags no item of %2 carries stay in the profile, where they leave nothing in or out")
                  .arg(plan.toVersion);
    return headings;
}

} // namespace preflight
