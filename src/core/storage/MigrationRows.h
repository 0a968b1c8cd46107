#pragma once

// Private to the storage module: the rows a template migration moves, shared by
// Store::migrateProject (StoreMigrate.cpp) and its undo (StoreMigrateUndo.cpp).
#include "model/Project.h"
#include "storage/Sql.h"
#include "storage/StoreImpl.h"

#include <QString>

#include <map>

namespace preflight {

namespace audit {
class Appender;
}

namespace migration {

inline constexpr const char *recheckField = "recheck";
QString flagText(const QString &sinceVersion); // the audited value of a set flag

// An item_states row as stored: the times stay text, so a moved answer keeps them exactly.
struct Row
{
    QString status;
    QString reason;
    QString note;
    QString owner;
    QString evidence;
    QString changedBy;
    QString changedAt;
};

// An answer's audited fields (status, reason, note, owner, evidence), as setItem audits them.
AuditFields answerFields(const QString &itemId, const Row &row);
// One audit row per answer field whose value differs, as setItem audits them.
void auditAnswer(audit::Appender &appender, qint64 projectId, const QString &itemId, const Row &before,
                 const Row &after);
std::map<QString, Row> readRows(const sql::Connection &db, qint64 projectId);
std::map<QString, Recheck> readFlags(const sql::Connection &db, qint64 projectId);
void insertRow(const sql::Connection &db, qint64 projectId, const QString &itemId, const Row &row);
void deleteRow(const sql::Connection &db, qint64 projectId, const QString &itemId);
void writeFlag(const sql::Connection &db, qint64 projectId, const QString &itemId, const Recheck &flag);
void deleteFlag(const sql::Connection &db, qint64 projectId, const QString &itemId);

} // namespace migration

} // namespace preflight
