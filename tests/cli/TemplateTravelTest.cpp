#include "cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using preflight::test::CliResult;
using preflight::test::CliRunner;

namespace {

// tests/data/templates/valid-minimal.json installed in the runner's templates folder as
// "team-review" 1.0.0 (where `preflight template import` would put it).
QString installTeamTemplate(const CliRunner &cli)
{
    QFile fixture(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/valid-minimal.json"));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    nlohmann::json tmpl = nlohmann::json::parse(fixture.readAll().toStdString());
    tmpl["id"] = "team-review";
    tmpl["version"] = "1.0.0";
    const QString dir = cli.dir() + QStringLiteral("/data/preflight/templates");
    REQUIRE(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/team-review.json"));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(tmpl.dump(2)));
    return file.fileName();
}

} // namespace

TEST_CASE("a copied database is a complete review: its projects' templates travel with it", "[cli][templates]")
{
    CliRunner author;
    const QString templateFile = installTeamTemplate(author);
    author.json({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Payments"),
                  QStringLiteral("--template"), QStringLiteral("team-review") });
    REQUIRE(author
                .run({ QStringLiteral("item"), QStringLiteral("Payments"), QStringLiteral("docs.user.changelog"),
                       QStringLiteral("done") })
                .exitCode
            == 0);
    const nlohmann::json before = author.json({ QStringLiteral("status"), QStringLiteral("Payments") });

    // A colleague without the template file gets the same review from the copied database.
    CliRunner colleague;
    REQUIRE(QDir().mkpath(QFileInfo(colleague.dbPath()).absolutePath()));
    REQUIRE(QFile::copy(author.dbPath(), colleague.dbPath()));
    const nlohmann::json after = colleague.json({ QStringLiteral("status"), QStringLiteral("Payments") });
    CHECK(after["template"]["id"] == "team-review");
    CHECK(after["template"]["version"] == "1.0.0");
    CHECK(after["score"] == before["score"]);
    CHECK(after["verdict"] == before["verdict"]);
    const nlohmann::json list = colleague.json({ QStringLiteral("projects") });
    REQUIRE(list["projects"].size() == 1);
    CHECK(list["projects"][0]["verdict"] == before["verdict"]);

    // Deleting the template file does not orphan the author's project either.
    REQUIRE(QFile::remove(templateFile));
    CHECK(author.json({ QStringLiteral("status"), QStringLiteral("Payments") })["score"] == before["score"]);
}

TEST_CASE("a project whose template is missing is listed with the reason, commands on it name it", "[cli][templates]")
{
    CliRunner cli;
    const QString templateFile = installTeamTemplate(cli);
    cli.json({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Alpha") });
    cli.json({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Beta"),
               QStringLiteral("--template"), QStringLiteral("team-review") });
    // As a database from before templates were stored, whose template file is gone.
    cli.execSql(QStringLiteral("DELETE FROM templates WHERE id = 'team-review'"));
    REQUIRE(QFile::remove(templateFile));
    const QString missing = QStringLiteral("%1: project \"Beta\" uses template \"team-review\" 1.0.0, which is "
                                           "neither stored in the database nor installed")
                                .arg(cli.dbPath());

    const CliResult listed = cli.run({ QStringLiteral("projects") });
    INFO(listed.err.toStdString());
    CHECK(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("Alpha")));
    CHECK(listed.out.contains(QRegularExpression(QStringLiteral("Beta +team-review 1.0.0 +\\(template missing\\)"))));
    CHECK(listed.err == QStringLiteral("preflight: warning: ") + missing + QLatin1Char('\n'));

    const nlohmann::json list = cli.json({ QStringLiteral("projects") });
    REQUIRE(list["projects"].size() == 2);
    CHECK(list["projects"][0]["verdict"] == "not-ready");
    CHECK_FALSE(list["projects"][0].contains("error"));
    CHECK(list["projects"][1]["verdict"].is_null());
    CHECK(list["projects"][1]["error"] == missing.toStdString());

    const CliResult status = cli.run({ QStringLiteral("status"), QStringLiteral("Beta") });
    CHECK(status.exitCode == 3);
    CHECK(status.err.contains(missing));
}
