#pragma once

#include "storage/IntegrityCheck.h"
#include "storage/Sql.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace preflight {

namespace audit {
class Appender;
}
namespace integrity {
class BackgroundCheck;
}
namespace postgres {
class Connection;
}

// An entity's audited fields as (audit key, value text) pairs, always in the same order so
// two snapshots of one entity can be compared field by field.
using AuditFields = std::vector<std::pair<AuditKey, QString>>;

// Private to the storage module: the parts of Store split across StoreOpen.cpp,
// StoreProjects.cpp and StoreReview.cpp share this state and these helpers.
struct Store::Impl
{
    std::unique_ptr<integrity::BackgroundCheck> integrityCheck; // the write gate points here
    std::unique_ptr<sql::Connection> db;
    sqlite::Connection *file = nullptr; // db's own connection when it is a file: backups, checks
    postgres::Connection *server = nullptr; // db when it is a server
    QString path; // db->location(): the file, or the server and database
    QString actor;

    // Throw Error(Usage) naming the database when the project does not exist. The label
    // (<db>: project "<name>") is all an edit needs and avoids reading megabytes of notes.
    Project requireProject(qint64 projectId) const;
    QString requireProjectLabel(qint64 projectId) const;
    ProjectState readState(const Project &project) const;
    // The states of `projects` (sorted by id), in that order, in a few queries over their id range.
    std::vector<ProjectState> readStates(const std::vector<Project> &projects,
                                         Store::StateDetail detail = Store::StateDetail::Full) const;
    // Any change to a project's review also moves its `updated` time, in the same transaction.
    void touchProject(qint64 projectId, const QString &time);

    // The bodies of createProject and setItem, run inside a caller's transaction so batches
    // can share one.
    Project insertProject(const Project &draft, const Template &tmpl, const QString &now);
    void insertTemplate(const Template &tmpl, const QString &now);

    // Parsed stored templates by "id\nversion": rows are immutable, so entries never go stale.
    mutable std::map<QString, std::shared_ptr<const Template>> parsedTemplates;
    ItemState applyItemPatch(qint64 projectId, const QString &label, const QString &itemId, const ItemPatch &patch,
                             const QString &now, const ItemPatch &expected = {});
    // On a server, throws Error(Usage) naming the group when the login may not sign as `role`.
    void requireSigner(const QString &role);
    // The sign-off's checks and fields (name, date, digest) inside the caller's transaction.
    std::pair<Project, SignOff> draftSignOff(qint64 projectId, const SignOff &signoff, const QString &date,
                                             bool signed_) const;
    // Records `signoff` as a new act (audited; sets its auditSeq); the caller holds the transaction.
    void writeSignOff(qint64 projectId, SignOff &signoff, const QString &now);
    void upsertSignOff(qint64 projectId, const SignOff &signoff); // every column as `signoff` says
    // Inserts a risk of the project, audited; the caller holds the transaction.
    Risk insertRisk(qint64 projectId, const QString &label, const Risk &risk, const QString &now);

    // Throws EditConflict for the first field whose stored value differs from what the editor
    // expected (`expected` is the stored snapshot with the editor's expectations applied).
    void requireExpected(qint64 projectId, const QString &where, const AuditFields &stored, const AuditFields &expected,
                         const AuditFields &written) const;

    // One audit row per field whose value differs; returns how many were written.
    static int auditChanges(audit::Appender &appender, qint64 projectId, const AuditFields &before,
                            const AuditFields &after);
};

} // namespace preflight
