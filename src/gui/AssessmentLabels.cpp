#include "AssessmentLabels.h"

#include <QLocale>

namespace preflight::gui {

namespace {

QString roleList(const Shortfall &shortfall)
{
    return QLocale().createSeparatedList(shortfall.items);
}

} // namespace

QString AssessmentLabels::shortfall(const Shortfall &shortfall)
{
    // Whole sentences per number, so a translation can order and inflect them as it needs.
    const int n = shortfall.count;
    switch (shortfall.kind) {
    case ShortfallKind::OpenItems:
        switch (shortfall.severity.value_or(Severity::High)) {
        case Severity::Critical:
            return n == 1 ? tr("1 critical item open") : tr("%1 critical items open").arg(n);
        case Severity::High:
            return n == 1 ? tr("1 high-priority item open") : tr("%1 high-priority items open").arg(n);
        case Severity::Medium:
            return n == 1 ? tr("1 medium-priority item open") : tr("%1 medium-priority items open").arg(n);
        case Severity::Low:
            return n == 1 ? tr("1 low-priority item open") : tr("%1 low-priority items open").arg(n);
        }
        break;
    case ShortfallKind::OpenSummaryItems:
        return n == 1 ? tr("1 summary item open") : tr("%1 summary items open").arg(n);
    case ShortfallKind::OpenSevereRisks:
        return n == 1 ? tr("1 high/critical risk open") : tr("%1 high/critical risks open").arg(n);
    case ShortfallKind::OpenMinorRisks:
        return n == 1 ? tr("1 low/medium risk open") : tr("%1 low/medium risks open").arg(n);
    case ShortfallKind::AcceptedRisks:
        return n == 1 ? tr("1 risk accepted rather than mitigated")
                      : tr("%1 risks accepted rather than mitigated").arg(n);
    case ShortfallKind::AcceptedSevereRisks:
        return n == 1 ? tr("1 high/critical risk accepted, not mitigated")
                      : tr("%1 high/critical risks accepted, not mitigated").arg(n);
    case ShortfallKind::SignOffsRejected:
        return tr("rejected by %1").arg(roleList(shortfall));
    case ShortfallKind::SignOffsMissing:
        return tr("not signed by %1").arg(roleList(shortfall));
    case ShortfallKind::SignOffsStale:
        return tr("stale, changed since %1 signed").arg(roleList(shortfall));
    case ShortfallKind::SignOffsApprovedWithRisksOnly:
        return tr("%1 approved with risks, which counts only when the verdict is Ready with Risks")
            .arg(roleList(shortfall));
    }
    return {};
}

QStringList AssessmentLabels::verdictReasons(const Assessment &assessment)
{
    QStringList reasons;
    for (const Shortfall &s : assessment.verdictShortfalls)
        reasons << shortfall(s);
    return reasons;
}

QString AssessmentLabels::summaryReason(const SummaryResult &result)
{
    const QString met = result.met ? tr("Met") : tr("Not met");
    if (!result.shortfalls.empty()) {
        QStringList parts;
        for (const Shortfall &s : result.shortfalls)
            parts << shortfall(s);
        return tr("%1 — %2").arg(met, parts.join(tr("; ")));
    }
    switch (result.rule) {
    case SummaryRule::AllCriticalDone:
        return tr("%1 — every critical item done or N/A").arg(met);
    case SummaryRule::AllHighDone:
        return tr("%1 — every high-priority item done or N/A").arg(met);
    case SummaryRule::HighRisksMitigated:
        return tr("%1 — no high/critical risk open or accepted").arg(met);
    case SummaryRule::SignedOff:
        return tr("%1 — every role approved the current state").arg(met);
    case SummaryRule::Manual:
        break;
    }
    return met;
}

QString AssessmentLabels::signOffStanding(const SignOffStatus &status)
{
    switch (status.standing) {
    case SignOffStanding::NotSigned:
        return tr("Not signed");
    case SignOffStanding::Counts:
        return tr("Counts");
    case SignOffStanding::Rejected:
        return tr("Rejected");
    case SignOffStanding::Stale: {
        const int changes = status.signoff ? status.signoff->changesSince : 0;
        if (changes <= 0)
            return tr("Stale: the review changed since signed");
        return changes == 1 ? tr("Stale: 1 change since signed") : tr("Stale: %1 changes since signed").arg(changes);
    }
    case SignOffStanding::ApprovedWithRisksOnly:
        return tr("Counts only when the verdict is Ready with Risks");
    }
    return {};
}

QString AssessmentLabels::signOffStandingExplanation(const SignOffStatus &status)
{
    const QString name = status.signoff ? status.signoff->name : QString();
    switch (status.standing) {
    case SignOffStanding::NotSigned:
        return tr("Nobody has signed off as %1 yet.").arg(status.role);
    case SignOffStanding::Counts:
        return tr("A current approval that counts towards sign-off.");
    case SignOffStanding::Rejected:
        return tr("%1 rejected the release: the project is not signed off while this stands.").arg(name);
    case SignOffStanding::Stale:
        return tr("The checklist or the risks changed after %1 signed (%2 since). The sign-off no "
                  "longer covers what is in the review: ask for a new one.")
            .arg(name, QString::number(status.signoff ? status.signoff->changesSince : 0));
    case SignOffStanding::ApprovedWithRisksOnly:
        return tr("An approval with risks accepts the open risks, so it supports only the verdict Ready "
                  "with Risks; the current verdict is a different one.");
    }
    return {};
}

} // namespace preflight::gui
