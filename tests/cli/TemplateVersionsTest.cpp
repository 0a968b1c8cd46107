// template export, versions side by side (templates, template show --version), template diff and
// project migrate as a user drives them.

#include "TeamTemplates.h"
#include "cli/MigrationFixture.h"

#include <QDir>
#include <QFile>

using preflight::test::answerApolloOn100;
using preflight::test::CliResult;
using preflight::test::CliRunner;
using preflight::test::installAppendix110;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

void writeText(const QString &path, const QString &text)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

// Appendix A exported, given version 1.1.0 and one reworded item, and imported again.
void installAppendixA11(const CliRunner &cli)
{
    const QString path = cli.dir() + QStringLiteral("/appendix-a.md");
    const CliResult exported = cli.run({ QStringLiteral("template"), QStringLiteral("export"),
                                         QStringLiteral("appendix-a"), QStringLiteral("-o"), path });
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    QString markdown = readText(path);
    REQUIRE(markdown.contains(QStringLiteral("version: 1.0.1")));
    markdown.replace(QStringLiteral("version: 1.0.1"), QStringLiteral("version: 1.1.0"));
    markdown.replace(QStringLiteral("- [ ] Comprehensive docstrings"),
                     QStringLiteral("- [ ] Docstrings on every public function"));
    writeText(path, markdown);
    const nlohmann::json imported = cli.json({ QStringLiteral("template"), QStringLiteral("import"), path });
    REQUIRE(imported["template"]["id"] == "appendix-a");
    REQUIRE(imported["template"]["version"] == "1.1.0");
}

} // namespace

TEST_CASE("template export writes what template import reads, a higher version goes beside the old",
          "[cli][templates][versions]")
{
    CliRunner cli;
    // Standard output and -o give the same text.
    const CliResult toStdout
        = cli.run({ QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("appendix-a") });
    REQUIRE(toStdout.exitCode == 0);
    CHECK(toStdout.out.startsWith(QStringLiteral("# Appendix A: Production Readiness Checklist\n")));
    installAppendixA11(cli);
    CHECK(readText(cli.dir() + QStringLiteral("/appendix-a.md")).size() > toStdout.out.size() / 2);

    const nlohmann::json list = cli.json({ QStringLiteral("templates") });
    std::vector<std::tuple<std::string, bool, bool>> versions;
    for (const auto &tmpl : list["templates"]) {
        if (tmpl["id"] == "appendix-a")
            versions.emplace_back(tmpl["version"], tmpl["newest"], tmpl["builtin"]);
        CHECK(tmpl.contains("items"));
    }
    CHECK(versions
          == std::vector<std::tuple<std::string, bool, bool>> {
              { "1.0.0", false, true }, { "1.0.1", false, true }, { "1.1.0", true, false } });
    const CliResult text = cli.run({ QStringLiteral("templates") });
    CHECK(text.out.indexOf(QStringLiteral("appendix-a  1.0.0"))
          < text.out.indexOf(QStringLiteral("appendix-a  1.1.0")));

    // Each version can be shown and exported by number.
    const CliResult old = cli.run({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("appendix-a"),
                                    QStringLiteral("--version"), QStringLiteral("1.0.0") });
    CHECK(old.out.contains(QStringLiteral("Comprehensive docstrings")));
    const CliResult now = cli.run({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("appendix-a") });
    CHECK(now.out.contains(QStringLiteral("Docstrings on every public function")));
    const CliResult missing
        = cli.run({ QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("appendix-a"),
                    QStringLiteral("--version"), QStringLiteral("9.9.9") });
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains(
        QStringLiteral("template \"appendix-a\" has no version 9.9.9 (installed: 1.0.0, 1.0.1, 1.1.0)")));

    // The same version again is refused.
    const CliResult again = cli.run(
        { QStringLiteral("template"), QStringLiteral("import"), cli.dir() + QStringLiteral("/appendix-a.md") });
    CHECK(again.exitCode != 0);
    CHECK(again.err.contains(QStringLiteral("give the file a version above 1.1.0")));
}

namespace {

// tests/data/templates/appendix-a-1.1.0.json installed in the runner's templates folder.

} // namespace

