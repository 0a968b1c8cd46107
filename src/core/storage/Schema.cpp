#include "storage/Schema.h"

#include "Error.h"
#include "storage/Sqlite.h"

#include <sqlite3.h>

#include <array>

namespace preflight::schema {

namespace {

// Each entry moves the schema from version (index) to (index + 1). Released entries are never
// edited: a database written by that release must migrate exactly as it did then.
constexpr std::array migrations = {
    // 1: the first release.
    R"sql(
    CREATE TABLE projects(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        template_id TEXT NOT NULL,
        template_version TEXT NOT NULL,
        target_date TEXT,
        actual_date TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE item_states(
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK(status IN ('open', 'done', 'na')),
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        changed_by TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        UNIQUE(project_id, item_id));
    CREATE TABLE risks(
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        severity TEXT NOT NULL,
        mitigation TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        linked_items TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL,
        updated TEXT NOT NULL);
    CREATE INDEX risks_by_project ON risks(project_id);
    CREATE TABLE signoffs(
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        decision TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL,
        state_digest TEXT NOT NULL,
        audit_seq INTEGER NOT NULL,
        PRIMARY KEY(project_id, role));
    CREATE TABLE audit(
        seq INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        actor TEXT NOT NULL,
        project_id INTEGER NOT NULL,
        what TEXT NOT NULL,
        old_value TEXT NOT NULL,
        new_value TEXT NOT NULL,
        hash TEXT NOT NULL);
    )sql",
    // 2: evidence links on items, and who accepted a risk until when.
    R"sql(
    ALTER TABLE item_states ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
    ALTER TABLE risks ADD COLUMN accepted_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE risks ADD COLUMN accepted_until TEXT;
    )sql",
    // 3: audit rows by project (history and stale sign-off counts were full scans), and triggers
    // that make the audit table append-only even for SQL run through the application.
    R"sql(
    CREATE INDEX audit_by_project ON audit(project_id, seq);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
    )sql",
    // 4: the template versions the projects follow, as canonical JSON keyed by (id, version),
    // so that a copied file is a complete review. A stored version is never changed: a changed
    // template is a new version.
    R"sql(
    CREATE TABLE templates(
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        json TEXT NOT NULL,
        stored TEXT NOT NULL,
        PRIMARY KEY(id, version));
    CREATE TRIGGER templates_no_update BEFORE UPDATE ON templates
        BEGIN SELECT RAISE(ABORT, 'stored template versions are never changed'); END;
    )sql",
    // 5: answers whose item was reworded by a template migration, flagged "wording changed —
    // re-check" until someone confirms them; old_text is the wording the answer was given to.
    // A table of its own, so item_states and every query on it stay as they were.
    R"sql(
    CREATE TABLE item_rechecks(
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        old_text TEXT NOT NULL,
        since_version TEXT NOT NULL,
        PRIMARY KEY(project_id, item_id));
    )sql",
    // 6: SSH-signed sign-offs. The exact statement that was signed is kept with its signature,
    // so a verifier checks the signature over those bytes and then that they still say what
    // the row says. A project can require every sign-off to be signed.
    R"sql(
    ALTER TABLE signoffs ADD COLUMN statement TEXT NOT NULL DEFAULT '';
    ALTER TABLE signoffs ADD COLUMN signature TEXT NOT NULL DEFAULT '';
    ALTER TABLE signoffs ADD COLUMN key_fingerprint TEXT NOT NULL DEFAULT '';
    ALTER TABLE projects ADD COLUMN require_signatures INTEGER NOT NULL DEFAULT 0;
    )sql",
    // 7: applicability profiles (model/Profile.h): the template tags that apply to the project,
    // sorted and joined by commas. NULL is no profile (every item applies), so every project
    // from before keeps its scores; '' is the empty profile (only untagged items apply).
    R"sql(
    ALTER TABLE projects ADD COLUMN profile TEXT;
    )sql",
};

} // namespace

int currentVersion()
{
    return int(migrations.size());
}

Inspection inspect(const sqlite::Connection &db)
{
    Inspection result;
    result.version = int(db.pragmaInt("PRAGMA user_version"));
    const qint64 appId = db.pragmaInt("PRAGMA application_id");
    sqlite::Statement tables(db, "SELECT count(*) FROM sqlite_schema");
    tables.step();
    result.empty = tables.integer(0) == 0;
    result.foreign = (appId != 0 && appId != applicationId) || (result.version > 0 && appId != applicationId)
        || (result.version == 0 && !result.empty);
    return result;
}

void migrate(sqlite::Connection &db, int targetVersion)
{
    for (;;) {
        sqlite::Transaction transaction(db);
        // Read inside the write lock: another process may have migrated while we waited.
        const int version = int(db.pragmaInt("PRAGMA user_version"));
        if (version >= targetVersion)
            return;
        try {
            db.exec(migrations[size_t(version)]);
        } catch (const Error &error) {
            // SQLite's own words (still current: the rollback has not run yet), without the DDL.
            throw Error(error.kind(),
                        QStringLiteral("%1: upgrading the database from schema version %2 to %3 failed "
                                       "and was rolled back: %4")
                            .arg(db.path())
                            .arg(version)
                            .arg(version + 1)
                            .arg(QString::fromUtf8(sqlite3_errmsg(db.handle()))));
        }
        // PRAGMAs take no bound parameters; both values are integers we produce ourselves.
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1).toUtf8().constData());
        if (version == 0)
            db.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId).toUtf8().constData());
        transaction.commit();
    }
}

} // namespace preflight::schema
