#include "storage/Audit.h"

#include "Error.h"
#include "storage/Sql.h"
#include "storage/TimeFormat.h"

#include <QCryptographicHash>

namespace preflight::audit {

namespace {

// Length-prefixed fields: no choice of field contents can make two different rows serialise
// to the same bytes.
void addField(QCryptographicHash &hash, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    hash.addData(QByteArray::number(utf8.size()));
    hash.addData(QByteArrayView(":"));
    hash.addData(utf8);
}

AuditEntry readEntry(const sql::Statement &row)
{
    AuditEntry entry;
    entry.seq = row.integer(0);
    entry.time = parseTime(row.text(1));
    entry.actor = row.text(2);
    entry.projectId = row.integer(3);
    entry.key = AuditKey::parse(row.text(4));
    entry.oldValue = row.text(5);
    entry.newValue = row.text(6);
    entry.hash = row.text(7);
    return entry;
}

constexpr const char *selectColumns
    = "SELECT seq, time, actor, project_id, what, old_value, new_value, hash FROM audit";

} // namespace

QString rowHash(const QString &previousHash, qint64 seq, const QString &time, const QString &actor, qint64 projectId,
                const QString &what, const QString &oldValue, const QString &newValue)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, previousHash);
    addField(hash, QString::number(seq));
    addField(hash, time);
    addField(hash, actor);
    addField(hash, QString::number(projectId));
    addField(hash, what);
    addField(hash, oldValue);
    addField(hash, newValue);
    return QString::fromLatin1(hash.result().toHex());
}

Appender::Appender(sql::Connection &db, const QString &actor, const QString &time)
    : m_db(db)
    , m_actor(actor)
    , m_time(time)
{ }

qint64 Appender::appendChange(qint64 projectId, const AuditKey &key, const QString &oldValue, const QString &newValue)
{
    return oldValue == newValue ? 0 : append(projectId, key, oldValue, newValue);
}

