#include "scoring/Assessment.h"

#include "model/EnumKeys.h"
#include "scoring/EffectiveStatus.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace preflight {

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::NotReady:
        return QStringLiteral("not-ready");
    case Verdict::ReadyWithRisks:
        return QStringLiteral("ready-with-risks");
    case Verdict::Ready:
        return QStringLiteral("ready");
    }
    return {};
}

QString verdictLabel(const Template &tmpl, Verdict verdict)
{
    // The template lists its wording worst first, as Appendix A's status line does.
    const int index = static_cast<int>(verdict);
    if (index < tmpl.statusValues.size())
        return tmpl.statusValues.at(index);
    static const QStringList fallback
        = { QStringLiteral("Not Ready"), QStringLiteral("Ready with Risks"), QStringLiteral("Ready for Production") };
    return fallback.at(index);
}

double defaultWeight(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 3.0;
    case Severity::High:
        return 2.0;
    case Severity::Medium:
        return 1.5;
    case Severity::Low:
        return 1.0;
    }
    return 1.0;
}

namespace {

void add(Counts &counts, ItemStatus status)
{
    switch (status) {
    case ItemStatus::Done:
        ++counts.done;
        break;
    case ItemStatus::NotApplicable:
        ++counts.na;
        break;
    case ItemStatus::Open:
        ++counts.open;
        break;
    }
}

std::optional<double> percentDone(const Counts &counts)
{
    const int applicable = counts.done + counts.open;
    if (applicable == 0)
        return std::nullopt;
    return 100.0 * counts.done / applicable;
}

constexpr std::array shortfallKindKeys = {
    std::pair { ShortfallKind::OpenItems, "open-items" },
    std::pair { ShortfallKind::OpenSummaryItems, "open-summary-items" },
    std::pair { ShortfallKind::OpenSevereRisks, "open-high-or-critical-risks" },
    std::pair { ShortfallKind::OpenMinorRisks, "open-low-or-medium-risks" },
    std::pair { ShortfallKind::AcceptedRisks, "accepted-risks" },
    std::pair { ShortfallKind::AcceptedSevereRisks, "accepted-high-or-critical-risks" },
    std::pair { ShortfallKind::SignOffsRejected, "signoffs-rejected" },
    std::pair { ShortfallKind::SignOffsMissing, "signoffs-missing" },
    std::pair { ShortfallKind::SignOffsStale, "signoffs-stale" },
    std::pair { ShortfallKind::SignOffsApprovedWithRisksOnly, "signoffs-approved-with-risks-only" },
};

constexpr std::array standingKeys = {
    std::pair { SignOffStanding::NotSigned, "not-signed" },
    std::pair { SignOffStanding::Counts, "counts" },
    std::pair { SignOffStanding::Rejected, "rejected" },
    std::pair { SignOffStanding::Stale, "stale" },
    std::pair { SignOffStanding::ApprovedWithRisksOnly, "approved-with-risks-only" },
};

bool isHighOrCritical(Severity severity)
{
    return severity == Severity::High || severity == Severity::Critical;
}

// Risks of one kind of shortfall: their ids in register order and the worst severity among them.
struct RiskGroup
{
    QStringList ids;
    std::optional<Severity> worst;

    void add(const Risk &risk)
    {
        ids << QString::number(risk.id);
        worst = std::max(worst.value_or(risk.severity), risk.severity);
    }
    int count() const { return int(ids.size()); }
    Shortfall shortfall(ShortfallKind kind) const { return { kind, worst, count(), ids }; }
};

struct RiskTally
{
    RiskGroup openSevere;
    RiskGroup openMinor;
    RiskGroup accepted;
    RiskGroup acceptedSevere;
};

RiskTally tallyRisks(const ProjectState &state, const QDate &today)
{
    RiskTally tally;
    for (const Risk &risk : state.risks) {
        const RiskStatus status = risk.effectiveStatus(today);
        const bool severe = isHighOrCritical(risk.severity);
        if (status == RiskStatus::Open)
            (severe ? tally.openSevere : tally.openMinor).add(risk);
        if (status == RiskStatus::Accepted) {
            tally.accepted.add(risk);
            if (severe)
                tally.acceptedSevere.add(risk);
        }
    }
    return tally;
}

} // namespace

QString shortfallKindKey(ShortfallKind kind)
{
    return keyOf(shortfallKindKeys, kind);
}

QString signOffStandingKey(SignOffStanding standing)
{
    return keyOf(standingKeys, standing);
}

SignOffStanding signOffStanding(const std::optional<SignOff> &signoff, bool stale, Verdict verdict)
{
    if (!signoff)
        return SignOffStanding::NotSigned;
    if (signoff->decision == Decision::Reject)
        return SignOffStanding::Rejected;
    if (stale)
        return SignOffStanding::Stale;
    if (signoff->decision == Decision::ApproveWithRisks && verdict != Verdict::ReadyWithRisks)
        return SignOffStanding::ApprovedWithRisksOnly;
    return SignOffStanding::Counts;
}

