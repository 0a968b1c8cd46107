// The whole review, driven command by command the way a CI job or a release manager would.
#include "cli/CliRunner.h"

using namespace preflight::test;
using nlohmann::json;

namespace {

const QString Project = QStringLiteral("Apollo");

void collectLeaves(const json &items, QStringList &ids)
{
    for (const json &item : items) {
        if (item.contains("children") && !item["children"].empty())
            collectLeaves(item["children"], ids);
        else
            ids << QString::fromStdString(item["id"].get<std::string>());
    }
}

// Leaf item ids of the categories whose severity is in `severities`: parents follow their children.
QStringList leafIds(const json &tmpl, const std::vector<std::string> &severities)
{
    QStringList ids;
    for (const json &category : tmpl["categories"]) {
        if (std::find(severities.begin(), severities.end(), category["severity"]) == severities.end())
            continue;
        for (const json &section : category["sections"])
            collectLeaves(section["items"], ids);
    }
    return ids;
}

QStringList manualSummaryIds(const json &tmpl)
{
    QStringList ids;
    for (const json &group : tmpl["summary"]) {
        for (const json &item : group["items"]) {
            if (item["rule"] == "manual")
                ids << QString::fromStdString(item["id"].get<std::string>());
        }
    }
    return ids;
}

void tick(const CliRunner &cli, const QStringList &ids, const QString &status = QStringLiteral("done"))
{
    const CliResult result = cli.run(QStringList { QStringLiteral("item"), Project } + ids + QStringList { status });
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
}

CliResult check(const CliRunner &cli, const QStringList &options = {})
{
    return cli.run(QStringList { QStringLiteral("check"), Project } + options);
}

} // namespace

TEST_CASE("a review from creation to a passing CI gate", "[cli][review]")
{
    CliRunner cli;
    const CliResult created
        = cli.run({ QStringLiteral("project"), QStringLiteral("create"), Project, QStringLiteral("--target-date"),
                    QStringLiteral("2027-01-15"), QStringLiteral("--description"), QStringLiteral("Agent platform") });
    REQUIRE(created.exitCode == 0);
    CHECK(created.out.contains(QStringLiteral("Created project \"Apollo\" (template appendix-a 1.0.1, 264 items)")));

    const json tmpl = cli.json({ QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("appendix-a") });
    const QStringList critical = leafIds(tmpl, { "critical" });
    const QStringList rest = leafIds(tmpl, { "high", "medium", "low" });
    REQUIRE(critical.size() > 100);

    CliResult gate = check(cli);
    CHECK(gate.exitCode == 1);
    CHECK(gate.out.contains(QStringLiteral("Apollo: not met")));
    CHECK(gate.out.contains(QStringLiteral("critical items open")));

    tick(cli, critical);
    json status = cli.json({ QStringLiteral("status"), Project });
    CHECK(status["schema"] == "preflight.status/1");
    CHECK(status["verdict"] == "ready-with-risks");
    CHECK(status["counts"]["open"].get<int>() > 0);
    CHECK(status["by_severity"]["critical"]["open"] == 0);

    // A high risk blocks even the lenient gate until it is mitigated.
    const json risk = cli.json({ QStringLiteral("risk"), QStringLiteral("add"), Project, QStringLiteral("--title"),
                                 QStringLiteral("API cost spikes"), QStringLiteral("--severity"),
                                 QStringLiteral("high"), QStringLiteral("--owner"), QStringLiteral("DevOps") });
    const QString riskId = QString::number(risk["risk"]["id"].get<qint64>());
    const QStringList lenient { QStringLiteral("--min"), QStringLiteral("ready-with-risks"),
                                QStringLiteral("--allow-unsigned") };
    gate = check(cli, lenient);
    CHECK(gate.exitCode == 1);
    CHECK(gate.out.contains(QStringLiteral("1 high/critical risk open")));

    REQUIRE(cli.run({ QStringLiteral("risk"), QStringLiteral("set"), Project, riskId, QStringLiteral("--status"),
                      QStringLiteral("mitigated"), QStringLiteral("--mitigation"), QStringLiteral("Budget alerts") })
                .exitCode
            == 0);
    CHECK(check(cli, lenient).exitCode == 0);
    CHECK(check(cli).exitCode == 1); // still only Ready with Risks

    tick(cli, rest);
    tick(cli, manualSummaryIds(tmpl));
    status = cli.json({ QStringLiteral("status"), Project });
    CHECK(status["verdict"] == "ready");
    CHECK(status["score"] == 100.0);
    CHECK(status["actions"].empty());
    gate = check(cli);
    CHECK(gate.exitCode == 1);
    CHECK(gate.out.contains(QStringLiteral("not signed off: Engineering Lead missing")));
    CHECK(check(cli, { QStringLiteral("--allow-unsigned") }).exitCode == 0);

    const auto signAll = [&] {
        for (const json &role : tmpl["signoff_roles"]) {
            const CliResult signed_
                = cli.run({ QStringLiteral("signoff"), Project, QStringLiteral("--role"),
                            QString::fromStdString(role.get<std::string>()), QStringLiteral("--name"),
                            QStringLiteral("Pat"), QStringLiteral("--decision"), QStringLiteral("approve") });
            REQUIRE(signed_.exitCode == 0);
        }
    };
    signAll();
    gate = check(cli);
    CHECK(gate.exitCode == 0);
    CHECK(gate.out.contains(QStringLiteral("Apollo: met (Ready for Production, signed off)")));
    const CliResult gateJson = check(cli, { QStringLiteral("--json") });
    CHECK(gateJson.exitCode == 0);
    CHECK(json::parse(gateJson.out.toStdString())
          == json { { "schema", "preflight.check/1" },
                    { "project", "Apollo" },
                    { "met", true },
                    { "verdict", "ready" },
                    { "required", "ready" },
                    { "signed_off", true },
                    { "signoff_required", true },
                    { "reasons", json::array() },
                    { "verdict_shortfalls", json::array() },
                    { "signoff_shortfalls", json::array() } });

    // Marking one item N/A keeps the verdict but changes what was approved.
    tick(cli, { rest.first(), QStringLiteral("--reason"), QStringLiteral("no GPU workloads") }, QStringLiteral("na"));
    gate = check(cli);
    CHECK(gate.exitCode == 1);
    CHECK(gate.out.contains(QStringLiteral("Engineering Lead stale")));
    status = cli.json({ QStringLiteral("status"), Project });
    CHECK(status["signoffs"][0]["stale"] == true);
    CHECK(status["signed_off"] == false);
    signAll();
    CHECK(check(cli).exitCode == 0);

    const json projects = cli.json({ QStringLiteral("projects") });
    REQUIRE(projects["projects"].size() == 1);
    CHECK(projects["projects"][0]["verdict"] == "ready");
    CHECK(projects["projects"][0]["signed_off"] == true);

    const json history = cli.json({ QStringLiteral("history"), Project });
    CHECK(history["entries"].size() > static_cast<std::size_t>(critical.size()));
    CHECK(history["entries"].back()["actor"] == "tester");
    const CliResult verified = cli.run({ QStringLiteral("verify") });
    CHECK(verified.exitCode == 0);
    CHECK(verified.out.contains(QStringLiteral("intact")));
}

