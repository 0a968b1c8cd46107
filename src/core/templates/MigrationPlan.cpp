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

} // namespace preflight
