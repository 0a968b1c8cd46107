// Importing filled-in checklists as projects and templates, on real SQLite files and folders.

#include "import/ProjectImport.h"

#include "../export/ReportFixture.h"
#include "Error.h"
#include "export/MarkdownWriter.h"
#include "import/MarkdownImport.h"
#include "storage/Store.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

QByteArray seedWithTicks()
{
    QFile file(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray seed = file.readAll();
    seed.replace("- [ ] All code follows style guide (Black, Ruff)",
                 "- [x] All code follows style guide (Black, Ruff)\n"
                 "  - Note: checked by \\*CI\\*\n"
                 "  - Owner: Ana\n"
                 "  - Evidence: <https://ci.example.org/run/1>");
    seed.replace("- [ ] PCI DSS (if handling payments)",
                 "- [x] ~~PCI DSS (if handling payments)~~ — N/A: no card data");
    seed.replace("  - [ ] Agent down", "  - [X] Agent down");
    seed.replace("- [ ] On-call team notified", "- [x] On-call team notified");
    seed.replace("- [ ] Launch plan approved", "- [x] Launch plan approved");
    seed.replace("_Add any additional notes, context, or caveats here._", "Launch moved \\#2 times.");
    seed.replace("**Target Launch Date:** __________", "**Target Launch Date:** 2026-12-01");
    return seed;
}

} // namespace

TEST_CASE("a filled-in Appendix A becomes a project on the built-in template", "[import][project]")
{
    QTemporaryDir dir;
    const ImportPreview preview = importMarkdown(seedWithTicks(), QStringLiteral("review.md"));
    TemplateRegistry registry;
    const Template *target = chooseTemplate(preview, registry, {});
    REQUIRE(target != nullptr);
    CHECK(target->id == QStringLiteral("appendix-a")); // recognised by its items, not by name

    auto store = Store::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("tester"));
    const ProjectImportResult result = importProject(*store, preview, QStringLiteral("Checkout"), *target);
    CHECK(result.itemsSet == 4);
    const ProjectState state = store->loadState(result.project.id);
    CHECK(state.project.templateId == QStringLiteral("appendix-a"));
    CHECK(state.project.notes == QStringLiteral("Launch moved #2 times."));
    CHECK(state.project.targetDate == QDate(2026, 12, 1));

    const ItemState style = state.itemState(QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"));
    CHECK(style.status == ItemStatus::Done);
    CHECK(style.note == QStringLiteral("checked by *CI*"));
    CHECK(style.owner == QStringLiteral("Ana"));
    CHECK(style.evidence == QStringLiteral("https://ci.example.org/run/1")); // the report's autolink
    const ItemState pci = state.itemState(QStringLiteral("compliance.security-compliance.pci-dss"));
    CHECK(pci.status == ItemStatus::NotApplicable);
    CHECK(pci.reason == QStringLiteral("no card data"));
    CHECK(state
              .itemState(
                  QStringLiteral("monitoring-and-alerting.alert-configuration.critical-alerts-configured.agent-down"))
              .status
          == ItemStatus::Done);
    CHECK(state.itemState(QStringLiteral("executive-summary.on-call-team-notified")).status == ItemStatus::Done);
    CHECK(state.items.size() == 4); // the computed "Launch plan approved" was not imported
    const auto computed = std::find_if(preview.warnings.begin(), preview.warnings.end(), [](const ImportWarning &w) {
        return w.message.contains(QStringLiteral("computed by Preflight (signed-off)"));
    });
    REQUIRE(computed != preview.warnings.end());
    CHECK(computed->line == 464);
}

TEST_CASE("a failed project import creates nothing", "[import][project]")
{
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("tester"));
    TemplateRegistry registry;
    const Template &appendix = *registry.find(QStringLiteral("appendix-a"));

    // An item the chosen template does not have.
    QByteArray bytes = seedWithTicks();
    bytes.replace("- [ ] Stateless design", "- [x] Stateless design\n- [x] Serverless design");
    const ImportPreview extra = importMarkdown(bytes, QStringLiteral("extra.md"));
    try {
        importProject(*store, extra, QStringLiteral("Extra"), appendix);
        FAIL("no error");
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Data);
        CHECK(error.message().toStdString()
              == "extra.md:227: item \"Serverless design\" (Scalability › Horizontal Scaling) is not in template "
                 "\"appendix-a\"");
    }
    CHECK(chooseTemplate(extra, registry, {}) == nullptr);

    // A name that is taken.
    const ImportPreview good = importMarkdown(seedWithTicks(), QStringLiteral("good.md"));
    importProject(*store, good, QStringLiteral("Taken"), appendix);
    const qint64 version = store->dataVersion();
    const auto historyBefore = store->history(store->findProject(QStringLiteral("Taken"))->id).size();
    CHECK_THROWS_WITH(importProject(*store, good, QStringLiteral("Taken"), appendix),
                      Catch::Contains("a project named \"Taken\" already exists"));
    CHECK(store->projects().size() == 1);
    CHECK(store->history(store->findProject(QStringLiteral("Taken"))->id).size() == historyBefore);
    CHECK(store->dataVersion() == version);
    CHECK_THROWS_WITH(chooseTemplate(good, registry, QStringLiteral("nope")), "unknown template \"nope\"");
}