TEST_CASE("a reject overrides the other approvals, approve-with-risks needs that verdict", "[cli][review]")
{
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), Project }).exitCode == 0);
    const auto sign = [&](const char *role, const char *decision) {
        return cli.run({ QStringLiteral("signoff"), Project, QStringLiteral("--role"), QString::fromLatin1(role),
                         QStringLiteral("--name"), QStringLiteral("Sam"), QStringLiteral("--decision"),
                         QString::fromLatin1(decision), QStringLiteral("--comment"), QStringLiteral("see notes") });
    };
    REQUIRE(sign("Engineering Lead", "approve").exitCode == 0);
    REQUIRE(sign("DevOps Lead", "approve-with-risks").exitCode == 0);
    const CliResult rejected = sign("Security Lead", "reject");
    REQUIRE(rejected.exitCode == 0);
    CHECK(rejected.out.contains(QStringLiteral("Signed off: no")));

    const json status = cli.json({ QStringLiteral("status"), Project });
    CHECK(status["signoffs"][0]["counts"] == true);
    CHECK(status["signoffs"][1]["counts"] == false); // verdict is Not Ready
    CHECK(status["signoffs"][2]["decision"] == "reject");
    CHECK(status["signoffs"][2]["comment"] == "see notes");
    CHECK(status["signoffs"][3]["name"].is_null());
    CHECK(status["signoffs"][0]["standing"] == "counts");
    CHECK(status["signoffs"][1]["standing"] == "approved-with-risks-only");
    CHECK(status["signoffs"][2]["standing"] == "rejected");
    CHECK(status["signoffs"][3]["standing"] == "not-signed");
    json signedOff;
    for (const json &summary : status["summary"]) {
        if (summary["id"] == "acceptance-criteria.launch-plan-approved")
            signedOff = summary;
    }
    REQUIRE(signedOff.is_object());
    CHECK(signedOff["reason"]
          == "rejected by: Security Lead; missing: Product Manager; approved with risks but verdict is not Ready "
             "with Risks: DevOps Lead");
    CHECK(signedOff["shortfalls"][0]
          == json { { "kind", "signoffs-rejected" },
                    { "severity", nullptr },
                    { "count", 1 },
                    { "items", { "Security Lead" } } });

    // `status` words each standing as the reports and the window do.
    const CliResult human = cli.run({ QStringLiteral("status"), Project });
    REQUIRE(human.exitCode == 0);
    const QStringList lines = human.out.split(u'\n');
    const auto lineOf = [&](const QString &role) {
        for (const QString &line : lines) {
            if (line.trimmed().startsWith(role))
                return line;
        }
        return QString();
    };
    CHECK(lineOf(QStringLiteral("Engineering Lead")).endsWith(QStringLiteral("Counts")));
    CHECK(lineOf(QStringLiteral("DevOps Lead"))
              .endsWith(QStringLiteral("Counts only when the verdict is Ready with Risks")));
    CHECK(lineOf(QStringLiteral("Security Lead")).endsWith(QStringLiteral("Rejected")));
    CHECK(lineOf(QStringLiteral("Product Manager")).endsWith(QStringLiteral("Not signed")));

    const CliResult gate = check(cli, { QStringLiteral("--min"), QStringLiteral("ready-with-risks") });
    CHECK(gate.exitCode == 1);
    CHECK(gate.out.contains(QStringLiteral("Security Lead rejected")));
    CHECK(gate.out.contains(QStringLiteral("Product Manager missing")));
    const json gateDoc = json::parse(
        check(cli, { QStringLiteral("--min"), QStringLiteral("ready-with-risks"), QStringLiteral("--json") })
            .out.toStdString());
    CHECK(gateDoc["signoff_shortfalls"]
          == json::array({ { { "kind", "signoffs-rejected" },
                             { "severity", nullptr },
                             { "count", 1 },
                             { "items", { "Security Lead" } } },
                           { { "kind", "signoffs-missing" },
                             { "severity", nullptr },
                             { "count", 1 },
                             { "items", { "Product Manager" } } },
                           { { "kind", "signoffs-approved-with-risks-only" },
                             { "severity", nullptr },
                             { "count", 1 },
                             { "items", { "DevOps Lead" } } } }));
    REQUIRE(gateDoc["verdict_shortfalls"].size() == 1);
    CHECK(gateDoc["verdict_shortfalls"][0]["kind"] == "open-items");
    CHECK(gateDoc["verdict_shortfalls"][0]["severity"] == "critical");
    CHECK(gateDoc["verdict_shortfalls"][0]["count"] == gateDoc["verdict_shortfalls"][0]["items"].size());
}

