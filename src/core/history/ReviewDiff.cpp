#include "history/ReviewDiff.h"

#include "history/ReviewReplay.h"
#include "model/EnumKeys.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <set>

namespace preflight {

namespace {

constexpr std::array riskKindKeys = {
    std::pair { RiskChangeKind::Opened, "opened" },       std::pair { RiskChangeKind::Reopened, "reopened" },
    std::pair { RiskChangeKind::Mitigated, "mitigated" }, std::pair { RiskChangeKind::Closed, "closed" },
    std::pair { RiskChangeKind::Accepted, "accepted" },   std::pair { RiskChangeKind::Expired, "expired" },
    std::pair { RiskChangeKind::Removed, "removed" },     std::pair { RiskChangeKind::Edited, "edited" },
};
constexpr std::array signOffKindKeys
    = { std::pair { SignOffChangeKind::Given, "given" }, std::pair { SignOffChangeKind::Withdrawn, "withdrawn" },
        std::pair { SignOffChangeKind::WentStale, "stale" } };

// Template order for item ids: a diff reads like the checklist, not like a sorted id list.
void collectOrder(const std::vector<Item> &items, QHash<QString, int> &order)
{
    for (const Item &item : items) {
        order.insert(item.id, int(order.size()));
        collectOrder(item.children, order);
    }
}

QHash<QString, int> templateOrder(const Template &tmpl)
{
    QHash<QString, int> order;
    for (const Category &category : tmpl.categories)
        for (const Section &section : category.sections)
            collectOrder(section.items, order);
    for (const SummaryGroup &group : tmpl.summary)
        for (const SummaryItem &item : group.items)
            order.insert(item.id, int(order.size()));
    return order;
}

bool sameItem(const ItemState &a, const ItemState &b)
{
    return a.status == b.status && a.reason == b.reason && a.note == b.note && a.owner == b.owner
        && a.evidence == b.evidence;
}

std::vector<ItemChange> itemChanges(const ReviewSide &before, const ReviewSide &after)
{
    std::set<QString> ids;
    for (const auto &[id, state] : before.state.items)
        ids.insert(id);
    for (const auto &[id, state] : after.state.items)
        ids.insert(id);
    std::vector<ItemChange> changes;
    for (const QString &id : ids) {
        ItemChange change { id, {}, before.state.itemState(id), after.state.itemState(id) };
        if (sameItem(change.before, change.after))
            continue;
        if (const Category *category = after.tmpl.categoryOfItem(id))
            change.categoryId = category->id;
        changes.push_back(std::move(change));
    }
    const QHash<QString, int> order = templateOrder(after.tmpl);
    std::stable_sort(changes.begin(), changes.end(), [&](const ItemChange &a, const ItemChange &b) {
        return order.value(a.itemId, int(order.size())) < order.value(b.itemId, int(order.size()));
    });
    return changes;
}

bool sameRisk(const Risk &a, const Risk &b)
{
    return a.title == b.title && a.severity == b.severity && a.mitigation == b.mitigation && a.owner == b.owner
        && a.status == b.status && a.linkedItems == b.linkedItems && a.acceptedBy == b.acceptedBy
        && a.acceptedUntil == b.acceptedUntil;
}

std::optional<RiskChangeKind> riskChangeKind(const Risk &before, const QDate &beforeDay, const Risk &after,
                                             const QDate &afterDay)
{
    const RiskStatus was = before.effectiveStatus(beforeDay);
    const RiskStatus is = after.effectiveStatus(afterDay);
    if (was == RiskStatus::Accepted && after.status == RiskStatus::Accepted && is == RiskStatus::Open)
        return RiskChangeKind::Expired;
    if (was != is) {
        switch (is) {
        case RiskStatus::Open:
            return RiskChangeKind::Reopened;
        case RiskStatus::Mitigated:
            return RiskChangeKind::Mitigated;
        case RiskStatus::Accepted:
            return RiskChangeKind::Accepted;
        case RiskStatus::Closed:
            return RiskChangeKind::Closed;
        }
    }
    if (!sameRisk(before, after))
        return RiskChangeKind::Edited;
    return std::nullopt;
}

std::vector<RiskChange> riskChanges(const ReviewSide &before, const ReviewSide &after, RiskMatch match)
{
    const auto key = [match](const Risk &risk) {
        return match == RiskMatch::ById ? QString::number(risk.id) : risk.title.trimmed().toCaseFolded();
    };
    QHash<QString, const Risk *> earlier;
    for (const Risk &risk : before.state.risks)
        earlier.insert(key(risk), &risk);
    std::vector<RiskChange> changes;
    for (const Risk &risk : after.state.risks) {
        const Risk *was = earlier.take(key(risk));
        if (!was) {
            changes.push_back({ RiskChangeKind::Opened, std::nullopt, risk });
            continue;
        }
        if (const auto kind = riskChangeKind(*was, before.day, risk, after.day))
            changes.push_back({ *kind, *was, risk });
    }
    for (const Risk &risk : before.state.risks) {
        if (earlier.contains(key(risk)))
            changes.push_back({ RiskChangeKind::Removed, risk, std::nullopt });
    }
    return changes;
}

std::vector<SignOffChange> signOffChanges(const Assessment &before, const Assessment &after)
{
    std::vector<SignOffChange> changes;
    for (const SignOffStatus &now : after.signoffs) {
        const auto was = std::find_if(before.signoffs.begin(), before.signoffs.end(),
                                      [&](const SignOffStatus &s) { return s.role == now.role; });
        const std::optional<SignOff> earlier = was != before.signoffs.end() ? was->signoff : std::nullopt;
        if (now.signoff
            && (!earlier || earlier->date != now.signoff->date || earlier->name != now.signoff->name
                || earlier->decision != now.signoff->decision))
            changes.push_back({ SignOffChangeKind::Given, now.role, *now.signoff });
        else if (!now.signoff && earlier)
            changes.push_back({ SignOffChangeKind::Withdrawn, now.role, *earlier });
        else if (now.signoff && now.stale && !was->stale)
            changes.push_back({ SignOffChangeKind::WentStale, now.role, *now.signoff });
    }
    return changes;
}

std::vector<ScoreDelta> categoryDeltas(const Assessment &before, const Assessment &after)
{
    std::vector<ScoreDelta> deltas;
    for (const CategoryScore &now : after.categories) {
        const auto was = std::find_if(before.categories.begin(), before.categories.end(),
                                      [&](const CategoryScore &c) { return c.id == now.id; });
        deltas.push_back(
            { now.id, now.title, now.severity, was != before.categories.end() ? was->score : std::nullopt, now.score });
    }
    return deltas;
}

} // namespace

QString riskChangeKindKey(RiskChangeKind kind)
{
    return keyOf(riskKindKeys, kind);
}

QString signOffChangeKindKey(SignOffChangeKind kind)
{
    return keyOf(signOffKindKeys, kind);
}

bool ReviewDiff::hasChanges() const
{
    const bool scoresMoved
        = std::any_of(categories.begin(), categories.end(), [](const ScoreDelta &d) { return d.before != d.after; });
    return verdictBefore != verdictAfter || overall.before != overall.after || scoresMoved || !items.empty()
        || !risks.empty() || !signoffs.empty();
}

ReviewDiff diffReviews(const ReviewSide &before, const ReviewSide &after, RiskMatch match)
{
    const Assessment was = assess(before.tmpl, before.state, before.day);
    const Assessment is = assess(after.tmpl, after.state, after.day);
    ReviewDiff diff;
    diff.verdictBefore = was.verdict;
    diff.verdictAfter = is.verdict;
    diff.overall = { {}, QStringLiteral("Overall"), Severity::Critical, was.score, is.score };
    diff.items = itemChanges(before, after);
    diff.risks = riskChanges(before, after, match);
    diff.signoffs = signOffChanges(was, is);
    diff.categories = categoryDeltas(was, is);
    return diff;
}

ReviewDiffOverTime diffOverTime(const TemplateOf &templateOf, const Project &project,
                                const std::vector<AuditEntry> &history, const QDateTime &since, const QDateTime &until)
{
    ReviewReplay replay(project);
    const std::size_t next = replay.applyUntil(history, 0, since);
    ReviewDiffOverTime result;
    result.before = replay.state();
    replay.applyUntil(history, next, until);
    result.after = replay.state();
    const std::shared_ptr<const Template> after = templateOf(result.after.project);
    const std::shared_ptr<const Template> before = templateOf(result.before.project);
    result.diff = diffReviews({ *before, result.before, since.toLocalTime().date() },
                              { *after, result.after, until.toLocalTime().date() });
    return result;
}

} // namespace preflight
