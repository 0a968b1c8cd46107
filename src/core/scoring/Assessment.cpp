#include "scoring/Assessment.h"

#include "scoring/EffectiveStatus.h"

#include <algorithm>
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

QString plural(int n, const QString &singular, const QString &pluralForm)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : pluralForm);
}

QString itemsOpen(int n, const QString &adjective)
{
    return QStringLiteral("%1 open").arg(
        plural(n, adjective + QStringLiteral(" item"), adjective + QStringLiteral(" items")));
}

QString highRisks(int n)
{
    return plural(n, QStringLiteral("high/critical risk"), QStringLiteral("high/critical risks"));
}

struct RiskTally
{
    int openHighOrCritical = 0;
    int openOther = 0;
    int accepted = 0;
    int acceptedHighOrCritical = 0;
};

bool isHighOrCritical(Severity severity)
{
    return severity == Severity::High || severity == Severity::Critical;
}

RiskTally tallyRisks(const ProjectState &state, const QDate &today)
{
    RiskTally tally;
    for (const Risk &risk : state.risks) {
        const RiskStatus status = risk.effectiveStatus(today);
        const bool severe = isHighOrCritical(risk.severity);
        if (status == RiskStatus::Open)
            ++(severe ? tally.openHighOrCritical : tally.openOther);
        if (status == RiskStatus::Accepted) {
            ++tally.accepted;
            if (severe)
                ++tally.acceptedHighOrCritical;
        }
    }
    return tally;
}

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
        m_result.openHighOrCriticalRisks = m_risks.openHighOrCritical;
        m_result.acceptedRisks = m_risks.accepted;
        return std::move(m_result);
    }

