// Appendix A 1.0.0 against tests/data/templates/appendix-a-1.1.0.json, which makes every kind of
// change once or more: added and removed items, moves between sections, categories and parents,
// rewording, new ids for the same or near-same text, severity and weight changes, a summary item
// reworded and one added.

#include "templates/TemplateDiff.h"

#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace preflight;

namespace {

Template appendixA11()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/appendix-a-1.1.0.json"));
}

const ItemDiff &byNewId(const TemplateDiff &diff, const char *id)
{
    const auto found = std::find_if(diff.items.begin(), diff.items.end(),
                                    [&](const ItemDiff &item) { return item.newId == QLatin1String(id); });
    REQUIRE(found != diff.items.end());
    return *found;
}

const ItemDiff &byOldId(const TemplateDiff &diff, const char *id)
{
    const auto found = std::find_if(diff.items.begin(), diff.items.end(),
                                    [&](const ItemDiff &item) { return item.oldId == QLatin1String(id); });
    REQUIRE(found != diff.items.end());
    return *found;
}

} // namespace

TEST_CASE("text similarity is 1 for equal texts, high for near-same and low for unrelated ones", "[templates][diff]")
{
    CHECK(textSimilarity(QStringLiteral("LLM API timeout configured"), QStringLiteral("LLM API timeout configured"))
          == 1.0);
    // Case, blanks and Markdown marks do not count.
    CHECK(textSimilarity(QStringLiteral("No `print` statements"), QStringLiteral("no print   statements")) == 1.0);
    const double near = textSimilarity(QStringLiteral("LLM API timeout configured"),
                                       QStringLiteral("LLM API timeout configured (30 s)"));
    CHECK(near >= ReidentifyThreshold);
    CHECK(near < 1.0);
    CHECK(textSimilarity(QStringLiteral("MFA required for admin accounts"), QStringLiteral("HIPAA"))
          < ReidentifyThreshold);
    CHECK(textSimilarity(QString(), QStringLiteral("x")) == 0.0);
}

