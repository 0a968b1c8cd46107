// What a migrated review's reports show: answers flagged "wording changed — re-check" in the
// checklist and the action list, and the answers of removed items, in every format.

#include "cli/MigrationFixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

using preflight::test::answerApolloOn100;
using preflight::test::CliResult;
using preflight::test::CliRunner;
using preflight::test::installAppendix110;

namespace {

QString fileText(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), path, QStringLiteral("-") });
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    // Lines wrap where the page does: compare words, not line breaks.
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

void answeredReview(const CliRunner &cli)
{
    installAppendix110(cli);
    answerApolloOn100(cli, QStringLiteral("written in Go"));
}

void migrate(const CliRunner &cli)
{
    cli.json({ QStringLiteral("project"), QStringLiteral("migrate"), QStringLiteral("Apollo"), QStringLiteral("--to"),
               QStringLiteral("1.1.0"), QStringLiteral("--apply") });
}

void migratedReview(const CliRunner &cli)
{
    answeredReview(cli);
    migrate(cli);
}

// The review answered, then migrated in a later second (the trail's times are read back to the
// second); returns the start of the migration's second: before it the review was on 1.0.0.
QDateTime migratedInALaterSecond(const CliRunner &cli)
{
    answeredReview(cli);
    QThread::msleep(1100);
    migrate(cli);
    QDateTime migrated;
    const auto history = cli.json({ QStringLiteral("history"), QStringLiteral("Apollo") });
    for (const auto &entry : history["entries"]) {
        if (entry["what"] == "project:template" && entry["old"] != "")
            migrated = QDateTime::fromString(QString::fromStdString(entry["time"]), Qt::ISODate);
    }
    REQUIRE(migrated.isValid());
    return migrated;
}

// `export --format json -o -` of Apollo as it stood at `moment`.
nlohmann::json reportAt(const CliRunner &cli, const QDateTime &moment)
{
    const CliResult result = cli.run({ QStringLiteral("export"), QStringLiteral("Apollo"), QStringLiteral("--format"),
                                       QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-"),
                                       QStringLiteral("--at"), moment.toUTC().toString(Qt::ISODateWithMs) });
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return nlohmann::json::parse(result.out.toStdString());
}

QString exported(const CliRunner &cli, const char *format)
{
    const QString path = QDir(cli.dir()).filePath(QStringLiteral("report.") + QLatin1String(format));
    const CliResult result = cli.run({ QStringLiteral("export"), QStringLiteral("Apollo"), QStringLiteral("--format"),
                                       QLatin1String(format), QStringLiteral("-o"), path });
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return path;
}

} // namespace

