// A template exported as Markdown imports back equal, and an edited export imports as a new
// version beside the old one.

#include "templates/TemplateMarkdown.h"

#include "import/MarkdownImport.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <QDir>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace preflight;

namespace {

Template everyFeature()
{
    return loadTemplateFile(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/every-feature.json"));
}

import::ImportPreview reimport(const Template &tmpl){
    return import::importMarkdown(templateToMarkdown(tmpl).toUtf8(), QStringLiteral("exported.md"));
} // namespace

void requireEqual(const Template &imported, const Template &original)
{
    // The JSON form holds every field the model has; compared as JSON, a difference names itself.
    const nlohmann::json a = templateToJson(imported);
    const nlohmann::json b = templateToJson(original);
    INFO(nlohmann::json::diff(a, b).dump(1));
    REQUIRE(a == b);
}

} // namespace

TEST_CASE("Appendix A exported as Markdown imports back equal", "[templates][markdown]")
{
    const TemplateRegistry registry;
    const Template &appendix = *registry.find(QStringLiteral("appendix-a"));
    const import::ImportPreview preview = reimport(appendix);
    requireEqual(preview.tmpl, appendix);
    for (const import::ImportWarning &warning : preview.warnings)
        FAIL_CHECK(warning.line << ": " << warning.message.toStdString());
    // The export is a stable text: exporting the import again gives the same bytes.
    CHECK(templateToMarkdown(preview.tmpl) == templateToMarkdown(appendix));
}

TEST_CASE("a template using every feature exported as Markdown imports back equal", "[templates][markdown]")
{
    const Template original = everyFeature();
    const QString markdown = templateToMarkdown(original);
    // What makes the file readable where it is rendered: the visible structure of Appendix A.
    CHECK(markdown.contains(QStringLiteral("## 1. Security \\& Privacy 🔴 <!-- id: sec; weight: 2.5 -->")));
    CHECK(markdown.contains(QStringLiteral("## Launch Gates <!-- id: gates; summary -->")));
    CHECK(markdown.contains(
        QStringLiteral("    - [ ] A finding blocks the merge <!-- id: sec.keys.scan.ci.block; tags: ci -->")));
    CHECK(markdown.contains(QStringLiteral("<!-- id: sec.keys.rotate; tags: kubernetes, pii -->")));
    CHECK(markdown.contains(QStringLiteral("**R&D Manager:** ____ Date: ____")));
    CHECK(markdown.contains(QStringLiteral("<!-- preflight-template id: team-platform; version: 3.2.0-beta.1 -->")));
    CHECK_FALSE(markdown.contains(QStringLiteral("Actual Launch Date")));

    const import::ImportPreview preview = reimport(original);
    requireEqual(preview.tmpl, original);
    CHECK(preview.warnings.empty());
}

TEST_CASE("an edited export keeps the ids it names and makes ids for new items", "[templates][markdown]")
{
    QString markdown = templateToMarkdown(everyFeature());
    markdown.replace(QStringLiteral("- [ ] DR drill done <!-- id: ops.general.dr -->"),
                     QStringLiteral("- [ ] Disaster-recovery drill done <!-- id: ops.general.dr -->\n"
                                    "- [ ] Runbook reviewed"));
    // A hand-typed id that another item already has is not taken twice.
    markdown.replace(QStringLiteral("- [ ] Icons crisp <!-- id: nice.ui.icons -->"),
                     QStringLiteral("- [ ] Icons crisp <!-- id: sec.keys.rotate -->"));
    markdown.replace(QStringLiteral("version: 3.2.0-beta.1"), QStringLiteral("version: 3.2.0"));
    const import::ImportPreview preview = import::importMarkdown(markdown.toUtf8(), QStringLiteral("edited.md"));
    const Template &tmpl = preview.tmpl;
    CHECK(tmpl.version == QStringLiteral("3.2.0"));
    REQUIRE(tmpl.findItem(QStringLiteral("ops.general.dr")));
    CHECK(tmpl.findItem(QStringLiteral("ops.general.dr"))->text == QStringLiteral("Disaster-recovery drill done"));
    REQUIRE(tmpl.findItem(QStringLiteral("ops.general.runbook-reviewed")));
    CHECK(tmpl.findItem(QStringLiteral("sec.keys.rotate"))->text == QStringLiteral("Secrets rotated before launch"));
    CHECK(tmpl.findItem(QStringLiteral("nice.ui.icons-crisp")));
    REQUIRE(preview.warnings.size() == 1);
    CHECK(preview.warnings.front().message.contains(QStringLiteral("\"sec.keys.rotate\" is used twice")));
}

TEST_CASE("importing a higher version of an installed template adds it beside the old one", "[templates][markdown]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Template original = everyFeature();
    const QString first = import::saveImportedTemplate(reimport(original), {}, dir.path());
    CHECK(QFileInfo(first).fileName() == QStringLiteral("team-platform.json"));

    // The same version again, or a lower one, is refused and writes nothing.
    CHECK_THROWS_WITH(import::saveImportedTemplate(reimport(original), {}, dir.path()),
                      Catch::Contains("a template with id \"team-platform\" already exists")
                          && Catch::Contains("above 3.2.0-beta.1"));
    Template lower = original;
    lower.version = QStringLiteral("3.1.9");
    CHECK_THROWS(import::saveImportedTemplate(reimport(lower), {}, dir.path()));
    CHECK(QDir(dir.path()).entryList(QDir::Files).size() == 1);

    Template next = original;
    next.version = QStringLiteral("3.2.0"); // a release ranks above its pre-release
    next.categories[3].sections[0].items.push_back({ QStringLiteral("nice.ui.dark"), QStringLiteral("Dark mode"), {} });
    const QString second = import::saveImportedTemplate(reimport(next), {}, dir.path());
    CHECK(QFileInfo(second).fileName() == QStringLiteral("team-platform-3.2.0.json"));

    TemplateRegistry registry;
    registry.loadUserTemplates(dir.path());
    CHECK(registry.warnings().isEmpty());
    CHECK(registry.find(QStringLiteral("team-platform"))->version == QStringLiteral("3.2.0"));
    REQUIRE(registry.find(QStringLiteral("team-platform"), QStringLiteral("3.2.0-beta.1")));
    requireEqual(*registry.find(QStringLiteral("team-platform"), QStringLiteral("3.2.0-beta.1")), original);
    requireEqual(*registry.find(QStringLiteral("team-platform"), QStringLiteral("3.2.0")), next);

    // Appendix A is built in: an edited export with a higher version is installed beside it.
    Template appendix = *registry.find(QStringLiteral("appendix-a"));
    appendix.version = QStringLiteral("1.1.0");
    const QString third = import::saveImportedTemplate(reimport(appendix), {}, dir.path());
    CHECK(QFileInfo(third).fileName() == QStringLiteral("appendix-a-1.1.0.json"));
}

TEST_CASE("a trailing comment that is not key: value pairs is dropped and names nothing", "[templates][markdown]")
{
    const import::ImportPreview preview = import::importMarkdown(
        QByteArrayLiteral("# Team\n\n## Ops 🔴\n\n- [ ] Backups restore <!-- TODO: ask Ana -->\n"
                          "- [ ] Alerts page <!-- id: ops.general.pager -->\n"),
        QStringLiteral("team.md"));
    const std::vector<Item> &items = preview.tmpl.categories.at(0).sections.at(0).items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].text == QStringLiteral("Backups restore"));
    CHECK(items[0].id == QStringLiteral("ops.general.backups-restore"));
    CHECK(items[1].id == QStringLiteral("ops.general.pager"));

    // Many comment openers on one line cost linear time, not quadratic (which would not finish).
    QByteArray line = "# Team\n\n## Ops 🔴\n\n- [ ] Item ";
    for (int i = 0; i < 200000; ++i)
        line += "<!--";
    line += '\n';
    CHECK(import::importMarkdown(line, QStringLiteral("long.md")).tmpl.itemCount() == 1);
}

