// portfolio, diff, compare and export --at, run as commands on real database files.
#include "CliRunner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QThread>

using namespace preflight::test;

namespace {

const QString Item = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");
const QString Other = QStringLiteral("code-quality.code-standards.type-hints-on-all-function-signatures");

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list << QString::fromUtf8(word);
    return list;
}

void must(const CliRunner &cli, const QStringList &arguments)
{
    const CliResult result = cli.run(arguments);
    INFO("preflight " << arguments.join(QLatin1Char(' ')).toStdString() << "\n" << result.err.toStdString());
    REQUIRE(result.exitCode == 0);
}

// A moment strictly between the rows written before and after it (rows carry millisecond times).
QString moment()
{
    QThread::msleep(5);
    const QString text = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QThread::msleep(5);
    return text;
}

QString toolOutput(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString fileText(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST_CASE("portfolio lists every project, as a table, JSON and report files", "[cli][portfolio]")
{
    CliRunner cli;
    must(cli, args({ "project", "create", "Payments", "--target-date", "2099-01-01" }));
    must(cli, args({ "project", "create", "Old launch" }));
    must(cli, args({ "project", "archive", "Old launch" }));
    must(cli, { QStringLiteral("item"), QStringLiteral("Payments"), Item, QStringLiteral("done") });

    const auto document = cli.json(args({ "portfolio" }));
    CHECK(document["schema"] == "preflight.portfolio/1");
    REQUIRE(document["projects"].size() == 1); // archived ones only with --archived
    const auto &row = document["projects"][0];
    CHECK(row["project"] == "Payments");
    CHECK(row["verdict"] == "not-ready");
    CHECK(row["last_actor"] == "tester");
    CHECK(row["days_left"].get<int>() > 0);
    CHECK(row["categories"][0]["heat"] == "at-risk");
    CHECK(row["signoffs"]["needed"].get<int>() > 0);
    CHECK(cli.json(args({ "portfolio", "--archived" }))["projects"].size() == 2);

    const CliResult table = cli.run(args({ "portfolio", "--archived" }));
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("Old launch (archived)")));
    CHECK(table.out.contains(QStringLiteral("by tester")));

    const QString dir = cli.dir();
    for (const char *format : { "md", "html", "csv", "json", "pdf" }) {
        const QString path = dir + QStringLiteral("/portfolio.") + QLatin1String(format);
        must(cli,
             { QStringLiteral("portfolio"), QStringLiteral("--format"), QLatin1String(format), QStringLiteral("-o"),
               path });
        CHECK(QFile::exists(path));
    }
    CHECK(fileText(dir + QStringLiteral("/portfolio.md")).contains(QStringLiteral("| Payments |")));
    CHECK(fileText(dir + QStringLiteral("/portfolio.html")).contains(QStringLiteral("class=\"num at-risk\"")));
    CHECK(fileText(dir + QStringLiteral("/portfolio.csv")).startsWith(QStringLiteral("project,template,archived")));
    toolOutput(QStringLiteral("qpdf"), { QStringLiteral("--check"), dir + QStringLiteral("/portfolio.pdf") });
    const QString pdfText
        = toolOutput(QStringLiteral("pdftotext"), { dir + QStringLiteral("/portfolio.pdf"), QStringLiteral("-") });
    CHECK(pdfText.contains(QStringLiteral("Payments")));
    CHECK(pdfText.contains(QStringLiteral("Code Quality")));

    const CliResult junit = cli.run(args({ "portfolio", "--format", "junit", "-o", "x.xml" }));
    CHECK(junit.exitCode == 2);
    const CliResult half = cli.run(args({ "portfolio", "--format", "md" }));
    CHECK(half.exitCode == 2);
    CHECK(half.err.contains(QStringLiteral("-o")));
}

TEST_CASE("diff replays what changed between two moments", "[cli][diff]")
{
    CliRunner cli;
    must(cli, args({ "project", "create", "Payments" }));
    must(cli, args({ "signoff", "Payments", "--role", "Engineering Lead", "--name", "Lee", "--decision", "approve" }));
    const QString meeting = moment();
    must(cli,
         { QStringLiteral("item"), QStringLiteral("Payments"), Item, QStringLiteral("done"),
           QStringLiteral("--evidence"), QStringLiteral("https://ci/1") });
    must(cli, args({ "risk", "add", "Payments", "--title", "Latency", "--severity", "high" }));
    const QString later = moment();
    must(cli, { QStringLiteral("item"), QStringLiteral("Payments"), Other, QStringLiteral("done") });

    const auto diff = cli.json({ QStringLiteral("diff"), QStringLiteral("Payments"), QStringLiteral("--since"), meeting,
                                 QStringLiteral("--until"), later });
    CHECK(diff["schema"] == "preflight.diff/1");
    CHECK(diff["project"] == "Payments");
    REQUIRE(diff["items"].size() == 1); // the second item was ticked after --until
    CHECK(diff["items"][0]["id"] == Item.toStdString());
    CHECK(diff["items"][0]["status"]["after"] == "done");
    CHECK(diff["items"][0]["evidence"]["after"] == "https://ci/1");
    CHECK(diff["items"][0]["changed_by"] == "tester");
    REQUIRE(diff["risks"].size() == 1);
    CHECK(diff["risks"][0]["change"] == "opened");
    REQUIRE(diff["signoffs"].size() == 1);
    CHECK(diff["signoffs"][0]["change"] == "stale");
    CHECK(diff["categories"][0]["delta"].get<double>() > 0);

    // --from/--to are the same options; to now by default.
    const auto synonyms = cli.json({ QStringLiteral("diff"), QStringLiteral("Payments"), QStringLiteral("--from"),
                                     meeting, QStringLiteral("--to"), later });
    CHECK(synonyms["items"] == diff["items"]);
    CHECK(cli.json({ QStringLiteral("diff"), QStringLiteral("Payments"), QStringLiteral("--since"), meeting })["items"]
              .size()
          == 2);

    const CliResult text = cli.run({ QStringLiteral("diff"), QStringLiteral("Payments"), QStringLiteral("--since"),
                                     QDate::currentDate().toString(Qt::ISODate) });
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("open -> done")));
    CHECK(text.out.contains(QStringLiteral("Engineering Lead")));

    const auto fails = [&](const QStringList &arguments, const char *message) {
        const CliResult result = cli.run(arguments);
        CHECK(result.exitCode == 2);
        INFO(result.err.toStdString());
        CHECK(result.err.contains(QLatin1String(message)));
    };
    fails(args({ "diff", "Payments" }), "--since");
    fails(args({ "diff", "Payments", "--since", "2026-02-30" }), "not a valid date");
    fails(args({ "diff", "Payments", "--since", "yesterday" }), "ISO 8601");
    fails(args({ "diff", "Payments", "--since", "2026-01-02", "--until", "2026-01-01" }), "before");
    fails(args({ "diff", "Payments", "--since", "2026-01-02", "--from", "2026-01-01" }), "same option");
}

