#pragma once

#include "model/Project.h"
#include "templates/TemplateDiff.h"

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace preflight {

// What moving one project from its template version to another does to its answers, worked out
// from the two versions' diff and the project's state before anything is written. The plan is
// what `project migrate` prints and what Store::migrateProject applies.
struct MigrationPlan
{
    QString templateId;
    QString fromVersion;
    QString toVersion;

    // An answered item (one with a stored state) that the new version keeps.
    struct Carry
    {
        QString fromId;
        QString toId; // differs from fromId for a re-identified item
        bool moved = false; // to another section, category or parent
        bool recheck = false; // its wording changed: flagged "wording changed — re-check"
        QString oldText; // what the answer was given against, for the flag
    };
    std::vector<Carry> carried; // in the new version's order
    // Answered items the new version removed: their answers leave the project's state and stay
    // in the audit trail.
    std::vector<ItemState> dropped;
    QStringList added; // items the new version adds; they start open
    // Item links of risks to re-identified items follow the new id; links to removed items go.
    std::map<QString, QString> renamed; // old id → new id, every re-identified item
    QStringList removed; // every removed item id
    int staleSignOffs = 0; // sign-offs the migration makes stale (all of them)
    // Tags of the project's profile that no item of the new version carries, sorted. The migration
    // keeps them in the profile: a tag no item carries leaves nothing in or out, so applicability
    // is the same as without it, and a later version that brings the tag back applies it again.
    // Dropping them would change the user's choice behind their back (and lose it for that later
    // version); the plan names them instead, and `project set --profile` removes them.
    QStringList profileTagsGone;

    bool noop() const { return fromVersion == toVersion; }
    int rechecks() const;
};

// Throws Error(Usage) when the two templates are not versions of one id.
MigrationPlan planMigration(const Template &from, const Template &to, const ProjectState &state);

// The headings of a plan's groups ("1 answer carries over (0 to a moved item, 1 to a new id)"),
// worded once so that `project migrate` and the window's update dialog never differ.
struct MigrationHeadings
{
    QString carried, rechecks, dropped, added, staleSignOffs;
    QString profileTagsGone; // empty when every profile tag is still carried by some item
};
MigrationHeadings migrationHeadings(const MigrationPlan &plan);

} // namespace preflight
