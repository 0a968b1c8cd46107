// Who may do what on a team server (README.md, "Roles on a team server"): each role against each
// action, through the real binary and through raw SQL as that login, the way someone with psql
// would. A refusal names the role needed and changes nothing. Hidden unless tests/with-server.sh
// runs the suite against a throwaway PostgreSQL (CTest: cli.on_server).

#include "ServerRun.h"
#include "core/storage/StoreTestSupport.h"

#include <QProcess>

#include <nlohmann/json.hpp>

#include <libpq-fe.h>
#include <map>
#include <set>

using namespace preflight;
using preflight::test::Run;
using preflight::test::runPreflight;
using preflight::test::TempDatabase;

namespace {

// A login with no role of its own; the test grants roles through the command line.
struct Login
{
    QString name;
    QString password = QStringLiteral("login-secret");

    explicit Login(const QString &suffix)
    {
        name = QStringLiteral("pf_roles_%1_%2").arg(QCoreApplication::applicationPid()).arg(suffix);
        TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(name, password));
    }
    ~Login()
    {
        try {
            TempDatabase::runOnServer(QStringLiteral("DROP ROLE %1").arg(name));
        } catch (const Error &) {
            // The throwaway server goes away anyway.
        }
    }
    Login(const Login &) = delete;
    Login &operator=(const Login &) = delete;
    QString location(const TempDatabase &temp) const
    {
        return QStringLiteral("%1 user=%2 password=%3").arg(temp.path, name, password);
    }
};

// Raw SQL as a login, the way someone with psql would: the server's error, or empty.
QString rawError(const QString &location, const QString &sql)
{
    try {
        postgres::Connection connection(location);
        connection.exec(sql.toUtf8().constData());
        return {};
    } catch (const Error &error) {
        return error.message();
    }
}

// Everything a refused action could have touched, as the owner sees it.
QByteArray fingerprint(const TempDatabase &temp)
{
    postgres::Connection owner(temp.path);
    const postgres::Result result = owner.exec("SELECT md5(string_agg(row, '|' ORDER BY row)) FROM ("
                                               " SELECT 'p' || t::text AS row FROM preflight.projects t"
                                               " UNION ALL SELECT 'i' || t::text FROM preflight.item_states t"
                                               " UNION ALL SELECT 'r' || t::text FROM preflight.risks t"
                                               " UNION ALL SELECT 's' || t::text FROM preflight.signoffs t"
                                               " UNION ALL SELECT 't' || t.id || t.version FROM preflight.templates t"
                                               " UNION ALL SELECT 'h' || t::text FROM preflight.audit_head t) s");
    return QByteArray(PQgetvalue(result.get(), 0, 0));
}

QStringList leafIds(const std::vector<Item> &items)
{
    QStringList ids;
    for (const Item &item : items)
        ids += item.children.empty() ? QStringList { item.id } : leafIds(item.children);
    return ids;
}

QStringList leafIds(const Template &tmpl)
{
    QStringList ids;
    for (const Category &category : tmpl.categories)
        for (const Section &section : category.sections)
            ids += leafIds(section.items);
    return ids;
}

enum class Action { View, Tick, Note, Risk, CreateProject, DeleteProject, StoreTemplate, Sign };
const std::vector<std::pair<Action, const char *>> actions {
    { Action::View, "view" },
    { Action::Tick, "tick item" },
    { Action::Note, "edit note" },
    { Action::Risk, "add risk" },
    { Action::CreateProject, "create project" },
    { Action::DeleteProject, "delete project" },
    { Action::StoreTemplate, "store template" },
    { Action::Sign, "sign as Security Lead" },
};

// The group a refusal must name.
QString neededGroup(Action action)
{
    switch (action) {
    case Action::Tick:
    case Action::Note:
    case Action::Risk:
        return QStringLiteral("preflight_reviewer");
    case Action::Sign:
        return QStringLiteral("preflight_signoff_security_lead");
    default:
        return QStringLiteral("preflight_admin");
    }
}

struct Subject
{
    QString role; // as "server grant" takes it
    std::set<Action> allowed;
};

const std::vector<Subject> subjects {
    { QStringLiteral("reader"), { Action::View } },
    { QStringLiteral("reviewer"), { Action::View, Action::Tick, Action::Note, Action::Risk } },
    { QStringLiteral("admin"),
      { Action::View, Action::Tick, Action::Note, Action::Risk, Action::CreateProject, Action::DeleteProject,
        Action::StoreTemplate } },
    { QStringLiteral("Security Lead"), { Action::View, Action::Sign } },
};

