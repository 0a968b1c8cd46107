#include "scoring/Progress.h"

#include "scoring/Assessment.h"

#include <algorithm>

namespace preflight {

namespace {

bool isStatusChange(const Template &tmpl, const AuditEntry &entry)
{
    return entry.key.subject == AuditSubject::Item && entry.key.field == QLatin1String(auditfield::status)
        && tmpl.findItem(entry.key.id);
}

ProgressPoint pointFor(const Template &tmpl, const ProjectState &state, const QDateTime &time)
{
    const Assessment assessment = assess(tmpl, state, time.date());
    const int total = assessment.counts.total();
    const double completion = total > 0 ? 100.0 * (assessment.counts.done + assessment.counts.na) / total : 0.0;
    return { time, assessment.score, completion };
}

} // namespace

std::vector<ProgressPoint> progressOverTime(const Template &tmpl, const ProjectState &current,
                                            const std::vector<AuditEntry> &history, int maxPoints)
{
    std::vector<const AuditEntry *> changes;
    for (const AuditEntry &entry : history) {
        if (isStatusChange(tmpl, entry))
            changes.push_back(&entry);
    }
    // Start from the project as created: nothing ticked. Risks and sign-offs are kept as they
    // are now; they do not enter the checklist score.
    ProjectState replay = current;
    replay.items.clear();
    std::vector<ProgressPoint> points;
    points.push_back(pointFor(tmpl, replay, current.project.created));
    const size_t step = std::max<size_t>(1, changes.size() / size_t(std::max(1, maxPoints - 2)));
    for (size_t i = 0; i < changes.size(); ++i) {
        const AuditEntry &entry = *changes[i];
        ItemState &state = replay.items[entry.key.id];
        state.itemId = entry.key.id;
        state.status = itemStatusFromKey(entry.newValue).value_or(ItemStatus::Open);
        if (state.status == ItemStatus::NotApplicable && state.reason.isEmpty())
            state.reason = QStringLiteral("-"); // the replay needs no reason text, only the status
        if ((i + 1) % step == 0 || i + 1 == changes.size())
            points.push_back(pointFor(tmpl, replay, entry.time));
    }
    return points;
}

} // namespace preflight
