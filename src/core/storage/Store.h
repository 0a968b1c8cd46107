#pragma once

#include "Error.h"
#include "model/Project.h"
#include "storage/Sql.h"

#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace preflight {

struct MigrationPlan;

// An edit refused because another writer changed a field since the editor read it.
class EditConflict : public Error
{
public:
    EditConflict(const QString &message, QString field, QString theirs, QString yours, QString changedBy)
        : Error(Kind::Conflict, message)
        , field(std::move(field))
        , theirs(std::move(theirs))
        , yours(std::move(yours))
        , changedBy(std::move(changedBy))
    { }
    QString field; // e.g. "note"
    QString theirs; // the value now stored
    QString yours; // the value the refused edit would have written
    QString changedBy; // who wrote `theirs`, from the audit trail (empty when unknown)
};

// The only place that speaks SQL. One database holds many projects: an SQLite file (the default,
// and the offline mode) or a PostgreSQL server (the team mode); callers cannot tell them apart
// except by isServer(). Every public mutating call is one transaction that also appends its
// audit rows; it either commits whole and returns, or throws preflight::Error and leaves the
// database unchanged. All methods throw Error on failure, with a message naming the database
// and the project/item/field concerned.
class Store
{
public:
    // Opens or creates the database at `path` (creating parent folders), migrating an older
    // schema forward. Refuses, without modifying the file, a newer schema, a non-SQLite file, or
    // one that cannot be written. The full integrity check and the day's backup run in the
    // background (first, when a migration has to write); the first write waits for them and
    // throws Error(Data) when the file is corrupt, so a corrupt file is never written to.
    // FileCheck::BeforeFirstWrite runs them only then, on the calling thread: for a command, which
    // ends long before a background check of a large file would, and whose reads should not have
    // to share the disk and the processor with one (a store that never writes never checks).
    //
    // A `location` that is a PostgreSQL URI (postgresql://…) or libpq keyword string
    // (service=…, host=… dbname=…) connects to a server instead, whose schema must have been
    // set up with initServer(). There the audit trail records the login the server
    // authenticated, whatever `actor` says; `password` is used for this connection only.
    enum class FileCheck { InBackground, BeforeFirstWrite };
    static std::unique_ptr<Store> open(const QString &location, const QString &actor, const QString &password = {},
                                       FileCheck fileCheck = FileCheck::InBackground);
    static bool isServerLocation(const QString &location);
    static QString withoutPassword(const QString &location); // for messages and recent lists
    // Whether connecting to `location` fails only for want of a password (asked before prompting).
    static bool serverNeedsPassword(const QString &location);
    struct ServerUpgrade
    {
        int from = 0; // 0: the database had no Preflight schema
        int to = 0;
    };
    // Creates or upgrades the server's schema; see ServerSchema.h.
    static ServerUpgrade initServer(const QString &location);
    static int serverSchemaVersion();
    // Roles on a server (README.md, "Roles on a team server"): reader, reviewer, admin, and one
    // per sign-off role of the stored templates, each with the logins that hold it directly.
    struct ServerRole
    {
        QString role;
        QString group; // the PostgreSQL group role
        QStringList members;
    };
    static std::vector<ServerRole> serverRoles(const QString &location);
    // Grants or revokes roles (as serverRoles() names them, or group names) in one transaction;
    // an unknown login or role changes nothing. Returns the groups granted or revoked.
    static QStringList grantServerRoles(const QString &location, const QString &login, const QStringList &roles);
    static QStringList revokeServerRoles(const QString &location, const QString &login, const QStringList &roles);
    struct CopySummary
    {
        int projects = 0;
        int templates = 0;
        qint64 auditRows = 0;
        QString auditHead;
    };
    // Copies every project, template, item state, risk, sign-off and audit row (its hash chain
    // unchanged) from one database to another, file or server, in one transaction on the
    // destination, which must hold no projects and no audit rows yet.
    static CopySummary copyDatabase(const QString &source, const QString &destination);
    static QString defaultPath(); // QStandardPaths::AppDataLocation/preflight.db
    static QString defaultActor(); // the operating-system user name

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const; // the file, or the server as postgresql://login@host:port/database
    bool isServer() const;
    QString actor() const; // on a server, always the authenticated login
    // What this store's user may do. A file allows everything; on a server the database decides
    // (the grants and the sign-off trigger of server schema step 3), and this asks it.
    struct Permissions
    {
        bool review = true; // items, notes, evidence, risks
        bool administer = true; // projects, templates, archive, delete
        bool signAnyRole = true; // a file, or the server's owner
        QStringList signAs; // on a server: the sign-off roles of stored templates this login holds
        bool maySignAs(const QString &role) const { return signAnyRole || signAs.contains(role); }
    };
    Permissions permissions() const;
    void setActor(const QString &actor); // ignored on a server

