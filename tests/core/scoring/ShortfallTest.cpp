#include "core/scoring/SampleReview.h"
#include "scoring/Assessment.h"
#include "scoring/Wording.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

const SummaryResult &summary(const Assessment &a, const char *id)
{
    for (const SummaryResult &result : a.summary) {
        if (result.id == QLatin1String(id))
            return result;
    }
    FAIL("no summary result " << id);
    throw std::logic_error("unreachable");
}

bool sameShortfall(const Shortfall &s, ShortfallKind kind, std::optional<Severity> severity, const QStringList &items)
{
    return s.kind == kind && s.severity == severity && s.count == items.size() && s.items == items;
}

} // namespace

TEST_CASE("a Not Ready verdict names the open critical items and the worst open risk", "[scoring][shortfall]")
{
    ProjectState state = readyState();
    setStatus(state, { "cp.b" }, ItemStatus::Open);
    state.risks.push_back(risk(3, Severity::High, RiskStatus::Open));
    state.risks.push_back(risk(5, Severity::Critical, RiskStatus::Open));
    state.risks.push_back(risk(6, Severity::Low, RiskStatus::Open)); // not a blocker
    const Assessment a = assess(sampleTemplate(), state, Today);
    REQUIRE(a.verdict == Verdict::NotReady);
    REQUIRE(a.verdictShortfalls.size() == 2);
    // The parent follows its open sub-item and is counted with it, as the counts do.
    CHECK(sameShortfall(a.verdictShortfalls[0], ShortfallKind::OpenItems, Severity::Critical,
                        { QStringLiteral("cp"), QStringLiteral("cp.b") }));
    CHECK(sameShortfall(a.verdictShortfalls[1], ShortfallKind::OpenSevereRisks, Severity::Critical,
                        { QStringLiteral("3"), QStringLiteral("5") }));
    CHECK(verdictReasonTexts(a)
          == QStringList { QStringLiteral("2 critical items open"), QStringLiteral("2 high/critical risks open") });

    const SummaryResult &risks = summary(a, "exec.risks");
    REQUIRE(risks.shortfalls.size() == 1);
    CHECK(sameShortfall(risks.shortfalls[0], ShortfallKind::OpenSevereRisks, Severity::Critical,
                        { QStringLiteral("3"), QStringLiteral("5") }));
}

TEST_CASE("a Ready with Risks verdict lists every shortfall in a fixed order", "[scoring][shortfall]")
{
    ProjectState state = readyState();
    setStatus(state, { "h2", "l1", "exec.rollback" }, ItemStatus::Open);
    state.risks.push_back(risk(4, Severity::Medium, RiskStatus::Open));
    state.risks.push_back(risk(7, Severity::Critical, RiskStatus::Accepted, QDate(2027, 1, 31)));
    state.risks.push_back(risk(8, Severity::Low, RiskStatus::Accepted));
    const Assessment a = assess(sampleTemplate(), state, Today);
    REQUIRE(a.verdict == Verdict::ReadyWithRisks);
    REQUIRE(a.verdictShortfalls.size() == 5);
    CHECK(sameShortfall(a.verdictShortfalls[0], ShortfallKind::OpenItems, Severity::High, { QStringLiteral("h2") }));
    CHECK(sameShortfall(a.verdictShortfalls[1], ShortfallKind::OpenItems, Severity::Low, { QStringLiteral("l1") }));
    CHECK(sameShortfall(a.verdictShortfalls[2], ShortfallKind::OpenSummaryItems, Severity::High,
                        { QStringLiteral("exec.rollback") }));
    CHECK(sameShortfall(a.verdictShortfalls[3], ShortfallKind::OpenMinorRisks, Severity::Medium,
                        { QStringLiteral("4") }));
    CHECK(sameShortfall(a.verdictShortfalls[4], ShortfallKind::AcceptedRisks, Severity::Critical,
                        { QStringLiteral("7"), QStringLiteral("8") }));
    CHECK(verdictReasonTexts(a)
          == QStringList { QStringLiteral("1 high-priority item open"), QStringLiteral("1 low-priority item open"),
                           QStringLiteral("1 summary item open"), QStringLiteral("1 low/medium risk open"),
                           QStringLiteral("2 risks accepted rather than mitigated") });

    const SummaryResult &risks = summary(a, "exec.risks");
    CHECK_FALSE(risks.met);
    REQUIRE(risks.shortfalls.size() == 1);
    CHECK(sameShortfall(risks.shortfalls[0], ShortfallKind::AcceptedSevereRisks, Severity::Critical,
                        { QStringLiteral("7") }));
    CHECK(summaryReasonText(risks) == QStringLiteral("1 high/critical risk accepted, not mitigated"));
    CHECK(summary(a, "exec.critical").shortfalls.empty());
    CHECK(summaryReasonText(summary(a, "exec.critical")) == QStringLiteral("every critical item done or N/A"));
}

