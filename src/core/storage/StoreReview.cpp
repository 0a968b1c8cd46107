#include "Error.h"
#include "storage/Audit.h"
#include "storage/MigrationRows.h"
#include "storage/StoreImpl.h"
#include "storage/StoreRows.h"
#include "storage/TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace preflight {

namespace {

QString linksText(const QStringList &links)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(links)).toJson(QJsonDocument::Compact));
}

AuditFields itemFields(const ItemState &state)
{
    const auto key = [&](const char *field) { return AuditKey::item(state.itemId, QLatin1String(field)); };
    return {
        { key(auditfield::status), itemStatusKey(state.status) },
        { key("reason"), state.reason },
        { key("note"), state.note },
        { key("owner"), state.owner },
        { key("evidence"), state.evidence },
    };
}

AuditFields riskFields(const Risk &risk)
{
    const auto key = [&](const char *field) { return AuditKey::risk(risk.id, QLatin1String(field)); };
    return {
        { key("title"), risk.title },
        { key("severity"), severityKey(risk.severity) },
        { key("mitigation"), risk.mitigation },
        { key("owner"), risk.owner },
        { key(auditfield::status), riskStatusKey(risk.status) },
        { key("linkedItems"), risk.linkedItems.join(QLatin1String(", ")) },
        { key("acceptedBy"), risk.acceptedBy },
        { key("acceptedUntil"), formatDate(risk.acceptedUntil).value_or(QString()) },
    };
}

ItemState patched(ItemState state, const Store::ItemPatch &patch)
{
    state.status = patch.status.value_or(state.status);
    state.reason = patch.reason.value_or(state.reason);
    state.note = patch.note.value_or(state.note);
    state.owner = patch.owner.value_or(state.owner);
    state.evidence = patch.evidence.value_or(state.evidence);
    return state;
}

Risk patched(Risk risk, const Store::RiskPatch &patch)
{
    risk.title = patch.title.value_or(risk.title);
    risk.severity = patch.severity.value_or(risk.severity);
    risk.mitigation = patch.mitigation.value_or(risk.mitigation);
    risk.owner = patch.owner.value_or(risk.owner);
    risk.status = patch.status.value_or(risk.status);
    risk.linkedItems = patch.linkedItems.value_or(risk.linkedItems);
    risk.acceptedBy = patch.acceptedBy.value_or(risk.acceptedBy);
    risk.acceptedUntil = patch.acceptedUntil.value_or(risk.acceptedUntil);
    return risk;
}

std::optional<ItemState> selectItem(const sql::Connection &db, qint64 projectId, const QString &itemId)
{
    sql::Statement query(
        db,
        (QByteArray("SELECT ") + rows::itemColumns + " FROM item_states WHERE project_id = ?1 AND item_id = ?2")
            .constData());
    query.bind(1, projectId).bind(2, itemId);
    if (!query.step())
        return std::nullopt;
    return rows::readItem(query);
}

std::optional<Risk> selectRisk(const sql::Connection &db, qint64 projectId, qint64 riskId)
{
    sql::Statement query(
        db, (QByteArray("SELECT ") + rows::riskColumns + " FROM risks WHERE project_id = ?1 AND id = ?2").constData());
    query.bind(1, projectId).bind(2, riskId);
    if (!query.step())
        return std::nullopt;
    return rows::readRisk(query);
}