    // --- projects
    std::vector<Project> projects() const; // archived ones included, ordered by name
    std::optional<Project> findProject(const QString &name) const;
    std::optional<Project> project(qint64 projectId) const;
    // `draft` supplies name, description, dates, notes and profile (its tags must be ones `tmpl`
    // carries); the project follows `tmpl`, which is stored in the database in the same
    // transaction unless its version is stored already.
    Project createProject(const Project &draft, const Template &tmpl);
    struct ProjectPatch
    {
        std::optional<QString> name;
        std::optional<QString> description;
        std::optional<std::optional<QDate>> targetDate;
        std::optional<std::optional<QDate>> actualDate;
        std::optional<QString> notes;
        std::optional<bool> archived;
        std::optional<bool> requireSignatures;
        // The applicability profile; Profile(std::nullopt) removes it. Tags the project's template
        // does not carry are refused (Error(Usage) naming the tag and listing the known ones).
        std::optional<Profile> profile = {}; // a default, so the aggregate initialisers before it still compile
    };
    Project updateProject(qint64 projectId, const ProjectPatch &patch);
    void deleteProject(qint64 projectId); // removes its items, risks and sign-offs; audit rows stay

    ProjectState loadState(qint64 projectId) const;
    // The states of many projects, each exactly as loadState() reads it, but in a few set-based
    // queries for all of them rather than several per project (the portfolio reads a thousand
    // reviews this way), from one snapshot, in id order. The queries read the id range from the
    // smallest id asked for to the largest, so ask for runs of nearby ids, a hundred or so at a
    // time to keep memory small. Projects that do not exist (any more) are left out.
    // StateDetail::Scoring leaves each item's note, changedBy and changedAt empty: assess() and
    // reviewDigest() read none of them, and for a thousand reviews they are a fifth of the reading.
    enum class StateDetail { Full, Scoring };
    std::vector<ProjectState> loadStates(const std::vector<qint64> &projectIds,
                                         StateDetail detail = StateDetail::Full) const;

    // --- items: only the fields set in the patch are written, so two writers editing different
    // fields of one item never overwrite each other.
    struct ItemPatch
    {
        std::optional<ItemStatus> status;
        std::optional<QString> reason;
        std::optional<QString> note;
        std::optional<QString> owner;
        std::optional<QString> evidence;
    };
    // Throws Error(Usage) when the result would be N/A without a reason.
    //
    // `expected` holds, for fields the editor saw before changing them, the values it saw. When
    // another writer changed one of them since, nothing is written and EditConflict says who
    // changed what: an edit (or an undo) never silently replaces a colleague's later change.
    ItemState setItem(qint64 projectId, const QString &itemId, const ItemPatch &patch, const ItemPatch &expected = {});
    struct ItemEdit
    {
        QString itemId;
        ItemPatch patch;
        ItemPatch expected = {};
    };
    // Several items in one transaction: all are written or, on the first refusal, none.
    std::vector<ItemState> setItems(qint64 projectId, const std::vector<ItemEdit> &edits);
    // A new project with its first item states and risks in one transaction (Markdown import):
    // all are written or, on the first refusal, none.
    Project createProjectWithItems(const Project &draft, const Template &tmpl, const std::vector<ItemEdit> &edits,
                                   const std::vector<Risk> &risks = {});

