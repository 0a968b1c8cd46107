// Store::migrateProject and the re-check flags it leaves (schema 5, table item_rechecks). Kept
// apart from the rest of the store: it only adds statements, and changes none the others run.
// Its undo is in StoreMigrateUndo.cpp.
#include "Error.h"
#include "storage/Audit.h"
#include "storage/MigrationRows.h"
#include "storage/StoreImpl.h"
#include "storage/StoreRows.h"
#include "storage/TimeFormat.h"
#include "templates/MigrationPlan.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace preflight {

namespace migration {

QString flagText(const QString &sinceVersion)
{
    return QStringLiteral("wording changed in %1").arg(sinceVersion);
}

AuditFields answerFields(const QString &itemId, const Row &row)
{
    const auto key = [&](const char *field) { return AuditKey::item(itemId, QLatin1String(field)); };
    return { { key(auditfield::status), row.status },
             { key("reason"), row.reason },
             { key("note"), row.note },
             { key("owner"), row.owner },
             { key("evidence"), row.evidence } };
}

void auditAnswer(audit::Appender &appender, qint64 projectId, const QString &itemId, const Row &before,
                 const Row &after)
{
    const AuditFields old = answerFields(itemId, before);
    const AuditFields now = answerFields(itemId, after);
    for (size_t i = 0; i < now.size(); ++i)
        appender.appendChange(projectId, now[i].first, old[i].second, now[i].second);
}

std::map<QString, Row> readRows(const sql::Connection &db, qint64 projectId)
{
    sql::Statement query(db,
                         "SELECT item_id, status, reason, note, owner, evidence, changed_by, changed_at "
                         "FROM item_states WHERE project_id = ?1");
    query.bind(1, projectId);
    std::map<QString, Row> rows;
    while (query.step())
        rows.emplace(query.text(0),
                     Row { query.text(1), query.text(2), query.text(3), query.text(4), query.text(5), query.text(6),
                           query.text(7) });
    return rows;
}

std::map<QString, Recheck> readFlags(const sql::Connection &db, qint64 projectId)
{
    sql::Statement query(
        db, (QByteArray("SELECT ") + rows::recheckColumns + " FROM item_rechecks WHERE project_id = ?1").constData());
    query.bind(1, projectId);
    std::map<QString, Recheck> flags;
    while (query.step())
        flags.emplace(query.text(0), Recheck { query.text(1), query.text(2) });
    return flags;
}

void insertRow(const sql::Connection &db, qint64 projectId, const QString &itemId, const Row &row)
{
    sql::Statement insert(db,
                          "INSERT INTO item_states(project_id, item_id, status, reason, note, owner, "
                          "evidence, changed_by, changed_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, projectId).bind(2, itemId).bind(3, row.status).bind(4, row.reason).bind(5, row.note);
    insert.bind(6, row.owner).bind(7, row.evidence).bind(8, row.changedBy).bind(9, row.changedAt).run();
}

void deleteRow(const sql::Connection &db, qint64 projectId, const QString &itemId)
{
    sql::Statement remove(db, "DELETE FROM item_states WHERE project_id = ?1 AND item_id = ?2");
    remove.bind(1, projectId).bind(2, itemId).run();
}

void writeFlag(const sql::Connection &db, qint64 projectId, const QString &itemId, const Recheck &flag)
{
    sql::Statement insert(db,
                          "INSERT INTO item_rechecks(project_id, item_id, old_text, since_version) "
                          "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(project_id, item_id) DO UPDATE SET "
                          "old_text = excluded.old_text, since_version = excluded.since_version");
    insert.bind(1, projectId).bind(2, itemId).bind(3, flag.oldText).bind(4, flag.sinceVersion).run();
}

void deleteFlag(const sql::Connection &db, qint64 projectId, const QString &itemId)
{
    sql::Statement remove(db, "DELETE FROM item_rechecks WHERE project_id = ?1 AND item_id = ?2");
    remove.bind(1, projectId).bind(2, itemId).run();
}

} // namespace migration

namespace {

using namespace migration;

class Migration
{
public:
    Migration(sql::Connection &db, audit::Appender &appender, qint64 projectId)
        : m_db(db)
        , m_appender(appender)
        , m_projectId(projectId)
        , m_rows(readRows(db, projectId))
        , m_flags(readFlags(db, projectId))
    { }

