#pragma once

#include "model/Project.h"
#include "model/Template.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <initializer_list>

namespace preflight::test {

// A small template with one category per severity, a nested parent in the critical category,
// every summary rule, and two sign-off roles. Item ids: c1 c2 cp (children cp.a cp.b) h1 h2 m1 l1.
inline Template sampleTemplate()
{
    const auto leaf = [](const char *id) {
        return Item { QString::fromLatin1(id), QStringLiteral("Item %1").arg(QLatin1String(id)), {} };
    };
    Item parent { QStringLiteral("cp"), QStringLiteral("Alerts configured"), { leaf("cp.a"), leaf("cp.b") } };
    const auto category = [](const char *id, Severity severity, std::vector<Item> items) {
        Category c;
        c.id = QString::fromLatin1(id);
        c.title = QStringLiteral("Category %1").arg(c.id);
        c.severity = severity;
        c.sections.push_back({ c.id + QStringLiteral(".s"), QStringLiteral("Section"), std::move(items) });
        return c;
    };
    Template t;
    t.id = QStringLiteral("sample");
    t.version = QStringLiteral("1.2.0");
    t.title = QStringLiteral("Sample");
    t.categories.push_back(category("crit", Severity::Critical, { leaf("c1"), leaf("c2"), parent }));
    t.categories.push_back(category("high", Severity::High, { leaf("h1"), leaf("h2") }));
    t.categories.push_back(category("med", Severity::Medium, { leaf("m1") }));
    t.categories.push_back(category("low", Severity::Low, { leaf("l1") }));
    t.summary.push_back(
        { QStringLiteral("exec"),
          QStringLiteral("Executive Summary"),
          { { QStringLiteral("exec.critical"), QStringLiteral("All critical items completed"),
              SummaryRule::AllCriticalDone },
            { QStringLiteral("exec.high"), QStringLiteral("All high items completed"), SummaryRule::AllHighDone },
            { QStringLiteral("exec.rollback"), QStringLiteral("Rollback plan tested"), SummaryRule::Manual },
            { QStringLiteral("exec.risks"), QStringLiteral("High risks mitigated"), SummaryRule::HighRisksMitigated },
            { QStringLiteral("exec.signed"), QStringLiteral("Launch approved"), SummaryRule::SignedOff } } });
    t.signoffRoles = { QStringLiteral("Engineering Lead"), QStringLiteral("DevOps Lead") };
    t.statusValues
        = { QStringLiteral("Not Ready"), QStringLiteral("Ready with Risks"), QStringLiteral("Ready for Production") };
    return t;
}

inline const QDate Today { 2026, 11, 25 };

inline void setStatus(ProjectState &state, std::initializer_list<const char *> ids, ItemStatus status)
{
    for (const char *id : ids) {
        ItemState &item = state.items[QString::fromLatin1(id)];
        item.itemId = QString::fromLatin1(id);
        item.status = status;
        if (status == ItemStatus::NotApplicable)
            item.reason = QStringLiteral("not used here");
    }
}

inline Risk risk(qint64 id, Severity severity, RiskStatus status, std::optional<QDate> acceptedUntil = {})
{
    Risk r;
    r.id = id;
    r.title = QStringLiteral("Risk %1").arg(id);
    r.severity = severity;
    r.status = status;
    r.acceptedUntil = acceptedUntil;
    return r;
}

// Every checklist item and the manual summary item done: the state of a Ready project.
inline ProjectState readyState()
{
    ProjectState state;
    state.project.name = QStringLiteral("Apollo");
    setStatus(state, { "c1", "c2", "cp.a", "cp.b", "h1", "h2", "m1", "l1", "exec.rollback" }, ItemStatus::Done);
    return state;
}

// Records `role`'s decision on the state as it is now (replacing an earlier one of that role).
inline void sign(ProjectState &state, const char *role, Decision decision)
{
    SignOff s;
    s.role = QString::fromLatin1(role);
    s.name = QStringLiteral("Someone");
    s.decision = decision;
    s.date = QDateTime(Today, QTime(9, 0), QTimeZone::utc());
    s.stateDigest = state.reviewDigest();
    std::erase_if(state.signoffs, [&](const SignOff &old) { return old.role == s.role; });
    state.signoffs.push_back(s);
}

} // namespace preflight::test
