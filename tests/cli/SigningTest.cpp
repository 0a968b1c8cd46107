// Signed sign-offs with the real OpenSSH tools: keys made by ssh-keygen, a real ssh-agent.
#include "SshFixture.h"
#include "cli/CliRunner.h"
#include "core/storage/StoreTestSupport.h"
#include "signing/SignOffStatement.h"
#include "signing/SshSigning.h"

#include <QRegularExpression>
#include <QScopeGuard>

using preflight::SignOffStatement;
using namespace preflight::test;
using nlohmann::json;

namespace {

const QString ProjectName = QStringLiteral("Apollo");
const QString Item = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");

QStringList args(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *word : words)
        list << QString::fromUtf8(word);
    return list;
}

QStringList signOff(const char *name, const char *decision = "approve")
{
    return args({ "signoff", "Apollo", "--role", "Security Lead", "--name", name, "--decision", decision, "--sign" });
}

json signatureOf(const json &verify, const std::string &name)
{
    for (const json &entry : verify["signoffs"])
        if (entry["name"] == name)
            return entry;
    FAIL("no sign-off by " << name);
    return {};
}

} // namespace

TEST_CASE("A sign-off signed through ssh-agent verifies good and reads bad when tampered or unknown for other keys",
          "[cli][signing]")
{
    SshFixture ssh;
    ssh.addToAgent("ada");
    CliRunner cli;
    cli.setEnvironment(QStringLiteral("SSH_AUTH_SOCK"), ssh.socket);
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), ProjectName }).exitCode == 0);

    const json signedOff = cli.json(signOff("ada") << QStringLiteral("--json"));
    const QString fingerprint
        = runTool(QStringLiteral("ssh-keygen"),
                  { QStringLiteral("-l"), QStringLiteral("-f"), ssh.key("ada") + QStringLiteral(".pub") })
              .section(QLatin1Char(' '), 1, 1);
    CHECK(signedOff["key_fingerprint"] == fingerprint.toStdString());

    const QString trusted = ssh.allowedSigners(QStringLiteral("allowed"), { "ada" });
    const json good = cli.json(
        { QStringLiteral("verify"), QStringLiteral("--allowed-signers"), trusted, QStringLiteral("--json") });
    CHECK(good["ok"] == true); // the existing keys keep their meaning
    CHECK(good["signatures_ok"] == true);
    CHECK(signatureOf(good, "ada")["signature"] == "good");
    CHECK(signatureOf(good, "ada")["key_fingerprint"] == fingerprint.toStdString());
    CHECK(signatureOf(good, "ada")["stale"] == false);

    // Nobody vouches for ada's key in a file that lists eve's only.
    const QString others = ssh.allowedSigners(QStringLiteral("others"), { "eve" });
    const CliResult unknown
        = cli.run({ QStringLiteral("verify"), QStringLiteral("--allowed-signers"), others, QStringLiteral("--json") });
    CHECK(unknown.exitCode == 1);
    CHECK(signatureOf(json::parse(unknown.out.toStdString()), "ada")["signature"] == "unknown-key");

    // A signature over an older state stays valid for it; the sign-off is stale as before.
    REQUIRE(cli.run({ QStringLiteral("item"), ProjectName, Item, QStringLiteral("done") }).exitCode == 0);
    const json stale = cli.json(
        { QStringLiteral("verify"), QStringLiteral("--allowed-signers"), trusted, QStringLiteral("--json") });
    CHECK(signatureOf(stale, "ada")["signature"] == "good");
    CHECK(signatureOf(stale, "ada")["stale"] == true);

    // The reports show the key and whether the signature still covers the sign-off.
    const auto report = [&cli](const char *format) {
        const CliResult exported = cli.run({ QStringLiteral("export"), ProjectName, QStringLiteral("--format"),
                                             QLatin1String(format), QStringLiteral("-o"), QStringLiteral("-") });
        REQUIRE(exported.exitCode == 0);
        return exported.out;
    };
    CHECK(report("md").contains(QLatin1String("| Comment | Signature |")));
    CHECK(report("md").contains(fingerprint + QStringLiteral(" (signature intact;")));
    CHECK(report("html").contains(QLatin1String("<th>Signature</th>")));
    CHECK(report("html").contains(fingerprint + QStringLiteral(" (signature intact;")));
    // The PDF too: its text, whitespace aside (a long fingerprint may wrap).
    const QString pdf = cli.dir() + QStringLiteral("/report.pdf");
    REQUIRE(cli.run({ QStringLiteral("export"), ProjectName, QStringLiteral("--format"), QStringLiteral("pdf"),
                      QStringLiteral("-o"), pdf })
                .exitCode
            == 0);
    QString pdfText = runTool(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
    pdfText.remove(QRegularExpression(QStringLiteral("\\s")));
    CHECK(pdfText.contains(QStringLiteral("SecurityLead(ada)signedwith") + fingerprint
                           + QStringLiteral("(signatureintact;")));

    // Changing the decision behind the app's back is caught.
    cli.execSql(QStringLiteral("UPDATE signoffs SET decision = 'reject'"));
    CHECK(report("md").contains(fingerprint
                                + QStringLiteral(" (signature BAD: the sign-off no longer says what was signed "
                                                 "(decision differ))")));
    const CliResult bad = cli.run({ QStringLiteral("verify"), QStringLiteral("--allowed-signers"), trusted });
    CHECK(bad.exitCode == 1);
    CHECK(bad.out.contains(QLatin1String("Apollo / Security Lead (ada): bad")));
    CHECK(bad.out.contains(QLatin1String("decision differ")));

    // So is rewriting the statement to match: the signature no longer covers it.
    cli.execSql(QStringLiteral("UPDATE signoffs SET statement = replace(statement, 'decision: approve', "
                               "'decision: reject')"));
    const json rewritten = json::parse(
        cli.run({ QStringLiteral("verify"), QStringLiteral("--allowed-signers"), trusted, QStringLiteral("--json") })
            .out.toStdString());
    CHECK(signatureOf(rewritten, "ada")["signature"] == "bad");
    CHECK(signatureOf(rewritten, "ada")["detail"] == "the signature does not match the statement");
}