TEST_CASE("compare needs two reviews of one template", "[cli][diff]")
{
    CliRunner cli;
    must(cli, args({ "project", "create", "Launch 1" }));
    must(cli, { QStringLiteral("item"), QStringLiteral("Launch 1"), Item, QStringLiteral("done") });
    must(cli, args({ "risk", "add", "Launch 1", "--title", "Latency", "--severity", "high" }));
    must(cli, args({ "project", "create", "Launch 2" }));
    must(cli, args({ "risk", "add", "Launch 2", "--title", "latency", "--severity", "high", "--status", "mitigated" }));

    const auto compare = cli.json(args({ "compare", "Launch 1", "Launch 2" }));
    CHECK(compare["schema"] == "preflight.compare/1");
    CHECK(compare["before"]["project"] == "Launch 1");
    REQUIRE(compare["items"].size() == 1);
    CHECK(compare["items"][0]["status"]["before"] == "done");
    REQUIRE(compare["risks"].size() == 1); // paired by title across the two reviews
    CHECK(compare["risks"][0]["change"] == "mitigated");

    // A review on another template cannot be compared.
    QFile fixture(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/valid-minimal.json"));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    const QString dir = cli.dir() + QStringLiteral("/data/preflight/templates");
    REQUIRE(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/valid-minimal.json"));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(fixture.readAll());
    file.close();
    const QString otherId = QString::fromStdString(
        nlohmann::json::parse(fileText(file.fileName()).toStdString())["id"].get<std::string>());
    must(cli,
         { QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Other"), QStringLiteral("--template"),
           otherId });
    const CliResult refused = cli.run(args({ "compare", "Launch 1", "Other" }));
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("one template")));
}

TEST_CASE("export --at writes the report as it stood, with that moment's audit head", "[cli][export][diff]")
{
    CliRunner cli;
    must(cli, args({ "project", "create", "Payments" }));
    must(cli,
         { QStringLiteral("item"), QStringLiteral("Payments"), Item, QStringLiteral("done"), QStringLiteral("--note"),
           QStringLiteral("first pass") });
    const QString headThen
        = QString::fromStdString(cli.json(args({ "history", "Payments" }))["entries"].back()["hash"]);
    const QString signedAt = moment();
    const QString dir = cli.dir();
    must(cli,
         { QStringLiteral("export"), QStringLiteral("Payments"), QStringLiteral("--format"), QStringLiteral("json"),
           QStringLiteral("-o"), dir + QStringLiteral("/then.json") });
    must(cli,
         { QStringLiteral("item"), QStringLiteral("Payments"), Other, QStringLiteral("done"), QStringLiteral("--note"),
           QStringLiteral("later work") });

    must(cli,
         { QStringLiteral("export"), QStringLiteral("Payments"), QStringLiteral("--format"), QStringLiteral("json"),
           QStringLiteral("-o"), dir + QStringLiteral("/replayed.json"), QStringLiteral("--at"), signedAt });
    auto then = nlohmann::json::parse(fileText(dir + QStringLiteral("/then.json")).toStdString());
    auto replayed = nlohmann::json::parse(fileText(dir + QStringLiteral("/replayed.json")).toStdString());
    CHECK(replayed.dump().find("later work") == std::string::npos);
    CHECK(replayed.dump().find("first pass") != std::string::npos);
    // The report as printed then, but for the time of generation.
    for (auto *document : { &then, &replayed })
        (*document)["report"].erase("generated_at");
    CHECK(replayed == then);
    CHECK(fileText(dir + QStringLiteral("/replayed.json")).contains(headThen));

    must(cli,
         { QStringLiteral("export"), QStringLiteral("Payments"), QStringLiteral("--format"), QStringLiteral("pdf"),
           QStringLiteral("-o"), dir + QStringLiteral("/replayed.pdf"), QStringLiteral("--at"), signedAt });
    const QString pdf
        = toolOutput(QStringLiteral("pdftotext"), { dir + QStringLiteral("/replayed.pdf"), QStringLiteral("-") });
    CHECK(pdf.contains(headThen.left(16)));

    const CliResult early = cli.run(args({ "export", "Payments", "--format", "md", "-o", "-", "--at", "2001-01-01" }));
    CHECK(early.exitCode == 3);
    CHECK(early.err.contains(QStringLiteral("did not exist yet")));
}
