// The command line as a library: commands run in this process through preflight::cli::execute
// print, fail and exit exactly as the binary does.
#include "cli/CliRunner.h"

using namespace preflight::test;

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("in-process commands print, fail and exit like the binary", "[cli][library]")
{
    CliRunner cli;
    REQUIRE(cli.run(words("project create Apollo --target-date 2027-01-15")).exitCode == 0);
    REQUIRE(cli.run(words("risk add Apollo --title Outage --severity high --owner Ops")).exitCode == 0);
    for (const char *command :
         { "projects", "status Apollo", "status Apollo --json", "risks Apollo --json", "check Apollo", "status Nowhere",
           "risk set Apollo 1", "--help", "risk add --help", "export Apollo --format csv -o -" }) {
        INFO("preflight " << command);
        const CliResult inProcess = cli.run(words(command));
        const CliResult spawned = cli.spawn(words(command));
        CHECK(inProcess.exitCode == spawned.exitCode);
        CHECK(inProcess.out == spawned.out);
        CHECK(inProcess.err == spawned.err);
    }
}

TEST_CASE("in-process runs keep stdout, stderr and exit codes apart, one run after another", "[cli][library]")
{
    CliRunner cli;
    const CliResult created = cli.run(words("project create Apollo"));
    CHECK(created.exitCode == 0);
    CHECK(created.out.startsWith(QStringLiteral("Created project \"Apollo\"")));
    CHECK(created.err.isEmpty());

    const CliResult refused = cli.run(words("project create Apollo"));
    CHECK(refused.exitCode == 3);
    CHECK(refused.out.isEmpty());
    CHECK(refused.err
          == QStringLiteral("preflight: a project named \"Apollo\" already exists in %1\n").arg(cli.dbPath()));

    const CliResult usage = cli.run(words("risk add Apollo --severity low"));
    CHECK(usage.exitCode == 2);
    CHECK(usage.err.startsWith(QStringLiteral("preflight: --title is required\nusage: preflight risk add PROJECT")));

    const CliResult gate = cli.run(words("check Apollo"));
    CHECK(gate.exitCode == 1);
    CHECK(gate.out.startsWith(QStringLiteral("Apollo: not met")));
    CHECK(gate.err.isEmpty());

    // Global options may come first here too; the library reorders them as the binary does.
    const CliResult listed = cli.run(
        { QStringLiteral("--db"), cli.dbPath(), QStringLiteral("--json"), QStringLiteral("projects") }, false);
    REQUIRE(listed.exitCode == 0);
    CHECK(nlohmann::json::parse(listed.out.toStdString())["projects"][0]["name"] == "Apollo");
}
