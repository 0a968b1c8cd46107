#include "scoring/ItemRules.h"

#include "Error.h"
#include "core/scoring/SampleReview.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

// The message and kind of the Error requireStatusSettable throws, or nothing when it accepts.
std::optional<std::pair<Error::Kind, QString>> refusal(const Template &tmpl, const char *itemId)
{
    try {
        requireStatusSettable(tmpl, QString::fromLatin1(itemId));
    } catch (const Error &error) {
        return std::pair { error.kind(), error.message() };
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("item kinds: leaves, parents, manual and computed summary items", "[scoring][rules]")
{
    const Template tmpl = sampleTemplate();
    CHECK(itemKind(tmpl, QStringLiteral("c1")) == ItemKind::Leaf);
    CHECK(itemKind(tmpl, QStringLiteral("cp.a")) == ItemKind::Leaf);
    CHECK(itemKind(tmpl, QStringLiteral("cp")) == ItemKind::Parent);
    CHECK(itemKind(tmpl, QStringLiteral("exec.rollback")) == ItemKind::ManualSummary);
    CHECK(itemKind(tmpl, QStringLiteral("exec.critical")) == ItemKind::ComputedSummary);
    CHECK(itemKind(tmpl, QStringLiteral("exec.signed")) == ItemKind::ComputedSummary);
    CHECK(itemKind(tmpl, QStringLiteral("crit")) == ItemKind::Unknown); // a category, not an item
    CHECK(itemKind(tmpl, QStringLiteral("nope")) == ItemKind::Unknown);
}

TEST_CASE("a person sets leaves and manual summary items, details belong to parents too", "[scoring][rules]")
{
    CHECK(statusIsSettable(ItemKind::Leaf));
    CHECK(statusIsSettable(ItemKind::ManualSummary));
    CHECK_FALSE(statusIsSettable(ItemKind::Parent));
    CHECK_FALSE(statusIsSettable(ItemKind::ComputedSummary));
    CHECK_FALSE(statusIsSettable(ItemKind::Unknown));

    CHECK(detailsAreEditable(ItemKind::Leaf));
    CHECK(detailsAreEditable(ItemKind::Parent));
    CHECK(detailsAreEditable(ItemKind::ManualSummary));
    CHECK_FALSE(detailsAreEditable(ItemKind::ComputedSummary));
    CHECK_FALSE(detailsAreEditable(ItemKind::Unknown));
}

TEST_CASE("requireStatusSettable names the item and what to do instead", "[scoring][rules]")
{
    const Template tmpl = sampleTemplate();
    CHECK_FALSE(refusal(tmpl, "c1"));
    CHECK_FALSE(refusal(tmpl, "exec.rollback"));

    const auto parent = refusal(tmpl, "cp");
    REQUIRE(parent);
    CHECK(parent->first == Error::Kind::Usage);
    CHECK(parent->second.toStdString()
          == "item \"cp\" has sub-items and its status follows them; set cp.a, cp.b instead");

    const auto computed = refusal(tmpl, "exec.risks");
    REQUIRE(computed);
    CHECK(computed->first == Error::Kind::Usage);
    CHECK(
        computed->second.toStdString()
        == "summary item \"exec.risks\" is computed from the review (high-risks-mitigated) and cannot be set by hand");

    const auto unknown = refusal(tmpl, "c9");
    REQUIRE(unknown);
    CHECK(unknown->first == Error::Kind::Data);
    CHECK(unknown->second.toStdString()
          == "unknown item \"c9\" in template sample 1.2.0 (`preflight template show sample` lists the ids)");
}