QString slug(const QString &role)
{
    return role.toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
}

// Projects every subject acts on: "Shop" (one item per subject and way, so no action is a
// no-op because another subject did it first) and one project per subject and way to delete.
qint64 setUp(const TempDatabase &temp)
{
    auto owner = temp.open();
    const qint64 shop = owner->createProject(test::draftProject(QStringLiteral("Shop")), test::appendixA()).id;
    for (const Subject &subject : subjects)
        for (const char *way : { "cli", "sql" })
            owner->createProject(
                test::draftProject(QStringLiteral("Doomed-%1-%2").arg(QString::fromLatin1(way), slug(subject.role))),
                test::appendixA());
    return shop;
}

} // namespace

TEST_CASE("Each role may do exactly its part through the command line and through raw SQL", "[.][server]")
{
    TempDatabase temp;
    const qint64 shop = setUp(temp);
    const QStringList items = leafIds(test::appendixA());
    REQUIRE(items.size() >= 2 * 2 * int(subjects.size()));

    std::map<QString, std::unique_ptr<Login>> logins;
    for (const Subject &subject : subjects) {
        logins[subject.role] = std::make_unique<Login>(slug(subject.role));
        const Run granted = runPreflight(
            { QStringLiteral("server"), QStringLiteral("grant"), temp.path, logins[subject.role]->name, subject.role });
        INFO(granted.err.toStdString());
        REQUIRE(granted.exitCode == 0);
    }

    int subjectIndex = 0;
    for (const Subject &subject : subjects) {
        const Login &login = *logins[subject.role];
        const QString tickItem = items[4 * subjectIndex];
        const QString noteItem = items[4 * subjectIndex + 1];
        const QString role = slug(subject.role);
        for (const auto &[action, label] : actions) {
            if (action == Action::StoreTemplate)
                continue; // the command line stores a template only when it creates a project
            QStringList args;
            switch (action) {
            case Action::View:
                args = { QStringLiteral("status"), QStringLiteral("Shop") };
                break;
            case Action::Tick:
                args = { QStringLiteral("item"), QStringLiteral("Shop"), tickItem, QStringLiteral("done") };
                break;
            case Action::Note:
                args = { QStringLiteral("item"), QStringLiteral("Shop"),   noteItem,
                         QStringLiteral("open"), QStringLiteral("--note"), QStringLiteral("seen by ") + role };
                break;
            case Action::Risk:
                args = { QStringLiteral("risk"),
                         QStringLiteral("add"),
                         QStringLiteral("Shop"),
                         QStringLiteral("--title"),
                         QStringLiteral("Risk by ") + role,
                         QStringLiteral("--severity"),
                         QStringLiteral("high") };
                break;
            case Action::CreateProject:
                args = { QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("New-cli-") + role,
                         QStringLiteral("--template"), QStringLiteral("appendix-a") };
                break;
            case Action::DeleteProject:
                args = { QStringLiteral("project"), QStringLiteral("delete"), QStringLiteral("Doomed-cli-") + role,
                         QStringLiteral("--yes") };
                break;
            case Action::Sign:
                args = { QStringLiteral("signoff"),       QStringLiteral("Shop"),   QStringLiteral("--role"),
                         QStringLiteral("Security Lead"), QStringLiteral("--name"), QStringLiteral("Signer ") + role,
                         QStringLiteral("--decision"),    QStringLiteral("approve") };
                break;
            case Action::StoreTemplate:
                break;
            }
            const QByteArray before = fingerprint(temp);
            const Run run = runPreflight(args + QStringList { QStringLiteral("--db"), login.location(temp) });
            INFO("command line: " << subject.role.toStdString() << " / " << label << ": " << run.err.toStdString());
            if (subject.allowed.count(action)) {
                CHECK(run.exitCode == 0);
            } else {
                CHECK(run.exitCode == 2);
                CHECK(run.err.trimmed().count(QLatin1Char('\n')) == 0);
                CHECK(run.err.contains(QStringLiteral("%1 may not").arg(login.name)));
                CHECK(run.err.contains(QStringLiteral("grant ") + neededGroup(action)));
                CHECK(fingerprint(temp) == before);
            }
        }

        // The same through raw SQL: the database, not the client, decides.
        const QString id = QString::number(shop);
        std::map<Action, QString> sql {
            { Action::View, QStringLiteral("SELECT count(*) FROM preflight.projects") },
            { Action::Tick,
              QStringLiteral("INSERT INTO preflight.item_states(project_id, item_id, status, changed_by, "
                             "changed_at) VALUES(%1, '%2', 'done', '', '')")
                  .arg(id, items[4 * subjectIndex + 2]) },
            { Action::Note,
              QStringLiteral("INSERT INTO preflight.item_states(project_id, item_id, status, note, "
                             "changed_by, changed_at) VALUES(%1, '%2', 'open', 'raw', '', '')")
                  .arg(id, items[4 * subjectIndex + 3]) },
            { Action::Risk,
              QStringLiteral("INSERT INTO preflight.risks(project_id, title, severity, status, created, "
                             "updated) VALUES(%1, 'raw', 'high', 'open', '', '')")
                  .arg(id) },
            { Action::CreateProject,
              QStringLiteral("INSERT INTO preflight.projects(name, template_id, template_version, created, updated) "
                             "VALUES('New-sql-%1', 'appendix-a', '1.0.0', '', '')")
                  .arg(role) },
            { Action::DeleteProject,
              QStringLiteral("DELETE FROM preflight.projects WHERE name = 'Doomed-sql-%1'").arg(role) },
            { Action::StoreTemplate,
              QStringLiteral("INSERT INTO preflight.templates(id, version, json, stored) "
                             "VALUES('raw-%1', '1', '{}', '')")
                  .arg(role) },
            { Action::Sign,
              QStringLiteral("INSERT INTO preflight.signoffs(project_id, role, name, decision, date, "
                             "state_digest, audit_seq) VALUES(%1, 'Security Lead', 'raw', 'approve', "
                             "'', '', 0) ON CONFLICT(project_id, role) DO UPDATE SET name = 'raw again'")
                  .arg(id) },
        };
        for (const auto &[action, label] : actions) {
            const QByteArray before = fingerprint(temp);
            const QString error = rawError(login.location(temp), sql.at(action));
            INFO("raw SQL: " << subject.role.toStdString() << " / " << label << ": " << error.toStdString());
            if (subject.allowed.count(action)) {
                CHECK(error.isEmpty());
            } else {
                CHECK(!error.isEmpty());
                CHECK(fingerprint(temp) == before);
            }
        }
        ++subjectIndex;
    }

    // The sign-off records the login that gave it, whatever name was typed.
    postgres::Connection owner(temp.path);
    const postgres::Result signer = owner.exec("SELECT login, name FROM preflight.signoffs");
    REQUIRE(PQntuples(signer.get()) == 1);
    CHECK(QString::fromUtf8(PQgetvalue(signer.get(), 0, 0)) == logins[QStringLiteral("Security Lead")]->name);
    CHECK(QString::fromUtf8(PQgetvalue(signer.get(), 0, 1)) == QStringLiteral("raw again"));
}

