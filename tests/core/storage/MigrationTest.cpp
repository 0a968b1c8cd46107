#include "StoreTestSupport.h"
#include "storage/Audit.h"
#include "storage/Schema.h"
#include "storage/Sqlite.h"
#include "storage/SqliteDatabase.h"
#include "storage/Store.h"

#include <QFileInfo>

using namespace preflight;
using preflight::test::fileBytes;
using preflight::test::rawExec;
using preflight::test::TempDatabase;

namespace {

// Writes a database exactly as the release with schema `version` would have: its tables via the
// released migrations, its rows via that release's columns, and a valid audit chain.
void buildDatabaseAtVersion(const QString &path, int version)
{
    sqlite::Database database(path, sqlite::Connection::Mode::ReadWriteCreate);
    sqlite::Connection &db = database.file();
    schema::migrate(db, version);
    sqlite::Transaction transaction(db);
    const QString time = QStringLiteral("2025-01-02T03:04:05.678Z");
    db.exec("INSERT INTO projects(id, name, template_id, template_version, target_date, created, updated) "
            "VALUES(1, 'Legacy', 'appendix-a', '0.9.0', '2025-06-01', '2025-01-02T03:04:05.678Z', "
            "'2025-01-02T03:04:05.678Z')");
    db.exec("INSERT INTO item_states(project_id, item_id, status, reason, changed_by, changed_at) "
            "VALUES(1, 'ops.backups', 'na', 'stateless', 'old-app', '2025-01-02T03:04:05.678Z')");
    db.exec("INSERT INTO risks(id, project_id, title, severity, status, linked_items, created, updated) "
            "VALUES(7, 1, 'No failover', 'high', 'open', '[\"ops.backups\"]', '2025-01-02T03:04:05.678Z', "
            "'2025-01-02T03:04:05.678Z')");
    audit::Appender appender(database, QStringLiteral("old-app"), time);
    appender.append(1, AuditKey::parse(QStringLiteral("project:name")), QString(), QStringLiteral("Legacy"));
    const qint64 seq = appender.append(1, AuditKey::parse(QStringLiteral("signoff:SRE")), QString(),
                                       QStringLiteral("approve by Kim"));
    appender.append(1, AuditKey::parse(QStringLiteral("item:ops.backups:status")), QStringLiteral("open"),
                    QStringLiteral("na"));
    sqlite::Statement signoff(db,
                              "INSERT INTO signoffs(project_id, role, name, decision, date, state_digest, "
                              "audit_seq) VALUES(1, 'SRE', 'Kim', 'approve', ?1, 'abc', ?2)");
    signoff.bind(1, time).bind(2, seq).run();
    transaction.commit();
    REQUIRE(db.pragmaInt("PRAGMA user_version") == version);
}

} // namespace

