#include "core/scoring/SampleReview.h"
#include "scoring/Assessment.h"
#include "scoring/Wording.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

TEST_CASE("every role approving the current state signs the project off", "[scoring][signoff]")
{
    ProjectState state = readyState();
    sign(state, "Engineering Lead", Decision::Approve);
    Assessment a = assess(sampleTemplate(), state, Today);
    CHECK_FALSE(a.signedOff);
    REQUIRE(a.signoffs.size() == 2);
    CHECK(a.signoffs[0].counts);
    CHECK_FALSE(a.signoffs[1].signoff.has_value());

    sign(state, "DevOps Lead", Decision::Approve);
    a = assess(sampleTemplate(), state, Today);
    CHECK(a.signedOff);
    CHECK(a.signOffShortfalls.empty());
    CHECK(a.summary.back().met);
    CHECK(summaryReasonText(a.summary.back()) == QStringLiteral("every role approved the current state"));
}

TEST_CASE("a later edit makes earlier sign-offs stale", "[scoring][signoff]")
{
    ProjectState state = readyState();
    sign(state, "Engineering Lead", Decision::Approve);
    sign(state, "DevOps Lead", Decision::Approve);
    setStatus(state, { "m1" }, ItemStatus::NotApplicable);
    const Assessment a = assess(sampleTemplate(), state, Today);
    CHECK(a.verdict == Verdict::Ready);
    CHECK_FALSE(a.signedOff);
    CHECK(a.signoffs[0].stale);
    CHECK(a.signoffs[1].stale);
    CHECK_FALSE(a.signoffs[0].counts);
    CHECK(summaryReasonText(a.summary.back())
          == QStringLiteral("stale (changed since signing): Engineering Lead, DevOps Lead"));
}

TEST_CASE("a reject overrides every approval", "[scoring][signoff]")
{
    ProjectState state = readyState();
    sign(state, "Engineering Lead", Decision::Approve);
    sign(state, "DevOps Lead", Decision::Reject);
    const Assessment a = assess(sampleTemplate(), state, Today);
    CHECK_FALSE(a.signedOff);
    CHECK_FALSE(a.signoffs[1].stale);
    CHECK_FALSE(a.signoffs[1].counts);
    CHECK(summaryReasonText(a.summary.back()) == QStringLiteral("rejected by: DevOps Lead"));
}

TEST_CASE("approve with risks counts only for a Ready with Risks verdict", "[scoring][signoff]")
{
    ProjectState state = readyState();
    SECTION("verdict Ready: an approval with risks does not count")
    {
        sign(state, "Engineering Lead", Decision::ApproveWithRisks);
        sign(state, "DevOps Lead", Decision::Approve);
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::Ready);
        CHECK_FALSE(a.signedOff);
        CHECK(summaryReasonText(a.summary.back())
              == QStringLiteral("approved with risks but verdict is not Ready with Risks: Engineering Lead"));
    }
    SECTION("verdict Ready with Risks: it counts")
    {
        setStatus(state, { "h1" }, ItemStatus::Open);
        sign(state, "Engineering Lead", Decision::ApproveWithRisks);
        sign(state, "DevOps Lead", Decision::Approve);
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::ReadyWithRisks);
        CHECK(a.signedOff);
    }
    SECTION("verdict Not Ready: it does not count")
    {
        setStatus(state, { "c1" }, ItemStatus::Open);
        sign(state, "Engineering Lead", Decision::ApproveWithRisks);
        sign(state, "DevOps Lead", Decision::Approve);
        const Assessment a = assess(sampleTemplate(), state, Today);
        CHECK(a.verdict == Verdict::NotReady);
        CHECK_FALSE(a.signoffs[0].counts);
        CHECK(a.signoffs[1].counts); // a plain approval is the signer's call, whatever the verdict
        CHECK_FALSE(a.signedOff);
    }
}
