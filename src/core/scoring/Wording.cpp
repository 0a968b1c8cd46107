#include "scoring/Wording.h"

namespace preflight {

namespace {

QString counted(int n, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? singular : plural));
}

QString openItemsText(const Shortfall &shortfall)
{
    switch (shortfall.severity.value_or(Severity::High)) {
    case Severity::Critical:
        return counted(shortfall.count, "critical item", "critical items") + QStringLiteral(" open");
    case Severity::High:
        return counted(shortfall.count, "high-priority item", "high-priority items") + QStringLiteral(" open");
    case Severity::Medium:
        return counted(shortfall.count, "medium-priority item", "medium-priority items") + QStringLiteral(" open");
    case Severity::Low:
        return counted(shortfall.count, "low-priority item", "low-priority items") + QStringLiteral(" open");
    }
    return {};
}

QString roles(const char *what, const Shortfall &shortfall)
{
    return QLatin1String(what) + QStringLiteral(": ") + shortfall.items.join(QStringLiteral(", "));
}

QString metText(SummaryRule rule)
{
    switch (rule) {
    case SummaryRule::AllCriticalDone:
        return QStringLiteral("every critical item done or N/A");
    case SummaryRule::AllHighDone:
        return QStringLiteral("every high-priority item done or N/A");
    case SummaryRule::HighRisksMitigated:
        return QStringLiteral("no high/critical risk open or accepted");
    case SummaryRule::SignedOff:
        return QStringLiteral("every role approved the current state");
    case SummaryRule::Manual:
        break;
    }
    return QStringLiteral("ticked");
}

} // namespace

QString shortfallText(const Shortfall &shortfall)
{
    const int n = shortfall.count;
    switch (shortfall.kind) {
    case ShortfallKind::OpenItems:
        return openItemsText(shortfall);
    case ShortfallKind::OpenSummaryItems:
        return counted(n, "summary item", "summary items") + QStringLiteral(" open");
    case ShortfallKind::OpenSevereRisks:
        return counted(n, "high/critical risk", "high/critical risks") + QStringLiteral(" open");
    case ShortfallKind::OpenMinorRisks:
        return counted(n, "low/medium risk", "low/medium risks") + QStringLiteral(" open");
    case ShortfallKind::AcceptedRisks:
        return counted(n, "risk", "risks") + QStringLiteral(" accepted rather than mitigated");
    case ShortfallKind::AcceptedSevereRisks:
        return counted(n, "high/critical risk", "high/critical risks") + QStringLiteral(" accepted, not mitigated");
    case ShortfallKind::SignOffsRejected:
        return roles("rejected by", shortfall);
    case ShortfallKind::SignOffsMissing:
        return roles("missing", shortfall);
    case ShortfallKind::SignOffsStale:
        return roles("stale (changed since signing)", shortfall);
    case ShortfallKind::SignOffsApprovedWithRisksOnly:
        return roles("approved with risks but verdict is not Ready with Risks", shortfall);
    }
    return {};
}

QStringList verdictReasonTexts(const Assessment &assessment)
{
    QStringList texts;
    for (const Shortfall &shortfall : assessment.verdictShortfalls)
        texts << shortfallText(shortfall);
    return texts;
}

QString summaryReasonText(const SummaryResult &result)
{
    if (!result.computed) {
        if (result.manualStatus == ItemStatus::NotApplicable)
            return QStringLiteral("N/A: %1").arg(result.naReason);
        return result.met ? QStringLiteral("ticked") : QStringLiteral("not ticked");
    }
    if (result.shortfalls.empty())
        return metText(result.rule);
    QStringList parts;
    for (const Shortfall &shortfall : result.shortfalls)
        parts << shortfallText(shortfall);
    // Role lists already hold commas, so the sign-off rule separates its parts more strongly.
    return parts.join(result.rule == SummaryRule::SignedOff ? QStringLiteral("; ") : QStringLiteral(", "));
}

QString signOffStandingText(const SignOffStatus &status)
{
    switch (status.standing) {
    case SignOffStanding::NotSigned:
        return QStringLiteral("Not signed");
    case SignOffStanding::Counts:
        return QStringLiteral("Counts");
    case SignOffStanding::Rejected:
        return QStringLiteral("Rejected");
    case SignOffStanding::Stale: {
        const int changes = status.signoff ? status.signoff->changesSince : 0;
        if (changes <= 0)
            return QStringLiteral("Stale: the review changed since signed");
        return QStringLiteral("Stale: %1 since signed").arg(counted(changes, "change", "changes"));
    }
    case SignOffStanding::ApprovedWithRisksOnly:
        return QStringLiteral("Counts only when the verdict is Ready with Risks");
    }
    return {};
}

QString outsideProfileReason()
{
    return QStringLiteral("not in this project's profile");
}

QString profileDescription(const Profile &profile)
{
    if (!profile)
        return QStringLiteral("all items (no profile)");
    if (profile->isEmpty())
        return QStringLiteral("untagged items only (empty profile)");
    return profile->join(QStringLiteral(", "));
}

namespace {

void collectOutside(const std::vector<Item> &items, const Assessment &assessment, QStringList &ids)
{
    for (const Item &item : items) {
        if (assessment.outsideProfile.contains(item.id))
            ids << item.id;
        collectOutside(item.children, assessment, ids);
    }
}

} // namespace

QStringList outsideProfileIds(const Template &tmpl, const Assessment &assessment)
{
    QStringList ids;
    if (assessment.outsideProfile.isEmpty())
        return ids;
    for (const Category &category : tmpl.categories) {
        for (const Section &section : category.sections)
            collectOutside(section.items, assessment, ids);
    }
    return ids;
}

} // namespace preflight