TEST_CASE("an imported template is saved atomically where the registry finds it", "[import][template]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("templates"));
    const ImportPreview preview
        = importMarkdown("# Team Launch\n\n## Ops 🔴\n- [ ] Pager works\n", QStringLiteral("t.md"));
    const QString path = saveImportedTemplate(preview, {}, folder);
    CHECK(QFileInfo(path).fileName() == QStringLiteral("team-launch.json"));
    TemplateRegistry registry;
    registry.loadUserTemplates(folder);
    CHECK(registry.warnings().isEmpty());
    const Template *loaded = registry.find(QStringLiteral("team-launch"));
    REQUIRE(loaded != nullptr);
    CHECK(loaded->categories.at(0).sections.at(0).items.at(0).id == QStringLiteral("ops.general.pager-works"));

    CHECK_THROWS_WITH(saveImportedTemplate(preview, {}, folder), Catch::Contains("\"team-launch\" already exists"));
    CHECK_THROWS_WITH(saveImportedTemplate(preview, QStringLiteral("appendix-a"), folder),
                      Catch::Contains("\"appendix-a\" already exists"));
    CHECK_THROWS_WITH(saveImportedTemplate(preview, QStringLiteral("Bad Id"), folder),
                      Catch::Contains("must be lowercase words joined by hyphens"));
    CHECK(QDir(folder).entryList(QDir::Files) == QStringList { QStringLiteral("team-launch.json") });
    saveImportedTemplate(preview, QStringLiteral("team-launch-2"), folder);
    CHECK(QDir(folder).entryList(QDir::Files).size() == 2);
}

TEST_CASE("imported evidence that is no web address is kept as text, with a warning naming its line",
          "[import][links][evidence]")
{
    QByteArray seed = seedWithTicks();
    seed.replace("- [ ] No hardcoded values (use config)\n",
                 "- [x] No hardcoded values (use config)\n"
                 "  - Evidence: javascript:alert(document.cookie)\n");
    seed.replace("- [ ] Proper error propagation\n",
                 "- [x] Proper error propagation\n"
                 "  - Evidence: https://ci.example.org/run/2\n");
    const ImportPreview preview = importMarkdown(seed, QStringLiteral("review.md"));
    const qsizetype line = seed.left(seed.indexOf("  - Evidence: javascript:")).count('\n') + 1;
    std::vector<ImportWarning> evidenceWarnings;
    for (const ImportWarning &warning : preview.warnings) {
        if (warning.message.startsWith(QLatin1String("evidence ")))
            evidenceWarnings.push_back(warning);
    }
    REQUIRE(evidenceWarnings.size() == 1); // the web addresses, autolinked or bare, are links
    CHECK(evidenceWarnings.front().line == line);
    CHECK(evidenceWarnings.front().message
          == QLatin1String("evidence \"javascript:alert(document.cookie)\" is not an http:// or https:// address: "
                           "imported as text, not as a link"));
    bool kept = false;
    for (const ItemTick &tick : preview.ticks)
        kept = kept || tick.evidence == QLatin1String("javascript:alert(document.cookie)");
    CHECK(kept);
}

TEST_CASE("hostile evidence survives the Markdown report and its import exactly as typed", "[import][links][evidence]")
{
    const QByteArray markdown = MarkdownWriter().write(test::hostileLinkReview()->input());
    const ImportPreview preview = importMarkdown(markdown, QStringLiteral("report.md"));
    QStringList evidence;
    for (const ItemTick &tick : preview.ticks) {
        if (!tick.evidence.isEmpty())
            evidence += tick.evidence;
    }
    QStringList expected = test::hostileLinks();
    expected.sort();
    evidence.sort();
    CHECK(evidence == expected);
    int warned = 0;
    for (const ImportWarning &warning : preview.warnings)
        warned += warning.message.startsWith(QLatin1String("evidence ")) ? 1 : 0;
    CHECK(warned == expected.size() - 2); // all but the two web addresses
}
