#include "Error.h"
#include "storage/Audit.h"
#include "storage/StoreImpl.h"
#include "storage/TimeFormat.h"

namespace preflight {

namespace {

std::optional<SignOff> selectSignOff(const sql::Connection &db, qint64 projectId, const QString &role)
{
    sql::Statement query(db, "SELECT name, decision, comment FROM signoffs WHERE project_id = ?1 AND role = ?2");
    query.bind(1, projectId).bind(2, role);
    if (!query.step())
        return std::nullopt;
    SignOff signoff;
    signoff.role = role;
    signoff.name = query.text(0);
    signoff.decision = decisionFromKey(query.text(1)).value_or(Decision::Reject);
    signoff.comment = query.text(2);
    return signoff;
}

QString signOffText(const SignOff &signoff)
{
    QString text = decisionKey(signoff.decision) + QLatin1String(" by ") + signoff.name;
    if (!signoff.comment.isEmpty())
        text += QLatin1String(": ") + signoff.comment;
    return text;
}

} // namespace

SignOff Store::signOff(qint64 projectId, const SignOff &signoff)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    if (signoff.role.trimmed().isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: a sign-off needs a role").arg(label));
    SignOff signed_ = signoff;
    if (signed_.name.trimmed().isEmpty())
        signed_.name = d->actor;
    const QString now = d->db->transactionTime();
    signed_.date = parseTime(now);
    signed_.stateDigest = d->readState(d->requireProject(projectId)).reviewDigest();
    signed_.changesSince = 0;

    d->requireSigner(signed_.role);
    const auto previous = selectSignOff(*d->db, projectId, signed_.role);
    // Signing again with the same words is still a new act (new date and digest), so it is
    // always audited: the row's seq is what later changes are counted against.
    audit::Appender appender(*d->db, d->actor, now);
    const qint64 seq = appender.append(projectId, AuditKey::signOff(signed_.role),
                                       previous ? signOffText(*previous) : QString(), signOffText(signed_));
    sql::Statement upsert(*d->db,
                          "INSERT INTO signoffs(project_id, role, name, decision, comment, date, state_digest, "
                          "audit_seq) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(project_id, role) DO "
                          "UPDATE SET name = excluded.name, decision = excluded.decision, comment = "
                          "excluded.comment, date = excluded.date, state_digest = excluded.state_digest, "
                          "audit_seq = excluded.audit_seq");
    upsert.bind(1, projectId).bind(2, signed_.role).bind(3, signed_.name).bind(4, decisionKey(signed_.decision));
    upsert.bind(5, signed_.comment).bind(6, now).bind(7, signed_.stateDigest).bind(8, seq);
    upsert.run();
    d->touchProject(projectId, now);
    transaction.commit();
    return signed_;
}

void Store::Impl::requireSigner(const QString &role)
{
    // The database refuses anyway (a trigger on signoffs); asking first names the group to join.
    if (server) {
        sql::Statement check(*db, "SELECT preflight.require_signer(?1)");
        check.bind(1, role).step();
    }
}

void Store::clearSignOff(qint64 projectId, const QString &role)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    const auto old = selectSignOff(*d->db, projectId, role);
    if (!old)
        return;
    d->requireSigner(role);
    sql::Statement remove(*d->db, "DELETE FROM signoffs WHERE project_id = ?1 AND role = ?2");
    remove.bind(1, projectId).bind(2, role).run();
    const QString now = d->db->transactionTime();
    audit::Appender appender(*d->db, d->actor, now);
    appender.append(projectId, AuditKey::signOff(role), signOffText(*old), QString());
    d->touchProject(projectId, now);
    transaction.commit();
}

} // namespace preflight
