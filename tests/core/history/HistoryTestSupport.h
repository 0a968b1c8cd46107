#pragma once

#include "../storage/StoreTestSupport.h"
#include "model/Project.h"

#include <QThread>

#include <catch2/catch.hpp>

namespace preflight::test {

// Ids of Appendix A's leaf-or-parent items of the first category of `severity`, in order.
inline QStringList itemsOf(Severity severity)
{
    QStringList ids;
    for (const Category &category : appendixA().categories) {
        if (category.severity != severity)
            continue;
        for (const Section &section : category.sections)
            for (const Item &item : section.items)
                ids << item.id;
        break;
    }
    return ids;
}

// The store stamps rows with millisecond times: a pause keeps two steps' rows apart in time.
inline void nextMoment()
{
    QThread::msleep(3);
}

inline void requireSameProject(const Project &replayed, const Project &stored)
{
    CHECK(replayed.id == stored.id);
    CHECK(replayed.name == stored.name);
    CHECK(replayed.description == stored.description);
    CHECK(replayed.templateId == stored.templateId);
    CHECK(replayed.templateVersion == stored.templateVersion);
    CHECK(replayed.targetDate == stored.targetDate);
    CHECK(replayed.actualDate == stored.actualDate);
    CHECK(replayed.notes == stored.notes);
    CHECK(replayed.created == stored.created);
    CHECK(replayed.updated == stored.updated);
    CHECK(replayed.archived == stored.archived);
}

// Field by field, so a failure names the field rather than "states differ".
inline void requireSameState(const ProjectState &replayed, const ProjectState &stored)
{
    requireSameProject(replayed.project, stored.project);
    REQUIRE(replayed.items.size() == stored.items.size());
    for (const auto &[id, item] : stored.items) {
        INFO("item " << id.toStdString());
        const auto found = replayed.items.find(id);
        REQUIRE(found != replayed.items.end());
        const ItemState &r = found->second;
        CHECK(r.itemId == item.itemId);
        CHECK(r.status == item.status);
        CHECK(r.reason == item.reason);
        CHECK(r.note == item.note);
        CHECK(r.owner == item.owner);
        CHECK(r.evidence == item.evidence);
        CHECK(r.changedBy == item.changedBy);
        CHECK(r.changedAt == item.changedAt);
    }
    REQUIRE(replayed.risks.size() == stored.risks.size());
    for (std::size_t i = 0; i < stored.risks.size(); ++i) {
        const Risk &r = replayed.risks[i];
        const Risk &s = stored.risks[i];
        INFO("risk " << s.id);
        CHECK(r.id == s.id);
        CHECK(r.title == s.title);
        CHECK(r.severity == s.severity);
        CHECK(r.mitigation == s.mitigation);
        CHECK(r.owner == s.owner);
        CHECK(r.status == s.status);
        CHECK(r.linkedItems == s.linkedItems);
        CHECK(r.acceptedBy == s.acceptedBy);
        CHECK(r.acceptedUntil == s.acceptedUntil);
        CHECK(r.created == s.created);
        CHECK(r.updated == s.updated);
    }
    REQUIRE(replayed.signoffs.size() == stored.signoffs.size());
    for (std::size_t i = 0; i < stored.signoffs.size(); ++i) {
        const SignOff &r = replayed.signoffs[i];
        const SignOff &s = stored.signoffs[i];
        INFO("sign-off " << s.role.toStdString());
        CHECK(r.role == s.role);
        CHECK(r.name == s.name);
        CHECK(r.decision == s.decision);
        CHECK(r.comment == s.comment);
        CHECK(r.date == s.date);
        CHECK(r.stateDigest == s.stateDigest);
        CHECK(r.changesSince == s.changesSince);
    }
    CHECK(replayed.reviewDigest() == stored.reviewDigest());
}

} // namespace preflight::test
