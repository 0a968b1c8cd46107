#include "export/HtmlWriter.h"

#include "ReportFixture.h"
#include "TestTools.h"
#include "export/FormattedText.h"

#include <QSet>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

TEST_CASE("HTML report is well-formed, self-contained and shows hostile text as text", "[export][html][hostile]")
{
    const auto f = hostileReview();
    const QByteArray html = HtmlWriter().write(f->input());
    QString error;
    const XmlNode root = parseXml(html, &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());

    // Only the writer's own elements exist (among them the formatting of Markdown notes): a
    // user's <script> or <b> never became one.
    const QStringList names = elementNames(root);
    const QSet<QString> allowed {
        QStringLiteral("html"),    QStringLiteral("head"),   QStringLiteral("meta"),   QStringLiteral("title"),
        QStringLiteral("style"),   QStringLiteral("body"),   QStringLiteral("header"), QStringLiteral("h1"),
        QStringLiteral("h2"),      QStringLiteral("h3"),     QStringLiteral("h4"),     QStringLiteral("p"),
        QStringLiteral("section"), QStringLiteral("strong"), QStringLiteral("ul"),     QStringLiteral("li"),
        QStringLiteral("table"),   QStringLiteral("tr"),     QStringLiteral("th"),     QStringLiteral("td"),
        QStringLiteral("nav"),     QStringLiteral("a"),      QStringLiteral("span"),   QStringLiteral("div"),
        QStringLiteral("bdi"),     QStringLiteral("footer"), QStringLiteral("code"),   QStringLiteral("svg"),
        QStringLiteral("g"),       QStringLiteral("text"),   QStringLiteral("rect"),   QStringLiteral("em"),
        QStringLiteral("del"),     QStringLiteral("ol"),     QStringLiteral("pre"),    QStringLiteral("blockquote"),
        QStringLiteral("hr"),      QStringLiteral("br")
    };
    for (const QString &name : names) {
        INFO(name.toStdString());
        CHECK(allowed.contains(name));
    }
    CHECK(names.count(QStringLiteral("style")) == 1);
    CHECK_FALSE(html.contains("<script"));
    CHECK_FALSE(html.contains("src="));
    CHECK_FALSE(html.contains("<link"));
    // Links lead within the report, or to the fixture's web evidence, never to what was typed.
    visit(root, [](const XmlNode &node) {
        if (node.name == QLatin1String("a")) {
            const QString href = node.attributes.value(QStringLiteral("href"));
            INFO(href.toStdString());
            CHECK((href.startsWith(u'#')
                   || href.startsWith(QLatin1String("https://git.example.org/shop/checkout/-/merge_requests/"))));
        }
    });

    // Every user string is inside a <bdi> with exactly the typed text.
    QStringList bdiTexts;
    visit(root, [&](const XmlNode &node) {
        if (node.name == QLatin1String("bdi"))
            bdiTexts += node.text;
    });
    for (const QString &typed : hostileStrings()) {
        INFO(typed.toStdString());
        CHECK(std::any_of(bdiTexts.begin(), bdiTexts.end(), [&](const QString &t) { return t.contains(typed); }));
    }
    // The 1 MB note is one Markdown paragraph, which ends without its final space.
    CHECK(bdiTexts.contains(oneMegabyteNote().trimmed()));
    CHECK(bdiTexts.contains(QStringLiteral("<script>alert(1)</script>")));
}

TEST_CASE("HTML report holds every item, the chart and the footer facts", "[export][html]")
{
    const auto f = halfFinishedReview();
    const QByteArray html = HtmlWriter().write(f->input());
    const XmlNode root = parseXml(html);
    QStringList itemTexts;
    int bars = 0;
    visit(root, [&](const XmlNode &node) {
        if (node.name == QLatin1String("span")
            && node.attributes.value(QStringLiteral("class")) == QLatin1String("text"))
            itemTexts += node.allText;
        if (node.name == QLatin1String("rect")
            && node.attributes.value(QStringLiteral("fill")) != QLatin1String("#eeeeee"))
            ++bars;
    });
    for (const QString &text : allItemTexts(f->tmpl)) {
        INFO(text.toStdString());
        CHECK(itemTexts.contains(plainText(inlineMarkdown(text)))); // as Markdown shows it: `except` is except
    }
    int scored = 0;
    for (const CategoryScore &score : f->assessment.categories)
        scored += score.score.value_or(0) > 0 ? 1 : 0;
    CHECK(bars == scored);
    CHECK(html.contains("Stale: 3 changes since signed"));
    CHECK(html.contains(f->auditHead.toUtf8()));
    CHECK(html.contains("Generated 2026-11-25 14:30 UTC"));
    CHECK(html.indexOf("class=\"verdict not-ready\"") < html.indexOf("id=\"scores\""));
}

TEST_CASE("HTML report formats inline Markdown of items and Markdown notes, and keeps them inert",
          "[export][html][markdown-text]")
{
    auto f = markdownReview();
    markdownNoteItem(*f).note += QStringLiteral(" <img src=x onerror=alert(1)>");
    f->state.project.notes = QStringLiteral("Project notes with _emphasis_.\n\n1. one\n2. two");
    const QByteArray html = HtmlWriter().write(f->input());
    QString error;
    const XmlNode root = parseXml(html, &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());

    // Appendix A's one item with inline code, as the app shows it.
    CHECK(html.contains("Specific exception types (not bare <code>except</code>)"));
    CHECK(html.contains("<div>Note: <div class=\"md\" dir=\"auto\"><p><strong>Decision:</strong> keep "
                        "<code>retry=3</code></p><ul><li><p>first point</p></li><li class=\"task\"><p>☑ checked "
                        "point</p></li></ul><ol start=\"3\"><li><p>third</p></li><li><p>fourth</p></li></ol>"
                        "<pre><code>if (a &lt; b) {}</code></pre>"));
    CHECK(html.contains("<a href=\"https://example.org/run?a=1&amp;b=2\" rel=\"noopener noreferrer\"><bdi>runbook"
                        "</bdi></a> <bdi>evil</bdi> (javascript:alert(1)) "
                        "&lt;b&gt;raw&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;"));
    CHECK(html.contains("<h2>Notes</h2>\n<div class=\"md\" dir=\"auto\"><p>Project notes with <em>emphasis</em>."
                        "</p><ol><li><p>one</p></li><li><p>two</p></li></ol></div>"));
    visit(root, [](const XmlNode &node) {
        CHECK(node.name != QLatin1String("img"));
        if (node.name == QLatin1String("a")) {
            const QString href = node.attributes.value(QStringLiteral("href"));
            INFO(href.toStdString());
            CHECK((href.startsWith(u'#') || href.startsWith(QLatin1String("https://"))));
        }
    });
}
