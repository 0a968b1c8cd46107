// Every refused command names what was wrong, exits 2 (usage) or 3 (data), and leaves the
// database exactly as it was.
#include "cli/CliRunner.h"

#include <QFile>

using namespace preflight::test;

namespace {

const QString Project = QStringLiteral("Apollo");
const QString Leaf = QStringLiteral("code-quality.code-standards.comprehensive-docstrings");

struct Refusal
{
    const char *name;
    QStringList args;
    int exitCode;
    QString message;
};

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("refused commands exit 2 or 3, name the problem and change nothing", "[cli][errors]")
{
    CliRunner cli;
    REQUIRE(cli.run(words("project create Apollo")).exitCode == 0);
    REQUIRE(cli.run(words("project create Zeus")).exitCode == 0);
    REQUIRE(cli.run(QStringList { QStringLiteral("item"), Project, Leaf, QStringLiteral("done") }).exitCode == 0);
    REQUIRE(cli.run(words("risk add Apollo --title Outage --severity high")).exitCode == 0);

    const std::vector<Refusal> refusals {
        { "unknown item", words("item Apollo code-quality.nope done"), 3,
          QStringLiteral("unknown item \"code-quality.nope\" in template appendix-a 1.0.1") },
        { "one bad id in a batch",
          QStringList { QStringLiteral("item"), Project, Leaf, QStringLiteral("bogus"), QStringLiteral("open") }, 3,
          QStringLiteral("unknown item \"bogus\"") },
        { "unknown project", words("status Hermes"), 3, QStringLiteral("unknown project \"Hermes\"") },
        { "unknown project for an edit",
          QStringList { QStringLiteral("item"), QStringLiteral("Hermes"), Leaf, QStringLiteral("done") }, 3,
          QStringLiteral("unknown project \"Hermes\"") },
        { "N/A without a reason", QStringList { QStringLiteral("item"), Project, Leaf, QStringLiteral("na") }, 2,
          QStringLiteral("item \"%1\": N/A needs a reason (--reason TEXT)").arg(Leaf) },
        { "N/A with a blank reason",
          QStringList { QStringLiteral("item"), Project, Leaf, QStringLiteral("na"), QStringLiteral("--reason"),
                        QStringLiteral(" ") },
          2, QStringLiteral("N/A needs a reason") },
        { "impossible date", words("project create Hermes --target-date 2026-02-30"), 2,
          QStringLiteral("--target-date: \"2026-02-30\" is not a valid date (YYYY-MM-DD)") },
        { "date in another format", words("project set Apollo --target-date 15/01/2027"), 2,
          QStringLiteral("\"15/01/2027\" is not a valid date") },
        { "bad acceptance date", words("risk set Apollo 1 --status accepted --accepted-until 2026-13-01"), 2,
          QStringLiteral("--accepted-until: \"2026-13-01\" is not a valid date") },
        { "unknown role", words("signoff Apollo --role CEO --name Kim --decision approve"), 2,
          QStringLiteral("--role: unknown role \"CEO\" for template appendix-a (roles: Engineering Lead, DevOps Lead, "
                         "Security Lead, Product Manager)") },
        { "unknown decision",
          QStringList { QStringLiteral("signoff"), Project, QStringLiteral("--role"), QStringLiteral("DevOps Lead"),
                        QStringLiteral("--name"), QStringLiteral("Kim"), QStringLiteral("--decision"),
                        QStringLiteral("maybe") },
          2, QStringLiteral("--decision: unknown value \"maybe\" (one of approve|approve-with-risks|reject)") },
        { "computed summary item", words("item Apollo executive-summary.all-critical-items-completed done"), 2,
          QStringLiteral("summary item \"executive-summary.all-critical-items-completed\" is computed from the review "
                         "(all-critical-done) and cannot be set by hand") },
        { "parent item",
          words("item Apollo monitoring-and-alerting.alert-configuration.critical-alerts-configured done"), 2,
          QStringLiteral("has sub-items and its status follows them") },
        { "unknown status", QStringList { QStringLiteral("item"), Project, Leaf, QStringLiteral("finished") }, 2,
          QStringLiteral("unknown status \"finished\" (one of done|open|na)") },
        { "unknown severity", words("risk add Apollo --title Leak --severity urgent"), 2,
          QStringLiteral("--severity: unknown value \"urgent\" (one of low|medium|high|critical)") },
        { "missing --title", words("risk add Apollo --severity low"), 2, QStringLiteral("--title is required") },
        { "unknown risk", words("risk set Apollo 42 --status closed"), 3,
          QStringLiteral("project \"Apollo\" has no risk 42") },
        { "risk set without changes", words("risk set Apollo 1"), 2, QStringLiteral("nothing to change") },
        { "unlinkable item", words("risk add Apollo --title Leak --severity low --link nowhere"), 3,
          QStringLiteral("--link: unknown item \"nowhere\"") },
        { "duplicate project", words("project create Zeus"), 3,
          QStringLiteral("a project named \"Zeus\" already exists") },
        { "rename onto another project", words("project rename Apollo Zeus"), 3,
          QStringLiteral("a project named \"Zeus\" already exists") },
        { "delete without --yes", words("project delete Zeus"), 2, QStringLiteral("add --yes to confirm") },
        { "unknown template", words("project create Hermes --template nasa"), 3,
          QStringLiteral("unknown template \"nasa\"") },
        { "unknown command", words("deploy Apollo"), 2, QStringLiteral("unknown command \"deploy\"") },
        { "unknown subcommand", words("risk drop Apollo"), 2,
          QStringLiteral("unknown command \"risk drop\" (one of:") },
        { "unknown option", words("status Apollo --verbose"), 2, QStringLiteral("Unknown option 'verbose'") },
        { "missing argument", words("status"), 2, QStringLiteral("missing arguments for status") },
        { "bad --min", words("check Apollo --min perfect"), 2, QStringLiteral("--min: unknown value \"perfect\"") },
    };

    const QByteArray before = cli.contentDigest();
    const std::string historyBefore = cli.json(words("history Apollo")).dump();
    for (const Refusal &refusal : refusals) {
        INFO(refusal.name << ": preflight " << refusal.args.join(QLatin1Char(' ')).toStdString());
        const CliResult result = cli.run(refusal.args);
        INFO("stderr: " << result.err.toStdString());
        CHECK(result.exitCode == refusal.exitCode);
        CHECK(result.err.contains(refusal.message));
        CHECK(result.err.startsWith(QStringLiteral("preflight: ")));
        CHECK(result.out.isEmpty());
        CHECK(cli.contentDigest() == before);
    }
    CHECK(cli.json(words("history Apollo")).dump() == historyBefore);
}

TEST_CASE("read commands never create a database at a wrong path", "[cli][errors]")
{
    CliRunner cli;
    const CliResult result = cli.run(words("status Apollo"));
    CHECK(result.exitCode == 3);
    CHECK(result.err.contains(QStringLiteral("no database at %1").arg(cli.dbPath())));
    CHECK_FALSE(QFile::exists(cli.dbPath()));

    const CliResult listed = cli.run(words("projects"));
    CHECK(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("No projects in")));
    CHECK_FALSE(QFile::exists(cli.dbPath()));
}

