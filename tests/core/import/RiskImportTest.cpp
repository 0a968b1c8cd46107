// Risk tables become risks of the imported project, in the project's own transaction; sign-offs
// in a file are shown in the preview and never imported.

#include "Error.h"
#include "import/MarkdownImport.h"
#include "import/ProjectImport.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

// Appendix A's blank form with its risk table and one sign-off line filled in.
QByteArray filledSeed()
{
    QFile file(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray seed = file.readAll();
    const QByteArray blankRows = "|  |  |  |  |\n|  |  |  |  |\n";
    REQUIRE(seed.contains(blankRows));
    seed.replace(blankRows,
                 "| Vendor &amp; model outage | \xF0\x9F\x94\xB4 Critical | Second provider | Ops |\n"
                 "| Cost overrun | Huge | Budget alerts | Finance |\n"
                 "|  | High | orphan mitigation |  |\n"
                 "| Slow rollout | low | Canary | \\_Ana\\_ |\n");
    seed.replace("**DevOps Lead:** ________________________ Date: __________",
                 "**DevOps Lead:** Bo Berg Date: 2026-03-01");
    return seed;
}

int lineOf(const QByteArray &text, const QByteArray &fragment)
{
    const qsizetype at = text.indexOf(fragment);
    REQUIRE(at >= 0);
    return int(text.left(at).count('\n')) + 1;
}

bool hasWarning(const std::vector<ImportWarning> &warnings, int line, const QString &text)
{
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const ImportWarning &w) { return w.line == line && w.message == text; });
}

} // namespace

TEST_CASE("a filled-in Appendix A brings its risks, unreadable rows are named", "[import][risks]")
{
    const QByteArray seed = filledSeed();
    const ImportPreview preview = importMarkdown(seed, QStringLiteral("review.md"));
    REQUIRE(preview.risks.size() == 2); // the example row and the empty rows are passed over
    CHECK(preview.risks[0].line == lineOf(seed, "| Vendor"));
    CHECK(preview.risks[0].risk.title == QStringLiteral("Vendor & model outage"));
    CHECK(preview.risks[1].risk.owner == QStringLiteral("_Ana_"));
    CHECK(hasWarning(preview.warnings, lineOf(seed, "| Cost overrun"),
                     QStringLiteral("risk row not imported: risk \"Cost overrun\" has severity \"Huge\", not "
                                    "Critical, High, Medium or Low")));
    CHECK(hasWarning(preview.warnings, lineOf(seed, "|  | High"),
                     QStringLiteral("risk row not imported: its Risk cell is empty")));

    // The sign-off is shown, and said not to be imported.
    REQUIRE(preview.signoffs.size() == 1);
    CHECK(preview.signoffs[0].role == QStringLiteral("DevOps Lead"));
    CHECK(preview.signoffs[0].name == QStringLiteral("Bo Berg"));
    CHECK(preview.signoffs[0].date == QStringLiteral("2026-03-01"));
    CHECK(hasWarning(preview.warnings, lineOf(seed, "**DevOps Lead:** Bo"),
                     QStringLiteral("1 sign-off in the file is shown but not imported: each role signs off in "
                                    "Preflight, on the review as it is then")));

    QTemporaryDir dir;
    TemplateRegistry registry;
    auto store = Store::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("tester"));
    const ImportedProject imported
        = importProjectWithTemplate(*store, registry, preview, QStringLiteral("Checkout"), {}, dir.path());
    CHECK(imported.tmpl.id == QStringLiteral("appendix-a"));
    CHECK(imported.result.risksCreated == 2);
    const ProjectState state = store->loadState(imported.result.project.id);
    REQUIRE(state.risks.size() == 2);
    const Risk &outage = state.risks[0];
    CHECK(outage.title == QStringLiteral("Vendor & model outage"));
    CHECK(outage.severity == Severity::Critical);
    CHECK(outage.mitigation == QStringLiteral("Second provider"));
    CHECK(outage.owner == QStringLiteral("Ops"));
    CHECK(outage.status == RiskStatus::Open);
    CHECK(state.risks[1].severity == Severity::Low);
    CHECK(state.signoffs.empty());
    // Created with the project: one audit trail, risks included.
    const auto history = store->history(imported.result.project.id);
    CHECK(std::any_of(history.begin(), history.end(), [](const AuditEntry &entry) {
        return entry.newValue.contains(QStringLiteral("Vendor & model outage"));
    }));
}

