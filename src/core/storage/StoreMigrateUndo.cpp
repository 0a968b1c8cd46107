// Undoing a template migration (Store::revertMigration) and reading back what migrations removed
// (Store::removedAnswers). Only statements both SQLite and PostgreSQL run alike, as in
// StoreMigrate.cpp: no schema of its own, the audit trail and the stored templates are enough.
#include "Error.h"
#include "storage/Audit.h"
#include "storage/MigrationRows.h"
#include "storage/TimeFormat.h"
#include "templates/MigrationPlan.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <set>
#include <tuple>

namespace preflight {

using namespace migration;

namespace {

// How an item without a row reads, as setItem audits an item's first answer.
Row openRow()
{
    Row row;
    row.status = itemStatusKey(ItemStatus::Open);
    return row;
}

Row rowOf(const ItemState &state)
{
    return { itemStatusKey(state.status), state.reason, state.note, state.owner, state.evidence, state.changedBy,
             formatTime(state.changedAt) };
}

Row rowIn(const std::map<QString, ItemState> &items, const QString &itemId)
{
    const auto it = items.find(itemId);
    return it == items.end() ? openRow() : rowOf(it->second);
}

std::map<qint64, QStringList> readLinks(const sql::Connection &db, qint64 projectId)
{
    sql::Statement risks(db, "SELECT id, linked_items FROM risks WHERE project_id = ?1");
    risks.bind(1, projectId);
    std::map<qint64, QStringList> links;
    while (risks.step()) {
        QStringList items;
        for (const auto &value : QJsonDocument::fromJson(risks.text(1).toUtf8()).array())
            items << value.toString();
        links.emplace(risks.integer(0), items);
    }
    return links;
}

std::map<qint64, QStringList> linksOf(const ProjectState &state)
{
    std::map<qint64, QStringList> links;
    for (const Risk &risk : state.risks)
        links.emplace(risk.id, risk.linkedItems);
    return links;
}

// "appendix-a@1.1" as the migration audits the project's template.
std::pair<QString, QString> templateKey(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? std::pair { text, QString() } : std::pair { text.left(at), text.mid(at + 1) };
}

} // namespace

bool Store::revertMigration(qint64 projectId, const MigrationPlan &plan, const ProjectState &before,
                            const ProjectState &after)
{
    sql::Transaction transaction(*d->db);
    const Project project = d->requireProject(projectId);
    const QString label = d->requireProjectLabel(projectId);
    if (project.templateId == plan.templateId && project.templateVersion == plan.fromVersion)
        return false;
    if (project.templateId != plan.templateId || project.templateVersion != plan.toVersion)
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1 follows template \"%2\" %3 now, not %4 %5: the migration cannot be undone")
                        .arg(label, project.templateId, project.templateVersion, plan.templateId, plan.toVersion));

    // Nothing the migration left may have changed since: an undo never overwrites a later edit.
    const std::map<QString, Row> rows = readRows(*d->db, projectId);
    std::set<QString> ids;
    for (const auto &[id, row] : rows)
        ids.insert(id);
    for (const auto &[id, state] : after.items)
        ids.insert(id);
    for (const auto &[id, state] : before.items)
        ids.insert(id);
    for (const QString &id : ids) {
        const auto row = rows.find(id);
        const Row stored = row == rows.end() ? openRow() : row->second;
        d->requireExpected(projectId, QStringLiteral("%1, item %2").arg(label, id), answerFields(id, stored),
                           answerFields(id, rowIn(after.items, id)), answerFields(id, rowIn(before.items, id)));
    }
    const std::map<QString, Recheck> flags = readFlags(*d->db, projectId);
    if (flags != after.rechecks)
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1: answers flagged for a re-check were confirmed since the migration; the "
                                   "migration was not undone")
                        .arg(label));
    const std::map<qint64, QStringList> links = readLinks(*d->db, projectId);
    const std::map<qint64, QStringList> linksBefore = linksOf(before);
    const std::map<qint64, QStringList> linksAfter = linksOf(after);
    for (const auto &[riskId, items] : linksBefore) {
        const auto now = links.find(riskId);
        const auto left = linksAfter.find(riskId);
        if (now == links.end() || left == linksAfter.end() || now->second != left->second)
            throw Error(Error::Kind::Conflict,
                        QStringLiteral("%1: risk R%2 changed since the migration; the migration was not undone")
                            .arg(label)
                            .arg(riskId));
    }

    const QString now = d->db->transactionTime();
    audit::Appender appender(*d->db, d->actor, now);
    for (const QString &id : ids) {
        const auto row = rows.find(id);
        const auto was = before.items.find(id);
        if (was == before.items.end()) {
            if (row != rows.end()) {
                deleteRow(*d->db, projectId, id);
                auditAnswer(appender, projectId, id, row->second, Row {});
            }
            continue;
        }
        const Row restored = rowOf(was->second);
        if (row != rows.end()) {
            const Row &stored = row->second;
            if (std::tie(stored.status, stored.reason, stored.note, stored.owner, stored.evidence, stored.changedBy,
                         stored.changedAt)
                == std::tie(restored.status, restored.reason, restored.note, restored.owner, restored.evidence,
                            restored.changedBy, restored.changedAt))
                continue;
            deleteRow(*d->db, projectId, id);
        }
        insertRow(*d->db, projectId, id, restored);
        auditAnswer(appender, projectId, id, row == rows.end() ? openRow() : row->second, restored);
    }
    for (const auto &[id, flag] : flags) {
        if (before.rechecks.count(id) == 0) {
            deleteFlag(*d->db, projectId, id);
            appender.append(projectId, AuditKey::item(id, QLatin1String(recheckField)), flagText(flag.sinceVersion),
                            QString());
        }
    }
    for (const auto &[id, flag] : before.rechecks) {
        const auto present = flags.find(id);
        if (present != flags.end() && present->second == flag)
            continue;
        writeFlag(*d->db, projectId, id, flag);
        appender.append(projectId, AuditKey::item(id, QLatin1String(recheckField)),
                        present == flags.end() ? QString() : flagText(present->second.sinceVersion),
                        flagText(flag.sinceVersion));
    }
    for (const Risk &risk : before.risks) {
        const QStringList &current = links.at(risk.id);
        if (current == risk.linkedItems)
            continue;
        appender.append(projectId, AuditKey::risk(risk.id, QStringLiteral("linkedItems")),
                        current.join(QLatin1String(", ")), risk.linkedItems.join(QLatin1String(", ")));
        const QByteArray json
            = QJsonDocument(QJsonArray::fromStringList(risk.linkedItems)).toJson(QJsonDocument::Compact);
        sql::Statement update(*d->db, "UPDATE risks SET linked_items = ?2, updated = ?3 WHERE id = ?1");
        update.bind(1, risk.id).bind(2, QString::fromUtf8(json)).bind(3, formatTime(risk.updated)).run();
    }

    sql::Statement update(*d->db, "UPDATE projects SET template_version = ?2, updated = ?3 WHERE id = ?1");
    update.bind(1, projectId).bind(2, plan.fromVersion).bind(3, now).run();
    appender.append(projectId, AuditKey::project(QStringLiteral("template")),
                    plan.templateId + QLatin1Char('@') + plan.toVersion,
                    plan.templateId + QLatin1Char('@') + plan.fromVersion);
    // The migration put this prefix before every sign-off's digest; without it they read as before.
    const QString prefix = QStringLiteral("migrated from %1: ").arg(plan.fromVersion);
    sql::Statement fresh(*d->db,
                         "UPDATE signoffs SET state_digest = substr(state_digest, length(?2) + 1) "
                         "WHERE project_id = ?1 AND substr(state_digest, 1, length(?2)) = ?2");
    fresh.bind(1, projectId).bind(2, prefix).run();
    transaction.commit();
    return true;
}