    // --- templates: every template version a project uses is kept in the database as canonical
    // JSON keyed by (id, version), so the file is a complete review wherever it is copied.
    // The stored copy, parsed once per Store; nullptr when the database does not hold it.
    // Throws Error(Data) naming the database, id and version when the stored JSON is damaged.
    std::shared_ptr<const Template> storedTemplate(const QString &id, const QString &version) const;
    // Stores `tmpl` unless its (id, version) is stored already: a stored version never changes.
    void storeTemplate(const Template &tmpl);
    struct TemplateKey
    {
        QString id;
        QString version;
    };
    // The versions projects use that the database does not hold (databases from before schema 4).
    std::vector<TemplateKey> missingTemplates() const;

    // --- template migration (StoreMigrate.cpp)
    // Moves the project from plan.fromVersion to `to` (plan.toVersion) in one audited transaction:
    // answers follow their items (to the new id of a re-identified one), answers of removed items
    // are deleted from the state (the audit rows record them), reworded items are flagged for a
    // re-check, risk links follow re-identified items and drop removed ones, `to` is stored, and
    // every sign-off goes stale. Returns false, writing nothing, when the project is on
    // plan.toVersion already; throws Error(Conflict) when it is on neither version (a stale plan).
    bool migrateProject(qint64 projectId, const Template &to, const MigrationPlan &plan);
    // Undoes migrateProject in one audited transaction: the project goes back to
    // plan.fromVersion and its answers, re-check flags and risk links become those of `before`
    // (the state loaded just before the migration, times and authors included), and the
    // sign-offs it made stale read as they did. `after` is the state the migration left: when
    // anyone changed an answer, flag or link since, nothing is written and EditConflict names
    // it. Returns false, writing nothing, when the project is on plan.fromVersion already.
    bool revertMigration(qint64 projectId, const MigrationPlan &plan, const ProjectState &before,
                         const ProjectState &after);
    // Answers migrations removed with their items (from the audit trail), oldest first; answers
    // whose item the current version has again are left out. With `until`, as they stood then:
    // migrations after it are ignored, and "current" is the version the project was on at that time.
    std::vector<RemovedAnswer> removedAnswers(qint64 projectId, const std::optional<QDateTime> &until = {}) const;
    // The versions of template `id` the database holds (any order).
    QStringList storedTemplateVersions(const QString &id) const;
    // The project's answers flagged "wording changed — re-check": item id → the wording answered.
    std::map<QString, QString> itemsToRecheck(qint64 projectId) const;
    // Clears those flags for `itemIds` (audited); returns how many were set.
    int confirmItems(qint64 projectId, const QStringList &itemIds);
    // Puts flags back as they were (undoing confirmItems), audited; returns how many were set.
    int restoreRechecks(qint64 projectId, const std::map<QString, Recheck> &flags);

    // --- risks
    Risk addRisk(qint64 projectId, const Risk &risk); // id, created, updated are assigned
    struct RiskPatch
    {
        std::optional<QString> title;
        std::optional<Severity> severity;
        std::optional<QString> mitigation;
        std::optional<QString> owner;
        std::optional<RiskStatus> status;
        std::optional<QStringList> linkedItems;
        std::optional<QString> acceptedBy;
        std::optional<std::optional<QDate>> acceptedUntil;
    };
    // `expected` works as for setItem.
    Risk updateRisk(qint64 projectId, qint64 riskId, const RiskPatch &patch, const RiskPatch &expected = {});
    void removeRisk(qint64 projectId, qint64 riskId);
    // Brings back a removed risk as it was, with its id and creation time (undoing a removal);
    // throws EditConflict when a risk with that id exists again.
    Risk restoreRisk(qint64 projectId, const Risk &risk);