private:
    void scoreCategories()
    {
        double weightedSum = 0;
        double weights = 0;
        for (const Category &category : m_tmpl.categories) {
            CategoryScore score { category.id, category.title, category.severity, {}, std::nullopt };
            forEachItem(category, m_state, [&](const Item &item, ItemStatus status, bool isLeaf) {
                add(score.counts, status);
                if (status == ItemStatus::Open && isLeaf)
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
            m_result.counts.done += score.counts.done;
            m_result.counts.na += score.counts.na;
            m_result.counts.open += score.counts.open;
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

    SummaryResult computedResult(const SummaryItem &item) const
    {
        SummaryResult result;
        result.computed = true;
        switch (item.rule) {
        case SummaryRule::AllCriticalDone:
        case SummaryRule::AllHighDone: {
            const bool critical = item.rule == SummaryRule::AllCriticalDone;
            const QString adjective = critical ? QStringLiteral("critical") : QStringLiteral("high-priority");
            const int open = openOfSeverity(critical ? Severity::Critical : Severity::High);
            result.met = open == 0;
            result.reason
                = result.met ? QStringLiteral("every %1 item done or N/A").arg(adjective) : itemsOpen(open, adjective);
            break;
        }
        case SummaryRule::HighRisksMitigated: {
            result.met = m_risks.openHighOrCritical == 0 && m_risks.acceptedHighOrCritical == 0;
            QStringList parts;
            if (m_risks.openHighOrCritical > 0)
                parts << QStringLiteral("%1 open").arg(highRisks(m_risks.openHighOrCritical));
            if (m_risks.acceptedHighOrCritical > 0)
                parts << QStringLiteral("%1 accepted, not mitigated").arg(highRisks(m_risks.acceptedHighOrCritical));
            result.reason = result.met ? QStringLiteral("no high/critical risk open or accepted")
                                       : parts.join(QStringLiteral(", "));
            break;
        }
        case SummaryRule::SignedOff:
            result.met = m_result.signedOff;
            result.reason = m_signOffReason;
            break;
        case SummaryRule::Manual:
            break;
        }
        return result;
    }

    void evaluateSummary()
    {
        for (const SummaryGroup &group : m_tmpl.summary) {
            for (const SummaryItem &item : group.items) {
                SummaryResult result;
                if (item.rule == SummaryRule::Manual) {
                    const ItemState itemState = m_state.itemState(item.id);
                    result.met = itemState.status != ItemStatus::Open;
                    result.reason = itemState.status == ItemStatus::NotApplicable
                        ? QStringLiteral("N/A: %1").arg(itemState.reason)
                        : (result.met ? QStringLiteral("ticked") : QStringLiteral("not ticked"));
                } else {
                    result = computedResult(item);
                }
                result.id = item.id;
                result.groupId = group.id;
                result.text = item.text;
                m_result.summary.push_back(std::move(result));
            }
        }
    }

    int openManualSummaryItems() const
    {
        int open = 0;
        for (const SummaryGroup &group : m_tmpl.summary) {
            for (const SummaryItem &item : group.items)
                open += item.rule == SummaryRule::Manual && m_state.itemState(item.id).status == ItemStatus::Open;
        }
        return open;
    }

    void decideVerdict()
    {
        QStringList blockers;
        if (const int open = openOfSeverity(Severity::Critical))
            blockers << itemsOpen(open, QStringLiteral("critical"));
        if (m_risks.openHighOrCritical > 0)
            blockers << QStringLiteral("%1 open").arg(highRisks(m_risks.openHighOrCritical));
        if (!blockers.isEmpty()) {
            m_result.verdict = Verdict::NotReady;
            m_result.verdictReasons = blockers;
            return;
        }
        QStringList shortfalls;
        if (const int open = openOfSeverity(Severity::High))
            shortfalls << itemsOpen(open, QStringLiteral("high-priority"));
        if (const int open = openOfSeverity(Severity::Medium))
            shortfalls << itemsOpen(open, QStringLiteral("medium-priority"));
        if (const int open = openOfSeverity(Severity::Low))
            shortfalls << itemsOpen(open, QStringLiteral("low-priority"));
        if (const int open = openManualSummaryItems())
            shortfalls << itemsOpen(open, QStringLiteral("summary"));
        if (m_risks.openOther > 0)
            shortfalls << QStringLiteral("%1 open").arg(
                plural(m_risks.openOther, QStringLiteral("low/medium risk"), QStringLiteral("low/medium risks")));
        if (m_risks.accepted > 0)
            shortfalls << QStringLiteral("%1 accepted rather than mitigated")
                              .arg(plural(m_risks.accepted, QStringLiteral("risk"), QStringLiteral("risks")));
        m_result.verdict = shortfalls.isEmpty() ? Verdict::Ready : Verdict::ReadyWithRisks;
        m_result.verdictReasons = shortfalls;
    }

    void evaluateSignOffs()
    {
        // Hashing the whole review is a large share of an assessment, and only a sign-off's
        // staleness needs it: a project nobody signed yet skips it.
        const QString digest = m_state.signoffs.empty() ? QString() : m_state.reviewDigest();
        QStringList missing, stale, rejected, notCounting;
        bool all = true;
        for (const QString &role : m_tmpl.signoffRoles) {
            SignOffStatus status;
            status.role = role;
            const auto it = std::find_if(m_state.signoffs.begin(), m_state.signoffs.end(),
                                         [&](const SignOff &s) { return s.role == role; });
            if (it != m_state.signoffs.end()) {
                status.signoff = *it;
                status.stale = it->stateDigest != digest;
                const bool approves = it->decision == Decision::Approve
                    || (it->decision == Decision::ApproveWithRisks && m_result.verdict == Verdict::ReadyWithRisks);
                status.counts = approves && !status.stale;
                if (it->decision == Decision::Reject)
                    rejected << role;
                else if (status.stale)
                    stale << role;
                else if (!approves)
                    notCounting << role;
            } else {
                missing << role;
            }
            all = all && status.counts;
            m_result.signoffs.push_back(std::move(status));
        }
        m_result.signedOff = all;
        QStringList parts;
        const auto describe = [&](const QStringList &roles, const QString &what) {
            if (!roles.isEmpty())
                parts << QStringLiteral("%1: %2").arg(what, roles.join(QStringLiteral(", ")));
        };
        describe(rejected, QStringLiteral("rejected by"));
        describe(missing, QStringLiteral("missing"));
        describe(stale, QStringLiteral("stale (changed since signing)"));
        describe(notCounting, QStringLiteral("approved with risks but verdict is not Ready with Risks"));
        m_signOffReason
            = all ? QStringLiteral("every role approved the current state") : parts.join(QStringLiteral("; "));
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
    std::vector<std::pair<const Category *, const Item *>> m_openItems;
    QString m_signOffReason;
};

} // namespace

Assessment assess(const Template &tmpl, const ProjectState &state, const QDate &today)
{
    return Assessor(tmpl, state, today).run();
}

} // namespace preflight