TEST_CASE("template diff lists every kind of change, as text and as JSON", "[cli][templates][diff]")
{
    CliRunner cli;
    installAppendix110(cli);
    const nlohmann::json diff
        = cli.json({ QStringLiteral("template"), QStringLiteral("diff"), QStringLiteral("appendix-a"),
                     QStringLiteral("1.0.0"), QStringLiteral("1.1.0") });
    CHECK(diff["schema"] == "preflight.template-diff/1");
    CHECK(diff["from"] == "1.0.0");
    CHECK(diff["to"] == "1.1.0");
    CHECK(diff["counts"]["added"] == 4);
    CHECK(diff["counts"]["removed"] == 2);
    CHECK(diff["counts"]["moved"] == 3);
    CHECK(diff["counts"]["reworded"] == 4);
    CHECK(diff["counts"]["reidentified"] == 2);
    CHECK(diff["counts"]["severity_changed"] == 29);
    CHECK(diff["categories"].size() == 3);
    bool sawNear = false;
    for (const auto &item : diff["items"]) {
        if (item["old_id"] == "reliability.timeouts.llm-api-timeout-configured") {
            sawNear = true;
            CHECK(item["new_id"] == "reliability.timeouts.llm-timeout-configured");
            CHECK(item["changes"] == nlohmann::json { "reidentified", "reworded" });
            CHECK(item["similarity"].get<double>() > 0.75);
            CHECK(item["similarity"].get<double>() < 1.0);
        }
        CHECK_FALSE(item["changes"].empty());
    }
    CHECK(sawNear);

    const CliResult text = cli.run({ QStringLiteral("template"), QStringLiteral("diff"), QStringLiteral("appendix-a"),
                                     QStringLiteral("1.0.0"), QStringLiteral("1.1.0") });
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith(QStringLiteral("Template appendix-a 1.0.0 → 1.1.0: 4 added, 2 removed, 3 moved, 4 "
                                             "reworded, 2 re-identified, 29 severity changes")));
    CHECK(text.out.contains(QStringLiteral("  security.input-validation.sql-injection-prevented → "
                                           "security.input-validation.sql-injection-blocked  (similarity 1.00)")));
    CHECK(text.out.contains(QStringLiteral("  compliance (Compliance): severity high → critical\n")));
    CHECK(text.out.contains(QStringLiteral("  security (Security): weight default → 2\n")));
    CHECK(text.out.contains(QStringLiteral("  observability.dashboards.grafana-dashboard-created: Observability › "
                                           "Dashboards → Monitoring & Alerting › Dashboards")));

    const CliResult unknown
        = cli.run({ QStringLiteral("template"), QStringLiteral("diff"), QStringLiteral("appendix-a"),
                    QStringLiteral("1.0.0"), QStringLiteral("2.0.0") });
    CHECK(unknown.exitCode == 3);
    CHECK(unknown.err.contains(QStringLiteral("has no version 2.0.0 (installed: 1.0.0, 1.0.1, 1.1.0)")));
}