TEST_CASE("Databases from every earlier schema version migrate with their data intact", "[store][migration]")
{
    REQUIRE(Store::schemaVersion() == 7);
    for (int version = 1; version < Store::schemaVersion(); ++version) {
        INFO("from schema version " << version);
        TempDatabase temp;
        buildDatabaseAtVersion(temp.path, version);

        auto store = temp.open();
        {
            sqlite::Connection check(temp.path, sqlite::Connection::Mode::ReadOnly);
            CHECK(check.pragmaInt("PRAGMA user_version") == Store::schemaVersion());
            CHECK(check.pragmaInt("PRAGMA application_id") == schema::applicationId);
            // The day's backup was taken before migrating: the old release can still open it.
            const QString backup = temp.dir.filePath(
                QStringLiteral("backups/review-%1.db").arg(QDate::currentDate().toString(Qt::ISODate)));
            sqlite::Connection old(backup, sqlite::Connection::Mode::ReadOnly);
            CHECK(old.pragmaInt("PRAGMA user_version") == version);
        }
        const auto project = store->findProject(QStringLiteral("Legacy"));
        REQUIRE(project.has_value());
        CHECK(project->templateVersion == QStringLiteral("0.9.0"));
        // Version 4 stores templates; this release's 0.9.0 is not in the file yet.
        REQUIRE(store->missingTemplates().size() == 1);
        CHECK(store->missingTemplates()[0].version == QStringLiteral("0.9.0"));
        CHECK(project->targetDate == QDate(2025, 6, 1));
        const ProjectState state = store->loadState(project->id);
        const ItemState item = state.itemState(QStringLiteral("ops.backups"));
        CHECK(item.status == ItemStatus::NotApplicable);
        CHECK(item.reason == QStringLiteral("stateless"));
        CHECK(item.evidence.isEmpty()); // added by version 2
        CHECK_FALSE(state.project.profile.has_value()); // version 7: no profile, every item applies
        REQUIRE(state.risks.size() == 1);
        CHECK(state.risks[0].id == 7);
        CHECK(state.risks[0].linkedItems == QStringList { QStringLiteral("ops.backups") });
        CHECK(state.risks[0].acceptedBy.isEmpty());
        CHECK_FALSE(state.risks[0].acceptedUntil.has_value());
        REQUIRE(state.signoffs.size() == 1);
        CHECK(state.signoffs[0].changesSince == 1);
        CHECK(store->verify().ok);

        // The migrated file takes the new columns and enforces the audit triggers.
        Store::ItemPatch patch;
        patch.evidence = QStringLiteral("https://runbook");
        store->setItem(project->id, QStringLiteral("ops.backups"), patch);
        CHECK(store->loadState(project->id).itemState(QStringLiteral("ops.backups")).evidence
              == QStringLiteral("https://runbook"));
        CHECK(preflight::test::rawExecError(temp.path, QStringLiteral("DELETE FROM audit"))
              == QStringLiteral("audit rows are append-only"));
        CHECK(store->history(project->id).size() == 4);
    }
}

TEST_CASE("A database from a newer Preflight is refused and left untouched", "[store][migration]")
{
    TempDatabase temp;
    temp.open()->createProject(preflight::test::draftProject(QStringLiteral("Future")), preflight::test::appendixA());
    rawExec(temp.path, QStringLiteral("PRAGMA user_version = 99"));
    const QByteArray before = fileBytes(temp.path);
    const QDateTime modified = QFileInfo(temp.path).lastModified();

    try {
        temp.open();
        FAIL("newer schema accepted");
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Data);
        CHECK(error.message().contains(temp.path));
        CHECK(error.message().contains(QStringLiteral("schema version 99")));
        CHECK(error.message().contains(QStringLiteral("reads up to 7")));
    }
    CHECK(fileBytes(temp.path) == before);
    CHECK(QFileInfo(temp.path).lastModified() == modified);
}

TEST_CASE("A migration that fails leaves the file at the last version that completed", "[store][migration]")
{
    TempDatabase temp;
    buildDatabaseAtVersion(temp.path, 1);
    // An object in the way of migration 3 (someone's hand-made index with the same name).
    rawExec(temp.path, QStringLiteral("CREATE INDEX audit_by_project ON projects(name)"));

    CHECK_THROWS_WITH(temp.open(),
                      Catch::Contains(temp.path.toStdString())
                          && Catch::Contains("from schema version 2 to 3 failed and was rolled back")
                          && Catch::Contains("audit_by_project already exists"));
    sqlite::Connection check(temp.path, sqlite::Connection::Mode::ReadOnly);
    CHECK(check.pragmaInt("PRAGMA user_version") == 2);
    sqlite::Statement columns(check, "SELECT count(*) FROM pragma_table_info('item_states') WHERE name = 'evidence'");
    REQUIRE(columns.step());
    CHECK(columns.integer(0) == 1);
    sqlite::Statement triggers(check, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
    REQUIRE(triggers.step());
    CHECK(triggers.integer(0) == 0); // nothing of migration 3 stayed behind
}