void insertItem(const sql::Connection &db, qint64 projectId, const ItemState &item, const QString &now)
{
    sql::Statement insert(db,
                          "INSERT INTO item_states(project_id, item_id, status, reason, note, owner, evidence, "
                          "changed_by, changed_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, projectId).bind(2, item.itemId).bind(3, itemStatusKey(item.status)).bind(4, item.reason);
    insert.bind(5, item.note).bind(6, item.owner).bind(7, item.evidence).bind(8, item.changedBy).bind(9, now);
    insert.run();
}

// Sets only the columns whose value changed. Besides writing less, an edit that leaves the
// status alone then skips the status column's CHECK, whose IN list SQLite evaluates through a
// temporary b-tree: that was an eighth of a note edit's CPU time.
void updateItemFields(const sql::Connection &db, qint64 projectId, const ItemState &before, const ItemState &after,
                      const QString &now)
{
    QByteArray sql = "UPDATE item_states SET changed_by = ?3, changed_at = ?4";
    std::vector<QString> values;
    const auto set = [&](const char *column, const QString &oldValue, const QString &newValue) {
        if (oldValue == newValue)
            return;
        values.push_back(newValue);
        sql += QByteArray(", ") + column + " = ?" + QByteArray::number(4 + qsizetype(values.size()));
    };
    set("status", itemStatusKey(before.status), itemStatusKey(after.status));
    set("reason", before.reason, after.reason);
    set("note", before.note, after.note);
    set("owner", before.owner, after.owner);
    set("evidence", before.evidence, after.evidence);
    sql += " WHERE project_id = ?1 AND item_id = ?2";
    sql::Statement update(db, sql.constData());
    update.bind(1, projectId).bind(2, after.itemId).bind(3, after.changedBy).bind(4, now);
    for (size_t i = 0; i < values.size(); ++i)
        update.bind(5 + int(i), values[i]);
    update.run();
}

} // namespace

ItemState Store::setItem(qint64 projectId, const QString &itemId, const ItemPatch &patch, const ItemPatch &expected)
{
    return setItems(projectId, { ItemEdit { itemId, patch, expected } }).front();
}

std::vector<ItemState> Store::setItems(qint64 projectId, const std::vector<ItemEdit> &edits)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    const QString now = d->db->transactionTime();
    std::vector<ItemState> results;
    results.reserve(edits.size());
    for (const ItemEdit &edit : edits)
        results.push_back(d->applyItemPatch(projectId, label, edit.itemId, edit.patch, now, edit.expected));
    transaction.commit();
    return results;
}

ItemState Store::Impl::applyItemPatch(qint64 projectId, const QString &label, const QString &itemId,
                                      const ItemPatch &patch, const QString &now, const ItemPatch &expected)
{
    if (itemId.isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: an item id is required").arg(label));
    const std::optional<ItemState> stored = selectItem(*db, projectId, itemId);
    ItemState before;
    before.itemId = itemId;
    before = stored.value_or(before);
    // The merge happens under the write lock taken by BEGIN IMMEDIATE, so fields this patch
    // leaves alone keep whatever another process committed a moment ago.
    const ItemState after = patched(before, patch);
    requireExpected(projectId, QStringLiteral("%1, item %2").arg(label, itemId), itemFields(before),
                    itemFields(patched(before, expected)), itemFields(after));
    if (after.status == ItemStatus::NotApplicable && after.reason.trimmed().isEmpty())
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1, item %2: not applicable needs a reason").arg(label, itemId));

    audit::Appender appender(*db, actor, now);
    if (auditChanges(appender, projectId, itemFields(before), itemFields(after)) == 0)
        return before;
    ItemState written = after;
    written.changedBy = actor;
    written.changedAt = parseTime(now);
    if (stored)
        updateItemFields(*db, projectId, before, written, now);
    else
        insertItem(*db, projectId, written, now);
    touchProject(projectId, now);
    return written;
}

namespace {

void validateRisk(const QString &where, Risk &risk, const QString &actor)
{
    if (risk.title.trimmed().isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: a risk needs a non-empty title").arg(where));
    // Acceptance is a decision somebody owns: without a name, the person making the change.
    if (risk.status == RiskStatus::Accepted && risk.acceptedBy.trimmed().isEmpty())
        risk.acceptedBy = actor;
}

void writeRisk(const sql::Connection &db, const Risk &risk, const QString &now)
{
    sql::Statement update(db,
                          "UPDATE risks SET title = ?2, severity = ?3, mitigation = ?4, owner = ?5, "
                          "status = ?6, linked_items = ?7, accepted_by = ?8, accepted_until = ?9, "
                          "updated = ?10 WHERE id = ?1");
    update.bind(1, risk.id).bind(2, risk.title).bind(3, severityKey(risk.severity)).bind(4, risk.mitigation);
    update.bind(5, risk.owner).bind(6, riskStatusKey(risk.status)).bind(7, linksText(risk.linkedItems));
    update.bind(8, risk.acceptedBy).bindOptional(9, formatDate(risk.acceptedUntil)).bind(10, now);
    update.run();
}

} // namespace

Risk Store::addRisk(qint64 projectId, const Risk &risk)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    Risk added = risk;
    added.id = 0; // assigned by the database
    const Risk stored = d->insertRisk(projectId, label, added, d->db->transactionTime());
    transaction.commit();
    return stored;
}

Risk Store::restoreRisk(qint64 projectId, const Risk &risk)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    if (risk.id <= 0 || !risk.created.isValid())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: only a removed risk can be restored").arg(label));
    sql::Statement taken(*d->db, "SELECT project_id FROM risks WHERE id = ?1");
    taken.bind(1, risk.id);
    if (taken.step())
        throw EditConflict(QStringLiteral("%1: risk %2 exists again, so it was not restored").arg(label).arg(risk.id),
                           QStringLiteral("risk"), QString(), risk.title, QString());
    const Risk stored = d->insertRisk(projectId, label, risk, d->db->transactionTime());
    transaction.commit();
    return stored;
}

