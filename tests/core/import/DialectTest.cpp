// The Markdown people really write: every dialect the importer accepts, and each error it gives.

#include "Error.h"
#include "import/MarkdownImport.h"
#include "import/TextDecoding.h"
#include "templates/TemplateLoader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

ImportPreview importText(const QString &markdown)
{
    return importMarkdown(markdown.toUtf8(), QStringLiteral("team.md"));
}

std::string errorOf(const QByteArray &bytes)
{
    try {
        importMarkdown(bytes, QStringLiteral("team.md"));
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Data);
        return error.message().toStdString();
    }
    return "no error";
}

QStringList texts(const std::vector<Item> &items)
{
    QStringList result;
    for (const Item &item : items)
        result << item.text;
    return result;
}

bool hasWarning(const ImportPreview &preview, int line, const QString &fragment)
{
    return std::any_of(preview.warnings.begin(), preview.warnings.end(),
                       [&](const ImportWarning &w) { return w.line == line && w.message.contains(fragment); });
}

} // namespace

TEST_CASE("ATX and Setext headings map to categories and sections, deeper ones fold", "[import][dialect]")
{
    const ImportPreview preview = importText(QStringLiteral("Release checklist\n"
                                                            "=================\n"
                                                            "\n"
                                                            "Security (Critical)\n"
                                                            "-------------------\n"
                                                            "### Secrets ###\n"
                                                            "- [ ] Vault in use\n"
                                                            "#### Rotation\n"
                                                            "- [ ] Keys rotate\n"
                                                            "## Docs - Low\n"
                                                            "- [ ] Runbook\n"));
    const Template &t = preview.tmpl;
    CHECK(t.title == QStringLiteral("Release checklist"));
    REQUIRE(t.categories.size() == 2);
    CHECK(t.categories[0].title == QStringLiteral("Security"));
    CHECK(t.categories[0].severity == Severity::Critical);
    REQUIRE(t.categories[0].sections.size() == 2);
    CHECK(t.categories[0].sections[0].title == QStringLiteral("Secrets"));
    CHECK(t.categories[0].sections[1].title == QStringLiteral("Secrets › Rotation"));
    CHECK(t.categories[0].sections[1].items[0].id == QStringLiteral("security.secrets-rotation.keys-rotate"));
    CHECK(t.categories[1].title == QStringLiteral("Docs"));
    CHECK(t.categories[1].severity == Severity::Low);
    CHECK(t.categories[1].sections[0].title == QStringLiteral("General"));
    CHECK(t.categories[1].number == 2);
}

TEST_CASE("every task-item dialect, nesting by spaces or tabs and continuation lines", "[import][dialect]")
{
    const ImportPreview preview
        = importText(QStringLiteral("## Ops 🟡\n"
                                    "- [ ] dash open\n"
                                    "* [x] star done\n"
                                    "+ [X] plus done\n"
                                    "1. [ ] ordered with dot\n"
                                    "2) [x] ordered with paren\n"
                                    "- [ ] parent with `code` and **bold** and [a link](https://x.y)\n"
                                    "  - [x] child by two spaces\n"
                                    "  - [ ] second child\n"
                                    "- [ ] tabbed parent\n"
                                    "\t- [ ] child by a tab\n"
                                    "\t\t* [ ] grandchild by two tabs\n"
                                    "- [ ] item that continues\n"
                                    "  on the next line\n"
                                    "lazily too\n"
                                    "- [-] does not apply\n"));
    const Section &section = preview.tmpl.categories.at(0).sections.at(0);
    CHECK(preview.tmpl.categories[0].severity == Severity::Medium);
    CHECK(texts(section.items)
          == QStringList({ QStringLiteral("dash open"), QStringLiteral("star done"), QStringLiteral("plus done"),
                           QStringLiteral("ordered with dot"), QStringLiteral("ordered with paren"),
                           QStringLiteral("parent with `code` and **bold** and [a link](https://x.y)"),
                           QStringLiteral("tabbed parent"),
                           QStringLiteral("item that continues on the next line lazily too"),
                           QStringLiteral("does not apply") }));
    REQUIRE(section.items.size() == 9);
    const Item &parent = section.items[5];
    CHECK(texts(parent.children)
          == QStringList({ QStringLiteral("child by two spaces"), QStringLiteral("second child") }));
    const Item &tabbed = section.items[6];
    REQUIRE(texts(tabbed.children) == QStringList({ QStringLiteral("child by a tab") }));
    CHECK(texts(tabbed.children[0].children) == QStringList({ QStringLiteral("grandchild by two tabs") }));
    CHECK(tabbed.children[0].children[0].id
          == QStringLiteral("ops.general.tabbed-parent.child-by-a-tab.grandchild-by-two-tabs"));

    std::vector<ItemStatus> statuses;
    for (const ItemTick &tick : preview.ticks)
        statuses.push_back(tick.status);
    using S = ItemStatus;
    CHECK(statuses
          == std::vector<S> { S::Open, S::Done, S::Done, S::Open, S::Done, S::Open, S::Done, S::Open, S::Open, S::Open,
                              S::Open, S::Open, S::NotApplicable });
    CHECK(preview.ticks.back().reason == QStringLiteral("Marked N/A in team.md"));
    CHECK(hasWarning(preview, 16, QStringLiteral("N/A without a reason")));
}

