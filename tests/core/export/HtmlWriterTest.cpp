#include "export/HtmlWriter.h"

#include "ReportFixture.h"
#include "TestTools.h"

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

    // Only the writer's own elements exist: a user's <script> or <b> never became one.
    const QStringList names = elementNames(root);
    const QSet<QString> allowed {
        QStringLiteral("html"),    QStringLiteral("head"),   QStringLiteral("meta"),   QStringLiteral("title"),
        QStringLiteral("style"),   QStringLiteral("body"),   QStringLiteral("header"), QStringLiteral("h1"),
        QStringLiteral("h2"),      QStringLiteral("h3"),     QStringLiteral("h4"),     QStringLiteral("p"),
        QStringLiteral("section"), QStringLiteral("strong"), QStringLiteral("ul"),     QStringLiteral("li"),
        QStringLiteral("table"),   QStringLiteral("tr"),     QStringLiteral("th"),     QStringLiteral("td"),
        QStringLiteral("nav"),     QStringLiteral("a"),      QStringLiteral("span"),   QStringLiteral("div"),
        QStringLiteral("bdi"),     QStringLiteral("footer"), QStringLiteral("code"),   QStringLiteral("svg"),
        QStringLiteral("g"),       QStringLiteral("text"),   QStringLiteral("rect")
    };
    for (const QString &name : names) {
        INFO(name.toStdString());
        CHECK(allowed.contains(name));
    }
    CHECK(names.count(QStringLiteral("style")) == 1);
    CHECK_FALSE(html.contains("<script"));
    CHECK_FALSE(html.contains("src="));
    CHECK_FALSE(html.contains("<link"));
    visit(root, [](const XmlNode &node) {
        if (node.name == QLatin1String("a"))
            CHECK(node.attributes.value(QStringLiteral("href")).startsWith(u'#'));
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
    CHECK(bdiTexts.contains(oneMegabyteNote()));
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
            itemTexts += node.children.empty() ? node.text : node.children.front().text;
        if (node.name == QLatin1String("rect")
            && node.attributes.value(QStringLiteral("fill")) != QLatin1String("#eeeeee"))
            ++bars;
    });
    for (const QString &text : allItemTexts(f->tmpl)) {
        INFO(text.toStdString());
        CHECK(itemTexts.contains(text));
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