TEST_CASE("risk status, acceptance and links are read, links the template lacks are dropped with a warning",
          "[import][risks]")
{
    const QByteArray report = "# Review\n\n## Ops 🔴\n- [ ] Pager works\n\n## Risk Assessment\n\n"
                              "| ID | Risk | Severity | Mitigation | Owner | Status | Linked items |\n"
                              "|---|---|---|---|---|---|---|\n"
                              "| R1 | Outage | 🟠 High | — | — | Accepted (accepted by Ana until 2026-12-31) | "
                              "ops.general.pager-works, gone.item |\n"
                              "| R2 | Drift | 🟡 Medium | Pin | Bo | Mitigated | — |\n"
                              "| R3 | Old | 🟢 Low | — | — | Open: acceptance expired (accepted by — until "
                              "2020-01-01) | — |\n"
                              "| R4 | Odd | High | — | — | Pending | — |\n"
                              "| R5 | Bad date | High | — | — | Accepted (accepted by Ana until 2026-13-45) | — |\n";
    const ImportPreview preview = importMarkdown(report, QStringLiteral("report.md"));
    REQUIRE(preview.risks.size() == 3);
    const Risk &outage = preview.risks[0].risk;
    CHECK(outage.status == RiskStatus::Accepted);
    CHECK(outage.acceptedBy == QStringLiteral("Ana"));
    CHECK(outage.acceptedUntil == QDate(2026, 12, 31));
    CHECK(outage.mitigation.isEmpty());
    CHECK(outage.linkedItems
          == QStringList({ QStringLiteral("ops.general.pager-works"), QStringLiteral("gone.item") }));
    CHECK(preview.risks[1].risk.status == RiskStatus::Mitigated);
    CHECK(preview.risks[1].risk.linkedItems.isEmpty());
    CHECK(preview.risks[2].risk.status == RiskStatus::Accepted);
    CHECK(preview.risks[2].risk.acceptedBy.isEmpty());
    CHECK(preview.risks[2].risk.acceptedUntil == QDate(2020, 1, 1));
    CHECK(hasWarning(preview.warnings, 13,
                     QStringLiteral("risk row not imported: risk \"Odd\" has status \"Pending\", not Open, "
                                    "Mitigated, Accepted (accepted by NAME until YYYY-MM-DD) or Closed")));
    CHECK(hasWarning(preview.warnings, 14,
                     QStringLiteral("risk row not imported: risk \"Bad date\" has status \"Accepted (accepted by "
                                    "Ana until 2026-13-45)\", not Open, Mitigated, Accepted (accepted by NAME "
                                    "until YYYY-MM-DD) or Closed")));

    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("tester"));
    const ProjectImportResult result = importProject(*store, preview, QStringLiteral("P"), preview.tmpl);
    CHECK(hasWarning(result.warnings, 10,
                     QStringLiteral("risk \"Outage\": linked item \"gone.item\" is not in template \"review\"; link "
                                    "left out")));
    const ProjectState state = store->loadState(result.project.id);
    REQUIRE(state.risks.size() == 3);
    CHECK(state.risks[0].linkedItems == QStringList({ QStringLiteral("ops.general.pager-works") }));
    CHECK(state.risks[0].acceptedBy == QStringLiteral("Ana"));
    // The second one's acceptance is the importer's: the store names whoever accepted it.
    CHECK(state.risks[2].acceptedBy == QStringLiteral("tester"));
}

TEST_CASE("a risk the store refuses leaves no project behind", "[import][risks]")
{
    QTemporaryDir dir;
    TemplateRegistry registry;
    const Template &appendix = *registry.find(QStringLiteral("appendix-a"));
    auto store = Store::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("tester"));
    Project draft;
    draft.name = QStringLiteral("Half");
    draft.templateId = appendix.id;
    draft.templateVersion = appendix.version;
    Risk good;
    good.title = QStringLiteral("Fine");
    Risk untitled;
    untitled.title = QStringLiteral("  ");
    CHECK_THROWS_WITH(store->createProjectWithItems(draft, appendix, {}, { good, untitled }),
                      Catch::Contains("a risk needs a non-empty title"));
    CHECK(store->projects().empty());
}