TEST_CASE("No role lets a login get round the rules from psql", "[.][server]")
{
    TempDatabase temp;
    const qint64 shop = setUp(temp);
    {
        auto owner = temp.open();
        SignOff signoff;
        signoff.role = QStringLiteral("Security Lead");
        signoff.name = QStringLiteral("Sam");
        signoff.decision = Decision::Approve;
        owner->signOff(shop, signoff);
    }
    const Login admin(QStringLiteral("bypass_admin"));
    REQUIRE(Store::grantServerRoles(temp.path, admin.name, { QStringLiteral("admin") })
            == QStringList { QStringLiteral("preflight_admin") });
    const QByteArray before = fingerprint(temp);
    for (const char *sql : {
             "UPDATE preflight.signoffs SET decision = 'reject'", // not a signer
             "DELETE FROM preflight.signoffs", // nor may withdraw one
             "UPDATE preflight.signoffs SET state_digest = 'forged'", // may mark stale, never current
             "ALTER TABLE preflight.signoffs DISABLE TRIGGER ALL", // owns nothing
             "UPDATE preflight.audit_head SET single = true",
             "GRANT preflight_signoff_security_lead TO CURRENT_USER",
         }) {
        INFO(sql);
        CHECK(!rawError(admin.location(temp), QString::fromLatin1(sql)).isEmpty());
    }
    CHECK(fingerprint(temp) == before);
    // Moving a project to another template version marks sign-offs stale: that much is allowed.
    CHECK(rawError(admin.location(temp),
                   QStringLiteral("UPDATE preflight.signoffs SET state_digest = 'stale:' || state_digest"))
              .isEmpty());

    // What the window asks to enable its actions.
    const Store::Permissions permissions = Store::open(admin.location(temp), {})->permissions();
    CHECK(permissions.review);
    CHECK(permissions.administer);
    CHECK_FALSE(permissions.maySignAs(QStringLiteral("Security Lead")));
    Store::grantServerRoles(temp.path, admin.name, { QStringLiteral("Security Lead") });
    CHECK(Store::open(admin.location(temp), {})->permissions().signAs
          == QStringList { QStringLiteral("Security Lead") });
    CHECK(temp.open()->permissions().signAnyRole); // the owner
}

