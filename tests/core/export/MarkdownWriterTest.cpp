#include "export/MarkdownWriter.h"

#include "ReportFixture.h"
#include "TestTools.h"

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

int summaryItemCount(const Template &tmpl)
{
    int count = 0;
    for (const SummaryGroup &group : tmpl.summary)
        count += int(group.items.size());
    return count;
}

std::vector<const XmlNode *> nodesNamed(const XmlNode &root, const char *name)
{
    std::vector<const XmlNode *> nodes;
    visit(root, [&](const XmlNode &node) {
        if (node.name == QLatin1String(name))
            nodes.push_back(&node);
    });
    return nodes;
}

QStringList headings(const XmlNode &root, int level)
{
    QStringList titles;
    for (const XmlNode *node : nodesNamed(root, "heading")) {
        if (node->attributes.value(QStringLiteral("level")).toInt() == level)
            titles += cmarkText(*node);
    }
    return titles;
}

bool anyTextContains(const XmlNode &root, const QString &needle)
{
    bool found = false;
    for (const char *block : { "paragraph", "table_cell", "heading" }) {
        for (const XmlNode *node : nodesNamed(root, block))
            found = found || cmarkText(*node).contains(needle);
    }
    return found;
}

} // namespace

TEST_CASE("Markdown report has Appendix A's structure and renders in cmark-gfm", "[export][markdown]")
{
    const auto f = halfFinishedReview();
    const QByteArray markdown = MarkdownWriter().write(f->input());
    const QString source = QString::fromUtf8(markdown);
    const XmlNode ast = cmarkAst(markdown);

    // The verdict comes first, before any table or checklist.
    const QStringList h2 = headings(ast, 2);
    REQUIRE(h2.size() >= 4);
    CHECK(h2.mid(0, 4)
          == QStringList { QStringLiteral("Verdict"), QStringLiteral("Category scores"), QStringLiteral("Action list"),
                           QStringLiteral("Executive Summary") });
    CHECK(h2.contains(QStringLiteral("1. Code Quality 🔴")));
    CHECK(h2.contains(QStringLiteral("6. Cost Management 🟠")));
    CHECK(h2.mid(h2.size() - 3)
          == QStringList { QStringLiteral("Sign-Off"), QStringLiteral("Risk Assessment"), QStringLiteral("Notes") });
    CHECK(headings(ast, 3).contains(QStringLiteral("Acceptance Criteria")));
    CHECK(source.contains(QStringLiteral("**Not Ready** — not signed off.")));

    // One task item per checklist and summary item, each with the right mark.
    const auto tasks = nodesNamed(ast, "tasklist");
    CHECK(int(tasks.size()) == f->tmpl.itemCount() + summaryItemCount(f->tmpl));
    int checked = 0, struck = 0;
    for (const XmlNode *task : tasks) {
        checked += task->attributes.value(QStringLiteral("completed")) == QLatin1String("true") ? 1 : 0;
        struck += nodesNamed(task->children.front(), "strikethrough").empty() ? 0 : 1;
    }
    int met = 0, resolved = 0, na = 0;
    for (const SummaryResult &result : f->assessment.summary)
        met += result.met ? 1 : 0;
    const ReportModel model(f->input());
    for (const ChecklistRow &row : model.rows()) {
        resolved += row.state.status != ItemStatus::Open ? 1 : 0;
        na += row.state.status == ItemStatus::NotApplicable ? 1 : 0;
    }
    CHECK(checked == resolved + met);
    CHECK(struck == na);

    // N/A items keep their text and reason; a stale sign-off says how stale.
    CHECK(source.contains(
        QStringLiteral("~~ — N/A: We do not run this component in production; covered by the platform team.")));
    CHECK(source.contains(QStringLiteral("Stale: 3 changes since signed")));
    CHECK(source.contains(QStringLiteral("audit trail head `") + f->auditHead + u'`'));

    // Tables: the score table has a row per category plus the total, every row six cells.
    const auto tables = nodesNamed(ast, "table");
    REQUIRE(tables.size() == 4); // review, scores, sign-offs, risks
    const XmlNode &scores = *tables[1];
    CHECK(scores.children.size() == f->assessment.categories.size() + 2);
    for (const XmlNode &row : scores.children)
        CHECK(row.children.size() == 6);
    CHECK(cmarkText(scores.children[1].children[0]) == QLatin1String("Code Quality"));
}

TEST_CASE("Hostile text in every field stays text in the Markdown report", "[export][markdown][hostile]")
{
    const auto plain = halfFinishedReview();
    const auto f = hostileReview();
    const QByteArray markdown = MarkdownWriter().write(f->input());
    const XmlNode ast = cmarkAst(markdown);
    const XmlNode reference = cmarkAst(MarkdownWriter().write(plain->input()));

    // The structure is exactly that of the same review without hostile text.
    for (int level = 1; level <= 4; ++level)
        CHECK(headings(ast, level).size() == headings(reference, level).size());
    CHECK(nodesNamed(ast, "tasklist").size() == nodesNamed(reference, "tasklist").size());
    CHECK(nodesNamed(ast, "table").size() == nodesNamed(reference, "table").size());
    CHECK(nodesNamed(ast, "table_cell").size() == nodesNamed(reference, "table_cell").size());
    CHECK(nodesNamed(ast, "html_block").empty());
    for (const XmlNode *html : nodesNamed(ast, "html_inline"))
        CHECK(html->text == QLatin1String("<br>"));

    for (const QString &typed : hostileStrings()) {
        INFO(typed.toStdString());
        CHECK(anyTextContains(ast, typed));
    }
    CHECK(anyTextContains(ast, f->state.project.name));
    CHECK(anyTextContains(ast, oneMegabyteNote()));
}

TEST_CASE("Markdown report autolinks the evidence the other reports link, and no other", "[export][markdown][links]")
{
    const QString md = QString::fromUtf8(MarkdownWriter().write(hostileLinkReview()->input()));
    const QStringList links = hostileLinks();
    for (qsizetype i = 0; i < links.size(); ++i) {
        INFO(links[i].toStdString());
        const bool web = i >= links.size() - 2; // the honest addresses
        CHECK(md.contains(QStringLiteral("- Evidence: <%1>\n").arg(links[i])) == web);
    }
    // Neither a right-to-left override nor a user name in front of the host becomes a link.
    CHECK_FALSE(md.contains(QStringLiteral("<https://example.org/\u202E")));
    CHECK_FALSE(md.contains(QLatin1String("<https://bank.example@")));
}
