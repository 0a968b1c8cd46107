// The real binary: global options may stand before the command: "preflight --db X projects" runs the command,
// while "preflight --db X" alone still opens the window.
#include "cli/CliRunner.h"

using namespace preflight::test;

TEST_CASE("global options before the command run the command", "[cli][e2e]")
{
    CliRunner cli;
    const CliResult created
        = cli.spawn({ QStringLiteral("--db"), cli.dbPath(), QStringLiteral("--actor"), QStringLiteral("tester"),
                      QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("Apollo") },
                    false);
    INFO(created.err.toStdString());
    REQUIRE(created.exitCode == 0);

    const CliResult listed = cli.spawn(
        { QStringLiteral("--json"), QStringLiteral("--db=") + cli.dbPath(), QStringLiteral("projects") }, false);
    INFO(listed.err.toStdString());
    REQUIRE(listed.exitCode == 0);
    CHECK(nlohmann::json::parse(listed.out.toStdString()).dump().find("\"Apollo\"") != std::string::npos);
}

TEST_CASE("a database option without a command opens the window", "[cli][e2e]")
{
    CliRunner cli;
    cli.setEnvironment(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // --exit-when-shown is the window's own (hidden) option: the command line would refuse it.
    const CliResult result
        = cli.spawn({ QStringLiteral("--db"), cli.dbPath(), QStringLiteral("--exit-when-shown") }, false);
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    CHECK(result.out.isEmpty());
    CHECK_FALSE(result.err.contains(QStringLiteral("unknown command")));
}