TEST_CASE("items before any heading, CRLF and CR line ends and a byte-order mark", "[import][dialect]")
{
    const QByteArray crlf = "\xEF\xBB\xBF- [ ] first\r\n- [x] second\r\n\r\n# Later 🔴\r\n- [ ] third\r\n";
    const ImportPreview a = importMarkdown(crlf, QStringLiteral("crlf.md"));
    REQUIRE(a.tmpl.categories.size() == 2);
    CHECK(a.tmpl.categories[0].title == QStringLiteral("General"));
    CHECK(texts(a.tmpl.categories[0].sections[0].items)
          == QStringList({ QStringLiteral("first"), QStringLiteral("second") }));
    CHECK(a.tmpl.categories[1].title == QStringLiteral("Later"));
    CHECK(a.ticks[2].line == 5);

    QByteArray cr = crlf;
    cr.replace("\r\n", "\r");
    const ImportPreview b = importMarkdown(cr, QStringLiteral("cr.md"));
    CHECK(b.tmpl.itemCount() == 3);
    CHECK(b.ticks[2].line == 5);
    CHECK(b.tmpl.categories[0].sections[0].items[0].text == QStringLiteral("first")); // no BOM left in the text
}

TEST_CASE("tables, prose, plain lists and code are skipped but counted", "[import][dialect]")
{
    const ImportPreview preview = importText(QStringLiteral("# Title\n\nSome prose\nover two lines.\n\n"
                                                            "## Area (High)\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n"
                                                            "- plain bullet\n- another\n\n"
                                                            "```\n- [ ] not an item in code\n```\n\n"
                                                            "    - [ ] indented code is not an item either\n\n"
                                                            "- [ ] the only item\n\nMore prose.\n"));
    CHECK(preview.tmpl.itemCount() == 1);
    CHECK(preview.tmpl.description == QStringLiteral("Some prose over two lines."));
    CHECK(preview.skipped.tables == 1);
    CHECK(preview.skipped.paragraphs == 2);
    CHECK(preview.skipped.listItems == 2);
    CHECK(preview.skipped.codeBlocks == 2);
}

TEST_CASE("severity markers: emoji and words, but not words that are part of a title", "[import][dialect]")
{
    const ImportPreview preview = importText(QStringLiteral("## High Availability\n- [ ] a\n"
                                                            "## Critical: Backups\n- [ ] b\n"
                                                            "## [Medium] Docs\n- [ ] c\n"
                                                            "## Low priority\n- [ ] d\n"
                                                            "## 🟢 Polish\n- [ ] e\n"));
    const auto &c = preview.tmpl.categories;
    REQUIRE(c.size() == 5);
    CHECK(c[0].title == QStringLiteral("High Availability"));
    CHECK(c[0].severity == Severity::Medium); // the documented default
    CHECK(hasWarning(preview, 1, QStringLiteral("no severity marker")));
    CHECK((c[1].title == QStringLiteral("Backups") && c[1].severity == Severity::Critical));
    CHECK((c[2].title == QStringLiteral("Docs") && c[2].severity == Severity::Medium));
    CHECK((c[3].title == QStringLiteral("Low priority") && c[3].severity == Severity::Low));
    CHECK((c[4].title == QStringLiteral("Polish") && c[4].severity == Severity::Low));
}

TEST_CASE("headings that say nothing get a title the template can hold", "[import][dialect]")
{
    // Found by the fuzzer: an empty section title made a template the loader refuses.
    const ImportPreview preview = importText(QStringLiteral("## 🔴\n###\n- [ ] a\n"));
    CHECK(preview.tmpl.categories[0].title == QStringLiteral("Untitled"));
    CHECK(preview.tmpl.categories[0].severity == Severity::Critical);
    CHECK(preview.tmpl.categories[0].sections[0].title == QStringLiteral("Untitled"));
}

TEST_CASE("ids are slugs of the text, unique within the template", "[import][dialect]")
{
    const ImportPreview preview
        = importText(QStringLiteral("## Café & Co. 🔴\n### Checks\n"
                                    "- [ ] Same text\n- [ ] Same text\n- [ ] Same text\n"
                                    "- [ ] 🚀🚀\n- [ ] Code review by 2+ engineers (at least)\n"));
    const auto &items = preview.tmpl.categories[0].sections[0].items;
    CHECK(preview.tmpl.categories[0].id == QStringLiteral("cafe-and-co"));
    CHECK(items[0].id == QStringLiteral("cafe-and-co.checks.same-text"));
    CHECK(items[1].id == QStringLiteral("cafe-and-co.checks.same-text-2"));
    CHECK(items[2].id == QStringLiteral("cafe-and-co.checks.same-text-3"));
    CHECK(items[3].id == QStringLiteral("cafe-and-co.checks.item"));
    CHECK(items[4].id == QStringLiteral("cafe-and-co.checks.code-review-by-2-plus-engineers"));
    // Stable: the same text gives the same ids again.
    CHECK(importText(QStringLiteral("## Café & Co. 🔴\n### Checks\n- [ ] Same text\n"))
              .tmpl.categories[0]
              .sections[0]
              .items[0]
              .id
          == items[0].id);
}

