#include "export/FormattedText.h"

#include "TestTools.h"
#include "export/MarkdownHtml.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

using Kind = MarkdownBlock::Kind;

std::vector<std::pair<QString, int>> styled(const TextSpans &spans)
{
    std::vector<std::pair<QString, int>> out;
    for (const TextSpan &span : spans)
        out.emplace_back(span.text, span.style);
    return out;
}

} // namespace

TEST_CASE("Inline Markdown of item texts becomes styled text", "[export][markdown-text]")
{
    using Spans = std::vector<std::pair<QString, int>>;
    CHECK(styled(inlineMarkdown(QStringLiteral("Specific exception types (not bare `except`)")))
          == Spans { { QStringLiteral("Specific exception types (not bare "), TextSpan::Plain },
                     { QStringLiteral("except"), TextSpan::Code },
                     { QStringLiteral(")"), TextSpan::Plain } });
    CHECK(styled(inlineMarkdown(QStringLiteral("**Strong _both_** and ~~gone~~, snake_case_name")))
          == Spans { { QStringLiteral("Strong "), TextSpan::Strong },
                     { QStringLiteral("both"), TextSpan::Strong | TextSpan::Emphasis },
                     { QStringLiteral(" and "), TextSpan::Plain },
                     { QStringLiteral("gone"), TextSpan::Strikethrough },
                     { QStringLiteral(", snake_case_name"), TextSpan::Plain } });
    // Raw HTML is text; an entity is its character.
    CHECK(plainText(inlineMarkdown(QStringLiteral("<b>tag</b> &amp; <script>x</script>")))
          == QLatin1String("<b>tag</b> & <script>x</script>"));
    // What is not one paragraph (a heading, a list, a rule) stays as typed.
    for (const QString &typed :
         { QStringLiteral("# not a heading"), QStringLiteral("- [x] fake task"), QStringLiteral("1. ordered\n---") }) {
        INFO(typed.toStdString());
        CHECK(styled(inlineMarkdown(typed)) == Spans { { typed, TextSpan::Plain } });
    }
    CHECK(inlineMarkdown(QString()).empty());
    // Text with nothing for Markdown to read is taken as it is; anything else goes to the parser.
    for (const QString &plain :
         { QStringLiteral("Rollback plan tested (staging, 2026-11-20)."),
           QStringLiteral("No hard-coded values; 3 retries!"), QStringLiteral("Note: see the runbook") }) {
        CHECK(styled(inlineMarkdown(plain)) == Spans { { plain, TextSpan::Plain } });
        REQUIRE(markdownBlocks(plain).size() == 1);
        CHECK(plainText(markdownBlocks(plain).front().spans) == plain);
    }
    CHECK(plainText(inlineMarkdown(QStringLiteral("a\\*b"))) == QLatin1String("a*b"));
    CHECK(plainText(inlineMarkdown(QStringLiteral("www.example.org"))) == QLatin1String("www.example.org"));
    CHECK(inlineMarkdown(QStringLiteral("www.example.org")).front().link == QLatin1String("http://www.example.org"));
    CHECK(inlineMarkdown(QStringLiteral("mail ops@example.org")).back().link
          == QLatin1String("mailto:ops@example.org"));
    CHECK(markdownBlocks(QStringLiteral("1) one")).front().kind == Kind::OrderedList);
    CHECK(inlineMarkdown(QStringLiteral("see https://example.org/x")).back().link
          == QLatin1String("https://example.org/x"));
    CHECK(plainText(markdownBlocks(QStringLiteral("trailing  ")).front().spans) == QLatin1String("trailing"));

    const TextSpans link = inlineMarkdown(QStringLiteral("see [the `docs`](https://example.org/x) now"));
    REQUIRE(link.size() == 4);
    CHECK(link[1].text == QLatin1String("the "));
    CHECK(link[2].style == TextSpan::Code);
    CHECK(link[1].link == QLatin1String("https://example.org/x"));
    CHECK(link[2].link == QLatin1String("https://example.org/x"));
    CHECK(link[3].link.isEmpty());
}