    // --- sign-offs: the latest per role counts. stateDigest is computed here from the state.
    // With `sign`, the canonical statement (signing/SignOffStatement.h) is built from a read of
    // the review and handed to it before the write transaction begins; the write then refuses
    // with Error(Conflict), writing nothing, when the review changed meanwhile, and stores the
    // statement's date as the sign-off's. Whatever `sign` throws leaves the database unchanged.
    // A project that requires signatures refuses an unsigned one.
    struct Signature
    {
        QString signature; // armored SSH signature
        QString keyFingerprint;
    };
    using StatementSigner = std::function<Signature(const QString &statement)>;
    SignOff signOff(qint64 projectId, const SignOff &signoff, const StatementSigner &sign = {});
    // signOff with `sign` in its two store steps, for a caller that signs asynchronously (the
    // window, so that a key waiting for a touch never freezes it): prepareSignedSignOff checks
    // the sign-off in a read transaction and returns it with its statement to sign;
    // recordSignedSignOff writes it once its signature and keyFingerprint are filled in,
    // refusing with Error(Conflict), writing nothing, when the statement no longer describes
    // the review. Between the two, nothing holds a lock.
    SignOff prepareSignedSignOff(qint64 projectId, const SignOff &signoff) const;
    SignOff recordSignedSignOff(qint64 projectId, const SignOff &prepared);
    void clearSignOff(qint64 projectId, const QString &role);
    // Puts back a role's sign-off exactly as it was stored (undo and redo): name, decision,
    // comment, date, digest, statement, signature and key, and its audit row's seq, so a
    // signature still verifies and a sign-off older than later changes is still stale. nullopt
    // removes it. `expected` is the sign-off the caller saw (nullopt: none); when the role's
    // sign-off is another one now, nothing is written and EditConflict says who gave it. Audited;
    // on a server only members of the role's group may do it, as for signing. On a server the
    // row records the login that restores it: the database attests who wrote each row.
    void restoreSignOff(qint64 projectId, const QString &role, const std::optional<SignOff> &expected,
                        const std::optional<SignOff> &restored);

    // --- audit trail
    std::vector<AuditEntry> history(qint64 projectId) const;
    QString auditHead() const; // hash of the newest row, empty when there is none
    // Who made the project's newest audited change; empty when there is none.
    QString lastActor(qint64 projectId) const;
    // lastActor() of many projects in one query, keyed by project id; as loadStates(), it reads the
    // range between the smallest and the largest id and leaves out projects that do not exist.
    std::map<qint64, QString> lastActors(const std::vector<qint64> &projectIds) const;
    // auditHead() as it was at `time`: the hash of the row before the first one stamped after it
    // (the trail's prefix, as a replay reads it), so a report replayed to that moment carries the
    // head its printout carried. Empty when no row is that old.
    QString auditHeadAt(const QDateTime &time) const;
    struct Verification
    {
        bool ok = true;
        QString integrity; // PRAGMA integrity_check result ("ok" when fine)
        std::optional<qint64> brokenSeq; // first audit row whose content, order or deletion breaks the chain
        QString problem; // human-readable description of the first problem
        qint64 rowsChecked = 0;
    };
    Verification verify() const;

    // Changes whenever another connection commits: PRAGMA data_version for a file; on a server,
    // the count of change notifications from other sessions (LISTEN/NOTIFY). Cheap to call.
    qint64 dataVersion() const;
    // On a server, the socket on which change notifications arrive (watch it instead of polling
    // dataVersion); -1 for a file.
    int changeSocket() const;
    // On a server, reconnecting after the connection was lost without blocking the caller:
    // start, then continue whenever connectionSocket() is ready for what the step waits for.
    // libpq's connect_timeout does not apply here; the caller gives up when it sees fit. A
    // file is always connected.
    sql::Reconnection startReconnect();
    sql::Reconnection continueReconnect();
    int connectionSocket() const; // -1 for a file; may change between reconnection steps

    // --- backups (files only; a server's backups are its own, pg_dump):
    // <db folder>/backups/<db name>-YYYY-MM-DD.db, the last 7 kept.
    QString backupNow(); // returns the backup file path
    static void restoreBackup(const QString &backupPath, const QString &databasePath);

    // Schema version this build writes (PRAGMA user_version).
    static int schemaVersion();

private:
    Store();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace preflight
