// A checklist without severity markers means "every box must be ticked": its items import as
// critical, so an untouched review of it is Not Ready and a fully ticked one is Ready.

#include "import/MarkdownImport.h"
#include "import/ProjectImport.h"
#include "scoring/Assessment.h"
#include "scoring/Wording.h"
#include "storage/Store.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

const QByteArray PlainChecklist = "# Release\n\n## Build\n- [ ] Tests pass\n- [ ] Changelog written\n\n"
                                  "## Deploy\n- [ ] Staging verified\n  - [ ] Smoke test\n";

} // namespace

TEST_CASE("a checklist without severity markers imports as critical and says so", "[import][severity]")
{
    const ImportPreview preview = importMarkdown(PlainChecklist, QStringLiteral("plain.md"));
    REQUIRE(preview.tmpl.categories.size() == 2);
    for (const Category &category : preview.tmpl.categories)
        CHECK(category.severity == Severity::Critical);
    REQUIRE(!preview.warnings.empty());
    CHECK(preview.warnings.front().line == 0);
    CHECK(preview.warnings.front().message
          == QStringLiteral(
              "no heading has a severity marker (🔴 🟠 🟡 🟢 or Critical/High/Medium/Low): every item "
              "is imported as critical, so a review is Not Ready until each one is done or N/A"));
    CHECK(std::none_of(preview.warnings.begin(), preview.warnings.end(), [](const ImportWarning &w) {
        return w.message.contains(QStringLiteral("imported as medium"));
    }));

    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("p.db")), QStringLiteral("tester"));
    const ProjectImportResult result = importProject(*store, preview, QStringLiteral("R"), preview.tmpl);
    const QDate today(2026, 11, 29);
    const Assessment untouched = assess(preview.tmpl, store->loadState(result.project.id), today);
    CHECK(untouched.verdict == Verdict::NotReady);
    CHECK(verdictReasonTexts(untouched).join(u';').contains(QStringLiteral("4 critical items open")));

    std::vector<Store::ItemEdit> edits;
    for (const ItemTick &tick : preview.ticks) {
        Store::ItemPatch done;
        done.status = ItemStatus::Done;
        edits.push_back({ tick.itemId, done });
    }
    store->setItems(result.project.id, edits);
    CHECK(assess(preview.tmpl, store->loadState(result.project.id), today).verdict == Verdict::Ready);
}

TEST_CASE("a checklist that marks some severities keeps medium for the unmarked ones", "[import][severity]")
{
    QByteArray marked = PlainChecklist;
    marked.replace("## Build", "## Build 🟠");
    const ImportPreview preview = importMarkdown(marked, QStringLiteral("marked.md"));
    CHECK(preview.tmpl.categories.at(0).severity == Severity::High);
    CHECK(preview.tmpl.categories.at(1).severity == Severity::Medium);
    CHECK(std::any_of(preview.warnings.begin(), preview.warnings.end(), [](const ImportWarning &w) {
        return w.line == 7
            && w.message
            == QStringLiteral(
                   "category \"Deploy\" has no severity marker (🔴 🟠 🟡 🟢 or Critical/High/Medium/Low); "
                   "imported as medium");
    }));
}