TEST_CASE("server grant and revoke change roles in one step and server members lists them", "[.][server]")
{
    TempDatabase temp;
    setUp(temp);
    const Login alice(QStringLiteral("alice"));
    const auto members = [&] {
        const Run run = runPreflight(
            { QStringLiteral("server"), QStringLiteral("members"), temp.path, QStringLiteral("--json") });
        REQUIRE(run.exitCode == 0);
        const auto document = nlohmann::json::parse(run.out.toStdString());
        CHECK(document["schema"] == "preflight.server-members/1");
        std::map<std::string, std::vector<std::string>> byRole;
        for (const auto &role : document["roles"])
            byRole[role["role"].get<std::string>()] = role["members"].get<std::vector<std::string>>();
        return byRole;
    };
    const std::string name = alice.name.toStdString();
    const auto has
        = [&](const std::vector<std::string> &list) { return std::find(list.begin(), list.end(), name) != list.end(); };

    const Run granted = runPreflight({ QStringLiteral("server"), QStringLiteral("grant"), temp.path, alice.name,
                                       QStringLiteral("reviewer"), QStringLiteral("Security Lead") });
    INFO(granted.err.toStdString());
    REQUIRE(granted.exitCode == 0);
    CHECK(granted.out.contains(QStringLiteral("preflight_reviewer, preflight_signoff_security_lead")));
    auto byRole = members();
    CHECK(byRole.count("reader") == 1);
    CHECK(byRole.count("admin") == 1);
    CHECK(has(byRole["reviewer"]));
    CHECK(has(byRole["Security Lead"]));
    CHECK_FALSE(has(byRole["admin"]));

    // An unknown role or login: one line, and nothing granted, not even the roles before it.
    const Run unknownRole = runPreflight({ QStringLiteral("server"), QStringLiteral("grant"), temp.path, alice.name,
                                           QStringLiteral("admin"), QStringLiteral("Chief Vibes Officer") });
    CHECK(unknownRole.exitCode == 2);
    CHECK(unknownRole.err.contains(QStringLiteral("unknown role \"Chief Vibes Officer\"")));
    CHECK(unknownRole.err.contains(QStringLiteral("Security Lead")));
    CHECK(unknownRole.err.trimmed().count(QLatin1Char('\n')) == 0);
    const Run unknownLogin = runPreflight({ QStringLiteral("server"), QStringLiteral("grant"), temp.path,
                                            QStringLiteral("nobody_here"), QStringLiteral("reader") });
    CHECK(unknownLogin.exitCode == 2);
    CHECK(unknownLogin.err.contains(QStringLiteral("no login \"nobody_here\"")));
    CHECK_FALSE(has(members()["admin"]));

    const Run revoked = runPreflight({ QStringLiteral("server"), QStringLiteral("revoke"), temp.path, alice.name,
                                       QStringLiteral("preflight_signoff_security_lead") });
    REQUIRE(revoked.exitCode == 0);
    byRole = members();
    CHECK(has(byRole["reviewer"]));
    CHECK_FALSE(has(byRole["Security Lead"]));
    const Run refused = runPreflight({ QStringLiteral("signoff"), QStringLiteral("Shop"), QStringLiteral("--role"),
                                       QStringLiteral("Security Lead"), QStringLiteral("--name"), QStringLiteral("A"),
                                       QStringLiteral("--decision"), QStringLiteral("approve"), QStringLiteral("--db"),
                                       alice.location(temp) });
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(
        QStringLiteral("%1 may not sign as Security Lead: grant preflight_signoff_security_lead").arg(alice.name)));

    // Only a login allowed to manage roles may grant them.
    const Run notOwner = runPreflight({ QStringLiteral("server"), QStringLiteral("grant"), alice.location(temp),
                                        alice.name, QStringLiteral("admin") });
    CHECK(notOwner.exitCode != 0);
    CHECK_FALSE(has(members()["admin"]));
}