TEST_CASE("a plain Windows-1252 file is read as such, with a warning per line", "[import][dialect]")
{
    const QByteArray bytes = "## Qualit\xE9 \x96 High\n- [ ] Caf\xE9 \x80 5\n- [ ] plain\n";
    const ImportPreview preview = importMarkdown(bytes, QStringLiteral("legacy.md"));
    CHECK(preview.tmpl.categories[0].title == QStringLiteral("Qualité"));
    CHECK(preview.tmpl.categories[0].severity == Severity::High);
    CHECK(preview.tmpl.categories[0].sections[0].items[0].text == QStringLiteral("Café € 5"));
    CHECK(hasWarning(preview, 1, QStringLiteral("read as Windows-1252")));
    CHECK(hasWarning(preview, 2, QStringLiteral("read as Windows-1252")));
    CHECK_FALSE(hasWarning(preview, 3, QStringLiteral("read as Windows-1252")));

    // UTF-8 and Windows-1252 mixed on one line: read as Windows-1252, the UTF-8 part is then
    // exactly the mojibake the repair undoes.
    const ImportPreview mixed
        = importMarkdown("## Ops \xF0\x9F\x94\xB4\n- [ ] caf\xE9 \xE2\x9C\x85 ok\n", QStringLiteral("mixed.md"));
    CHECK(mixed.tmpl.categories[0].sections[0].items[0].text == QStringLiteral("café ✅ ok"));
    CHECK(hasWarning(mixed, 2, QStringLiteral("read as Windows-1252")));
    CHECK(hasWarning(mixed, 2, QStringLiteral("\"âœ…\" → \"✅\"")));
}

TEST_CASE("clear errors with the file and line", "[import][dialect]")
{
    CHECK(errorOf("# Just prose\n\nNo items here.\n- a plain bullet\n")
          == "team.md:4: no checklist items found (an item is a line such as \"- [ ] text\" outside the summary "
             "sections)");
    CHECK(errorOf("## Executive Summary\n- [ ] only summary\n").find("no checklist items found") != std::string::npos);
    CHECK(errorOf(QByteArray("- [ ] a\n- [ ] b\x00\x01\x02", 18))
          == "team.md:2: binary file (NUL byte), not a Markdown checklist");
    CHECK(errorOf("- [ ] fine\n- [ ] bad \x81 byte\n")
          == "team.md:2: text cannot be decoded: byte 0x81 at column 11 is neither UTF-8 nor Windows-1252");
    QByteArray huge(MaxImportFileSize + 1, 'x');
    CHECK(errorOf(huge) == "team.md: file is 10485761 bytes; the import limit is 10485760 bytes (10 MB)");
}

TEST_CASE("A status line with repeated values keeps the default status values", "[import]")
{
    // Found by the fuzzer: "| --- | --- |" after the status line gave duplicate values, and the
    // imported template was one the JSON loader refuses.
    const QByteArray markdown = "## Security (Critical)\n- [ ] Vault\n\n"
                                "**Status:** [ ] Not Ready | [ ] --- | [ ] ---\n";
    const ImportPreview preview = importMarkdown(markdown, QStringLiteral("status.md"));
    CHECK(preview.tmpl.statusValues
          == QStringList { QStringLiteral("Not Ready"), QStringLiteral("Ready with Risks"),
                           QStringLiteral("Ready for Production") });
    const std::string json = templateToJson(preview.tmpl).dump();
    CHECK_NOTHROW(parseTemplate(QByteArray::fromStdString(json), QStringLiteral("status.json")));
}

TEST_CASE("template ids and category ids are separate namespaces", "[import][ids]")
{
    // Titled "Legit" with a category "Legit": both may be "legit".
    const ImportPreview preview
        = importText(QStringLiteral("# Legit\n\n## Legit 🔴\n- [ ] a\n## Other 🟢\n- [ ] b\n"));
    CHECK(preview.tmpl.id == QStringLiteral("legit"));
    CHECK(preview.tmpl.categories.at(0).id == QStringLiteral("legit"));

    QTemporaryDir dir;
    const QString path = saveImportedTemplate(preview, QStringLiteral("other"), dir.path());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const Template saved = parseTemplate(file.readAll(), path);
    CHECK(saved.id == QStringLiteral("other"));
    CHECK(saved.categories.at(1).id == QStringLiteral("other"));
    CHECK(QFileInfo(saveImportedTemplate(preview, {}, dir.path())).fileName() == QStringLiteral("legit.json"));
}
