// The reader parses with cmark-gfm: structure to the CommonMark/GFM spec, character references
// resolved as CommonMark resolves them, line numbers from the parser's source positions.

#include "import/MarkdownImport.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::import;

namespace {

ImportPreview importText(const QString &markdown)
{
    return importMarkdown(markdown.toUtf8(), QStringLiteral("team.md"));
}

QStringList texts(const std::vector<Item> &items)
{
    QStringList result;
    for (const Item &item : items)
        result << item.text;
    return result;
}

QStringList ids(const std::vector<Item> &items)
{
    QStringList result;
    for (const Item &item : items)
        result << item.id;
    return result;
}

bool hasWarning(const ImportPreview &preview, int line, const QString &fragment)
{
    return std::any_of(preview.warnings.begin(), preview.warnings.end(),
                       [&](const ImportWarning &w) { return w.line == line && w.message.contains(fragment); });
}

} // namespace

TEST_CASE("character references are resolved and trimmed, and ids come from the resolved text", "[import][entities]")
{
    // A real checklist indents every item with no-break spaces.
    const ImportPreview preview = importText(QStringLiteral("## Ops &amp; Support 🔴\n"
                                                            "### Caf&eacute;\n"
                                                            "- [ ] &nbsp;&nbsp;Backups restore&nbsp;\n"
                                                            "  - Owner: J&ouml;rg&#32;\n"
                                                            "- [x] &nbsp;&nbsp;Caf&eacute; &#169; &#x41;PI&emsp;\n"
                                                            "- [ ] &nbsp;\n"));
    const Category &category = preview.tmpl.categories.at(0);
    CHECK(category.title == QStringLiteral("Ops & Support"));
    CHECK(category.id == QStringLiteral("ops-and-support"));
    const Section &section = category.sections.at(0);
    CHECK(section.title == QStringLiteral("Café"));
    CHECK(texts(section.items) == QStringList({ QStringLiteral("Backups restore"), QStringLiteral("Café © API") }));
    CHECK(ids(section.items)
          == QStringList({ QStringLiteral("ops-and-support.cafe.backups-restore"),
                           QStringLiteral("ops-and-support.cafe.cafe-api") }));
    REQUIRE(preview.ticks.size() == 2);
    CHECK(preview.ticks[0].owner == QStringLiteral("Jörg"));
    CHECK(preview.ticks[1].status == ItemStatus::Done);
    CHECK(hasWarning(preview, 6, QStringLiteral("task item without text; left out")));
}

TEST_CASE("resolved references keep their Markdown meaning, code spans and escapes keep theirs", "[import][entities]")
{
    const ImportPreview preview = importText(QStringLiteral("## Web 🟠\n"
                                                            "- [ ] Keep `&amp;` in code and \\&amp; escaped\n"
                                                            "- [ ] &lt;b&gt; is text, &lt; 200 ms &amp; &amp;copy;\n"
                                                            "- [ ] &ast;not bold&ast; &bogus; &#0; &#x110000;\n"));
    CHECK(texts(preview.tmpl.categories.at(0).sections.at(0).items)
          == QStringList({ QStringLiteral("Keep `&amp;` in code and \\&amp; escaped"),
                           QStringLiteral("\\<b> is text, < 200 ms & \\&copy;"),
                           QStringLiteral("\\*not bold\\* &bogus; \uFFFD \uFFFD") }));
}

TEST_CASE("structure follows the CommonMark spec where the old line scanner guessed", "[import][commonmark]")
{
    const ImportPreview preview = importText(QStringLiteral("# Launch\n"
                                                            "\n"
                                                            "## Ops 🔴\n"
                                                            "- [ ] first\n"
                                                            " - [ ] one space is a sibling, not a child\n"
                                                            "> - [x] quoted item\n"
                                                            "> continued lazily\n"
                                                            "\n"
                                                            "<details>\n"
                                                            "- [ ] raw HTML, not an item\n"
                                                            "</details>\n"
                                                            "\n"
                                                            "[ref]: https://example.org\n"
                                                            "\n"
                                                            "- [ ] item\n"
                                                            "\n"
                                                            "  second paragraph of the item\n"
                                                            "  - [ ] child after it\n"
                                                            "\n"
                                                            "| a \\| b | c |\n"
                                                            "|---|---|\n"
                                                            "| 1 |\n"));
    const Section &section = preview.tmpl.categories.at(0).sections.at(0);
    CHECK(texts(section.items)
          == QStringList({ QStringLiteral("first"), QStringLiteral("one space is a sibling, not a child"),
                           QStringLiteral("quoted item continued lazily"), QStringLiteral("item") }));
    CHECK(texts(section.items[3].children) == QStringList({ QStringLiteral("child after it") }));
    REQUIRE(preview.ticks.size() == 5);
    CHECK(preview.ticks[2].status == ItemStatus::Done);
    CHECK(preview.ticks[2].line == 6);
    CHECK(preview.ticks[4].line == 18);
    CHECK(preview.skipped.tables == 1);
    // The HTML block and the item's second paragraph; a link reference definition is no prose.
    CHECK(preview.skipped.paragraphs == 2);
}
