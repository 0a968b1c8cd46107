#include "Error.h"
#include "signing/SignOffStatement.h"
#include "storage/Audit.h"
#include "storage/StoreImpl.h"
#include "storage/TimeFormat.h"

namespace preflight {

namespace {

std::optional<SignOff> selectSignOff(const sql::Connection &db, qint64 projectId, const QString &role)
{
    sql::Statement query(
        db, "SELECT name, decision, comment, key_fingerprint FROM signoffs WHERE project_id = ?1 AND role = ?2");
    query.bind(1, projectId).bind(2, role);
    if (!query.step())
        return std::nullopt;
    SignOff signoff;
    signoff.role = role;
    signoff.name = query.text(0);
    signoff.decision = decisionFromKey(query.text(1)).value_or(Decision::Reject);
    signoff.comment = query.text(2);
    signoff.keyFingerprint = query.text(3);
    return signoff;
}

QString signOffText(const SignOff &signoff)
{
    QString text = decisionKey(signoff.decision) + QLatin1String(" by ") + signoff.name;
    if (!signoff.keyFingerprint.isEmpty())
        text += QLatin1String(" (signed, ") + signoff.keyFingerprint + QLatin1Char(')');
    if (!signoff.comment.isEmpty())
        text += QLatin1String(": ") + signoff.comment;
    return text;
}

} // namespace

SignOff Store::signOff(qint64 projectId, const SignOff &signoff, const StatementSigner &sign)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    if (signoff.role.trimmed().isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: a sign-off needs a role").arg(label));
    const Project project = d->requireProject(projectId);
    if (project.requireSignatures && !sign)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1 requires signed sign-offs: add --sign (with your key in ssh-agent, or --key "
                                   "FILE)")
                        .arg(label));
    SignOff signed_ = signoff;
    if (signed_.name.trimmed().isEmpty())
        signed_.name = d->actor;
    const QString now = d->db->transactionTime();
    signed_.date = parseTime(now);
    signed_.stateDigest = d->readState(project).reviewDigest();
    signed_.changesSince = 0;
    signed_.statement.clear();
    signed_.signature.clear();
    signed_.keyFingerprint.clear();
    if (sign) {
        signed_.statement = SignOffStatement::of(project, signed_).text();
        const Signature signature = sign(signed_.statement);
        signed_.signature = signature.signature;
        signed_.keyFingerprint = signature.keyFingerprint;
    }

    d->requireSigner(signed_.role);
    const auto previous = selectSignOff(*d->db, projectId, signed_.role);
    // Signing again with the same words is still a new act (new date and digest), so it is
    // always audited: the row's seq is what later changes are counted against.
    audit::Appender appender(*d->db, d->actor, now);
    const qint64 seq = appender.append(projectId, AuditKey::signOff(signed_.role),
                                       previous ? signOffText(*previous) : QString(), signOffText(signed_));
    sql::Statement upsert(
        *d->db,
        "INSERT INTO signoffs(project_id, role, name, decision, comment, date, state_digest, "
        "audit_seq, statement, signature, key_fingerprint) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11) ON CONFLICT(project_id, role) DO UPDATE SET name = excluded.name, decision = "
        "excluded.decision, comment = excluded.comment, date = excluded.date, state_digest = "
        "excluded.state_digest, audit_seq = excluded.audit_seq, statement = excluded.statement, "
        "signature = excluded.signature, key_fingerprint = excluded.key_fingerprint");
    upsert.bind(1, projectId).bind(2, signed_.role).bind(3, signed_.name).bind(4, decisionKey(signed_.decision));
    upsert.bind(5, signed_.comment).bind(6, now).bind(7, signed_.stateDigest).bind(8, seq);
    upsert.bind(9, signed_.statement).bind(10, signed_.signature).bind(11, signed_.keyFingerprint);
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