TEST_CASE("Signing is refused cleanly without an agent or keys or with an unusable key file", "[cli][signing]")
{
    SshFixture ssh;
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), ProjectName }).exitCode == 0);
    const QByteArray before = cli.contentDigest();

    cli.setEnvironment(QStringLiteral("SSH_AUTH_SOCK"), QString());
    CliResult refused = cli.run(signOff("ada"));
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.startsWith(QLatin1String("preflight: no ssh-agent (SSH_AUTH_SOCK is not set)")));
    CHECK(refused.err.count(QLatin1Char('\n')) == 1);

    cli.setEnvironment(QStringLiteral("SSH_AUTH_SOCK"), ssh.socket); // running, but empty
    refused = cli.run(signOff("ada"));
    CHECK(refused.exitCode == 2);
    CHECK(refused.err
          == QStringLiteral("preflight: the ssh-agent holds no keys: add yours with ssh-add, or pass --key FILE\n"));

    // A public key whose private half the agent does not hold (and that has no private key file
    // beside it, which ssh-keygen would use) cannot sign.
    const QString lonePublic = cli.dir() + QStringLiteral("/eve-only.pub");
    REQUIRE(QFile::copy(ssh.key("eve") + QStringLiteral(".pub"), lonePublic));
    refused = cli.run(signOff("ada") << QStringLiteral("--key") << lonePublic);
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QLatin1String("is that key in your ssh-agent?")));

    refused = cli.run(signOff("ada") << QStringLiteral("--key") << cli.dir() + QStringLiteral("/missing"));
    CHECK(refused.err.contains(QLatin1String("no such file")));

    CHECK(cli.contentDigest() == before);
}

TEST_CASE("A project that requires signatures refuses unsigned sign-offs and accepts signed ones", "[cli][signing]")
{
    SshFixture ssh;
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), ProjectName }).exitCode == 0);
    const json set = cli.json(args({ "project", "set", "Apollo", "--require-signatures", "yes", "--json" }));
    CHECK(set["project"]["require_signatures"] == true);
    const json history = cli.json(args({ "history", "Apollo", "--json" }));
    CHECK(history["entries"].back()["new"] == "true");

    const QByteArray before = cli.contentDigest();
    const CliResult refused
        = cli.run(args({ "signoff", "Apollo", "--role", "Security Lead", "--name", "ada", "--decision", "approve" }));
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.endsWith(QStringLiteral(": project \"Apollo\" requires signed sign-offs: add --sign (with your "
                                              "key in ssh-agent, or --key FILE)\n")));
    CHECK(refused.err.count(QLatin1Char('\n')) == 1);
    CHECK(cli.contentDigest() == before);

    // A private key file signs without an agent: ssh-keygen reads it, Preflight does not.
    cli.setEnvironment(QStringLiteral("SSH_AUTH_SOCK"), QString());
    const CliResult signedOff = cli.run(signOff("ada") << QStringLiteral("--key") << ssh.key("ada"));
    INFO(signedOff.err.toStdString());
    CHECK(signedOff.exitCode == 0);
    const json good = cli.json({ QStringLiteral("verify"), QStringLiteral("--allowed-signers"),
                                 ssh.allowedSigners(QStringLiteral("allowed"), { "ada" }), QStringLiteral("--json") });
    CHECK(signatureOf(good, "ada")["signature"] == "good");

    CHECK(cli.run(args({ "project", "set", "Apollo", "--require-signatures", "maybe" })).exitCode == 2);
}

