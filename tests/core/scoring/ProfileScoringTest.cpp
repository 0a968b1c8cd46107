// Applicability profiles in scoring: items a profile leaves out count as N/A apart from hand-made
// N/A, sub-items go with their parent, and stored answers count again when the profile changes.
#include "core/scoring/SampleReview.h"
#include "model/Profile.h"
#include "scoring/Assessment.h"
#include "scoring/StatusJson.h"
#include "scoring/Wording.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace preflight;
using namespace preflight::test;

namespace {

// "a,b" as a list; QT_NO_CAST_FROM_ASCII rules out QStringList { "a", "b" }.
QStringList tags(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QSet<QString> idSet(const char *list)
{
    const QStringList ids = tags(list);
    return QSet<QString>(ids.begin(), ids.end());
}

// The sample template with tags: c1 llm, cp (and so cp.a, cp.b) kubernetes, h1 llm+python.
Template taggedTemplate()
{
    Template t = sampleTemplate();
    auto &crit = t.categories[0].sections[0].items;
    crit[0].tags = { QStringLiteral("llm") };
    crit[2].tags = { QStringLiteral("kubernetes") };
    t.categories[1].sections[0].items[0].tags = { QStringLiteral("llm"), QStringLiteral("python") };
    return t;
}

const CategoryScore &category(const Assessment &a, const char *id)
{
    for (const CategoryScore &c : a.categories) {
        if (c.id == QLatin1String(id))
            return c;
    }
    FAIL("no category " << id);
    throw;
}

} // namespace

TEST_CASE("profile rule: no profile applies everything, untagged always, tagged by any tag", "[scoring][profile]")
{
    CHECK(itemApplies({ QStringLiteral("llm") }, std::nullopt));
    CHECK(itemApplies({}, QStringList()));
    CHECK_FALSE(itemApplies({ QStringLiteral("llm") }, QStringList()));
    CHECK(itemApplies({ QStringLiteral("llm"), QStringLiteral("python") }, QStringList { QStringLiteral("python") }));
    CHECK_FALSE(itemApplies({ QStringLiteral("llm") }, QStringList { QStringLiteral("python") }));
    CHECK(templateTags(taggedTemplate()) == tags("kubernetes,llm,python"));
    for (const Profile &profile : { Profile(), Profile(QStringList()), Profile(tags("kubernetes,llm")) })
        CHECK(profileFromText(profileText(profile)) == profile);
    CHECK(profileText(QStringList()) == QStringLiteral("none"));
}

TEST_CASE("items outside the profile count as N/A apart from hand-made N/A", "[scoring][profile]")
{
    const Template t = taggedTemplate();
    ProjectState state;
    setStatus(state, { "c1", "cp.a" }, ItemStatus::Done); // answers on items the profile will leave out
    setStatus(state, { "h2" }, ItemStatus::NotApplicable); // by hand
    setStatus(state, { "c2", "cp.b", "h1", "m1", "l1" }, ItemStatus::Done);

    const Assessment all = assess(t, state, Today);
    CHECK(all.outsideProfile.isEmpty());
    CHECK(all.counts.outsideProfile == 0);
    CHECK(all.counts.done == 8); // c1 c2 cp cp.a cp.b h1 m1 l1
    CHECK(all.counts.na == 1);

    state.project.profile = QStringList { QStringLiteral("python") };
    const Assessment python = assess(t, state, Today);
    // c1 (llm) and cp (kubernetes) with its sub-items are left out; h1 (llm, python) applies.
    CHECK(python.outsideProfile == idSet("c1,cp,cp.a,cp.b"));
    CHECK(python.counts.outsideProfile == 4);
    CHECK(python.counts.na == 5); // the four left out and the hand-made h2
    CHECK(python.counts.done == 4); // c2 h1 m1 l1
    CHECK(category(python, "crit").counts.done == 1);
    CHECK(category(python, "crit").counts.outsideProfile == 4);
    CHECK(*category(python, "crit").score == Approx(100));
    CHECK(outsideProfileIds(t, python) == tags("c1,cp,cp.a,cp.b"));
    // The stored answers are untouched: scoring reads them, never writes.
    CHECK(state.itemState(QStringLiteral("c1")).status == ItemStatus::Done);

    const nlohmann::json status = statusJson(t, state, python, Today);
    CHECK(status["project"]["profile"] == nlohmann::json::array({ "python" }));
    CHECK(status["counts"]["outside_profile"] == 4);
    CHECK(status["outside_profile"] == nlohmann::json::array({ "c1", "cp", "cp.a", "cp.b" }));

    SECTION("an open item left out no longer holds back the verdict, and counts again when it returns")
    {
        setStatus(state, { "c1" }, ItemStatus::Open);
        const auto hasAction = [](const Assessment &a, const char *id) {
            return std::any_of(a.actions.begin(), a.actions.end(),
                               [&](const Action &action) { return action.id == QLatin1String(id); });
        };
        const Assessment left = assess(t, state, Today);
        CHECK_FALSE(hasAction(left, "c1"));
        CHECK((left.verdictShortfalls.empty() || left.verdictShortfalls.front().severity != Severity::Critical));
        state.project.profile = QStringList();
        CHECK(assess(t, state, Today).counts.outsideProfile == 5); // c1, cp, cp.a, cp.b, h1
        state.project.profile = std::nullopt;
        const Assessment back = assess(t, state, Today);
        CHECK(hasAction(back, "c1"));
        CHECK(back.verdict == Verdict::NotReady);
        CHECK(back.counts.outsideProfile == 0);
        CHECK(back.counts.open == 1);
        CHECK(back.counts.done == 7);
    }
}

TEST_CASE("the review digest covers the profile only once there is one", "[scoring][profile]")
{
    ProjectState state;
    setStatus(state, { "c1" }, ItemStatus::Done);
    const QString before = state.reviewDigest();
    state.project.profile = QStringList { QStringLiteral("llm") };
    const QString withProfile = state.reviewDigest();
    CHECK(withProfile != before);
    state.project.profile = QStringList();
    CHECK(state.reviewDigest() != withProfile);
    state.project.profile = std::nullopt;
    CHECK(state.reviewDigest() == before);
}
