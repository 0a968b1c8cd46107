#include "Error.h"
#include "storage/Audit.h"
#include "storage/StoreImpl.h"
#include "storage/StoreRows.h"
#include "storage/TimeFormat.h"

#include <functional>

namespace preflight {

namespace {

std::optional<Project> selectProject(const sql::Connection &db, const char *condition,
                                     const std::function<void(sql::Statement &)> &bind)
{
    sql::Statement query(db, (QByteArray("SELECT ") + rows::projectColumns + " FROM projects" + condition).constData());
    bind(query);
    if (!query.step())
        return std::nullopt;
    return rows::readProject(query);
}

AuditFields projectFields(const Project &project)
{
    const auto date = [](const std::optional<QDate> &value) { return formatDate(value).value_or(QString()); };
    const auto key = [](const char *field) { return AuditKey::project(QLatin1String(field)); };
    return {
        { key("name"), project.name },
        { key("description"), project.description },
        { key("template"),
          project.templateId.isEmpty() ? QString() : project.templateId + QLatin1Char('@') + project.templateVersion },
        { key("targetDate"), date(project.targetDate) },
        { key("actualDate"), date(project.actualDate) },
        { key("notes"), project.notes },
        { key("archived"), project.archived ? QStringLiteral("true") : QString() },
        { key("requireSignatures"), project.requireSignatures ? QStringLiteral("true") : QString() },
        { key("profile"), profileText(project.profile) },
    };
}

std::optional<QString> profileColumn(const Profile &profile)
{
    return profile ? std::optional(profile->join(QLatin1Char(','))) : std::nullopt;
}

// Sorted, each tag once, and every tag one the template's items carry: a misspelt tag would
// otherwise leave out every tagged item without a word.
Profile checkedProfile(const sql::Connection &db, const Profile &profile, const Template &tmpl)
{
    const Profile normalized = normalizedProfile(profile);
    if (!normalized)
        return normalized;
    const QStringList known = templateTags(tmpl);
    for (const QString &tag : *normalized) {
        if (!known.contains(tag))
            throw Error(Error::Kind::Usage,
                        QStringLiteral("%1: template \"%2\" %3 has no tag \"%4\" (its tags: %5)")
                            .arg(db.location(), tmpl.id, tmpl.version, tag,
                                 known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
    }
    return normalized;
}

} // namespace

Project Store::Impl::requireProject(qint64 projectId) const
{
    auto found = selectProject(*db, " WHERE id = ?1", [&](sql::Statement &q) { q.bind(1, projectId); });
    if (!found)
        throw Error(Error::Kind::Usage, QStringLiteral("%1: there is no project with id %2").arg(path).arg(projectId));
    return *found;
}

QString Store::Impl::requireProjectLabel(qint64 projectId) const
{
    sql::Statement query(*db, "SELECT name FROM projects WHERE id = ?1");
    query.bind(1, projectId);
    if (!query.step())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: there is no project with id %2").arg(path).arg(projectId));
    return QStringLiteral("%1: project \"%2\"").arg(path, query.text(0));
}

void Store::Impl::touchProject(qint64 projectId, const QString &time)
{
    sql::Statement update(*db, "UPDATE projects SET updated = ?2 WHERE id = ?1");
    update.bind(1, projectId).bind(2, time).run();
}

int Store::Impl::auditChanges(audit::Appender &appender, qint64 projectId, const AuditFields &before,
                              const AuditFields &after)
{
    int written = 0;
    for (size_t i = 0; i < after.size(); ++i) {
        const QString &oldValue = i < before.size() ? before[i].second : QString();
        if (appender.appendChange(projectId, after[i].first, oldValue, after[i].second) != 0)
            ++written;
    }
    return written;
}

std::vector<Project> Store::projects() const
{
    sql::Statement query(
        *d->db, (QByteArray("SELECT ") + rows::projectColumns + " FROM projects ORDER BY name, id").constData());
    std::vector<Project> result;
    while (query.step())
        result.push_back(rows::readProject(query));
    return result;
}

std::optional<Project> Store::findProject(const QString &name) const
{
    return selectProject(*d->db, " WHERE name = ?1", [&](sql::Statement &q) { q.bind(1, name); });
}

std::optional<Project> Store::project(qint64 projectId) const
{
    return selectProject(*d->db, " WHERE id = ?1", [&](sql::Statement &q) { q.bind(1, projectId); });
}

namespace {

void validateName(const sql::Connection &db, const QString &name, qint64 selfId)
{
    if (name.trimmed().isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: a project needs a non-empty name").arg(db.location()));
    sql::Statement clash(db, "SELECT id FROM projects WHERE name = ?1 AND id <> ?2");
    clash.bind(1, name).bind(2, selfId);
    if (clash.step())
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: a project named \"%2\" already exists").arg(db.location(), name));
}

} // namespace

Project Store::createProject(const Project &draft, const Template &tmpl)
{
    return createProjectWithItems(draft, tmpl, {});
}

Project Store::createProjectWithItems(const Project &draft, const Template &tmpl, const std::vector<ItemEdit> &edits,
                                      const std::vector<Risk> &risks)
{
    sql::Transaction transaction(*d->db);
    const QString now = d->db->transactionTime();
    const Project created = d->insertProject(draft, tmpl, now);
    const QString label = d->requireProjectLabel(created.id);
    for (const ItemEdit &edit : edits)
        d->applyItemPatch(created.id, label, edit.itemId, edit.patch, now);
    for (const Risk &risk : risks)
        d->insertRisk(created.id, label, risk, now);
    transaction.commit();
    return edits.empty() && risks.empty() ? created : d->requireProject(created.id);
}

Project Store::Impl::insertProject(const Project &draft, const Template &tmpl, const QString &now)
{
    validateName(*db, draft.name, 0);
    if (tmpl.id.trimmed().isEmpty() || tmpl.version.trimmed().isEmpty())
        throw Error(
            Error::Kind::Usage,
            QStringLiteral("%1: project \"%2\" needs a template with an id and a version").arg(path, draft.name));
    insertTemplate(tmpl, now);
    sql::Statement insert(*db,
                          "INSERT INTO projects(name, description, template_id, template_version, "
                          "target_date, actual_date, notes, created, updated, archived, profile) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10) RETURNING id");
    insert.bind(1, draft.name).bind(2, draft.description).bind(3, tmpl.id).bind(4, tmpl.version);
    insert.bindOptional(5, formatDate(draft.targetDate)).bindOptional(6, formatDate(draft.actualDate));
    insert.bind(7, draft.notes).bind(8, now).bind(9, qint64(draft.archived));
    insert.bindOptional(10, profileColumn(checkedProfile(*db, draft.profile, tmpl)));
    insert.step();
    const qint64 id = insert.integer(0);
    const Project created = requireProject(id);
    audit::Appender appender(*db, actor, now);
    auditChanges(appender, id, {}, projectFields(created));
    return created;
}

Project Store::updateProject(qint64 projectId, const ProjectPatch &patch)
{
    sql::Transaction transaction(*d->db);
    const Project before = d->requireProject(projectId);
    Project after = before;
    if (patch.name) {
        validateName(*d->db, *patch.name, projectId);
        after.name = *patch.name;
    }
    after.description = patch.description.value_or(after.description);
    after.targetDate = patch.targetDate.value_or(after.targetDate);
    after.actualDate = patch.actualDate.value_or(after.actualDate);
    after.notes = patch.notes.value_or(after.notes);
    after.archived = patch.archived.value_or(after.archived);
    after.requireSignatures = patch.requireSignatures.value_or(after.requireSignatures);
    if (patch.profile) {
        const std::shared_ptr<const Template> tmpl = storedTemplate(before.templateId, before.templateVersion);
        after.profile = tmpl ? checkedProfile(*d->db, *patch.profile, *tmpl) : normalizedProfile(*patch.profile);
    }

    const QString now = d->db->transactionTime();
    audit::Appender appender(*d->db, d->actor, now);
    if (Impl::auditChanges(appender, projectId, projectFields(before), projectFields(after)) == 0)
        return before;
    sql::Statement update(
        *d->db,
        "UPDATE projects SET name = ?2, description = ?3, target_date = ?4, "
        "actual_date = ?5, notes = ?6, archived = ?7, updated = ?8, require_signatures = ?9, profile = ?10 "
        "WHERE id = ?1");
    update.bind(1, projectId).bind(2, after.name).bind(3, after.description);
    update.bindOptional(4, formatDate(after.targetDate)).bindOptional(5, formatDate(after.actualDate));
    update.bind(6, after.notes).bind(7, qint64(after.archived)).bind(8, now).bind(9, qint64(after.requireSignatures));
    update.bindOptional(10, profileColumn(after.profile));
    update.run();
    const Project updated = d->requireProject(projectId);
    transaction.commit();
    return updated;
}

void Store::deleteProject(qint64 projectId)
{
    sql::Transaction transaction(*d->db);
    const Project project = d->requireProject(projectId);
    // Items, risks and sign-offs go by ON DELETE CASCADE; audit rows are kept on purpose.
    sql::Statement remove(*d->db, "DELETE FROM projects WHERE id = ?1");
    remove.bind(1, projectId).run();
    audit::Appender appender(*d->db, d->actor, d->db->transactionTime());
    appender.append(projectId, AuditKey::project(QLatin1String(auditfield::deleted)), project.name, QString());
    transaction.commit();
}

std::vector<AuditEntry> Store::history(qint64 projectId) const
{
    return audit::history(*d->db, projectId);
}

QString Store::auditHead() const
{
    return audit::head(*d->db);
}

QString Store::auditHeadAt(const QDateTime &time) const
{
    return audit::headAt(*d->db, formatTime(time));
}

Store::Verification Store::verify() const
{
    sql::Transaction transaction(*d->db, sql::Transaction::Kind::Read);
    Verification result = audit::verify(*d->db);
    transaction.commit();
    return result;
}

} // namespace preflight