TEST_CASE("The sign-off statement has one canonical text", "[signing]")
{
    SignOffStatement statement { QStringLiteral("Shop\nv2"),
                                 QStringLiteral("appendix-a"),
                                 QStringLiteral("1.0"),
                                 QStringLiteral("Security Lead"),
                                 QStringLiteral("Ada \\ L"),
                                 QStringLiteral("approve"),
                                 QStringLiteral("2026-11-29T21:30:00.000Z"),
                                 QStringLiteral("abc123") };
    const QString text = statement.text();
    CHECK(text
          == QStringLiteral("preflight-signoff/1\nproject: Shop\\nv2\ntemplate: appendix-a\ntemplate-version: 1.0\n"
                            "role: Security Lead\nname: Ada \\\\ L\ndecision: approve\n"
                            "date: 2026-11-29T21:30:00.000Z\nstate-digest: abc123\n"));
    REQUIRE(SignOffStatement::parse(text) == statement);
    CHECK(!SignOffStatement::parse(text.chopped(1)));
    CHECK(!SignOffStatement::parse(QString(text).replace(QLatin1String("/1\n"), QLatin1String("/1\r\n"))));
    CHECK(!SignOffStatement::parse(QString(text).replace(QLatin1String("Ada \\\\"), QLatin1String("Ada \\q"))));
    CHECK(!SignOffStatement::parse(QString(text).replace(QLatin1String("role: "), QLatin1String("roles: "))));

    // After a template migration the row carries the signed digest behind a prefix: not a change.
    SignOffStatement migrated = statement;
    migrated.templateVersion = QStringLiteral("2.0");
    migrated.stateDigest = QStringLiteral("migrated from 1.0: abc123");
    CHECK(statement.differences(migrated).isEmpty());
    migrated.decision = QStringLiteral("reject");
    CHECK(statement.differences(migrated) == QStringList { QStringLiteral("decision") });
    migrated.stateDigest = QStringLiteral("fresh");
    CHECK(statement.differences(migrated).size() == 3);
}

TEST_CASE("A signature stays good across a template migration and the sign-off reads stale", "[cli][signing]")
{
    SshFixture ssh;
    CliRunner cli;
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), ProjectName }).exitCode == 0);
    REQUIRE(cli.run(signOff("ada") << QStringLiteral("--key") << ssh.key("ada")).exitCode == 0);

    const QString exported = cli.dir() + QStringLiteral("/template.md");
    REQUIRE(cli.run(args({ "template", "export", "appendix-a" }) << QStringLiteral("-o") << exported).exitCode == 0);
    QFile file(exported);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    REQUIRE(text.contains(QLatin1String("version: 1.0.1")));
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.replace(QLatin1String("version: 1.0.1"), QLatin1String("version: 1.1.0")).toUtf8());
    file.close();
    REQUIRE(cli.run({ QStringLiteral("template"), QStringLiteral("import"), exported }).exitCode == 0);
    REQUIRE(cli.run(args({ "project", "migrate", "Apollo", "--to", "1.1.0", "--apply" })).exitCode == 0);

    const json verified
        = cli.json({ QStringLiteral("verify"), QStringLiteral("--allowed-signers"),
                     ssh.allowedSigners(QStringLiteral("allowed"), { "ada" }), QStringLiteral("--json") });
    CHECK(signatureOf(verified, "ada")["signature"] == "good");
    CHECK(signatureOf(verified, "ada")["stale"] == true);
}