TEST_CASE("help, version and per-command usage", "[cli][help]")
{
    CliRunner cli;
    const CliResult help = cli.run(words("--help"), false);
    CHECK(help.exitCode == 0);
    for (const char *command : { "project create NAME", "item PROJECT ITEM_ID", "risk add PROJECT", "signoff PROJECT",
                                 "check PROJECT", "verify", "template show ID", "history PROJECT" })
        CHECK(help.out.contains(QString::fromLatin1(command)));
    CHECK(help.out.contains(
        QStringLiteral("Exit codes: 0 success, 1 check or verification not met, 2 usage error, 3 data error")));

    const CliResult usage = cli.run(words("risk add --help"), false);
    CHECK(usage.exitCode == 0);
    CHECK(usage.out.contains(QStringLiteral("usage: preflight risk add PROJECT --title TEXT")));
    CHECK(usage.out.contains(QStringLiteral("--accepted-until YYYY-MM-DD")));

    const CliResult version = cli.run(words("--version"), false);
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(QStringLiteral("preflight ")));
}

TEST_CASE("without --db and --actor the per-user database and the user name are used", "[cli][e2e]")
{
    CliRunner cli;
    cli.setEnvironment(QStringLiteral("USER"), QStringLiteral("pat"));
    const CliResult created = cli.spawn(words("project create Apollo"), false);
    REQUIRE(created.exitCode == 0);
    CHECK(QFile::exists(cli.dir() + QStringLiteral("/data/preflight/preflight.db")));
    CHECK_FALSE(QFile::exists(cli.dbPath()));
    const CliResult history = cli.spawn(words("history Apollo --json"), false);
    REQUIRE(history.exitCode == 0);
    const nlohmann::json entries = nlohmann::json::parse(history.out.toStdString())["entries"];
    REQUIRE_FALSE(entries.empty());
    CHECK(entries[0]["actor"] == "pat");
}
