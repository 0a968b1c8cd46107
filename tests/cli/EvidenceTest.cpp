#include "cli/CliRunner.h"

using namespace preflight::test;
using nlohmann::json;

namespace {

const QString Project = QStringLiteral("Apollo");
const QString Item = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");

CliResult setEvidence(const CliRunner &cli, const QString &evidence, const QStringList &more = {})
{
    return cli.run(QStringList { QStringLiteral("item"), Project, Item, QStringLiteral("done"),
                                 QStringLiteral("--evidence"), evidence }
                   + more);
}

} // namespace

TEST_CASE("item --evidence: a web address is a link, anything else is kept as text with a warning",
          "[cli][links][evidence]")
{
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), Project }).exitCode == 0);

    for (const QString &link : { QStringLiteral("https://github.com/acme/shop/pull/42"),
                                 QStringLiteral("http://grafana.internal:3000/d/x") }) {
        INFO(link.toStdString());
        const CliResult result = setEvidence(cli, link);
        CHECK(result.exitCode == 0);
        CHECK(result.err.isEmpty());
    }

    for (const QString &text :
         { QStringLiteral("javascript:alert(document.cookie)"), QStringLiteral("file:///etc/passwd"),
           QStringLiteral("smb://fileserver/share"), QStringLiteral("data:text/html,<script>alert(1)</script>"),
           QStringLiteral("www.example.org/pr/1"), QStringLiteral("PR 42, merged") }) {
        INFO(text.toStdString());
        const CliResult result = setEvidence(cli, text, { QStringLiteral("--json") });
        CHECK(result.exitCode == 0);
        CHECK(result.err
              == QStringLiteral("preflight: warning: --evidence \"%1\" is not an http:// or https:// address: it is "
                                "stored as text, not as a link\n")
                     .arg(text));
        // Stored exactly as typed, and the JSON document is unchanged: the warning is on stderr only.
        const json written = json::parse(result.out.toStdString());
        CHECK(written["items"][0]["evidence"] == text.toStdString());
    }

    // Clearing the evidence is no cause for a warning.
    const CliResult cleared = setEvidence(cli, QString());
    CHECK(cleared.exitCode == 0);
    CHECK(cleared.err.isEmpty());
}