TEST_CASE("On a team server a signed sign-off is stored and verifies and signatures can be required",
          "[.][server][signing]")
{
    SshFixture ssh;
    preflight::test::TempDatabase temp;
    const auto preflight = [&temp](QStringList arguments, const QString &login = {}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), QString());
        process.setProcessEnvironment(env);
        const QString location
            = login.isEmpty() ? temp.path : QStringLiteral("%1 user=%2 password=pw").arg(temp.path, login);
        process.start(QStringLiteral(PREFLIGHT_BINARY), arguments << QStringLiteral("--db") << location);
        REQUIRE(process.waitForFinished(60000));
        INFO(process.readAllStandardError().toStdString());
        return std::pair { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()) };
    };
    REQUIRE(preflight(args({ "project", "create", "Apollo" })).first == 0);
    REQUIRE(preflight(args({ "project", "set", "Apollo", "--require-signatures", "yes" })).first == 0);
    CHECK(preflight(args({ "signoff", "Apollo", "--role", "Security Lead", "--name", "ada", "--decision", "approve" }))
              .first
          == 2);
    REQUIRE(preflight(signOff("ada") << QStringLiteral("--key") << ssh.key("ada")).first == 0);
    const auto verified
        = preflight({ QStringLiteral("verify"), QStringLiteral("--allowed-signers"),
                      ssh.allowedSigners(QStringLiteral("allowed"), { "ada" }), QStringLiteral("--json") });
    CHECK(verified.first == 0);
    CHECK(signatureOf(json::parse(verified.second.toStdString()), "ada")["signature"] == "good");

    // A team member's sign-off: the report names the login that gave it beside the name typed.
    const QString login = QStringLiteral("pf_cli_signer_%1").arg(QCoreApplication::applicationPid());
    preflight::test::TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw'").arg(login));
    const auto dropLogin = qScopeGuard([&login] {
        try {
            preflight::test::TempDatabase::runOnServer(QStringLiteral("DROP ROLE %1").arg(login));
        } catch (const preflight::Error &) {
            // The throwaway server goes away anyway.
        }
    });
    preflight::Store::grantServerRoles(temp.path, login, { QStringLiteral("Security Lead") });
    REQUIRE(preflight(signOff("ada") << QStringLiteral("--key") << ssh.key("ada"), login).first == 0);
    const auto markdown = preflight(args({ "export", "Apollo", "--format", "md", "-o", "-" }));
    REQUIRE(markdown.first == 0);
    // Markdown escapes the login's underscores.
    CHECK(markdown.second.contains(QStringLiteral("| Security Lead | ada (login %1) |")
                                       .arg(QString(login).replace(QLatin1Char('_'), QLatin1String("\\_")))));
    const auto report = preflight(args({ "export", "Apollo", "--format", "json", "-o", "-" }));
    REQUIRE(report.first == 0);
    bool found = false;
    const json document = json::parse(report.second.toStdString());
    for (const json &entry : document["signoffs"]) {
        if (entry["role"] == "Security Lead") {
            found = true;
            CHECK(entry["login"] == login.toStdString());
            CHECK(entry["name"] == "ada");
        }
    }
    CHECK(found);

    // Replaced by a later sign-off, a replayed report still names that login (the audit trail's).
    QThread::msleep(20);
    const QString between = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QThread::msleep(20);
    REQUIRE(preflight(signOff("eve") << QStringLiteral("--key") << ssh.key("eve")).first == 0);
    const auto replayed = preflight(args({ "export", "Apollo", "--format", "md", "-o", "-", "--at" }) << between);
    REQUIRE(replayed.first == 0);
    CHECK(replayed.second.contains(QStringLiteral("| Security Lead | ada (login %1) |")
                                       .arg(QString(login).replace(QLatin1Char('_'), QLatin1String("\\_")))));
    CHECK(replayed.second.contains(QStringLiteral("the signature was replaced by a later sign-off")));
}