TEST_CASE("Markdown notes become blocks", "[export][markdown-text]")
{
    const auto blocks = markdownBlocks(QStringLiteral("Intro *here*\nand on.\n\n"
                                                      "- one\n- [x] done\n  - nested\n\n"
                                                      "3. three\n4. four\n\n"
                                                      "> quoted\n\n"
                                                      "```\nint x = 1 < 2;\n```\n\n"
                                                      "<div>raw</div>\n\n"
                                                      "---\n\n## Heading"));
    REQUIRE(blocks.size() == 8);
    CHECK(blocks[0].kind == Kind::Paragraph);
    CHECK(plainText(blocks[0].spans) == QLatin1String("Intro here and on.")); // a soft break is a space
    CHECK(blocks[1].kind == Kind::BulletList);
    REQUIRE(blocks[1].children.size() == 2);
    CHECK(blocks[1].children[0].task == MarkdownBlock::Task::None);
    CHECK(blocks[1].children[1].task == MarkdownBlock::Task::Done);
    REQUIRE(blocks[1].children[1].children.size() == 2);
    CHECK(blocks[1].children[1].children[1].kind == Kind::BulletList);
    CHECK(blocks[2].kind == Kind::OrderedList);
    CHECK(blocks[2].start == 3);
    CHECK(blocks[3].kind == Kind::Quote);
    CHECK(blocks[4].kind == Kind::CodeBlock);
    CHECK(plainText(blocks[4].spans) == QLatin1String("int x = 1 < 2;"));
    CHECK(blocks[5].kind == Kind::Paragraph); // raw HTML: shown as typed
    CHECK(plainText(blocks[5].spans) == QLatin1String("<div>raw</div>"));
    CHECK(blocks[6].kind == Kind::Rule);
    CHECK(blocks[7].kind == Kind::Heading);
    CHECK(blocks[7].level == 2);
    CHECK(markdownBlocks(QStringLiteral("  \n")).empty());
}

TEST_CASE("Links: only web links are clickable, every other shows its address", "[export][markdown-text]")
{
    CHECK(isWebLink(QStringLiteral("https://example.org")));
    CHECK(isWebLink(QStringLiteral("HTTP://example.org")));
    CHECK(isWebLink(QStringLiteral("mailto:ops@example.org")));
    CHECK_FALSE(isWebLink(QStringLiteral("javascript:alert(1)")));
    CHECK_FALSE(isWebLink(QStringLiteral("JavaScript:alert(1)")));
    CHECK_FALSE(isWebLink(QStringLiteral("file:///etc/passwd")));
    CHECK_FALSE(isWebLink(QStringLiteral("x.png")));
    CHECK(shownDestination(QStringLiteral("docs"), QStringLiteral("https://a.org"))
          == QLatin1String(" (https://a.org)"));
    CHECK(shownDestination(QStringLiteral("https://a.org"), QStringLiteral("https://a.org")).isEmpty());
    CHECK(shownDestination(QStringLiteral("www.a.org"), QStringLiteral("http://www.a.org")).isEmpty());

    const QString html = spansHtml(inlineMarkdown(
        QStringLiteral("[docs](https://a.org/?q=1&r=2) [x](javascript:alert(1)) ![img](http://a.org/i.png) <b>b</b>")));
    CHECK(html
          == QLatin1String("<a href=\"https://a.org/?q=1&amp;r=2\" rel=\"noopener noreferrer\"><bdi>docs</bdi></a> "
                           "<bdi>x</bdi> (javascript:alert(1)) <a href=\"http://a.org/i.png\" "
                           "rel=\"noopener noreferrer\"><bdi>img</bdi></a> &lt;b&gt;b&lt;/b&gt;"));
}

TEST_CASE("Markdown blocks as HTML: escaped, nested, well-formed", "[export][markdown-text]")
{
    const QString html = blocksHtml(markdownBlocks(QStringLiteral("**Decision:** keep `retry=3`\n\n"
                                                                  "- first\n- [x] done\n\n"
                                                                  "2. two\n\n"
                                                                  "```\nif (a < b && c) {}\n```\n\n"
                                                                  "> <script>alert(1)</script>\n\n"
                                                                  "line  \nbreak\n\n***")));
    CHECK(html
          == QStringLiteral("<p><strong>Decision:</strong> keep <code>retry=3</code></p>"
                            "<ul><li><p>first</p></li><li class=\"task\"><p>☑ done</p></li></ul>"
                            "<ol start=\"2\"><li><p>two</p></li></ol>"
                            "<pre><code>if (a &lt; b &amp;&amp; c) {}</code></pre>"
                            "<blockquote><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></blockquote>"
                            "<p>line<br/>break</p><hr/>"));
    QString error;
    parseXml((QStringLiteral("<div>") + html + QStringLiteral("</div>")).toUtf8(), &error);
    CHECK(error.isEmpty());
}
