// The shared Appendix A seed (with its mis-encoded emoji) must import as the same checklist as
// the hand-made checklists/appendix-a.json: ids may differ, structure, texts and severities not.

#include "import/MarkdownImport.h"
#include "templates/TemplateLoader.h"

#include <QFile>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void compareItems(const std::vector<Item> &imported, const std::vector<Item> &expected)
{
    REQUIRE(imported.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CHECK(imported[i].text.toStdString() == expected[i].text.toStdString());
        compareItems(imported[i].children, expected[i].children);
    }
}

void collectIds(const std::vector<Item> &items, QStringList &ids)
{
    for (const Item &item : items) {
        ids.append(item.id);
        collectIds(item.children, ids);
    }
}

} // namespace

TEST_CASE("the Appendix A seed imports as checklists/appendix-a.json", "[import][seed]")
{
    const QString seedPath = QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md");
    const ImportPreview preview = importMarkdown(readFile(seedPath), seedPath);
    const Template expected = loadTemplateFile(QStringLiteral(PREFLIGHT_SOURCE_DIR "/checklists/appendix-a.json"));
    const Template &imported = preview.tmpl;

    CHECK(imported.title == expected.title);
    CHECK(imported.description == expected.description);
    REQUIRE(imported.categories.size() == expected.categories.size());
    for (size_t c = 0; c < expected.categories.size(); ++c) {
        const Category &got = imported.categories[c];
        const Category &want = expected.categories[c];
        INFO(want.title.toStdString());
        CHECK(got.number == want.number);
        CHECK(got.title == want.title);
        CHECK(got.severity == want.severity);
        REQUIRE(got.sections.size() == want.sections.size());
        for (size_t s = 0; s < want.sections.size(); ++s) {
            CHECK(got.sections[s].title == want.sections[s].title);
            compareItems(got.sections[s].items, want.sections[s].items);
        }
    }
    CHECK(imported.itemCount() == expected.itemCount());
    CHECK(imported.itemCount() == 264);

    REQUIRE(imported.summary.size() == expected.summary.size());
    for (size_t g = 0; g < expected.summary.size(); ++g) {
        CHECK(imported.summary[g].title == expected.summary[g].title);
        REQUIRE(imported.summary[g].items.size() == expected.summary[g].items.size());
        for (size_t i = 0; i < expected.summary[g].items.size(); ++i) {
            CHECK(imported.summary[g].items[i].text.toStdString() == expected.summary[g].items[i].text.toStdString());
            CHECK(imported.summary[g].items[i].rule == expected.summary[g].items[i].rule);
        }
    }
    CHECK(imported.signoffRoles == expected.signoffRoles);
    CHECK(imported.riskColumns == expected.riskColumns);
    CHECK(imported.statusValues == expected.statusValues);
    CHECK(imported.projectFields == expected.projectFields);

    // Every id unique, and the result is a template the loader accepts as it is.
    QStringList ids;
    for (const Category &category : imported.categories) {
        ids << category.id;
        for (const Section &section : category.sections) {
            ids << section.id;
            collectIds(section.items, ids);
        }
    }
    for (const SummaryGroup &group : imported.summary) {
        ids << group.id;
        for (const SummaryItem &item : group.items)
            ids << item.id;
    }
    CHECK(ids.removeDuplicates() == 0);
    const Template reloaded = parseTemplate(QByteArray::fromStdString(templateToJson(imported).dump()), seedPath);
    CHECK(reloaded.itemCount() == 264);
}

TEST_CASE("importing the seed reports each emoji repair with its line", "[import][seed]")
{
    const QString seedPath = QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md");
    const ImportPreview preview = importMarkdown(readFile(seedPath), seedPath);
    std::vector<int> repairedLines;
    for (const ImportWarning &warning : preview.warnings) {
        if (warning.message.startsWith(QLatin1String("repaired mis-encoded text")))
            repairedLines.push_back(warning.line);
    }
    // Two summary lines, fourteen category headings and one acceptance criterion.
    CHECK(repairedLines.size() == 17);
    CHECK(repairedLines.front() == 7);
    CHECK(repairedLines.back() == 459);
    const auto heading = std::find_if(preview.warnings.begin(), preview.warnings.end(),
                                      [](const ImportWarning &w) { return w.line == 13; });
    REQUIRE(heading != preview.warnings.end());
    CHECK(heading->message.toStdString()
          == "repaired mis-encoded text \"ðŸ”´\" → \"🔴\" (UTF-8 that was read as Windows-1252)");
    // Every item is open in a blank checklist; the risk table and sign-off lines were not items.
    CHECK(preview.ticks.size() == 264 + 4); // plus the four manual summary items
    CHECK(std::all_of(preview.ticks.begin(), preview.ticks.end(),
                      [](const ItemTick &t) { return t.status == ItemStatus::Open; }));
    CHECK(preview.skipped.tables == 1);
    CHECK(preview.notes.isEmpty());
}