namespace {

// The review changes while the key signs (a colleague ticks an item while the signer touches a
// hardware key): the sign-off is refused, nothing of it written, and the colleague's edit stays.
void changeWhileSigning(const preflight::test::TempDatabase &temp)
{
    SshFixture ssh;
    const auto key = preflight::ssh::SigningKey::fromFile(ssh.key("ada"));
    auto signer = temp.open(QStringLiteral("ada"));
    const qint64 projectId = signer->createProject(draftProject(QStringLiteral("Apollo")), appendixA()).id;
    const auto history = signer->history(projectId).size();

    bool signedOnce = false;
    const auto signWhileAColleagueEdits = [&](const QString &statement) {
        const preflight::Store::Signature signature = key.sign(statement);
        if (!std::exchange(signedOnce, true)) {
            // Another writer gets in while the key is busy: no lock of the signer's holds it up.
            preflight::Store::ItemPatch done;
            done.status = preflight::ItemStatus::Done;
            temp.open(QStringLiteral("bob"))->setItem(projectId, Item, done);
        }
        return signature;
    };
    preflight::SignOff signoff;
    signoff.role = QStringLiteral("Security Lead");
    signoff.name = QStringLiteral("ada");
    try {
        signer->signOff(projectId, signoff, signWhileAColleagueEdits);
        FAIL("a sign-off over a review that changed while signing was stored");
    } catch (const preflight::Error &error) {
        CHECK(error.kind() == preflight::Error::Kind::Conflict);
        INFO(error.message().toStdString());
        CHECK(error.message().endsWith(QStringLiteral(": project \"Apollo\" changed while the sign-off was being "
                                                      "signed; nothing was written: sign again")));
        CHECK(error.message().count(QLatin1Char('\n')) == 0);
    }
    const preflight::ProjectState after = temp.open()->loadState(projectId);
    CHECK(after.signoffs.empty());
    CHECK(after.itemState(Item).status == preflight::ItemStatus::Done);
    CHECK(signer->history(projectId).size() == history + 1); // the colleague's edit only

    // Signed again over the state as it is now, it is stored with the statement's own date.
    const preflight::SignOff stored = signer->signOff(projectId, signoff, signWhileAColleagueEdits);
    const preflight::ProjectState signedState = temp.open()->loadState(projectId);
    REQUIRE(signedState.signoffs.size() == 1);
    const preflight::SignOff &row = signedState.signoffs.front();
    CHECK(row.date == stored.date);
    CHECK(row.stateDigest == signedState.reviewDigest());
    CHECK(row.statement == stored.statement);
    const auto statement = SignOffStatement::parse(row.statement);
    REQUIRE(statement);
    CHECK(statement->differences(SignOffStatement::of(signedState.project, row)).isEmpty());
    CHECK(preflight::ssh::verify(signedState.project, row, ssh.allowedSigners(QStringLiteral("allowed"), { "ada" }))
              .result
          == preflight::ssh::Result::Good);
}

} // namespace

TEST_CASE("A review that changes while the sign-off is being signed refuses the sign-off", "[cli][signing]")
{
    const preflight::test::TempDatabase temp;
    changeWhileSigning(temp);
}

TEST_CASE("On a team server a review that changes while signing refuses the sign-off", "[.][server][signing]")
{
    const preflight::test::TempDatabase temp;
    changeWhileSigning(temp);
}

TEST_CASE("A replayed report shows the signatures: checked while current, the key alone once replaced",
          "[cli][signing]")
{
    SshFixture ssh;
    CliRunner cli;
    cli.setEnvironment(QStringLiteral("SSH_AUTH_SOCK"), QString());
    REQUIRE(cli.run({ QStringLiteral("project"), QStringLiteral("create"), ProjectName }).exitCode == 0);
    REQUIRE(cli.run(signOff("ada") << QStringLiteral("--key") << ssh.key("ada")).exitCode == 0);
    QThread::msleep(20);
    const QString between = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QThread::msleep(20);
    REQUIRE(cli.run(signOff("eve", "reject") << QStringLiteral("--key") << ssh.key("eve")).exitCode == 0);
    const QString now = QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODateWithMs);
    const QString ada = runTool(QStringLiteral("ssh-keygen"), { QStringLiteral("-lf"), ssh.key("ada") })
                            .section(QLatin1Char(' '), 1, 1);
    const QString eve = runTool(QStringLiteral("ssh-keygen"), { QStringLiteral("-lf"), ssh.key("eve") })
                            .section(QLatin1Char(' '), 1, 1);

    const auto markdownAt = [&](const QString &at) {
        const CliResult result = cli.run(args({ "export", "Apollo", "--format", "md", "-o", "-", "--at" }) << at);
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        return result.out;
    };
    // ada's sign-off, replaced by eve's since: its key from the trail, its signature gone.
    const QString then = markdownAt(between);
    CHECK(then.contains(QStringLiteral("| Security Lead | ada | Approve |")));
    CHECK_FALSE(then.contains(QStringLiteral("ada (signed")));
    CHECK(then.contains(ada
                        + QStringLiteral(" (signed; the signature was replaced by a later sign-off and is not kept)")));
    // eve's is the stored one: its signature is there and checks out, as in a current report.
    const QString latest = markdownAt(now);
    CHECK(latest.contains(QStringLiteral("| Security Lead | eve | Reject |")));
    CHECK(latest.contains(eve + QStringLiteral(" (signature intact;")));

    const CliResult json = cli.run(args({ "export", "Apollo", "--format", "json", "-o", "-", "--at" }) << now);
    REQUIRE(json.exitCode == 0);
    const nlohmann::json report = nlohmann::json::parse(json.out.toStdString());
    bool found = false;
    for (const nlohmann::json &entry : report["signoffs"]) {
        if (entry["role"] != "Security Lead")
            continue;
        found = true;
        CHECK(entry["key_fingerprint"] == eve.toStdString());
        CHECK(entry["login"].is_null()); // a file records no login
        CHECK(entry["name"] == "eve");
    }
    CHECK(found);
}
