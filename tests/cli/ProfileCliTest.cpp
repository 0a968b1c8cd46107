// Applicability profiles from the command line: create and set with --profile, unknown tags
// refused, status and export showing the profile, and answers surviving every switch.
#include "cli/CliRunner.h"
#include "model/Profile.h"
#include "templates/TemplateLoader.h"

using preflight::test::CliResult;
using preflight::test::CliRunner;

namespace {

const QString Project = QStringLiteral("Batch job");
const QString Llm = QStringLiteral("reliability.timeouts.llm-api-timeout-configured"); // tagged llm
const QString Probe = QStringLiteral("reliability.health-checks.liveness-probe-implemented"); // kubernetes

QString word(const char *text)
{
    return QString::fromUtf8(text);
}

QString word(const QString &text)
{
    return text;
}

// The command line as words, mixing literals and QStrings (QT_NO_CAST_FROM_ASCII rules out the
// implicit conversion).
template<typename... Words> QStringList args(const Words &...words)
{
    return QStringList { word(words)... };
}

} // namespace

TEST_CASE("project --profile round trip: create, set and clear, and the answers survive", "[cli][profile]")
{
    CliRunner cli;
    const nlohmann::json created = cli.json(args("project", "create", Project, "--profile", "python, kubernetes"));
    CHECK(created["project"]["profile"] == nlohmann::json::array({ "kubernetes", "python" }));
    CHECK(created["project"]["template"]["version"] == "1.0.1"); // the tagged Appendix A

    REQUIRE(cli.run(args("item", Project, Llm, "done", "--note", "20 s")).exitCode == 0);
    REQUIRE(cli.run(args("item", Project, Probe, "na", "--reason", "no cluster")).exitCode == 0);

    nlohmann::json status = cli.json(args("status", Project));
    CHECK(status["project"]["profile"] == nlohmann::json::array({ "kubernetes", "python" }));
    const int outside = status["counts"]["outside_profile"];
    CHECK(outside > 0);
    CHECK(std::find(status["outside_profile"].begin(), status["outside_profile"].end(), Llm.toStdString())
          != status["outside_profile"].end());
    const int doneWith = status["counts"]["done"];

    // Every item applies without a profile: the llm item's answer counts again, unchanged.
    REQUIRE(cli.run(args("project", "set", Project, "--profile", "all")).exitCode == 0);
    status = cli.json(args("status", Project));
    CHECK(status["project"]["profile"].is_null());
    CHECK(status["counts"]["outside_profile"] == 0);
    CHECK(status["outside_profile"].empty());
    CHECK(status["counts"]["done"] == doneWith + 1);

    // The empty profile leaves out every tagged item, the hand-made N/A among them.
    REQUIRE(cli.run(args("project", "set", Project, "--profile", "none")).exitCode == 0);
    status = cli.json(args("status", Project));
    CHECK(status["project"]["profile"] == nlohmann::json::array());
    CHECK(status["counts"]["outside_profile"] == 53);
    const CliResult text = cli.run(args("status", Project));
    CHECK(text.out.contains(QStringLiteral(
        "Profile     untagged items only (empty profile)  (53 items N/A: not in this project's profile)")));

    // Back to llm: the answer and its note come back as they were.
    REQUIRE(cli.run(args("project", "set", Project, "--profile", "llm")).exitCode == 0);
    const CliResult exported = cli.run(args("export", Project, "--format", "json", "-o", "-"));
    REQUIRE(exported.exitCode == 0);
    const nlohmann::json report = nlohmann::json::parse(exported.out.toStdString());
    for (const nlohmann::json &row : report["checklist"]) {
        if (row["id"] == Llm.toStdString()) {
            CHECK(row["status"] == "done");
            CHECK(row["note"] == "20 s");
            CHECK(row["outside_profile"] == false);
            CHECK(row["tags"] == nlohmann::json::array({ "llm" }));
        }
        if (row["id"] == Probe.toStdString()) {
            // Left out by the profile: shown as that N/A, not as the hand-made one.
            CHECK(row["status"] == "na");
            CHECK(row["reason"] == "not in this project's profile");
            CHECK(row["outside_profile"] == true);
        }
    }
    const CliResult markdown = cli.run(args("export", Project, "--format", "md", "-o", "-"));
    CHECK(markdown.out.contains(QStringLiteral("| Profile | llm |")));
    CHECK(markdown.out.contains(QStringLiteral("N/A: not in this project's profile")));

    // The audit trail has every switch.
    const CliResult history = cli.run(args("history", Project));
    CHECK(history.out.count(QStringLiteral("profile")) >= 4);
}

TEST_CASE("project --profile refuses tags the template does not carry", "[cli][profile]")
{
    CliRunner cli;
    const CliResult unknown = cli.run(args("project", "create", "Go service", "--profile", "llm,golang"));
    CHECK(unknown.exitCode != 0);
    CHECK(unknown.err.contains(QStringLiteral("has no tag \"golang\"")));
    CHECK(unknown.err.contains(QStringLiteral("(its tags: containers, health-data, kubernetes, llm, payments, pii, "
                                              "python, redis)")));
    CHECK(cli.run(args("project", "create", "Go service", "--profile", "llm,,")).exitCode != 0);
    CHECK(cli.json(args("projects"))["projects"].empty());

    // template show lists each item's tags and the tags a profile takes.
    const CliResult show = cli.run(args("template", "show", "appendix-a"), false);
    CHECK(show.out.contains(QStringLiteral("reliability.timeouts.llm-api-timeout-configured  LLM API timeout "
                                           "configured  [llm]")));
    CHECK(show.out.contains(QStringLiteral("Profile tags: containers, health-data, kubernetes")));
    const nlohmann::json shown = cli.json(args("template", "show", "appendix-a"));
    CHECK(shown["schema"] == "preflight.template/1");
    CHECK(shown["version"] == "1.0.1");
    // The shown document loads as a template again, tags included.
    const preflight::Template loaded
        = preflight::parseTemplate(QByteArray::fromStdString(shown.dump()), QStringLiteral("template show"));
    CHECK(preflight::templateTags(loaded).size() == 8);
    CHECK(loaded.findItem(Llm)->tags == QStringList { QStringLiteral("llm") });
    // The old version stays installed, untagged, for the projects that follow it.
    const CliResult old = cli.run(args("template", "show", "appendix-a", "--version", "1.0.0"), false);
    CHECK(old.out.contains(QStringLiteral("Profile tags: none (every item applies)")));
}
