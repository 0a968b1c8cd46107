#include "scoring/Assessment.h"

#include "core/scoring/SampleReview.h"
#include "scoring/EffectiveStatus.h"
#include "scoring/Wording.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

const CategoryScore &category(const Assessment &a, const char *id)
{
    for (const CategoryScore &c : a.categories) {
        if (c.id == QLatin1String(id))
            return c;
    }
    FAIL("no category " << id);
    throw;
}

const SummaryResult &summary(const Assessment &a, const char *id)
{
    for (const SummaryResult &s : a.summary) {
        if (s.id == QLatin1String(id))
            return s;
    }
    FAIL("no summary item " << id);
    throw;
}

QStringList actionIds(const Assessment &a)
{
    QStringList ids;
    for (const Action &action : a.actions)
        ids << action.kind + QLatin1Char(':') + action.id;
    return ids;
}

} // namespace

TEST_CASE("verdict keys, template labels and default weights", "[scoring]")
{
    const Template t = sampleTemplate();
    CHECK(verdictKey(Verdict::NotReady) == QStringLiteral("not-ready"));
    CHECK(verdictKey(Verdict::ReadyWithRisks) == QStringLiteral("ready-with-risks"));
    CHECK(verdictKey(Verdict::Ready) == QStringLiteral("ready"));
    CHECK(verdictLabel(t, Verdict::Ready) == QStringLiteral("Ready for Production"));
    Template custom = t;
    custom.statusValues = { QStringLiteral("Blocked"), QStringLiteral("Caveats"), QStringLiteral("Go") };
    CHECK(verdictLabel(custom, Verdict::ReadyWithRisks) == QStringLiteral("Caveats"));
    CHECK(defaultWeight(Severity::Critical) == 3.0);
    CHECK(defaultWeight(Severity::High) == 2.0);
    CHECK(defaultWeight(Severity::Medium) == 1.5);
    CHECK(defaultWeight(Severity::Low) == 1.0);
}

TEST_CASE("an untouched project is Not Ready with every item open", "[scoring]")
{
    const Assessment a = assess(sampleTemplate(), ProjectState {}, Today);
    CHECK(a.verdict == Verdict::NotReady);
    CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("5 critical items open") });
    CHECK(a.counts.open == 9);
    CHECK(a.counts.done == 0);
    CHECK(a.bySeverity.at(Severity::Critical).open == 5);
    CHECK(a.bySeverity.at(Severity::High).open == 2);
    REQUIRE(a.score.has_value());
    CHECK(*a.score == 0.0);
    CHECK(summaryReasonText(summary(a, "exec.critical")) == QStringLiteral("5 critical items open"));
    CHECK_FALSE(summary(a, "exec.critical").met);
    CHECK(summaryReasonText(summary(a, "exec.high")) == QStringLiteral("2 high-priority items open"));
}

TEST_CASE("category score is done over applicable items, n/a when all are N/A", "[scoring]")
{
    ProjectState state;
    setStatus(state, { "h1" }, ItemStatus::Done);
    setStatus(state, { "h2" }, ItemStatus::NotApplicable);
    setStatus(state, { "m1" }, ItemStatus::NotApplicable);
    setStatus(state, { "c1" }, ItemStatus::Done);
    const Assessment a = assess(sampleTemplate(), state, Today);

    CHECK(category(a, "high").score == 100.0);
    CHECK(category(a, "high").counts.na == 1);
    CHECK_FALSE(category(a, "med").score.has_value()); // all N/A: never 100 %
    CHECK(category(a, "crit").score == Approx(20.0)); // 1 of 5 (c1 c2 cp cp.a cp.b)
    CHECK(category(a, "low").score == 0.0);
    // Weighted: critical 20 x3, high 100 x2, low 0 x1; the n/a medium category is left out.
    REQUIRE(a.score.has_value());
    CHECK(*a.score == Approx((20.0 * 3 + 100.0 * 2 + 0.0 * 1) / 6.0));
}

TEST_CASE("a category weight overrides the severity default", "[scoring]")
{
    Template t = sampleTemplate();
    t.categories[2].weight = 5.0; // medium
    ProjectState state;
    setStatus(state, { "c1", "c2", "cp.a", "cp.b", "h1" }, ItemStatus::Done);
    const Assessment a = assess(t, state, Today);
    // critical 100 x3, high 50 x2, medium 0 x5, low 0 x1
    CHECK(*a.score == Approx((300.0 + 100.0) / 11.0));
}

TEST_CASE("overall score is n/a when every category is n/a", "[scoring]")
{
    ProjectState state;
    setStatus(state, { "c1", "c2", "cp.a", "cp.b", "h1", "h2", "m1", "l1" }, ItemStatus::NotApplicable);
    const Assessment a = assess(sampleTemplate(), state, Today);
    CHECK_FALSE(a.score.has_value());
    CHECK(a.counts.na == 9); // the parent follows its N/A children
    for (const CategoryScore &c : a.categories)
        CHECK_FALSE(c.score.has_value());
}

TEST_CASE("a parent follows its children, not its own tick", "[scoring][nested]")
{
    const Template t = sampleTemplate();
    const Item &parent = *t.findItem(QStringLiteral("cp"));
    ProjectState state;

    setStatus(state, { "cp" }, ItemStatus::Done);
    CHECK(effectiveStatus(parent, state) == ItemStatus::Open); // ticked over open children

    setStatus(state, { "cp.a" }, ItemStatus::Done);
    CHECK(effectiveStatus(parent, state) == ItemStatus::Open);

    setStatus(state, { "cp.b" }, ItemStatus::NotApplicable);
    CHECK(effectiveStatus(parent, state) == ItemStatus::Done);

    setStatus(state, { "cp" }, ItemStatus::Open); // the parent's own state is ignored
    CHECK(effectiveStatus(parent, state) == ItemStatus::Done);

    setStatus(state, { "cp.a" }, ItemStatus::NotApplicable);
    CHECK(effectiveStatus(parent, state) == ItemStatus::NotApplicable);

    setStatus(state, { "c1", "c2" }, ItemStatus::Done);
    const Assessment a = assess(t, state, Today);
    CHECK(category(a, "crit").counts.done == 2);
    CHECK(category(a, "crit").counts.na == 3);
    CHECK(category(a, "crit").score == 100.0);
}