TEST_CASE("reports show answers to re-check and answers of removed items", "[cli][export][migrate]")
{
    CliRunner cli;
    migratedReview(cli);

    const QString markdown = fileText(exported(cli, "md"));
    // In the action list, before the open items, and beside the item in the checklist.
    const qsizetype actions = markdown.indexOf(QStringLiteral("## Action list"));
    const qsizetype recheckAction = markdown.indexOf(QStringLiteral("**Wording changed — re-check** (1)"));
    CHECK(actions >= 0);
    CHECK(recheckAction > actions);
    CHECK(markdown.indexOf(QStringLiteral("Test coverage"), recheckAction) > recheckAction);
    CHECK(markdown.contains(QStringLiteral("- ⚠ Wording changed in 1.1.0 — re-check; answered as: “Test coverage")));
    CHECK(markdown.contains(QStringLiteral("### Answers of removed items")));
    // Escaped as any typed text: "1\.1.0" renders as 1.1.0.
    CHECK(markdown.contains(QStringLiteral("- code-quality.code-standards.no-print-statements (removed in 1\\.1.0): No "
                                           "print statements")));
    CHECK(markdown.contains(QStringLiteral("N/A; reason: written in Go")));
    // The re-identified item's answer moved to its new id: it is not listed as removed.
    CHECK_FALSE(markdown.contains(QStringLiteral("sql-injection-prevented")));

    const QString html = fileText(exported(cli, "html"));
    CHECK(html.contains(QStringLiteral("Wording changed — re-check (1)")));
    CHECK(html.contains(QStringLiteral("class=\"details recheck\"")));
    CHECK(html.contains(QStringLiteral("<h3>Answers of removed items</h3>")));
    CHECK(html.contains(QStringLiteral("written in Go")));

    const QString pdf = pdfText(exported(cli, "pdf"));
    CHECK(pdf.contains(QStringLiteral("Wording changed — re-check (1)")));
    CHECK(pdf.contains(QStringLiteral("RE-CHECK: Wording changed in 1.1.0 — re-check; answered as:")));
    CHECK(pdf.contains(QStringLiteral("Answers of removed items")));
    CHECK(pdf.contains(QStringLiteral("code-quality.code-standards.no-print-statements (removed in 1.1.0)")));
    CHECK(pdf.contains(QStringLiteral("N/A; reason: written in Go")));

    const auto json = nlohmann::json::parse(fileText(exported(cli, "json")).toStdString());
    REQUIRE(json["rechecks"].size() == 1);
    CHECK(json["rechecks"][0]["id"] == "testing.unit-tests.test-coverage-over-80-percent");
    CHECK(json["rechecks"][0]["old_text"] == "Test coverage > 80%");
    CHECK(json["rechecks"][0]["since_version"] == "1.1.0");
    int flagged = 0;
    for (const auto &entry : json["checklist"]) {
        if (!entry["recheck"].is_null()) {
            ++flagged;
            CHECK(entry["id"] == "testing.unit-tests.test-coverage-over-80-percent");
            CHECK(entry["recheck"]["old_text"] == "Test coverage > 80%");
        }
    }
    CHECK(flagged == 1);
    REQUIRE(json["removed_answers"].size() == 1);
    CHECK(json["removed_answers"][0]["id"] == "code-quality.code-standards.no-print-statements");
    CHECK(json["removed_answers"][0]["status"] == "na");
    CHECK(json["removed_answers"][0]["reason"] == "written in Go");
    CHECK(json["removed_answers"][0]["to_version"] == "1.1.0");

    // Once confirmed, the flag leaves every report; the removed answer stays listed.
    cli.json(
        { QStringLiteral("project"), QStringLiteral("confirm"), QStringLiteral("Apollo"), QStringLiteral("--all") });
    const QString confirmed = fileText(exported(cli, "md"));
    CHECK_FALSE(confirmed.contains(QStringLiteral("re-check")));
    CHECK(confirmed.contains(QStringLiteral("### Answers of removed items")));
}

TEST_CASE("a report as it stood is scored on the version of its day and lists the answers removed by then",
          "[cli][export][migrate]")
{
    CliRunner cli;
    const QDateTime migrated = migratedInALaterSecond(cli);
    const auto before = reportAt(cli, migrated.addMSecs(-1));
    CHECK(before["template"]["version"] == "1.0.0");
    CHECK(before["removed_answers"].empty());
    bool answered = false;
    for (const auto &entry : before["checklist"]) {
        if (entry["id"] == "code-quality.code-standards.no-print-statements")
            answered = entry["status"] == "na" && entry["reason"] == "written in Go";
    }
    CHECK(answered); // still an item of 1.0.0, answered

    const auto after = reportAt(cli, migrated.addMSecs(999));
    CHECK(after["template"]["version"] == "1.1.0");
    REQUIRE(after["removed_answers"].size() == 1);
    CHECK(after["removed_answers"][0]["id"] == "code-quality.code-standards.no-print-statements");
    CHECK(after["removed_answers"][0]["reason"] == "written in Go");
}

TEST_CASE("a diff over a migration scores each side on the version it was on", "[cli][diff][migrate]")
{
    CliRunner cli;
    const QDateTime migrated = migratedInALaterSecond(cli);
    const QDateTime before = migrated.addMSecs(-1);
    const auto diff = cli.json({ QStringLiteral("diff"), QStringLiteral("Apollo"), QStringLiteral("--since"),
                                 before.toUTC().toString(Qt::ISODateWithMs) });
    // The same scores as the reports of those moments, each on its own version.
    const auto then = reportAt(cli, before);
    const auto now = cli.json({ QStringLiteral("status"), QStringLiteral("Apollo") });
    REQUIRE(then["template"]["version"] == "1.0.0");
    CHECK(diff["score"]["before"] == then["score"]);
    CHECK(diff["score"]["after"] == now["score"]);
}