    // An answer leaves the state; its values stay in the audit rows written here.
    void removeAnswer(const QString &itemId)
    {
        const auto row = m_rows.find(itemId);
        if (row != m_rows.end()) {
            deleteRow(m_db, m_projectId, itemId);
            auditAnswer(m_appender, m_projectId, itemId, row->second, Row {});
            m_rows.erase(row);
        }
        removeFlag(itemId);
    }

    // Answers (and flags) of re-identified items move to their new ids. All are taken out before
    // any is put back, so chains (a → b while b → c) never overwrite each other.
    void rename(const std::map<QString, QString> &renamed)
    {
        std::vector<std::pair<QString, Row>> moving;
        std::vector<std::pair<QString, Recheck>> movingFlags;
        for (const auto &[from, to] : renamed) {
            if (const auto row = m_rows.find(from); row != m_rows.end()) {
                moving.emplace_back(to, row->second);
                removeAnswer(from);
            }
            if (const auto flag = m_flags.find(from); flag != m_flags.end()) {
                movingFlags.emplace_back(to, flag->second);
                removeFlag(from);
            }
        }
        for (const auto &[to, row] : moving) {
            removeAnswer(to); // a leftover answer of an item the old version did not have
            insertRow(m_db, m_projectId, to, row);
            Row before;
            before.status = itemStatusKey(ItemStatus::Open); // as setItem audits an item's first answer
            auditAnswer(m_appender, m_projectId, to, before, row);
            m_rows.emplace(to, row);
        }
        for (const auto &[to, flag] : movingFlags)
            setFlag(to, flag);
    }

    // A reworded item keeps its answer, flagged until confirmed. An item flagged by an earlier
    // migration keeps the wording it was first answered to.
    void flag(const QString &itemId, const QString &oldText, const QString &version)
    {
        if (m_rows.count(itemId) == 0 || m_flags.count(itemId) > 0)
            return;
        setFlag(itemId, { oldText, version });
        m_appender.append(m_projectId, AuditKey::item(itemId, QLatin1String(recheckField)), QString(),
                          flagText(version));
    }

private:
    void setFlag(const QString &itemId, const Recheck &flag)
    {
        writeFlag(m_db, m_projectId, itemId, flag);
        m_flags[itemId] = flag;
    }

    void removeFlag(const QString &itemId)
    {
        if (m_flags.erase(itemId) > 0)
            deleteFlag(m_db, m_projectId, itemId);
    }

    sql::Connection &m_db;
    audit::Appender &m_appender;
    qint64 m_projectId;
    std::map<QString, Row> m_rows;
    std::map<QString, Recheck> m_flags;
};

// Risk links follow re-identified items; links to removed items go (the audit row keeps them).
void relinkRisks(const sql::Connection &db, audit::Appender &appender, qint64 projectId, const MigrationPlan &plan,
                 const QString &now)
{
    sql::Statement risks(db, "SELECT id, linked_items FROM risks WHERE project_id = ?1");
    risks.bind(1, projectId);
    std::vector<std::pair<qint64, QStringList>> changed;
    while (risks.step()) {
        QStringList before;
        for (const auto &value : QJsonDocument::fromJson(risks.text(1).toUtf8()).array())
            before << value.toString();
        QStringList after;
        for (const QString &link : before) {
            if (plan.removed.contains(link))
                continue;
            const auto renamed = plan.renamed.find(link);
            after << (renamed == plan.renamed.end() ? link : renamed->second);
        }
        if (after != before) {
            appender.append(projectId, AuditKey::risk(risks.integer(0), QStringLiteral("linkedItems")),
                            before.join(QLatin1String(", ")), after.join(QLatin1String(", ")));
            changed.emplace_back(risks.integer(0), after);
        }
    }
    for (const auto &[id, links] : changed) {
        sql::Statement update(db, "UPDATE risks SET linked_items = ?2, updated = ?3 WHERE id = ?1");
        update.bind(1, id)
            .bind(2, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(links)).toJson(QJsonDocument::Compact)))
            .bind(3, now)
            .run();
    }
}

} // namespace

