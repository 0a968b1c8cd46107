#include "Error.h"
#include "signing/SignOffStatement.h"
#include "storage/Audit.h"
#include "storage/StoreImpl.h"
#include "storage/StoreRows.h"
#include "storage/TimeFormat.h"

namespace preflight {

namespace {

// The whole stored row, as loadState reads it (changesSince aside).
std::optional<SignOff> selectStoredSignOff(const sql::Connection &db, bool server, qint64 projectId,
                                           const QString &role)
{
    const QByteArray sql = QByteArray("SELECT ") + rows::signOffColumns
        + (server ? rows::signOffLoginOnServer : rows::signOffLoginInFile)
        + " FROM signoffs WHERE project_id = ?1 AND role = ?2";
    sql::Statement query(db, sql.constData());
    query.bind(1, projectId).bind(2, role);
    if (!query.step())
        return std::nullopt;
    return rows::readSignOff(query);
}

// One act of signing: its audit row (seq) names it, whatever was signed.
bool sameSignOff(const std::optional<SignOff> &a, const std::optional<SignOff> &b)
{
    return a.has_value() == b.has_value() && (!a || a->auditSeq == b->auditSeq);
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

// The checks and the fields of a sign-off at `date`, read inside the caller's transaction.
std::pair<Project, SignOff> Store::Impl::draftSignOff(qint64 projectId, const SignOff &signoff, const QString &date,
                                                      bool signed_) const
{
    const QString label = requireProjectLabel(projectId);
    if (signoff.role.trimmed().isEmpty())
        throw Error(Error::Kind::Usage, QStringLiteral("%1: a sign-off needs a role").arg(label));
    Project project = requireProject(projectId);
    if (project.requireSignatures && !signed_)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1 requires signed sign-offs: add --sign (with your key in ssh-agent, or "
                                   "--key FILE)")
                        .arg(label));
    SignOff result = signoff;
    if (result.name.trimmed().isEmpty())
        result.name = actor;
    result.date = parseTime(date);
    result.stateDigest = readState(project).reviewDigest();
    result.changesSince = 0;
    result.statement.clear();
    result.signature.clear();
    result.keyFingerprint.clear();
    return std::pair(std::move(project), std::move(result));
}

SignOff Store::signOff(qint64 projectId, const SignOff &signoff, const StatementSigner &sign)
{
    if (sign) {
        // ssh-keygen may wait for a hardware key's touch or a passphrase: it signs between the
        // read and the write, so no other writer waits on the writer lock (on a server, the
        // advisory lock) meanwhile.
        SignOff prepared = prepareSignedSignOff(projectId, signoff);
        const Signature signature = sign(prepared.statement);
        prepared.signature = signature.signature;
        prepared.keyFingerprint = signature.keyFingerprint;
        return recordSignedSignOff(projectId, prepared);
    }
    sql::Transaction transaction(*d->db);
    const QString now = d->db->transactionTime();
    SignOff unsigned_ = d->draftSignOff(projectId, signoff, now, false).second;
    d->writeSignOff(projectId, unsigned_, now);
    transaction.commit();
    return unsigned_;
}

SignOff Store::prepareSignedSignOff(qint64 projectId, const SignOff &signoff) const
{
    sql::Transaction read(*d->db, sql::Transaction::Kind::Read);
    auto [project, prepared] = d->draftSignOff(projectId, signoff, d->db->transactionTime(), true);
    d->requireSigner(prepared.role); // a refused role is refused before anyone touches a key
    read.commit();
    prepared.statement = SignOffStatement::of(project, prepared).text();
    return prepared;
}

SignOff Store::recordSignedSignOff(qint64 projectId, const SignOff &prepared)
{
    if (prepared.statement.isEmpty() || prepared.signature.isEmpty())
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: a signed sign-off needs its statement and signature")
                        .arg(d->requireProjectLabel(projectId)));
    sql::Transaction transaction(*d->db);
    const QString now = d->db->transactionTime();
    // A signed row keeps the date its statement says, so verification compares like with like.
    auto [project, signed_] = d->draftSignOff(projectId, prepared, formatTime(prepared.date), true);
    if (SignOffStatement::of(project, signed_).text() != prepared.statement)
        throw Error(Error::Kind::Conflict,
                    QStringLiteral("%1 changed while the sign-off was being signed; nothing was written: sign again")
                        .arg(d->requireProjectLabel(projectId)));
    signed_.statement = prepared.statement;
    signed_.signature = prepared.signature;
    signed_.keyFingerprint = prepared.keyFingerprint;
    d->writeSignOff(projectId, signed_, now);
    transaction.commit();
    return signed_;
}

// Upserts the role's row as `signoff` says, audited as a new act; sets its auditSeq (and login).
void Store::Impl::writeSignOff(qint64 projectId, SignOff &signoff, const QString &now)
{
    requireSigner(signoff.role);
    const auto previous = selectStoredSignOff(*db, server != nullptr, projectId, signoff.role);
    // Signing again with the same words is still a new act (new date and digest), so it is
    // always audited: the row's seq is what later changes are counted against.
    audit::Appender appender(*db, actor, now);
    signoff.auditSeq = appender.append(projectId, AuditKey::signOff(signoff.role),
                                       previous ? signOffText(*previous) : QString(), signOffText(signoff));
    upsertSignOff(projectId, signoff);
    signoff.login = server ? actor : QString(); // what the server's trigger records
    touchProject(projectId, now);
}

void Store::Impl::upsertSignOff(qint64 projectId, const SignOff &signoff)
{
    sql::Statement upsert(
        *db,
        "INSERT INTO signoffs(project_id, role, name, decision, comment, date, state_digest, "
        "audit_seq, statement, signature, key_fingerprint) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11) ON CONFLICT(project_id, role) DO UPDATE SET name = excluded.name, decision = "
        "excluded.decision, comment = excluded.comment, date = excluded.date, state_digest = "
        "excluded.state_digest, audit_seq = excluded.audit_seq, statement = excluded.statement, "
        "signature = excluded.signature, key_fingerprint = excluded.key_fingerprint");
    upsert.bind(1, projectId).bind(2, signoff.role).bind(3, signoff.name).bind(4, decisionKey(signoff.decision));
    upsert.bind(5, signoff.comment).bind(6, formatTime(signoff.date)).bind(7, signoff.stateDigest);
    upsert.bind(8, signoff.auditSeq).bind(9, signoff.statement).bind(10, signoff.signature);
    upsert.bind(11, signoff.keyFingerprint);
    upsert.run();
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
    const auto old = selectStoredSignOff(*d->db, d->server != nullptr, projectId, role);
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

void Store::restoreSignOff(qint64 projectId, const QString &role, const std::optional<SignOff> &expected,
                           const std::optional<SignOff> &restored)
{
    sql::Transaction transaction(*d->db);
    const QString label = d->requireProjectLabel(projectId);
    const auto current = selectStoredSignOff(*d->db, d->server != nullptr, projectId, role);
    if (sameSignOff(current, restored))
        return;
    d->requireSigner(role);
    if (!sameSignOff(current, expected)) {
        QString by;
        QString when;
        if (current) {
            sql::Statement who(*d->db, "SELECT actor, time FROM audit WHERE seq = ?1");
            who.bind(1, current->auditSeq);
            if (who.step()) {
                by = who.text(0);
                when = who.text(1);
            }
        }
        const QString now = current ? signOffText(*current) : QStringLiteral("none");
        const QString yours = restored ? signOffText(*restored) : QStringLiteral("none");
        throw EditConflict(
            QStringLiteral("%1: the %2 sign-off was changed%3 since you last saw it, so your change "
                           "was not written. Now: %4; yours: %5")
                .arg(label, role, by.isEmpty() ? QString() : QStringLiteral(" by %1 at %2").arg(by, when), now, yours),
            QStringLiteral("sign-off"), current ? signOffText(*current) : QString(),
            restored ? signOffText(*restored) : QString(), by);
    }
    const QString now = d->db->transactionTime();
    if (restored) {
        if (restored->role != role)
            throw Error(Error::Kind::Usage,
                        QStringLiteral("%1: a %2 sign-off restored as %3").arg(label, restored->role, role));
        d->upsertSignOff(projectId, *restored);
    } else {
        sql::Statement remove(*d->db, "DELETE FROM signoffs WHERE project_id = ?1 AND role = ?2");
        remove.bind(1, projectId).bind(2, role).run();
    }
    audit::Appender appender(*d->db, d->actor, now);
    appender.append(projectId, AuditKey::signOff(role), current ? signOffText(*current) : QString(),
                    restored ? signOffText(*restored) : QString());
    d->touchProject(projectId, now);
    transaction.commit();
}

} // namespace preflight
