// What only a team server does: its schema's life cycle, the login recorded by the database
// itself, an audit trail no login can rewrite, and whole databases copied between a file and a
// server. Hidden unless tests/with-server.sh runs the suite against a throwaway PostgreSQL.

#include "StoreTestSupport.h"
#include "storage/Postgres.h"
#include "storage/Store.h"

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

TEST_CASE("No login can rewrite the server's audit trail, the tables' owner included", "[.][server]")
{
    TempDatabase temp;
    const ReviewerLogin reviewer;
    fillReview(*temp.open());
    const QString head = temp.open()->auditHead();

    for (const char *sql :
         { "UPDATE preflight.audit SET actor = 'x'", "DELETE FROM preflight.audit", "TRUNCATE preflight.audit",
           "UPDATE preflight.audit_head SET seq = 1", "DROP TRIGGER audit_no_change ON preflight.audit" }) {
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
