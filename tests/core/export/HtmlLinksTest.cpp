#include "ReportFixture.h"
#include "TestTools.h"
#include "export/HtmlWriter.h"
#include "model/LinkPolicy.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

const XmlNode *childNamed(const XmlNode &node, const char *name)
{
    for (const XmlNode &child : node.children) {
        if (child.name == QLatin1String(name))
            return &child;
    }
    return nullptr;
}

} // namespace

TEST_CASE("HTML report links only web evidence and web note links, never fetching anything",
          "[export][html][hostile][links]")
{
    const auto f = hostileLinkReview();
    const QByteArray html = HtmlWriter().write(f->input());
    QString error;
    const XmlNode root = parseXml(html, &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());

    // Nothing is loaded from anywhere: no images, no element with a source, no script.
    CHECK_FALSE(html.contains("<img"));
    CHECK_FALSE(html.contains("<script"));
    CHECK_FALSE(html.contains("<link"));
    visit(root, [](const XmlNode &node) {
        INFO(node.name.toStdString());
        CHECK_FALSE(node.attributes.contains(QStringLiteral("src")));
        CHECK_FALSE(node.attributes.contains(QStringLiteral("style")));
    });
    CHECK(html.contains("&lt;img src=&quot;https://tracker.example/p.gif&quot;&gt;")); // the typed tag, as text

    int webLinks = 0;
    visit(root, [&](const XmlNode &node) {
        CHECK(node.name != QLatin1String("img"));
        if (node.name != QLatin1String("a"))
            return;
        const QString href = node.attributes.value(QStringLiteral("href"));
        INFO(href.toStdString());
        if (href.startsWith(u'#'))
            return;
        ++webLinks;
        CHECK(LinkPolicy::decide(href).verdict == LinkPolicy::Verdict::Open);
        CHECK(node.attributes.value(QStringLiteral("rel")) == QLatin1String("noopener noreferrer"));
        for (const QChar c : href)
            CHECK((c.unicode() > 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'<' && c != u'>'));
    });
    CHECK(webLinks > 0);

    // Evidence: the two honest web addresses are links whose text is exactly what was typed;
    // everything else is that text, inert.
    QStringList linked, unlinked;
    visit(root, [&](const XmlNode &node) {
        if (node.name != QLatin1String("div") || !node.text.startsWith(QLatin1String("Evidence: ")))
            return;
        if (const XmlNode *a = childNamed(node, "a")) {
            const XmlNode *text = childNamed(*a, "bdi");
            REQUIRE(text);
            const auto link = LinkPolicy::evidenceLink(text->text);
            REQUIRE(link);
            CHECK(a->attributes.value(QStringLiteral("href")) == LinkPolicy::href(*link));
            linked += text->text;
        } else if (const XmlNode *text = childNamed(node, "bdi")) {
            unlinked += text->text;
        }
    });
    const QStringList links = hostileLinks();
    for (qsizetype i = 0; i < links.size(); ++i) {
        INFO(links[i].toStdString());
        CHECK((i >= links.size() - 2 ? linked : unlinked).contains(links[i]));
    }
    CHECK(linked.size() == 2);

    // A right-to-left override in a link's text stays inside the link's own isolate.
    bool sawReversedWebText = false, sawReversedFileText = false;
    visit(root, [&](const XmlNode &node) {
        if (node.name == QLatin1String("a")
            && node.attributes.value(QStringLiteral("href")) == QLatin1String("https://example.org/report")) {
            const XmlNode *text = childNamed(node, "bdi");
            REQUIRE(text);
            CHECK(text->text == QStringLiteral("\u202Efdp.exe"));
            sawReversedWebText = true;
        }
        if (node.name == QLatin1String("bdi") && node.text == QStringLiteral("\u202Ekcilc"))
            sawReversedFileText = true;
    });
    CHECK(sawReversedWebText);
    CHECK(sawReversedFileText);
    CHECK(html.contains("<bdi>\xE2\x80\xAE"
                        "kcilc</bdi> (file:///etc/passwd)"));
    CHECK(html.contains("<bdi>click me</bdi> (javascript:alert(1))"));
    CHECK(html.contains("(data:text/html;base64,PHNjcmlwdD4=)"));
}
