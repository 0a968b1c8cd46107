#include "history/DiffJson.h"

#include "scoring/StatusJson.h"

namespace preflight {

using nlohmann::json;

namespace {

json scoreDeltaJson(const ScoreDelta &delta)
{
    json body = { { "before", scoreJson(delta.before) },
                  { "after", scoreJson(delta.after) },
                  { "delta", scoreJson(delta.delta()) } };
    if (!delta.categoryId.isEmpty()) {
        body["id"] = toJson(delta.categoryId);
        body["title"] = toJson(delta.title);
        body["severity"] = toJson(severityKey(delta.severity));
    }
    return body;
}

json itemJson(const ItemChange &change)
{
    const auto pair = [](const QString &before, const QString &after) {
        return json { { "before", toJson(before) }, { "after", toJson(after) } };
    };
    return { { "id", toJson(change.itemId) },
             { "category", change.categoryId.isEmpty() ? json(nullptr) : toJson(change.categoryId) },
             { "status",
               change.statusChanged() ? pair(itemStatusKey(change.before.status), itemStatusKey(change.after.status))
                                      : json(nullptr) },
             { "note_changed", change.noteChanged() },
             { "evidence",
               change.evidenceChanged() ? pair(change.before.evidence, change.after.evidence) : json(nullptr) },
             { "owner", change.ownerChanged() ? pair(change.before.owner, change.after.owner) : json(nullptr) },
             { "reason", change.reasonChanged() ? pair(change.before.reason, change.after.reason) : json(nullptr) },
             { "changed_by", change.after.changedBy.isEmpty() ? json(nullptr) : toJson(change.after.changedBy) },
             { "changed_at", toJson(change.after.changedAt) } };
}

json riskChangeJson(const RiskChange &change, const QDate &today)
{
    return { { "change", toJson(riskChangeKindKey(change.kind)) },
             { "before", change.before ? riskJson(*change.before, today) : json(nullptr) },
             { "after", change.after ? riskJson(*change.after, today) : json(nullptr) } };
}

json signOffChangeJson(const SignOffChange &change)
{
    return { { "role", toJson(change.role) },
             { "change", toJson(signOffChangeKindKey(change.kind)) },
             { "name", toJson(change.signoff.name) },
             { "decision", toJson(decisionKey(change.signoff.decision)) },
             { "comment", toJson(change.signoff.comment) },
             { "date", toJson(change.signoff.date) } };
}

} // namespace

json reviewDiffJson(const ReviewDiff &diff, const QDate &today)
{
    json categories = json::array();
    for (const ScoreDelta &delta : diff.categories)
        categories.push_back(scoreDeltaJson(delta));
    json items = json::array();
    for (const ItemChange &change : diff.items)
        items.push_back(itemJson(change));
    json risks = json::array();
    for (const RiskChange &change : diff.risks)
        risks.push_back(riskChangeJson(change, today));
    json signoffs = json::array();
    for (const SignOffChange &change : diff.signoffs)
        signoffs.push_back(signOffChangeJson(change));
    return { { "changed", diff.hasChanges() },
             { "verdict",
               { { "before", toJson(verdictKey(diff.verdictBefore)) },
                 { "after", toJson(verdictKey(diff.verdictAfter)) } } },
             { "score", scoreDeltaJson(diff.overall) },
             { "categories", categories },
             { "items", items },
             { "risks", risks },
             { "signoffs", signoffs } };
}

} // namespace preflight