namespace {

class Assessor
{
public:
    Assessor(const Template &tmpl, const ProjectState &state, const QDate &today)
        : m_tmpl(tmpl)
        , m_state(state)
        , m_today(today)
        , m_risks(tallyRisks(state, today))
    { }

    Assessment run()
    {
        // Order matters: the verdict needs the counts, the sign-offs need the verdict ("approve
        // with risks" counts only for Ready with Risks), and the summary's sign-off rule needs both.
        scoreCategories();
        decideVerdict();
        evaluateSignOffs();
        evaluateSummary();
        listActions();
        m_result.openHighOrCriticalRisks = m_risks.openSevere.count();
        m_result.acceptedRisks = m_risks.accepted.count();
        return std::move(m_result);
    }

private:
    void scoreCategories()
    {
        double weightedSum = 0;
        double weights = 0;
        for (const Category &category : m_tmpl.categories) {
            CategoryScore score { category.id, category.title, category.severity, {}, std::nullopt };
            forEachItem(category, m_state, [&](const Item &item, ItemStatus status, bool isLeaf, bool outside) {
                add(score.counts, status);
                if (outside) {
                    ++score.counts.outsideProfile;
                    m_result.outsideProfile.insert(item.id);
                }
                if (status != ItemStatus::Open)
                    return;
                m_openIds[category.severity] << item.id;
                if (isLeaf)
                    m_openItems.push_back({ &category, &item });
            });
            score.score = percentDone(score.counts);
            if (score.score) {
                const double weight = category.weight.value_or(defaultWeight(category.severity));
                weightedSum += weight * *score.score;
                weights += weight;
            }
            Counts &bySeverity = m_result.bySeverity[category.severity];
            bySeverity.done += score.counts.done;
            bySeverity.na += score.counts.na;
            bySeverity.open += score.counts.open;
            bySeverity.outsideProfile += score.counts.outsideProfile;
            m_result.counts.done += score.counts.done;
            m_result.counts.na += score.counts.na;
            m_result.counts.open += score.counts.open;
            m_result.counts.outsideProfile += score.counts.outsideProfile;
            m_result.categories.push_back(std::move(score));
        }
        if (weights > 0)
            m_result.score = weightedSum / weights;
    }

    int openOfSeverity(Severity severity) const
    {
        const auto it = m_result.bySeverity.find(severity);
        return it == m_result.bySeverity.end() ? 0 : it->second.open;
    }

    // Open checklist items of one category severity, or nothing when none is open.
    std::optional<Shortfall> openItems(Severity severity) const
    {
        const auto it = m_openIds.find(severity);
        if (it == m_openIds.end() || it->second.isEmpty())
            return std::nullopt;
        return Shortfall { ShortfallKind::OpenItems, severity, openOfSeverity(severity), it->second };
    }

    std::vector<Shortfall> computedShortfalls(SummaryRule rule) const
    {
        std::vector<Shortfall> shortfalls;
        switch (rule) {
        case SummaryRule::AllCriticalDone:
        case SummaryRule::AllHighDone:
            if (auto open = openItems(rule == SummaryRule::AllCriticalDone ? Severity::Critical : Severity::High))
                shortfalls.push_back(*open);
            break;
        case SummaryRule::HighRisksMitigated:
            if (m_risks.openSevere.count() > 0)
                shortfalls.push_back(m_risks.openSevere.shortfall(ShortfallKind::OpenSevereRisks));
            if (m_risks.acceptedSevere.count() > 0)
                shortfalls.push_back(m_risks.acceptedSevere.shortfall(ShortfallKind::AcceptedSevereRisks));
            break;
        case SummaryRule::SignedOff:
            shortfalls = m_result.signOffShortfalls;
            break;
        case SummaryRule::Manual:
            break;
        }
        return shortfalls;
    }

    void evaluateSummary()
    {
        for (const SummaryGroup &group : m_tmpl.summary) {
            for (const SummaryItem &item : group.items) {
                SummaryResult result;
                result.id = item.id;
                result.groupId = group.id;
                result.text = item.text;
                result.rule = item.rule;
                if (item.rule == SummaryRule::Manual) {
                    const ItemState itemState = m_state.itemState(item.id);
                    result.met = itemState.status != ItemStatus::Open;
                    result.manualStatus = itemState.status;
                    if (itemState.status == ItemStatus::NotApplicable)
                        result.naReason = itemState.reason;
                } else {
                    result.computed = true;
                    result.shortfalls = computedShortfalls(item.rule);
                    // The sign-off rule is met with no roles to sign; the others when nothing falls short.
                    result.met = item.rule == SummaryRule::SignedOff ? m_result.signedOff : result.shortfalls.empty();
                }
                m_result.summary.push_back(std::move(result));
            }
        }
    }

    QStringList openManualSummaryItems() const
    {
        QStringList open;
        for (const SummaryGroup &group : m_tmpl.summary) {
            for (const SummaryItem &item : group.items) {
                if (item.rule == SummaryRule::Manual && m_state.itemStatus(item.id) == ItemStatus::Open)
                    open << item.id;
            }
        }
        return open;
    }

