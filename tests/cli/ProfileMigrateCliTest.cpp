// project migrate to a version whose items no longer carry some of the project's profile tags
// (tests/data/templates/tagged-*.json): the plan names them, --apply keeps them.
#include "cli/CliRunner.h"

#include <QDir>
#include <QFile>

using preflight::test::CliResult;
using preflight::test::CliRunner;

TEST_CASE("project migrate names the profile tags the new version lacks and keeps them", "[cli][migrate][profile]")
{
    CliRunner cli;
    const QString dir = cli.dir() + QStringLiteral("/data/preflight/templates");
    REQUIRE(QDir().mkpath(dir));
    for (const char *version : { "1.0.0", "1.1.0" }) {
        const QString name = QStringLiteral("tagged-%1.json").arg(QString::fromLatin1(version));
        REQUIRE(QFile::copy(QStringLiteral(PREFLIGHT_TEST_DATA_DIR "/templates/") + name, dir + u'/' + name));
    }
    for (const char *name : { "Agent", "Plain" }) {
        QStringList create { QStringLiteral("project"),    QStringLiteral("create"), QString::fromLatin1(name),
                             QStringLiteral("--template"), QStringLiteral("tagged"), QStringLiteral("--version"),
                             QStringLiteral("1.0.0") };
        if (QLatin1String(name) == QLatin1String("Agent"))
            create << QStringLiteral("--profile") << QStringLiteral("kubernetes,llm,python");
        cli.json(create);
    }
    const auto migrate = [](const char *name) {
        return QStringList { QStringLiteral("project"), QStringLiteral("migrate"), QString::fromLatin1(name),
                             QStringLiteral("--to"), QStringLiteral("1.1.0") };
    };

    const nlohmann::json plan = cli.json(migrate("Agent"));
    CHECK(plan["profile_tags_gone"] == nlohmann::json::array({ "llm", "python" }));
    const CliResult text = cli.run(migrate("Agent"));
    CHECK(text.out.contains(QStringLiteral("  2 profile tags no item of 1.1.0 carries stay in the profile, where "
                                           "they leave nothing in or out (project set --profile removes them)\n"
                                           "    llm, python\n")));
    // Nothing to say without a profile: the line is left out, the key is an empty list.
    CHECK(cli.json(migrate("Plain"))["profile_tags_gone"].empty());
    CHECK_FALSE(cli.run(migrate("Plain")).out.contains(QStringLiteral("profile tags")));

    cli.json(migrate("Agent") << QStringLiteral("--apply"));
    const nlohmann::json status = cli.json({ QStringLiteral("status"), QStringLiteral("Agent") });
    CHECK(status["template"]["version"] == "1.1.0");
    CHECK(status["project"]["profile"] == nlohmann::json::array({ "kubernetes", "llm", "python" }));
    // ops.run.python-pinned is tagged go in 1.1.0, which the profile does not hold.
    CHECK(status["outside_profile"] == nlohmann::json::array({ "ops.run.python-pinned" }));
}