TEST_CASE("attribute values that are not valid are warnings with their line, and the file still imports",
          "[templates][markdown]")
{
    const import::ImportPreview preview = import::importMarkdown(
        QByteArrayLiteral("# Team\n\n<!-- preflight-template id: Team_X; version: one -->\n\n"
                          "## Gates <!-- summary -->\n\n- [ ] Pager rota agreed <!-- rule: sometimes -->\n\n"
                          "## Ops 🔴 <!-- weight: -2 -->\n\n- [ ] Backups restore <!-- tags: llm, LLM, llm, all -->\n"),
        QStringLiteral("team.md"));
    QStringList warnings;
    for (const import::ImportWarning &warning : preview.warnings)
        warnings << QStringLiteral("%1: %2").arg(warning.line).arg(warning.message);
    INFO(warnings.join(u'\n').toStdString());
    CHECK(warnings.contains(QStringLiteral("3: template id \"Team_X\" is not lowercase kebab-case; ignored")));
    CHECK(warnings.contains(QStringLiteral("3: \"one\" is not a semantic version such as 1.1.0; version 1.0.0 used")));
    CHECK(
        warnings.contains(QStringLiteral("7: unknown summary rule \"sometimes\"; the rule is read from the wording")));
    CHECK(warnings.contains(QStringLiteral("11: weight \"-2\" is not a positive number; ignored")));
    CHECK(warnings.contains(QStringLiteral("11: tag \"LLM\" is not lowercase kebab-case or is repeated; left out")));
    CHECK(warnings.contains(
        QStringLiteral("11: tag \"all\" is reserved (--profile all has a meaning of its own); left out")));
    CHECK(preview.tmpl.id == QStringLiteral("team"));
    CHECK(preview.tmpl.version == QStringLiteral("1.0.0"));
    CHECK(preview.tmpl.summary.at(0).title == QStringLiteral("Gates"));
    CHECK(preview.tmpl.categories.at(0).weight == std::nullopt);
    CHECK(preview.tmpl.categories.at(0).sections.at(0).items.at(0).tags == QStringList { QStringLiteral("llm") });
}