qint64 Appender::append(qint64 projectId, const AuditKey &key, const QString &oldValue, const QString &newValue)
{
    const QString what = key.toString();
    if (m_db.dialect() == sql::Dialect::Postgres) {
        sql::Statement insert(m_db,
                              "INSERT INTO audit(project_id, what, old_value, new_value, seq, time, actor, hash) "
                              "VALUES(?1, ?2, ?3, ?4, 0, '', '', NULL) RETURNING seq");
        insert.bind(1, projectId).bind(2, what).bind(3, oldValue).bind(4, newValue);
        insert.step();
        ++m_rowsWritten;
        return insert.integer(0);
    }
    if (!m_headKnown) {
        sql::Statement last(m_db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            m_lastSeq = last.integer(0);
            m_lastHash = last.text(1);
        }
        m_headKnown = true;
    }
    const qint64 seq = m_lastSeq + 1;
    const QString hash = rowHash(m_lastHash, seq, m_time, m_actor, projectId, what, oldValue, newValue);
    sql::Statement insert(m_db,
                          "INSERT INTO audit(seq, time, actor, project_id, what, old_value, new_value, hash) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, seq).bind(2, m_time).bind(3, m_actor).bind(4, projectId);
    insert.bind(5, what).bind(6, oldValue).bind(7, newValue).bind(8, hash);
    insert.run();
    m_lastSeq = seq;
    m_lastHash = hash;
    ++m_rowsWritten;
    return seq;
}

QString head(const sql::Connection &db)
{
    sql::Statement last(db, "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1");
    return last.step() ? last.text(0) : QString();
}

QString headAt(const sql::Connection &db, const QString &time)
{
    // Times are stored as fixed-width UTC text, so text order is time order.
    sql::Statement last(db,
                        "SELECT hash FROM audit WHERE seq < coalesce((SELECT min(seq) FROM audit WHERE time > ?1), "
                        "(SELECT max(seq) + 1 FROM audit)) ORDER BY seq DESC LIMIT 1");
    last.bind(1, time);
    return last.step() ? last.text(0) : QString();
}

std::vector<AuditEntry> history(const sql::Connection &db, qint64 projectId)
{
    sql::Statement rows(db, (QByteArray(selectColumns) + " WHERE project_id = ?1 ORDER BY seq").constData());
    rows.bind(1, projectId);
    std::vector<AuditEntry> result;
    while (rows.step())
        result.push_back(readEntry(rows));
    return result;
}

std::vector<StoredRow> storedRows(const sql::Connection &db)
{
    sql::Statement rows(db, (QByteArray(selectColumns) + " ORDER BY seq").constData());
    std::vector<StoredRow> result;
    while (rows.step())
        result.push_back({ rows.integer(0), rows.text(1), rows.text(2), rows.integer(3), rows.text(4), rows.text(5),
                           rows.text(6), rows.text(7) });
    return result;
}

void copyRow(sql::Connection &db, const StoredRow &row)
{
    // A server checks this itself, in the trigger that extends its chain.
    if (db.dialect() == sql::Dialect::Sqlite) {
        sql::Statement last(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        const bool any = last.step();
        const qint64 headSeq = any ? last.integer(0) : 0;
        const QString headHash = any ? last.text(1) : QString();
        if (row.seq != headSeq + 1
            || row.hash
                != rowHash(headHash, row.seq, row.time, row.actor, row.projectId, row.what, row.oldValue, row.newValue))
            throw Error(Error::Kind::Data,
                        QStringLiteral("%1: copied audit row %2 does not continue the audit chain")
                            .arg(db.location())
                            .arg(row.seq));
    }
    sql::Statement insert(db,
                          "INSERT INTO audit(seq, time, actor, project_id, what, old_value, new_value, hash) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, row.seq).bind(2, row.time).bind(3, row.actor).bind(4, row.projectId);
    insert.bind(5, row.what).bind(6, row.oldValue).bind(7, row.newValue).bind(8, row.hash);
    insert.run();
}

Store::Verification verify(const sql::Connection &db)
{
    Store::Verification result;
    if (db.dialect() == sql::Dialect::Postgres) {
        // The server keeps its own storage consistent; what we can check is the chain.
        result.integrity = QStringLiteral("ok");
    } else {
        sql::Statement integrity(db, "PRAGMA integrity_check");
        QStringList lines;
        while (integrity.step())
            lines << integrity.text(0);
        result.integrity = lines.join(QLatin1Char('\n'));
    }
    if (result.integrity != QLatin1String("ok")) {
        result.ok = false;
        result.problem = QStringLiteral("%1: integrity check failed: %2").arg(db.location(), result.integrity);
    }

    // Rows are numbered 1, 2, 3... without gaps, so a missing seq is a deleted row; a row whose
    // hash does not follow from its content and its predecessor was edited or moved.
    sql::Statement rows(db, (QByteArray(selectColumns) + " ORDER BY seq").constData());
    QString previousHash;
    qint64 expectedSeq = 1;
    while (rows.step()) {
        const qint64 seq = rows.integer(0);
        ++result.rowsChecked;
        QString problem;
        if (seq != expectedSeq) {
            // seq is the primary key and read in order, so it can only jump forward.
            problem = QStringLiteral("audit rows %1 to %2 are missing (deleted)").arg(expectedSeq).arg(seq - 1);
        } else {
            const QString expected = rowHash(previousHash, seq, rows.text(1), rows.text(2), rows.integer(3),
                                             rows.text(4), rows.text(5), rows.text(6));
            if (expected != rows.text(7))
                problem = QStringLiteral("audit row %1 does not match its hash: its content was altered or rows "
                                         "were reordered")
                              .arg(seq);
        }
        if (!problem.isEmpty()) {
            result.ok = false;
            result.brokenSeq = expectedSeq;
            const QString message = QStringLiteral("%1: %2").arg(db.location(), problem);
            result.problem = result.problem.isEmpty() ? message : result.problem + QLatin1Char('\n') + message;
            break;
        }
        previousHash = rows.text(7);
        ++expectedSeq;
    }
    return result;
}

} // namespace preflight::audit
