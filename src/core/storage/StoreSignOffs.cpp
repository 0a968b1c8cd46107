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
    // The checks and the fields of a sign-off at `date`, read inside a transaction.
    const auto draft = [&](const QString &date) {
        const QString label = d->requireProjectLabel(projectId);
        if (signoff.role.trimmed().isEmpty())
            throw Error(Error::Kind::Usage, QStringLiteral("%1: a sign-off needs a role").arg(label));
        Project project = d->requireProject(projectId);
        if (project.requireSignatures && !sign)
            throw Error(Error::Kind::Usage,
                        QStringLiteral("%1 requires signed sign-offs: add --sign (with your key in ssh-agent, or "
                                       "--key FILE)")
                            .arg(label));
        SignOff result = signoff;
        if (result.name.trimmed().isEmpty())
            result.name = d->actor;
        result.date = parseTime(date);
        result.stateDigest = d->readState(project).reviewDigest();
        result.changesSince = 0;
        result.statement.clear();
        result.signature.clear();
        result.keyFingerprint.clear();
        return std::pair(std::move(project), std::move(result));
    };

    // ssh-keygen may wait for a hardware key's touch or a passphrase: it signs before the write
    // transaction, so no other writer waits on the writer lock (on a server, the advisory lock)
    // meanwhile. The write then checks that the statement still describes the review.
    QString signedDate;
    SignOff presigned;
    if (sign) {
        sql::Transaction read(*d->db, sql::Transaction::Kind::Read);
        signedDate = d->db->transactionTime();
        auto [project, prepared] = draft(signedDate);
        d->requireSigner(prepared.role); // a refused role is refused before anyone touches a key
        read.commit();
        prepared.statement = SignOffStatement::of(project, prepared).text();
        const Signature signature = sign(prepared.statement);
        prepared.signature = signature.signature;
        prepared.keyFingerprint = signature.keyFingerprint;
        presigned = std::move(prepared);
    }

    sql::Transaction transaction(*d->db);
    const QString now = d->db->transactionTime();
    // A signed row keeps the date its statement says, so verification compares like with like.
    const QString rowDate = sign ? signedDate : now;
    auto [project, signed_] = draft(rowDate);
    if (sign) {
        if (SignOffStatement::of(project, signed_).text() != presigned.statement)
            throw Error(Error::Kind::Conflict,
                        QStringLiteral("%1 changed while the sign-off was being signed; nothing was written: sign "
                                       "again")
                            .arg(d->requireProjectLabel(projectId)));
        signed_.statement = presigned.statement;
        signed_.signature = presigned.signature;
        signed_.keyFingerprint = presigned.keyFingerprint;
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
    upsert.bind(5, signed_.comment).bind(6, rowDate).bind(7, signed_.stateDigest).bind(8, seq);
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
