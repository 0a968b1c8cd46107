// What only a team server does: its schema's life cycle, the login recorded by the database
// itself, an audit trail no login can rewrite, and whole databases copied between a file and a
// server. Hidden unless tests/with-server.sh runs the suite against a throwaway PostgreSQL.

#include "StoreTestSupport.h"
#include "storage/Postgres.h"
#include "storage/ServerSchema.h"
#include "storage/Store.h"

#include <QScopeGuard>

#include <libpq-fe.h>

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

// A login that is only a member of preflight_users, the group of server schema 1 (an
// administrator since schema 3: such logins keep working after the upgrade).
struct ReviewerLogin
{
    QString name;
    QString password = QStringLiteral("reviewer-secret");

    ReviewerLogin()
    {
        static int counter = 0;
        name = QStringLiteral("pf_reviewer_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
        TempDatabase::runOnServer(
            QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE preflight_users").arg(name, password));
    }
    ~ReviewerLogin()
    {
        try {
            TempDatabase::runOnServer(QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(name));
        } catch (const Error &) {
            // The throwaway server goes away anyway.
        }
    }
    QString location(const TempDatabase &temp) const
    {
        return QStringLiteral("%1 user=%2 password=%3").arg(temp.path, name, password);
    }
};

// Raw SQL as a given connection, the way someone with psql would: returns the server's error.
QString rawServerError(const QString &location, const char *sql)
{
    try {
        postgres::Connection connection(location);
        connection.exec(sql);
        return {};
    } catch (const Error &error) {
        return error.message();
    }
}

qint64 fillReview(Store &store)
{
    const qint64 id = store.createProject(draftProject(QStringLiteral("Checkout")), preflight::test::appendixA()).id;
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    done.note = QStringLiteral("Ünïcødé ✓ 日本語 🚀 'quoted'");
    done.evidence = QStringLiteral("https://ci.example/run/7");
    store.setItem(id, QStringLiteral("code-quality.standards.style-guide"), done);
    Store::ItemPatch na;
    na.status = ItemStatus::NotApplicable;
    na.reason = QStringLiteral("no LLM calls");
    store.setItem(id, QStringLiteral("ai.prompts"), na);
    Risk risk;
    risk.title = QStringLiteral("Single region");
    risk.severity = Severity::High;
    risk.status = RiskStatus::Accepted;
    risk.acceptedUntil = QDate(2027, 1, 31);
    store.addRisk(id, risk);
    SignOff signoff;
    signoff.role = QStringLiteral("Security Lead");
    signoff.name = QStringLiteral("Sam");
    signoff.decision = Decision::Approve;
    store.signOff(id, signoff);
    store.createProject(draftProject(QStringLiteral("Deleted later")), preflight::test::appendixA());
    store.deleteProject(store.findProject(QStringLiteral("Deleted later"))->id);
    return id;
}

void requireSameReview(Store &a, Store &b)
{
    REQUIRE(a.projects().size() == b.projects().size());
    for (const Project &project : a.projects()) {
        const auto other = b.findProject(project.name);
        REQUIRE(other.has_value());
        CHECK(other->id == project.id);
        const ProjectState left = a.loadState(project.id);
        const ProjectState right = b.loadState(other->id);
        CHECK(left.reviewDigest() == right.reviewDigest());
        REQUIRE(left.items.size() == right.items.size());
        for (const auto &[itemId, item] : left.items) {
            CHECK(right.itemState(itemId).note == item.note);
            CHECK(right.itemState(itemId).changedBy == item.changedBy);
            CHECK(right.itemState(itemId).changedAt == item.changedAt);
        }
        REQUIRE(left.risks.size() == right.risks.size());
        CHECK(right.risks.front().id == left.risks.front().id);
        CHECK(right.risks.front().created == left.risks.front().created);
        REQUIRE(left.signoffs.size() == right.signoffs.size());
        CHECK(right.signoffs.front().stateDigest == left.signoffs.front().stateDigest);
        CHECK(right.signoffs.front().changesSince == left.signoffs.front().changesSince);
        CHECK(a.history(project.id).size() == b.history(project.id).size());
    }
}

} // namespace

TEST_CASE("server init creates the schema once, and refuses a newer one untouched", "[.][server]")
{
    TempDatabase temp; // already initialised
    const Store::ServerUpgrade again = Store::initServer(temp.path);
    CHECK(again.from == Store::serverSchemaVersion());
    CHECK(again.to == Store::serverSchemaVersion());

    TempDatabase::runOnServer(QStringLiteral("CREATE DATABASE %1_bare").arg(temp.serverDatabase));
    const QString bare = QStringLiteral("dbname=%1_bare").arg(temp.serverDatabase);
    CHECK_THROWS_WITH(Store::open(bare, QStringLiteral("x")), Catch::Contains("run \"preflight server init\""));
    CHECK(Store::initServer(bare).from == 0);
    CHECK(Store::open(bare, QStringLiteral("x"))->projects().empty());
    TempDatabase::runOnServer(QStringLiteral("DROP DATABASE %1_bare WITH (FORCE)").arg(temp.serverDatabase));

    {
        postgres::Connection owner(temp.path);
        owner.exec("UPDATE preflight.schema_version SET version = 99");
    }
    CHECK_THROWS_WITH(Store::open(temp.path, QStringLiteral("x")),
                      Catch::Contains("newer Preflight schema (version 99"));
    CHECK_THROWS_WITH(Store::initServer(temp.path), Catch::Contains("nothing was changed"));
    postgres::Connection owner(temp.path);
    const postgres::Result version = owner.exec("SELECT version FROM preflight.schema_version");
    CHECK(QByteArray(PQgetvalue(version.get(), 0, 0)) == "99");
}

TEST_CASE("On a server the audit trail and the items record the authenticated login", "[.][server]")
{
    TempDatabase temp;
    const ReviewerLogin reviewer;
    auto store = Store::open(reviewer.location(temp), QStringLiteral("mallory"));
    CHECK(store->isServer());
    CHECK(store->actor() == reviewer.name);
    store->setActor(QStringLiteral("mallory"));
    CHECK(store->actor() == reviewer.name);

    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    Store::ItemPatch patch;
    patch.status = ItemStatus::Done;
    CHECK(store->setItem(id, QStringLiteral("a.b"), patch).changedBy == reviewer.name);
    for (const AuditEntry &entry : store->history(id))
        CHECK(entry.actor == reviewer.name);

    // Even SQL written by hand cannot name someone else: the database fills in who and when.
    CHECK(rawServerError(reviewer.location(temp),
                         "INSERT INTO preflight.audit(seq, time, actor, project_id, what, old_value, new_value, hash) "
                         "VALUES (1, '2020-01-01T00:00:00.000Z', 'mallory', 1, 'project:notes', '', 'x', 'forged')")
              .isEmpty());
    CHECK(rawServerError(reviewer.location(temp), "UPDATE preflight.item_states SET changed_by = 'mallory'").isEmpty());
    const auto history = store->history(1);
    CHECK(history.back().actor == reviewer.name);
    CHECK(history.back().hash != QStringLiteral("forged"));
    CHECK(store->loadState(id).itemState(QStringLiteral("a.b")).changedBy == reviewer.name);
    CHECK(store->verify().ok);
}

TEST_CASE("A call that finds the server's connection gone says so by its kind", "[.][server]")
{
    TempDatabase temp;
    auto store = temp.open(QStringLiteral("tester"));
    const qint64 id = store->createProject(draftProject(QStringLiteral("P")), preflight::test::appendixA()).id;
    TempDatabase::runOnServer(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'")
            .arg(temp.serverDatabase));
    // The window tells a lost connection (reconnect, keep the edit) from a refusal by this kind.
    try {
        store->loadState(id);
        FAIL("the state was read without a connection");
    } catch (const Error &error) {
        INFO(error.message().toStdString());
        CHECK(error.kind() == Error::Kind::ConnectionLost);
        CHECK(error.message().contains(QStringLiteral("the connection to the server was lost")));
    }
    // A refusal on a live connection is not one.
    auto again = temp.open(QStringLiteral("tester"));
    try {
        again->loadState(id + 1000);
        FAIL("a missing project was read");
    } catch (const Error &error) {
        CHECK(error.kind() != Error::Kind::ConnectionLost);
    }
}

TEST_CASE("No login can rewrite the server's audit trail, the tables' owner included", "[.][server]")
{
    TempDatabase temp;
    const ReviewerLogin reviewer;
    fillReview(*temp.open());
    const QString head = temp.open()->auditHead();

    for (const char *sql :
         { "UPDATE preflight.audit SET actor = 'x'", "DELETE FROM preflight.audit", "TRUNCATE preflight.audit",
           "UPDATE preflight.audit_head SET single = true", "DROP TRIGGER audit_no_change ON preflight.audit" }) {
        INFO(sql);
        CHECK_FALSE(rawServerError(reviewer.location(temp), sql).isEmpty());
    }
    for (const char *sql : { "UPDATE preflight.audit SET actor = 'x'", "DELETE FROM preflight.audit",
                             "TRUNCATE preflight.audit", "DELETE FROM preflight.audit_head" }) {
        INFO(sql);
        CHECK_FALSE(rawServerError(temp.path, sql).isEmpty());
    }
    auto store = temp.open();
    CHECK(store->auditHead() == head);
    CHECK(store->verify().ok);

    // A database administrator can still switch the guard off; verify then names the row.
    postgres::Connection admin(temp.path);
    admin.exec("ALTER TABLE preflight.audit DISABLE TRIGGER audit_no_change; "
               "UPDATE preflight.audit SET new_value = 'Tampered' WHERE seq = 3");
    const Store::Verification verification = store->verify();
    CHECK_FALSE(verification.ok);
    CHECK(verification.brokenSeq == 3);
}

TEST_CASE("db copy moves a review from a file to a server and back with its audit chain", "[.][server]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("review.db"));
    const QString archive = dir.filePath(QStringLiteral("archive.db"));
    qint64 id = 0;
    {
        auto original = Store::open(file, QStringLiteral("kim"));
        id = fillReview(*original);
    }
    TempDatabase server;
    const Store::CopySummary up = Store::copyDatabase(file, server.path);
    CHECK(up.projects == 1);
    CHECK(up.templates == 1);
    CHECK(up.auditHead == Store::open(file, QStringLiteral("kim"))->auditHead());
    {
        auto original = Store::open(file, QStringLiteral("kim"));
        auto onServer = server.open();
        CHECK(onServer->verify().ok);
        requireSameReview(*original, *onServer);
        CHECK(onServer->history(id).front().actor == QStringLiteral("kim"));

        // The copy goes on where the file stopped: new rows chain onto the copied head.
        Risk risk;
        risk.title = QStringLiteral("Added on the server");
        CHECK(onServer->addRisk(id, risk).id > original->loadState(id).risks.back().id);
        CHECK(onServer->verify().ok);
    }
    const Store::CopySummary down = Store::copyDatabase(server.path, archive);
    CHECK(down.auditHead == server.open()->auditHead());
    auto archived = Store::open(archive, QStringLiteral("kim"));
    CHECK(archived->verify().ok);
    requireSameReview(*server.open(), *archived);

    SECTION("into a database that already holds a review, nothing is copied")
    {
        const QString before = server.open()->auditHead();
        CHECK_THROWS_WITH(Store::copyDatabase(file, server.path), Catch::Contains("Nothing was copied"));
        CHECK(server.open()->auditHead() == before);
    }
    SECTION("into a server only as the tables' owner, who keeps the recorded logins")
    {
        TempDatabase fresh;
        const ReviewerLogin reviewer;
        CHECK_THROWS_WITH(Store::copyDatabase(file, reviewer.location(fresh)), Catch::Contains("owner"));
        CHECK(fresh.open()->projects().empty());
    }
}

TEST_CASE("db copy into a server refuses a chain with a row altered in the middle", "[.][server]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("review.db"));
    fillReview(*Store::open(file, QStringLiteral("kim")));
    // A row in the middle whose content no longer matches its hash; the rows after it still link.
    preflight::test::rawExec(
        file, QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET new_value = 'forged' WHERE seq = 3"));
    TempDatabase server;
    CHECK_THROWS_WITH(Store::copyDatabase(file, server.path), Catch::Contains("copied audit row 3 does not continue"));
    auto store = server.open();
    CHECK(store->projects().empty());
    CHECK(store->auditHead().isEmpty());
    CHECK(store->verify().ok);
}

namespace {

// Rows of `from` (a current server) into `to` (a server at schema 2), in the columns schema 2
// has: what an older Preflight left behind. Copied as the tables' owner, so the audit trigger
// checks that the copied rows continue the chain instead of stamping them anew.
void copyAsSchema2(postgres::Connection &from, postgres::Connection &to)
{
    struct Columns
    {
        const char *table;
        QByteArrayList names;
        QByteArrayList integers;
    };
    const std::vector<Columns> tables = {
        { "templates", { "id", "version", "json", "stored" }, {} },
        { "projects",
          { "id", "name", "description", "template_id", "template_version", "target_date", "actual_date", "notes",
            "created", "updated", "archived" },
          { "id", "archived" } },
        { "item_states",
          { "project_id", "item_id", "status", "reason", "note", "owner", "evidence", "changed_by", "changed_at" },
          { "project_id" } },
        { "risks",
          { "id", "project_id", "title", "severity", "mitigation", "owner", "status", "linked_items", "accepted_by",
            "accepted_until", "created", "updated" },
          { "id", "project_id" } },
        { "signoffs",
          { "project_id", "role", "name", "decision", "comment", "date", "state_digest", "audit_seq" },
          { "project_id", "audit_seq" } },
        { "audit",
          { "seq", "time", "actor", "project_id", "what", "old_value", "new_value", "hash" },
          { "seq", "project_id" } },
    };
    sql::Transaction writing(to);
    for (const Columns &table : tables) {
        QByteArrayList placeholders;
        for (int i = 1; i <= table.names.size(); ++i)
            placeholders << "?" + QByteArray::number(i);
        const QByteArray columns = table.names.join(", ");
        const QByteArray order = qstrcmp(table.table, "audit") == 0 ? " ORDER BY seq" : "";
        sql::Statement rows(from, ("SELECT " + columns + " FROM preflight." + table.table + order).constData());
        const QByteArray insert = "INSERT INTO preflight." + QByteArray(table.table) + "(" + columns + ") VALUES("
            + placeholders.join(", ") + ")";
        while (rows.step()) {
            sql::Statement write(to, insert.constData());
            for (int i = 0; i < table.names.size(); ++i) {
                if (rows.isNull(i))
                    write.bindNull(i + 1);
                else if (table.integers.contains(table.names[i]))
                    write.bind(i + 1, rows.integer(i));
                else
                    write.bind(i + 1, rows.text(i));
            }
            write.run();
        }
    }
    to.exec("SELECT setval(pg_get_serial_sequence('preflight.projects', 'id'), "
            "(SELECT max(id) FROM preflight.projects)), "
            "setval(pg_get_serial_sequence('preflight.risks', 'id'), (SELECT max(id) FROM preflight.risks))");
    writing.commit();
}

int schemaVersion(postgres::Connection &server)
{
    const postgres::Result version = server.exec("SELECT version FROM preflight.schema_version");
    return QByteArray(PQgetvalue(version.get(), 0, 0)).toInt();
}

} // namespace

TEST_CASE("server init upgrades a server at schema 2 with its review intact and roles that work", "[.][server]")
{
    TempDatabase current;
    qint64 id = 0;
    {
        auto store = current.open(QStringLiteral("kim"));
        id = fillReview(*store);
    }
    TempDatabase::runOnServer(
        QStringLiteral("CREATE DATABASE %1_old ENCODING 'UTF8' TEMPLATE template0").arg(current.serverDatabase));
    const auto dropOld = qScopeGuard([&current] {
        try {
            TempDatabase::runOnServer(QStringLiteral("DROP DATABASE %1_old WITH (FORCE)").arg(current.serverDatabase));
        } catch (const Error &) {
            // The throwaway server goes away anyway.
        }
    });
    const QString old = QStringLiteral("dbname=%1_old").arg(current.serverDatabase);
    {
        postgres::Connection owner(old);
        CHECK(serverschema::initialize(owner, 2).to == 2);
        REQUIRE(schemaVersion(owner) == 2);
        postgres::Connection source(current.path);
        copyAsSchema2(source, owner);
    }
    // An older Preflight's login: only in preflight_users, the one group schema 2 had.
    const ReviewerLogin veteran;
    CHECK_THROWS_WITH(Store::open(old, QStringLiteral("x")), Catch::Contains("holds Preflight schema version 2"));

    const Store::ServerUpgrade upgrade = Store::initServer(old);
    CHECK(upgrade.from == 2);
    CHECK(upgrade.to == Store::serverSchemaVersion());
    {
        postgres::Connection owner(old);
        CHECK(schemaVersion(owner) == Store::serverSchemaVersion());
    }
    auto upgraded = Store::open(old, QStringLiteral("x"));
    const Store::Verification verified = upgraded->verify();
    INFO(verified.problem.toStdString());
    CHECK(verified.ok);
    requireSameReview(*current.open(), *upgraded);
    const ProjectState state = upgraded->loadState(id);
    CHECK(state.signoffs.front().name == QStringLiteral("Sam"));
    CHECK(state.signoffs.front().keyFingerprint.isEmpty()); // signed before signatures existed
    CHECK_FALSE(state.project.requireSignatures);

    // Roles of step 3 work on the upgraded data: a reader reads and cannot write; a signer signs.
    ReviewerLogin reader;
    TempDatabase::runOnServer(QStringLiteral("REVOKE preflight_users FROM %1").arg(reader.name));
    Store::grantServerRoles(old, reader.name, { QStringLiteral("reader") });
    {
        auto asReader
            = Store::open(QStringLiteral("%1 user=%2 password=%3").arg(old, reader.name, reader.password), {});
        CHECK(asReader->loadState(id).reviewDigest() == state.reviewDigest());
        CHECK_FALSE(asReader->permissions().review);
        Store::ItemPatch done;
        done.status = ItemStatus::Done;
        CHECK_THROWS(asReader->setItem(id, QStringLiteral("ai.prompts"), done));
    }
    Store::grantServerRoles(old, veteran.name, { QStringLiteral("Security Lead") });
    auto asVeteran = Store::open(QStringLiteral("%1 user=%2 password=%3").arg(old, veteran.name, veteran.password), {});
    CHECK(asVeteran->permissions().administer); // preflight_users became the administrators' group
    SignOff signoff;
    signoff.role = QStringLiteral("Security Lead");
    signoff.name = QStringLiteral("Vera");
    asVeteran->signOff(id, signoff);
    const ProjectState after = upgraded->loadState(id);
    CHECK(after.signoffs.front().name == QStringLiteral("Vera"));
    CHECK(after.signoffs.front().login == veteran.name);
    CHECK(upgraded->verify().ok);
    CHECK(upgraded->history(id).size() == current.open()->history(id).size() + 1);
}