TEST_CASE("Appendix A 1.0.0 to 1.1.0: every kind of change is found and nothing else", "[templates][diff]")
{
    const TemplateRegistry registry;
    const Template &from = *registry.find(QStringLiteral("appendix-a"), QStringLiteral("1.0.0"));
    const Template to = appendixA11();
    const TemplateDiff diff = diffTemplates(from, to);
    CHECK(diff.fromVersion == QStringLiteral("1.0.0"));
    CHECK(diff.toVersion == QStringLiteral("1.1.0"));

    SECTION("added and removed")
    {
        QStringList added;
        QStringList removed;
        for (const ItemDiff &item : diff.items) {
            if (item.added())
                added << item.newId;
            if (item.removed())
                removed << item.oldId;
        }
        CHECK(added
              == QStringList { QStringLiteral("testing.contract-tests.consumer-contracts-published"),
                               QStringLiteral("testing.contract-tests.provider-verified-in-ci"),
                               QStringLiteral("security.authentication-and-authorization.mfa-for-admin-accounts"),
                               QStringLiteral("executive-summary.status-page-prepared") });
        CHECK(removed
              == QStringList { QStringLiteral("code-quality.code-standards.no-print-statements"),
                               QStringLiteral("compliance.security-compliance.hipaa") });
        CHECK(byNewId(diff, "executive-summary.status-page-prepared").summary);
    }

    SECTION("moved between sections, categories and parents, keeping their ids")
    {
        const ItemDiff &section = byNewId(diff, "testing.integration-tests.redis-integration-tested");
        CHECK(section.moved());
        CHECK(section.oldPlaceTitle == QStringLiteral("Testing › Integration Tests"));
        CHECK(section.newPlaceTitle == QStringLiteral("Testing › Chaos Tests"));
        const ItemDiff &category = byNewId(diff, "observability.dashboards.grafana-dashboard-created");
        CHECK(category.moved());
        CHECK(category.newPlace == QStringLiteral("monitoring-and-alerting/monitoring-and-alerting.dashboards"));
        CHECK_FALSE(category.severityChanged()); // critical to critical
        const ItemDiff &nested = byNewId(diff, "deployment.ci-cd.automated-builds");
        CHECK(nested.moved());
        CHECK(nested.newPlace.endsWith(QStringLiteral("/deployment.ci-cd.automated-testing-in-ci")));
        CHECK_FALSE(nested.reworded());
        CHECK(diff.counts().moved == 3);
    }

    SECTION("reworded: same id, other text; the similarity says how far")
    {
        const ItemDiff &coverage = byNewId(diff, "testing.unit-tests.test-coverage-over-80-percent");
        CHECK(coverage.reworded());
        CHECK_FALSE(coverage.reidentified());
        CHECK(coverage.oldText == QStringLiteral("Test coverage > 80%"));
        CHECK(coverage.newText == QStringLiteral("Test coverage > 85% on changed code"));
        CHECK(coverage.similarity < 1.0);
        const ItemDiff &summary = byNewId(diff, "executive-summary.rollback-plan-tested");
        CHECK(summary.reworded());
        CHECK(summary.summary);
        CHECK(byNewId(diff, "operations.runbooks.agent-down-runbook").reworded());
    }

    SECTION("re-identified: other id, equal or near-same text, with the score")
    {
        const ItemDiff &same = byOldId(diff, "security.input-validation.sql-injection-prevented");
        CHECK(same.newId == QStringLiteral("security.input-validation.sql-injection-blocked"));
        CHECK(same.reidentified());
        CHECK_FALSE(same.reworded());
        CHECK(same.similarity == 1.0);
        const ItemDiff &near = byOldId(diff, "reliability.timeouts.llm-api-timeout-configured");
        CHECK(near.newId == QStringLiteral("reliability.timeouts.llm-timeout-configured"));
        CHECK(near.reidentified());
        CHECK(near.reworded());
        CHECK(near.similarity >= ReidentifyThreshold);
        CHECK(near.similarity < 1.0);
        CHECK(diff.newIdOf(QStringLiteral("reliability.timeouts.llm-api-timeout-configured"))
              == QStringLiteral("reliability.timeouts.llm-timeout-configured"));
        CHECK_FALSE(diff.newIdOf(QStringLiteral("compliance.security-compliance.hipaa")));
        CHECK(diff.counts().reidentified == 2);
    }

    SECTION("severity and weight changes, per category and per item")
    {
        REQUIRE(diff.categories.size() == 3);
        CHECK(diff.categories[0].id == QStringLiteral("security"));
        CHECK(diff.categories[0].oldWeight == std::nullopt);
        CHECK(diff.categories[0].newWeight == 2.0);
        CHECK(diff.categories[1].id == QStringLiteral("scalability"));
        CHECK(diff.categories[1].newSeverity == Severity::Medium);
        CHECK(diff.categories[2].id == QStringLiteral("compliance"));
        CHECK(diff.categories[2].oldSeverity == Severity::High);
        CHECK(diff.categories[2].newSeverity == Severity::Critical);
        const ItemDiff &item = byNewId(diff, "compliance.data-privacy.gdpr-compliance-verified");
        CHECK(item.severityChanged());
        CHECK(item.oldSeverity == Severity::High);
        CHECK(item.newSeverity == Severity::Critical);
        // 14 compliance items (HIPAA removed) and 15 scalability items.
        CHECK(diff.counts().severityChanged == 29);
    }

    SECTION("the rest is unchanged, and every item of both versions is accounted for once")
    {
        const TemplateDiff::Counts counts = diff.counts();
        CHECK(counts.reworded == 4);
        CHECK(counts.ruleChanged == 0);
        int summaryItems = 0;
        for (const SummaryGroup &group : to.summary)
            summaryItems += int(group.items.size());
        CHECK(int(diff.items.size()) == to.itemCount() + summaryItems + counts.removed);
        CHECK_FALSE(diff.empty());
    }
}

TEST_CASE("a version against itself has no changes", "[templates][diff]")
{
    const Template to = appendixA11();
    const TemplateDiff diff = diffTemplates(to, to);
    CHECK(diff.empty());
    CHECK(diff.counts().unchanged == int(diff.items.size()));
}

TEST_CASE("a summary item and a checklist item never match each other", "[templates][diff]")
{
    Template from = appendixA11();
    Template to = from;
    // The same text moved from the checklist into a summary group is one removal and one addition.
    Item moved = from.categories[0].sections[0].items.front();
    to.categories[0].sections[0].items.erase(to.categories[0].sections[0].items.begin());
    to.summary[0].items.push_back({ QStringLiteral("executive-summary.moved"), moved.text, SummaryRule::Manual });
    const TemplateDiff diff = diffTemplates(from, to);
    CHECK(diff.counts().added == 1);
    CHECK(diff.counts().removed == 1);
    CHECK(diff.counts().reidentified == 0);
}
