// `preflight template import` and `preflight project import` driven end to end: real files, real
// templates folder, real database; failures must leave both exactly as they were.
#include "cli/CliRunner.h"

#include <QDir>
#include <QFile>

#include <algorithm>

using namespace preflight::test;

namespace {

QString writeFile(const CliRunner &cli, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(cli.dir()).filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

QByteArray seed()
{
    QFile file(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/appendix-a-seed.md"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QStringList templateFiles(const CliRunner &cli)
{
    QDir data(QDir(cli.dir()).filePath(QStringLiteral("data")));
    QStringList files;
    for (const QString &app : data.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        files += QDir(data.filePath(app + QStringLiteral("/templates"))).entryList(QDir::Files);
    return files;
}

const QByteArray TeamChecklist = "# Team Launch\n\nOur launch list.\n\n## Ops \xC3\xB0\xC5\xB8\xE2\x80\x9D\xC2\xB4\n"
                                 "- [ ] Pager works\n- [x] Dashboards\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

} // namespace

TEST_CASE("template import saves a usable template and reports repairs with lines", "[cli][import]")
{
    CliRunner cli;
    const QString file = writeFile(cli, QStringLiteral("team.md"), TeamChecklist);
    const CliResult result = cli.run({ QStringLiteral("template"), QStringLiteral("import"), file }, false);
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(
        result.out.contains(QStringLiteral("Imported template \"team-launch\" (Team Launch): 1 categories, 2 items")));
    CHECK(result.out.contains(QStringLiteral("skipped 1 tables, 1 paragraphs")));
    CHECK(result.err.contains(file + QStringLiteral(":5: repaired mis-encoded text \"ðŸ”´\" → \"🔴\"")));
    CHECK(templateFiles(cli) == QStringList { QStringLiteral("team-launch.json") });

    // Usable at once: listed, shown, and a project can be created on it.
    const nlohmann::json shown
        = cli.json({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("team-launch") });
    CHECK(shown["categories"][0]["severity"] == "critical");
    CHECK(shown["description"] == "Our launch list.");
    CHECK(cli.run({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("P"),
                    QStringLiteral("--template"), QStringLiteral("team-launch") })
              .exitCode
          == 0);

    // --json, a chosen id, and the refusals.
    const nlohmann::json imported = cli.json({ QStringLiteral("template"), QStringLiteral("import"), file,
                                               QStringLiteral("--id"), QStringLiteral("ops-list") });
    CHECK(imported["template"]["id"] == "ops-list");
    CHECK(imported["template"]["items"] == 2);
    CHECK(imported["warnings"][1]["line"] == 5);
    CHECK(imported["skipped"]["tables"] == 1);
    const CliResult taken = cli.run({ QStringLiteral("template"), QStringLiteral("import"), file }, false);
    CHECK(taken.exitCode == 3);
    CHECK(taken.err.contains(
        QStringLiteral("a template with id \"team-launch\" already exists; choose another with --id")));
    const CliResult badId = cli.run({ QStringLiteral("template"), QStringLiteral("import"), file,
                                      QStringLiteral("--id"), QStringLiteral("Bad Id") },
                                    false);
    CHECK(badId.exitCode == 2);
    // Template ids and category ids are different namespaces: "ops" may name both.
    const nlohmann::json sameAsCategory = cli.json(
        { QStringLiteral("template"), QStringLiteral("import"), file, QStringLiteral("--id"), QStringLiteral("ops") });
    CHECK(sameAsCategory["template"]["id"] == "ops");
    const nlohmann::json ops = cli.json({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("ops") });
    CHECK(ops["id"] == "ops");
    CHECK(ops["categories"][0]["id"] == "ops");
    CHECK(templateFiles(cli)
          == QStringList(
              { QStringLiteral("ops-list.json"), QStringLiteral("ops.json"), QStringLiteral("team-launch.json") }));
}

TEST_CASE("template import refuses broken files with file and line, writing nothing", "[cli][import]")
{
    CliRunner cli;
    struct Case
    {
        QByteArray bytes;
        QString message;
    };
    const Case cases[] = {
        { QByteArray("- [ ] ok\n- [ ] x") + '\0',
          QStringLiteral(":2: binary file (NUL byte), not a Markdown checklist") },
        { "# Notes only\n\nProse.\n", QStringLiteral(":3: no checklist items found") },
        { "- [ ] caf\x81\n", QStringLiteral(":1: text cannot be decoded: byte 0x81 at column 10") },
    };
    for (const Case &c : cases) {
        const QString file = writeFile(cli, QStringLiteral("broken.md"), c.bytes);
        const CliResult result = cli.run({ QStringLiteral("template"), QStringLiteral("import"), file }, false);
        INFO(result.err.toStdString());
        CHECK(result.exitCode == 3);
        CHECK(result.err.contains(file + c.message));
    }
    const CliResult missing
        = cli.run({ QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("/nonexistent.md") }, false);
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains(QStringLiteral("/nonexistent.md: cannot read")));
    CHECK(templateFiles(cli).isEmpty());
}

TEST_CASE("project import turns ticks into item states on the recognised template", "[cli][import]")
{
    CliRunner cli;
    QByteArray filled = seed();
    filled.replace("- [ ] Test coverage > 80%", "- [x] Test coverage > 80%\n  - Owner: Ana");
    filled.replace("- [ ] HIPAA (if health data)", "- [-] HIPAA (if health data)\n  - Reason: no health data");
    filled.replace("|  |  |  |  |\n|  |  |  |  |", "| Vendor outage | 🟠 High | Second provider | Ops |");
    const QString file = writeFile(cli, QStringLiteral("filled.md"), filled);
    const nlohmann::json result = cli.json({ QStringLiteral("project"), QStringLiteral("import"), file,
                                             QStringLiteral("--name"), QStringLiteral("Shop") });
    CHECK(result["template"]["id"] == "appendix-a");
    CHECK(result["template_created"] == false);
    CHECK(result["items_set"] == 2);
    CHECK(result["risks_created"] == 1);
    CHECK(templateFiles(cli).isEmpty());
    // What the file's own template lacks is moot once Appendix A is used.
    for (const auto &warning : result["warnings"])
        CHECK(warning["message"].get<std::string>().find("does not define") == std::string::npos);

    const nlohmann::json status = cli.json({ QStringLiteral("status"), QStringLiteral("Shop") });
    CHECK(status["counts"]["done"] == 1);
    CHECK(status["counts"]["na"] == 1);
    const nlohmann::json history = cli.json({ QStringLiteral("history"), QStringLiteral("Shop") });
    CHECK(history.dump().find("no health data") != std::string::npos);
}

TEST_CASE("project import of an unknown checklist saves its template too", "[cli][import]")
{
    CliRunner cli;
    const QString file = writeFile(cli, QStringLiteral("team.md"), TeamChecklist);
    const nlohmann::json result = cli.json({ QStringLiteral("project"), QStringLiteral("import"), file,
                                             QStringLiteral("--name"), QStringLiteral("Launch") });
    CHECK(result["template"]["id"] == "team-launch");
    CHECK(result["template_created"] == true);
    CHECK(result["items_set"] == 1);
    CHECK(result["warnings"].dump().find("the file does not define sign-off roles, risk table columns, status values; "
                                         "using those of Appendix A")
          != std::string::npos);
    CHECK(templateFiles(cli) == QStringList { QStringLiteral("team-launch.json") });
    CHECK(result["warnings"].dump().find("the file does not define sign-off roles, risk table columns, status values; "
                                         "using those of Appendix A")
          != std::string::npos);
    const nlohmann::json status = cli.json({ QStringLiteral("status"), QStringLiteral("Launch") });
    CHECK(status["counts"]["done"] == 1);
    CHECK(status["counts"]["open"] == 1);
}

TEST_CASE("a failed project import changes neither the database nor the templates", "[cli][import]")
{
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Taken") }).exitCode == 0);
    const QByteArray before = cli.contentDigest();

    const QString team = writeFile(cli, QStringLiteral("team.md"), TeamChecklist);
    const CliResult taken = cli.run({ QStringLiteral("project"), QStringLiteral("import"), team,
                                      QStringLiteral("--name"), QStringLiteral("Taken") });
    CHECK(taken.exitCode == 3);
    CHECK(taken.err.contains(QStringLiteral("a project named \"Taken\" already exists")));

    QByteArray extra = seed();
    extra.replace("- [ ] Stateless design", "- [x] Stateless design\n- [x] Serverless design");
    const QString file = writeFile(cli, QStringLiteral("extra.md"), extra);
    const CliResult mismatch
        = cli.run({ QStringLiteral("project"), QStringLiteral("import"), file, QStringLiteral("--name"),
                    QStringLiteral("New"), QStringLiteral("--template"), QStringLiteral("appendix-a") });
    CHECK(mismatch.exitCode == 3);
    CHECK(
        mismatch.err.contains(file
                              + QStringLiteral(":224: item \"Serverless design\" (Scalability › Horizontal Scaling) is "
                                               "not in template \"appendix-a\"")));
    const CliResult unknown
        = cli.run({ QStringLiteral("project"), QStringLiteral("import"), file, QStringLiteral("--name"),
                    QStringLiteral("New"), QStringLiteral("--template"), QStringLiteral("nope") });
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("unknown template \"nope\"")));
    const CliResult noName = cli.run({ QStringLiteral("project"), QStringLiteral("import"), file });
    CHECK(noName.exitCode == 2);

    CHECK(cli.contentDigest() == before);
    CHECK(templateFiles(cli).isEmpty());
}

TEST_CASE("export as Markdown, import into another database, export again: the same report", "[cli][import]")
{
    CliRunner first;
    auto run = [](const CliRunner &cli, const QStringList &args) {
        const CliResult result = cli.run(args);
        INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << result.err.toStdString());
        REQUIRE(result.exitCode == 0);
    };
    run(first,
        { QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Shop"), QStringLiteral("--target-date"),
          QStringLiteral("2026-12-01"), QStringLiteral("--description"), QStringLiteral("Payments | *web*") });
    run(first,
        { QStringLiteral("item"), QStringLiteral("Shop"), QStringLiteral("testing.unit-tests.edge-cases-covered"),
          QStringLiteral("done"), QStringLiteral("--note"), QStringLiteral("# see `tests/` & <docs>"),
          QStringLiteral("--owner"), QStringLiteral("Ana") });
    run(first,
        { QStringLiteral("item"), QStringLiteral("Shop"), QStringLiteral("compliance.security-compliance.hipaa"),
          QStringLiteral("na"), QStringLiteral("--reason"), QStringLiteral("no health data\nat all") });
    const QString exported = QDir(first.dir()).filePath(QStringLiteral("shop.md"));
    run(first,
        { QStringLiteral("export"), QStringLiteral("Shop"), QStringLiteral("--format"), QStringLiteral("md"),
          QStringLiteral("-o"), exported });

    CliRunner second;
    const CliResult imported = second.run({ QStringLiteral("project"), QStringLiteral("import"), exported,
                                            QStringLiteral("--name"), QStringLiteral("Shop") });
    REQUIRE(imported.exitCode == 0);
    // A report without risks names no risk columns: moot on Appendix A, so not worth a warning.
    CHECK(imported.err.isEmpty());
    const QString again = QDir(second.dir()).filePath(QStringLiteral("again.md"));
    run(second,
        { QStringLiteral("export"), QStringLiteral("Shop"), QStringLiteral("--format"), QStringLiteral("md"),
          QStringLiteral("-o"), again });
    CHECK(templateFiles(second).isEmpty()); // recognised as Appendix A, nothing new saved

    // Only the footer differs: when it was generated and the head of each database's audit trail.
    auto body = [](const QString &path) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [](const QString &line) { return line.startsWith(QLatin1String("*Generated ")); }),
                    lines.end());
        return lines.join(QLatin1Char('\n')).toStdString();
    };
    const std::string original = body(exported);
    CHECK(original.find("~~HIPAA (if health data)~~ — N/A: no health data") != std::string::npos);
    CHECK(body(again) == original);
}
