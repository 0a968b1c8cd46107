#include "export/MarkdownText.h"

#include "ReportFixture.h"
#include "TestTools.h"
#include "export/ReportInput.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

QStringList trickyStrings()
{
    QStringList strings = hostileStrings();
    strings += { QStringLiteral("ends with a backslash\\"),
                 QStringLiteral("\nstarts with a line break"),
                 QStringLiteral("ends with line breaks\n\n"),
                 QStringLiteral("tab\tinside and \tleading"),
                 QStringLiteral("+ plus\n* star\n2) paren\n    indented code?"),
                 QStringLiteral("trailing two  \nx"),
                 QStringLiteral("<!-- comment --> <https://example.org> www.example.org"),
                 QStringLiteral("carriage\rreturn and \x01 control") };
    return strings;
}

} // namespace

TEST_CASE("Markdown escaping is undone exactly by unescapeMarkdown", "[export][markdown]")
{
    for (const QString &typed : trickyStrings()) {
        INFO(typed.toStdString());
        CHECK(unescapeMarkdown(escapeMarkdown(typed, MarkdownContext::Text, QStringLiteral("    "))) == typed);
        CHECK(unescapeMarkdown(escapeMarkdown(typed, MarkdownContext::TableCell)) == typed);
        CHECK_FALSE(escapeMarkdown(typed, MarkdownContext::TableCell).contains(u'\n'));
    }
}

TEST_CASE("Escaped text renders in cmark-gfm exactly as typed, as text only", "[export][markdown]")
{
    // cmark's XML output cannot carry control characters, so those are checked above only.
    QStringList strings = trickyStrings();
    strings.removeLast();

    QByteArray list;
    QByteArray table = "| Value |\n|---|\n";
    for (const QString &typed : strings) {
        list
            += (QStringLiteral("- Note: ") + escapeMarkdown(typed, MarkdownContext::Text, QStringLiteral("  ")) + u'\n')
                   .toUtf8();
        table += (QStringLiteral("| ") + escapeMarkdown(typed, MarkdownContext::TableCell) + QStringLiteral(" |\n"))
                     .toUtf8();
    }
    const XmlNode document = cmarkAst(list + "\n" + table);
    REQUIRE(document.children.size() == 2);
    const XmlNode &bullets = document.children[0];
    const XmlNode &rows = document.children[1];
    REQUIRE(bullets.name == QLatin1String("list"));
    REQUIRE(rows.name == QLatin1String("table"));
    REQUIRE(bullets.children.size() == std::size_t(strings.size()));
    REQUIRE(rows.children.size() == std::size_t(strings.size()) + 1);

    for (qsizetype i = 0; i < strings.size(); ++i) {
        INFO(strings[i].toStdString());
        const XmlNode &item = bullets.children[std::size_t(i)];
        REQUIRE(item.children.size() == 1); // one paragraph: nothing became a nested list or heading
        CHECK(item.children[0].name == QLatin1String("paragraph"));
        CHECK(cmarkText(item) == QStringLiteral("Note: ") + strings[i]);
        const XmlNode &row = rows.children[std::size_t(i) + 1];
        REQUIRE(row.children.size() == 1); // a pipe never adds a cell
        CHECK(cmarkText(row) == strings[i]);
    }
    visit(document, [](const XmlNode &node) {
        CHECK(node.name != QLatin1String("html_block"));
        if (node.name == QLatin1String("html_inline"))
            CHECK(node.text == QLatin1String("<br>"));
        CHECK(node.name != QLatin1String("link"));
        CHECK(node.name != QLatin1String("heading"));
    });
}

TEST_CASE("Scores are printed with one decimal, none when it is zero", "[export]")
{
    CHECK(scoreText(2.5) == QStringLiteral("2.5 %"));
    CHECK(scoreText(100.0) == QStringLiteral("100 %"));
    CHECK(scoreText(0.0) == QStringLiteral("0 %"));
    CHECK(scoreText(100.0 / 17) == QStringLiteral("5.9 %"));
    CHECK(scoreText(99.96) == QStringLiteral("100 %"));
    CHECK(scoreText(62.449) == QStringLiteral("62.4 %"));
    CHECK(scoreText(std::nullopt) == QStringLiteral("n/a"));
}