TEST_CASE("a manual summary item's reason says ticked, not ticked or why it is N/A", "[scoring][shortfall]")
{
    ProjectState state = readyState();
    CHECK(summaryReasonText(summary(assess(sampleTemplate(), state, Today), "exec.rollback"))
          == QStringLiteral("ticked"));
    setStatus(state, { "exec.rollback" }, ItemStatus::NotApplicable);
    const SummaryResult &na = summary(assess(sampleTemplate(), state, Today), "exec.rollback");
    CHECK(na.met);
    CHECK(na.shortfalls.empty());
    CHECK(summaryReasonText(na) == QStringLiteral("N/A: not used here"));
}

TEST_CASE("sign-off shortfalls list roles by standing, most decisive first", "[scoring][shortfall][signoff]")
{
    Template tmpl = sampleTemplate();
    tmpl.signoffRoles << QStringLiteral("Security Lead") << QStringLiteral("Product Manager");
    ProjectState state = readyState();
    sign(state, "Engineering Lead", Decision::Approve);
    sign(state, "Security Lead", Decision::Reject);
    setStatus(state, { "m1" }, ItemStatus::NotApplicable); // both sign-offs are now before a change
    sign(state, "Product Manager", Decision::ApproveWithRisks);
    const Assessment a = assess(tmpl, state, Today);
    REQUIRE(a.verdict == Verdict::Ready);
    REQUIRE(a.signoffs.size() == 4);
    CHECK(a.signoffs[0].standing == SignOffStanding::Stale);
    CHECK(a.signoffs[1].standing == SignOffStanding::NotSigned);
    CHECK(a.signoffs[2].standing == SignOffStanding::Rejected); // stale too, but a reject stands
    CHECK(a.signoffs[2].stale);
    CHECK(a.signoffs[3].standing == SignOffStanding::ApprovedWithRisksOnly);

    const SummaryResult &signedOff = summary(a, "exec.signed");
    REQUIRE(signedOff.shortfalls.size() == 4);
    CHECK(a.signOffShortfalls.size() == 4); // the same, for templates without a signed-off summary item
    CHECK(sameShortfall(signedOff.shortfalls[0], ShortfallKind::SignOffsRejected, std::nullopt,
                        { QStringLiteral("Security Lead") }));
    CHECK(sameShortfall(signedOff.shortfalls[1], ShortfallKind::SignOffsMissing, std::nullopt,
                        { QStringLiteral("DevOps Lead") }));
    CHECK(sameShortfall(signedOff.shortfalls[2], ShortfallKind::SignOffsStale, std::nullopt,
                        { QStringLiteral("Engineering Lead") }));
    CHECK(sameShortfall(signedOff.shortfalls[3], ShortfallKind::SignOffsApprovedWithRisksOnly, std::nullopt,
                        { QStringLiteral("Product Manager") }));
    CHECK(summaryReasonText(signedOff)
          == QStringLiteral("rejected by: Security Lead; missing: DevOps Lead; stale (changed since signing): "
                            "Engineering Lead; approved with risks but verdict is not Ready with Risks: Product "
                            "Manager"));
}

TEST_CASE("a sign-off's standing follows its decision, staleness and the verdict", "[scoring][signoff]")
{
    SignOff approval;
    approval.decision = Decision::Approve;
    SignOff withRisks;
    withRisks.decision = Decision::ApproveWithRisks;
    SignOff reject;
    reject.decision = Decision::Reject;

    CHECK(signOffStanding(std::nullopt, false, Verdict::Ready) == SignOffStanding::NotSigned);
    for (Verdict verdict : { Verdict::NotReady, Verdict::ReadyWithRisks, Verdict::Ready }) {
        CHECK(signOffStanding(approval, false, verdict) == SignOffStanding::Counts);
        CHECK(signOffStanding(approval, true, verdict) == SignOffStanding::Stale);
        CHECK(signOffStanding(reject, false, verdict) == SignOffStanding::Rejected);
        CHECK(signOffStanding(reject, true, verdict) == SignOffStanding::Rejected);
        CHECK(signOffStanding(withRisks, true, verdict) == SignOffStanding::Stale);
    }
    CHECK(signOffStanding(withRisks, false, Verdict::ReadyWithRisks) == SignOffStanding::Counts);
    CHECK(signOffStanding(withRisks, false, Verdict::Ready) == SignOffStanding::ApprovedWithRisksOnly);
    CHECK(signOffStanding(withRisks, false, Verdict::NotReady) == SignOffStanding::ApprovedWithRisksOnly);

    SignOffStatus status;
    status.signoff = withRisks;
    status.standing = SignOffStanding::ApprovedWithRisksOnly;
    CHECK(signOffStandingText(status) == QStringLiteral("Counts only when the verdict is Ready with Risks"));
    status.standing = SignOffStanding::Stale;
    status.signoff->changesSince = 1;
    CHECK(signOffStandingText(status) == QStringLiteral("Stale: 1 change since signed"));
    status.signoff->changesSince = 3;
    CHECK(signOffStandingText(status) == QStringLiteral("Stale: 3 changes since signed"));
    status.standing = SignOffStanding::Counts;
    CHECK(signOffStandingText(status) == QStringLiteral("Counts"));
    CHECK(signOffStandingKey(SignOffStanding::ApprovedWithRisksOnly) == QStringLiteral("approved-with-risks-only"));
}