Risk Store::Impl::insertRisk(qint64 projectId, const QString &label, const Risk &risk, const QString &now)
{
    Risk added = risk;
    validateRisk(label, added, actor);
    if (added.id > 0) {
        // A restored risk keeps its id (the audit trail refers to it) and its creation time.
        sql::Statement insert(*db,
                              "INSERT INTO risks(id, project_id, title, severity, status, created, updated) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bind(1, added.id).bind(2, projectId).bind(3, added.title).bind(4, severityKey(added.severity));
        insert.bind(5, riskStatusKey(added.status)).bind(6, formatTime(added.created)).bind(7, now);
        insert.run();
    } else {
        sql::Statement insert(*db,
                              "INSERT INTO risks(project_id, title, severity, status, created, updated) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?5) RETURNING id");
        insert.bind(1, projectId).bind(2, added.title).bind(3, severityKey(added.severity));
        insert.bind(4, riskStatusKey(added.status)).bind(5, now);
        insert.step();
        added.id = insert.integer(0);
    }
    writeRisk(*db, added, now);
    audit::Appender appender(*db, actor, now);
    auditChanges(appender, projectId, {}, riskFields(added));
    touchProject(projectId, now);
    return *selectRisk(*db, projectId, added.id);
}

Risk Store::updateRisk(qint64 projectId, qint64 riskId, const RiskPatch &patch, const RiskPatch &expected)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    const auto before = selectRisk(*d->db, projectId, riskId);
    if (!before)
        throw Error(Error::Kind::Usage, QStringLiteral("%1 has no risk %2").arg(label).arg(riskId));
    const QString where = QStringLiteral("%1, risk %2").arg(label).arg(riskId);
    Risk after = patched(*before, patch);
    validateRisk(where, after, d->actor);
    d->requireExpected(projectId, where, riskFields(*before), riskFields(patched(*before, expected)),
                       riskFields(after));

    const QString now = d->db->transactionTime();
    audit::Appender appender(*d->db, d->actor, now);
    if (Impl::auditChanges(appender, projectId, riskFields(*before), riskFields(after)) == 0)
        return *before;
    writeRisk(*d->db, after, now);
    d->touchProject(projectId, now);
    const Risk stored = *selectRisk(*d->db, projectId, riskId);
    transaction.commit();
    return stored;
}

void Store::removeRisk(qint64 projectId, qint64 riskId)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    const auto risk = selectRisk(*d->db, projectId, riskId);
    if (!risk)
        throw Error(Error::Kind::Usage, QStringLiteral("%1 has no risk %2").arg(label).arg(riskId));
    sql::Statement remove(*d->db, "DELETE FROM risks WHERE id = ?1");
    remove.bind(1, riskId).run();
    const QString now = d->db->transactionTime();
    audit::Appender appender(*d->db, d->actor, now);
    appender.append(projectId, AuditKey::risk(riskId, QLatin1String(auditfield::deleted)), risk->title, QString());
    d->touchProject(projectId, now);
    transaction.commit();
}

} // namespace preflight