TEST_CASE("project migrate shows the plan, applies it with --apply, and a second run changes nothing",
          "[cli][templates][migrate]")
{
    CliRunner cli;
    installAppendix110(cli);
    // New projects get the newest version unless --version names another.
    cli.json({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Newest") });
    CHECK(cli.json({ QStringLiteral("status"), QStringLiteral("Newest") })["template"]["version"] == "1.1.0");
    answerApolloOn100(cli, QStringLiteral("Go"));
    const QByteArray before = cli.contentDigest();

    // Without --apply: the plan, and nothing written.
    const nlohmann::json plan = cli.json({ QStringLiteral("project"), QStringLiteral("migrate"),
                                           QStringLiteral("Apollo"), QStringLiteral("--to"), QStringLiteral("1.1.0") });
    CHECK(plan["schema"] == "preflight.migration/1");
    CHECK(plan["applied"] == false);
    CHECK(plan["from"] == "1.0.0");
    CHECK(plan["to"] == "1.1.0");
    CHECK(plan["carried"].size() == 2);
    CHECK(plan["rechecks"] == 1);
    REQUIRE(plan["dropped"].size() == 1);
    CHECK(plan["dropped"][0]["reason"] == "Go");
    CHECK(plan["added"].size() == 4);
    CHECK(plan["profile_tags_gone"].empty()); // a project without a profile
    CHECK(cli.contentDigest() == before);
    const CliResult text = cli.run({ QStringLiteral("project"), QStringLiteral("migrate"), QStringLiteral("Apollo"),
                                     QStringLiteral("--to"), QStringLiteral("1.1.0") });
    CHECK(text.out.contains(QStringLiteral("security.input-validation.sql-injection-prevented → "
                                           "security.input-validation.sql-injection-blocked")));
    CHECK(text.out.contains(QStringLiteral("(plan; run again with --apply to migrate)")));

    const nlohmann::json applied
        = cli.json({ QStringLiteral("project"), QStringLiteral("migrate"), QStringLiteral("Apollo"),
                     QStringLiteral("--to"), QStringLiteral("1.1.0"), QStringLiteral("--apply") });
    CHECK(applied["applied"] == true);
    const nlohmann::json status = cli.json({ QStringLiteral("status"), QStringLiteral("Apollo") });
    CHECK(status["template"]["version"] == "1.1.0");
    REQUIRE(status["recheck"].size() == 1);
    CHECK(status["recheck"][0]["id"] == "testing.unit-tests.test-coverage-over-80-percent");
    CHECK(status["recheck"][0]["old_text"] == "Test coverage > 80%");
    const CliResult shown = cli.run({ QStringLiteral("status"), QStringLiteral("Apollo") });
    CHECK(shown.out.contains(QStringLiteral("Wording changed — re-check (1;")));

    // Migrating twice is a no-op.
    const QByteArray migrated = cli.contentDigest();
    const nlohmann::json again
        = cli.json({ QStringLiteral("project"), QStringLiteral("migrate"), QStringLiteral("Apollo"),
                     QStringLiteral("--to"), QStringLiteral("1.1.0"), QStringLiteral("--apply") });
    CHECK(again["noop"] == true);
    CHECK(again["applied"] == false);
    CHECK(cli.contentDigest() == migrated);

    // Confirming clears the flag; an item that is not flagged is a usage error.
    const CliResult wrong = cli.run({ QStringLiteral("project"), QStringLiteral("confirm"), QStringLiteral("Apollo"),
                                      QStringLiteral("security.input-validation.sql-injection-blocked") });
    CHECK(wrong.exitCode == 2);
    const nlohmann::json confirmed = cli.json(
        { QStringLiteral("project"), QStringLiteral("confirm"), QStringLiteral("Apollo"), QStringLiteral("--all") });
    CHECK(confirmed["remaining"] == 0);
    CHECK(cli.json({ QStringLiteral("status"), QStringLiteral("Apollo") })["recheck"].empty());
}

TEST_CASE("versions stored in the database alone still diff after their files are gone", "[cli][templates][diff]")
{
    CliRunner cli;
    const QString dir = cli.dir() + QStringLiteral("/data/preflight/templates");
    preflight::test::installTemplate(preflight::test::teamTemplate(QStringLiteral("1.0.0")), dir);
    preflight::test::installTemplate(preflight::test::teamTemplate(QStringLiteral("2.0.0")), dir);
    cli.json({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Team"),
               QStringLiteral("--template"), QStringLiteral("team-review"), QStringLiteral("--version"),
               QStringLiteral("1.0.0") });
    cli.json({ QStringLiteral("project"), QStringLiteral("migrate"), QStringLiteral("Team"), QStringLiteral("--to"),
               QStringLiteral("2.0.0"), QStringLiteral("--apply") });
    REQUIRE(QDir(dir).removeRecursively());
    const nlohmann::json diff
        = cli.json({ QStringLiteral("template"), QStringLiteral("diff"), QStringLiteral("team-review"),
                     QStringLiteral("1.0.0"), QStringLiteral("2.0.0") });
    CHECK(diff["counts"]["added"] == 1);
    CHECK(diff["items"][0]["new_id"] == "security.secrets.audited");
}