bool Store::migrateProject(qint64 projectId, const Template &to, const MigrationPlan &plan)
{
    sql::Transaction transaction(*d->db);
    const Project project = d->requireProject(projectId);
    const QString label = d->requireProjectLabel(projectId);
    if (to.id != plan.templateId || to.version != plan.toVersion)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: the migration plan is for template \"%2\" %3, not %4 %5")
                        .arg(label, plan.templateId, plan.toVersion, to.id, to.version));
    if (project.templateId == plan.templateId && project.templateVersion == plan.toVersion)
        return false;
    if (project.templateId != plan.templateId || project.templateVersion != plan.fromVersion)
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1 follows template \"%2\" %3, but the migration plan starts from %4 %5; plan "
                                   "again")
                        .arg(label, project.templateId, project.templateVersion, plan.templateId, plan.fromVersion));

    const QString now = d->db->transactionTime();
    d->insertTemplate(to, now);
    audit::Appender appender(*d->db, d->actor, now);
    Migration migrating(*d->db, appender, projectId);
    for (const QString &itemId : plan.removed)
        migrating.removeAnswer(itemId);
    migrating.rename(plan.renamed);
    for (const MigrationPlan::Carry &carry : plan.carried) {
        if (carry.recheck)
            migrating.flag(carry.toId, carry.oldText, plan.toVersion);
    }
    relinkRisks(*d->db, appender, projectId, plan, now);

    sql::Statement update(*d->db, "UPDATE projects SET template_version = ?2, updated = ?3 WHERE id = ?1");
    update.bind(1, projectId).bind(2, to.version).bind(3, now).run();
    appender.append(projectId, AuditKey::project(QStringLiteral("template")),
                    project.templateId + QLatin1Char('@') + project.templateVersion,
                    to.id + QLatin1Char('@') + to.version);
    // A sign-off approved the review on the old checklist. Its digest is kept, behind a prefix
    // that no review digest has, so it no longer matches and the sign-off reads stale.
    sql::Statement stale(*d->db, "UPDATE signoffs SET state_digest = ?2 || state_digest WHERE project_id = ?1");
    stale.bind(1, projectId).bind(2, QStringLiteral("migrated from %1: ").arg(project.templateVersion)).run();
    transaction.commit();
    return true;
}

std::map<QString, QString> Store::itemsToRecheck(qint64 projectId) const
{
    std::map<QString, QString> result;
    for (const auto &[id, flag] : readFlags(*d->db, projectId))
        result.emplace(id, flag.oldText);
    return result;
}

int Store::confirmItems(qint64 projectId, const QStringList &itemIds)
{
    sql::Transaction transaction(*d->db);
    d->requireProjectLabel(projectId);
    const std::map<QString, Recheck> flags = readFlags(*d->db, projectId);
    audit::Appender appender(*d->db, d->actor, d->db->transactionTime());
    int confirmed = 0;
    for (const QString &itemId : itemIds) {
        const auto flag = flags.find(itemId);
        if (flag == flags.end())
            continue;
        deleteFlag(*d->db, projectId, itemId);
        appender.append(projectId, AuditKey::item(itemId, QLatin1String(recheckField)),
                        flagText(flag->second.sinceVersion), QString());
        ++confirmed;
    }
    transaction.commit();
    return confirmed;
}

} // namespace preflight