std::vector<RemovedAnswer> Store::removedAnswers(qint64 projectId, const std::optional<QDateTime> &until) const
{
    const Project project = d->requireProject(projectId);
    const QString templateWhat = AuditKey::project(QStringLiteral("template")).toString();
    std::vector<AuditEntry> entries = audit::history(*d->db, projectId);
    if (until)
        std::erase_if(entries, [&](const AuditEntry &entry) { return entry.time > *until; });
    QString currentId = project.templateId;
    QString currentVersion = project.templateVersion;
    std::map<QString, RemovedAnswer> removed; // the latest removal of each item
    std::vector<QString> order;
    // The list supplements a report: a version stored damaged leaves its migration out of it
    // rather than failing the whole export (the review itself reports the damage when loaded).
    const auto readable = [this](const QString &id, const QString &version) -> std::shared_ptr<const Template> {
        try {
            return storedTemplate(id, version);
        } catch (const Error &) {
            return nullptr;
        }
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry &change = entries[i];
        if (change.key.toString() != templateWhat)
            continue;
        const auto [fromId, fromVersion] = templateKey(change.oldValue);
        const auto [toId, toVersion] = templateKey(change.newValue);
        if (until) {
            currentId = toId;
            currentVersion = toVersion;
        }
        const auto from = readable(fromId, fromVersion);
        const auto to = readable(toId, toVersion);
        if (!from || !to || fromId != toId)
            continue;
        std::map<QString, QString> gone; // removed item id → its text
        for (const ItemDiff &item : diffTemplates(*from, *to).items) {
            if (item.removed())
                gone.emplace(item.oldId, item.oldText);
        }
        // The answers went in the same transaction, audited just before the template row.
        std::map<QString, RemovedAnswer> answers;
        for (std::size_t j = i; j-- > 0 && entries[j].time == change.time && entries[j].actor == change.actor;) {
            const AuditEntry &entry = entries[j];
            const auto text = gone.find(entry.key.id);
            if (entry.key.subject != AuditSubject::Item || text == gone.end() || !entry.newValue.isEmpty())
                continue;
            RemovedAnswer &answer = answers[entry.key.id];
            answer.answer.itemId = entry.key.id;
            answer.answer.changedBy = change.actor;
            answer.answer.changedAt = change.time;
            answer.itemText = text->second;
            answer.fromVersion = fromVersion;
            answer.toVersion = toVersion;
            const QString &field = entry.key.field;
            if (field == QLatin1String(auditfield::status))
                answer.answer.status = itemStatusFromKey(entry.oldValue).value_or(ItemStatus::Open);
            else if (field == QLatin1String("reason"))
                answer.answer.reason = entry.oldValue;
            else if (field == QLatin1String("note"))
                answer.answer.note = entry.oldValue;
            else if (field == QLatin1String("owner"))
                answer.answer.owner = entry.oldValue;
            else if (field == QLatin1String("evidence"))
                answer.answer.evidence = entry.oldValue;
        }
        for (auto &[id, answer] : answers) {
            if (removed.count(id) == 0)
                order.push_back(id);
            removed[id] = std::move(answer);
        }
    }
    const auto current = readable(currentId, currentVersion);
    std::vector<RemovedAnswer> result;
    for (const QString &id : order) {
        if (current && (current->findItem(id) || current->findSummaryItem(id)))
            continue;
        result.push_back(removed.at(id));
    }
    return result;
}

int Store::restoreRechecks(qint64 projectId, const std::map<QString, Recheck> &flags)
{
    sql::Transaction transaction(*d->db);
    d->requireProjectLabel(projectId);
    const std::map<QString, Recheck> present = readFlags(*d->db, projectId);
    audit::Appender appender(*d->db, d->actor, d->db->transactionTime());
    int restored = 0;
    for (const auto &[id, flag] : flags) {
        const auto now = present.find(id);
        if (now != present.end() && now->second == flag)
            continue;
        writeFlag(*d->db, projectId, id, flag);
        appender.append(projectId, AuditKey::item(id, QLatin1String(recheckField)),
                        now == present.end() ? QString() : flagText(now->second.sinceVersion),
                        flagText(flag.sinceVersion));
        ++restored;
    }
    transaction.commit();
    return restored;
}

QStringList Store::storedTemplateVersions(const QString &id) const
{
    sql::Statement query(*d->db, "SELECT version FROM templates WHERE id = ?1");
    query.bind(1, id);
    QStringList versions;
    while (query.step())
        versions << query.text(0);
    return versions;
}

} // namespace preflight