TEST_CASE("open critical items or open high risks make the verdict Not Ready", "[scoring][verdict]")
{
    ProjectState state = readyState();
    SECTION("one critical sub-item open")
    {
        setStatus(state, { "cp.b" }, ItemStatus::Open);
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::NotReady);
        CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("2 critical items open") }); // cp.b and cp
    }
    SECTION("an open high risk")
    {
        state.risks.push_back(risk(1, Severity::High, RiskStatus::Open));
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::NotReady);
        CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("1 high/critical risk open") });
        CHECK(a.openHighOrCriticalRisks == 1);
    }
    SECTION("an accepted critical risk whose acceptance expired")
    {
        state.risks.push_back(risk(1, Severity::Critical, RiskStatus::Accepted, Today.addDays(-1)));
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::NotReady);
        CHECK(a.openHighOrCriticalRisks == 1);
        CHECK(a.acceptedRisks == 0);
    }
}

TEST_CASE("Ready with Risks names what keeps it from Ready", "[scoring][verdict]")
{
    ProjectState state = readyState();
    SECTION("a high-priority item open")
    {
        setStatus(state, { "h2" }, ItemStatus::Open);
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::ReadyWithRisks);
        CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("1 high-priority item open") });
        CHECK_FALSE(summary(a, "exec.high").met);
        CHECK(summaryReasonText(summary(a, "exec.high")) == QStringLiteral("1 high-priority item open"));
    }
    SECTION("a manual summary item open")
    {
        setStatus(state, { "exec.rollback" }, ItemStatus::Open);
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::ReadyWithRisks);
        CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("1 summary item open") });
        CHECK_FALSE(summary(a, "exec.rollback").computed);
        CHECK(summaryReasonText(summary(a, "exec.rollback")) == QStringLiteral("not ticked"));
    }
    SECTION("a high risk accepted rather than mitigated, acceptance still valid")
    {
        state.risks.push_back(risk(1, Severity::High, RiskStatus::Accepted, Today));
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::ReadyWithRisks);
        CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("1 risk accepted rather than mitigated") });
        CHECK(a.acceptedRisks == 1);
        CHECK_FALSE(summary(a, "exec.risks").met);
        CHECK(summaryReasonText(summary(a, "exec.risks"))
              == QStringLiteral("1 high/critical risk accepted, not mitigated"));
    }
    SECTION("a low risk still open")
    {
        state.risks.push_back(risk(1, Severity::Low, RiskStatus::Open));
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::ReadyWithRisks);
        CHECK(verdictReasonTexts(a) == QStringList { QStringLiteral("1 low/medium risk open") });
    }
}

TEST_CASE("Ready for Production when everything is done or N/A and risks are resolved", "[scoring][verdict]")
{
    ProjectState state = readyState();
    setStatus(state, { "m1" }, ItemStatus::NotApplicable);
    state.risks.push_back(risk(1, Severity::Critical, RiskStatus::Mitigated));
    state.risks.push_back(risk(2, Severity::High, RiskStatus::Closed));
    const Assessment a = assess(sampleTemplate(), state, Today);
    CHECK(a.verdict == Verdict::Ready);
    CHECK(a.verdictShortfalls.empty());
    CHECK(*a.score == 100.0);
    CHECK(summary(a, "exec.critical").met);
    CHECK(summary(a, "exec.risks").met);
    CHECK(a.actions.empty());
    // Sign-offs never change the verdict: nobody has signed yet.
    CHECK_FALSE(a.signedOff);
    CHECK_FALSE(summary(a, "exec.signed").met);
    CHECK(summaryReasonText(summary(a, "exec.signed")) == QStringLiteral("missing: Engineering Lead, DevOps Lead"));
}

TEST_CASE("the action list puts high risks first, then items by severity and category order", "[scoring]")
{
    ProjectState state;
    setStatus(state, { "c1", "cp.a", "h1", "exec.rollback" }, ItemStatus::Done);
    setStatus(state, { "exec.rollback" }, ItemStatus::Open);
    state.risks.push_back(risk(7, Severity::Low, RiskStatus::Open));
    state.risks.push_back(risk(8, Severity::High, RiskStatus::Open));
    state.risks.push_back(risk(9, Severity::Critical, RiskStatus::Open));
    state.risks.push_back(risk(10, Severity::Critical, RiskStatus::Mitigated));
    const Assessment a = assess(sampleTemplate(), state, Today);
    // Parents are not listed: their children are the actions.
    CHECK(actionIds(a)
          == QStringList { QStringLiteral("risk:9"), QStringLiteral("risk:8"), QStringLiteral("item:c2"),
                           QStringLiteral("item:cp.b"), QStringLiteral("item:h2"),
                           QStringLiteral("summary:exec.rollback"), QStringLiteral("item:m1"),
                           QStringLiteral("item:l1"), QStringLiteral("risk:7") });
    CHECK(a.actions[2].categoryId == QStringLiteral("crit"));
    CHECK(a.actions[2].severity == Severity::Critical);
    CHECK(a.actions[0].text == QStringLiteral("Risk 9"));
}