TEST_CASE("verify exits 1 and names the row when the audit trail was edited", "[cli][e2e]")
{
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), Project }).exitCode == 0);
    REQUIRE(cli.run({ QStringLiteral("item"), Project,
                      QStringLiteral("code-quality.code-standards.comprehensive-docstrings"), QStringLiteral("done") })
                .exitCode
            == 0);
    const json history = cli.json({ QStringLiteral("history"), Project });
    const qint64 lastSeq = history["entries"].back()["seq"].get<qint64>();
    CHECK(history["entries"].back()["what"] == "item:code-quality.code-standards.comprehensive-docstrings:status");
    CHECK(history["entries"].back()["subject"] == "item");
    CHECK(history["entries"].back()["subject_id"] == "code-quality.code-standards.comprehensive-docstrings");
    CHECK(history["entries"].back()["field"] == "status");
    CHECK(history["entries"][0]["what"] == "project:name");
    CHECK(history["entries"][0]["subject"] == "project");
    CHECK(history["entries"][0]["subject_id"].is_null());
    CHECK(history["entries"][0]["field"] == "name");
    CHECK(cli.json({ QStringLiteral("verify") })["ok"] == true);

    cli.execSql(
        QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET new_value = 'na' WHERE seq = %1").arg(lastSeq));
    // The real binary: exit code 1 is what a CI job sees.
    const CliResult human = cli.spawn({ QStringLiteral("verify") });
    CHECK(human.exitCode == 1);
    CHECK(human.out.contains(QStringLiteral("broken at row %1").arg(lastSeq)));
    const CliResult result = cli.spawn({ QStringLiteral("verify"), QStringLiteral("--json") });
    CHECK(result.exitCode == 1);
    const json doc = json::parse(result.out.toStdString());
    CHECK(doc["schema"] == "preflight.verify/1");
    CHECK(doc["ok"] == false);
    CHECK(doc["broken_seq"] == lastSeq);
    CHECK_FALSE(doc["problem"].is_null());
}
