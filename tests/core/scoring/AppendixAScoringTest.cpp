#include "scoring/Assessment.h"
#include "scoring/Wording.h"
#include "templates/TemplateRegistry.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace preflight;

TEST_CASE("Appendix A scores a fresh review as Not Ready with 264 open items", "[scoring][appendix-a]")
{
    const TemplateRegistry registry;
    const Template *tmpl = registry.find(QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    REQUIRE(tmpl);
    const Assessment a = assess(*tmpl, ProjectState {}, QDate(2026, 11, 25));

    CHECK(a.counts.open == 264);
    CHECK(a.counts.total() == tmpl->itemCount());
    CHECK(a.bySeverity.at(Severity::Critical).open + a.bySeverity.at(Severity::High).open == 264);
    CHECK(a.verdict == Verdict::NotReady);
    CHECK(verdictReasonTexts(a)
          == QStringList { QStringLiteral("%1 critical items open").arg(a.bySeverity.at(Severity::Critical).open) });
    CHECK(a.categories.size() == 14);
    CHECK(a.signoffs.size() == 4);
    // Two parents (the alert items) are not actions: their eight sub-items are.
    const auto items = std::count_if(a.actions.begin(), a.actions.end(),
                                     [](const Action &x) { return x.kind == QLatin1String("item"); });
    CHECK(items == 262);
    int computed = 0;
    for (const SummaryResult &s : a.summary)
        computed += s.computed ? 1 : 0;
    CHECK(computed == 5);
    CHECK(a.summary.size() == 9);
}