    void decideVerdict()
    {
        std::vector<Shortfall> blockers;
        if (auto open = openItems(Severity::Critical))
            blockers.push_back(*open);
        if (m_risks.openSevere.count() > 0)
            blockers.push_back(m_risks.openSevere.shortfall(ShortfallKind::OpenSevereRisks));
        if (!blockers.empty()) {
            m_result.verdict = Verdict::NotReady;
            m_result.verdictShortfalls = std::move(blockers);
            return;
        }
        std::vector<Shortfall> shortfalls;
        for (Severity severity : { Severity::High, Severity::Medium, Severity::Low }) {
            if (auto open = openItems(severity))
                shortfalls.push_back(*open);
        }
        // Manual summary items hold back Ready as high-priority items do.
        if (const QStringList open = openManualSummaryItems(); !open.isEmpty())
            shortfalls.push_back({ ShortfallKind::OpenSummaryItems, Severity::High, int(open.size()), open });
        if (m_risks.openMinor.count() > 0)
            shortfalls.push_back(m_risks.openMinor.shortfall(ShortfallKind::OpenMinorRisks));
        if (m_risks.accepted.count() > 0)
            shortfalls.push_back(m_risks.accepted.shortfall(ShortfallKind::AcceptedRisks));
        m_result.verdict = shortfalls.empty() ? Verdict::Ready : Verdict::ReadyWithRisks;
        m_result.verdictShortfalls = std::move(shortfalls);
    }

    void evaluateSignOffs()
    {
        // Hashing the whole review is a large share of an assessment, and only a sign-off's
        // staleness needs it: a project nobody signed yet skips it.
        const QString digest = m_state.signoffs.empty() ? QString() : m_state.reviewDigest();
        std::map<SignOffStanding, QStringList> rolesBy;
        bool all = true;
        for (const QString &role : m_tmpl.signoffRoles) {
            SignOffStatus status;
            status.role = role;
            const auto it = std::find_if(m_state.signoffs.begin(), m_state.signoffs.end(),
                                         [&](const SignOff &s) { return s.role == role; });
            if (it != m_state.signoffs.end()) {
                status.signoff = *it;
                status.stale = it->stateDigest != digest;
            }
            status.standing = signOffStanding(status.signoff, status.stale, m_result.verdict);
            status.counts = status.standing == SignOffStanding::Counts;
            rolesBy[status.standing] << role;
            all = all && status.counts;
            m_result.signoffs.push_back(std::move(status));
        }
        m_result.signedOff = all;
        // Most decisive first: a rejection, then nobody signed, then signed too early, then the
        // approvals with risks the verdict does not call for.
        const std::pair<SignOffStanding, ShortfallKind> order[] = {
            { SignOffStanding::Rejected, ShortfallKind::SignOffsRejected },
            { SignOffStanding::NotSigned, ShortfallKind::SignOffsMissing },
            { SignOffStanding::Stale, ShortfallKind::SignOffsStale },
            { SignOffStanding::ApprovedWithRisksOnly, ShortfallKind::SignOffsApprovedWithRisksOnly },
        };
        for (const auto &[standing, kind] : order) {
            const QStringList &roles = rolesBy[standing];
            if (!roles.isEmpty())
                m_result.signOffShortfalls.push_back({ kind, std::nullopt, int(roles.size()), roles });
        }
    }

    void listActions()
    {
        // Sort key: open high/critical risks first; then by severity, items before summary
        // items before the remaining risks; ties keep template (or risk) order.
        using Key = std::tuple<int, int, int, int>;
        std::vector<std::pair<Key, Action>> keyed;
        const auto rank = [](Severity s) { return -static_cast<int>(s); };
        int order = 0;
        for (const Risk &risk : m_state.risks) {
            if (risk.effectiveStatus(m_today) != RiskStatus::Open)
                continue;
            const int group = isHighOrCritical(risk.severity) ? 0 : 1;
            keyed.push_back({ { group, rank(risk.severity), 2, order++ },
                              { QStringLiteral("risk"), QString::number(risk.id), risk.title, risk.severity, {} } });
        }
        for (const auto &[category, item] : m_openItems)
            keyed.push_back({ { 1, rank(category->severity), 0, order++ },
                              { QStringLiteral("item"), item->id, item->text, category->severity, category->id } });
        for (const SummaryResult &result : m_result.summary) {
            if (result.computed || result.met)
                continue;
            // Manual summary items hold back Ready as high-priority items do.
            keyed.push_back({ { 1, rank(Severity::High), 1, order++ },
                              { QStringLiteral("summary"), result.id, result.text, Severity::High, {} } });
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &entry : keyed)
            m_result.actions.push_back(std::move(entry.second));
    }

    const Template &m_tmpl;
    const ProjectState &m_state;
    const QDate m_today;
    const RiskTally m_risks;
    Assessment m_result;
    std::vector<std::pair<const Category *, const Item *>> m_openItems; // leaves, for the action list
    std::map<Severity, QStringList> m_openIds; // every open item by category severity, parents included
};

} // namespace

Assessment assess(const Template &tmpl, const ProjectState &state, const QDate &today)
{
    return Assessor(tmpl, state, today).run();
}

} // namespace preflight
