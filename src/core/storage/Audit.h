#pragma once

#include "model/Project.h"
#include "storage/Store.h"

#include <QString>

namespace preflight::sql {
class Connection;
}

namespace preflight::audit {

// hex SHA-256 over the previous row's hash and this row's canonical serialisation (seq
// included, so moving a row breaks the chain as surely as editing it). The stored time text is
// hashed, not a parsed QDateTime, so the hash never depends on how a timestamp round-trips.
QString rowHash(const QString &previousHash, qint64 seq, const QString &time, const QString &actor, qint64 projectId,
                const QString &what, const QString &oldValue, const QString &newValue);

// Appends rows inside the caller's write transaction. In a file the chain head is read once,
// under the write lock, so rows from two processes interleave into one unbroken chain; on a
// server the database extends the chain itself (seq, time, login and hash), so no client can
// write a row in another's name.
class Appender
{
public:
    Appender(sql::Connection &db, const QString &actor, const QString &time);

    // Writes one row and returns its seq.
    qint64 append(qint64 projectId, const AuditKey &key, const QString &oldValue, const QString &newValue);
    // Like append, but writes nothing and returns 0 when the values are equal: an edit that
    // changes nothing leaves no trace.
    qint64 appendChange(qint64 projectId, const AuditKey &key, const QString &oldValue, const QString &newValue);
    qint64 rowsWritten() const { return m_rowsWritten; }

private:
    sql::Connection &m_db;
    QString m_actor;
    QString m_time;
    bool m_headKnown = false;
    qint64 m_lastSeq = 0;
    QString m_lastHash;
    qint64 m_rowsWritten = 0;
};

QString head(const sql::Connection &db);
// Appends a row exactly as another database recorded it (preflight db copy); the database
// refuses it unless it continues the chain.
struct StoredRow
{
    qint64 seq = 0;
    QString time; // as stored: hashed as text
    QString actor;
    qint64 projectId = 0;
    QString what;
    QString oldValue;
    QString newValue;
    QString hash;
};
std::vector<StoredRow> storedRows(const sql::Connection &db);
void copyRow(sql::Connection &db, const StoredRow &row);
QString headAt(const sql::Connection &db, const QString &time); // `time` as formatTime writes it
std::vector<AuditEntry> history(const sql::Connection &db, qint64 projectId);
Store::Verification verify(const sql::Connection &db);

} // namespace preflight::audit
