#include "storage/Backups.h"

#include "Error.h"
#include "storage/Schema.h"
#include "storage/Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <cstdio>

namespace preflight::backups {

namespace {

QString backupFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QLatin1String("/backups");
}

// Replaces `target` in one rename(2), which POSIX makes atomic: readers see the old file or
// the new one, never a mixture. (QFile::rename refuses to replace an existing file.)
void replaceFile(const QString &from, const QString &target)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(target).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        QFile::remove(from);
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot move %2 into place: %3").arg(target, from, reason));
    }
}

// A complete copy of `source` at `target`, or no change at all to `target`.
void copyDatabase(const sqlite::Connection &source, const QString &target)
{
    const QString partial = target + QStringLiteral(".partial-%1").arg(QCoreApplication::applicationPid());
    QFile::remove(partial);
    {
        sqlite::Connection destination(partial, sqlite::Connection::Mode::ReadWriteCreate);
        sqlite3_backup *backup = sqlite3_backup_init(destination.handle(), "main", source.handle(), "main");
        if (!backup)
            destination.fail(sqlite3_errcode(destination.handle()),
                             QStringLiteral("cannot start a backup of %1").arg(source.path()));
        // -1: copy every page in one step, so the snapshot is consistent without holding the
        // source's read lock across several calls.
        const int stepResult = sqlite3_backup_step(backup, -1);
        const int finishResult = sqlite3_backup_finish(backup);
        if (stepResult != SQLITE_DONE || finishResult != SQLITE_OK) {
            const int code = stepResult != SQLITE_DONE ? stepResult : finishResult;
            QFile::remove(partial);
            destination.fail(code, QStringLiteral("backup of %1 failed").arg(source.path()));
        }
    }
    replaceFile(partial, target);
}

void prune(const QString &databasePath)
{
    QDir folder(backupFolder(databasePath));
    const QString base = QFileInfo(databasePath).completeBaseName();
    // ISO dates sort by name, so the newest are last.
    const QStringList backups = folder.entryList({ base + QLatin1String("-\?\?\?\?-\?\?-\?\?.db") }, QDir::Files,
                                                 QDir::Name | QDir::Reversed);
    for (qsizetype i = keepCount; i < backups.size(); ++i)
        folder.remove(backups.at(i));
    // A process killed mid-backup leaves its partial file; anything an hour old is abandoned.
    const auto partials = folder.entryInfoList({ base + QLatin1String("-*.db.partial-*") }, QDir::Files);
    for (const QFileInfo &partial : partials) {
        if (partial.lastModified().secsTo(QDateTime::currentDateTime()) > 3600)
            folder.remove(partial.fileName());
    }
}

void requireRestorable(const sqlite::Connection &backup)
{
    const qint64 pages = backup.pragmaInt("PRAGMA page_count");
    sqlite::Statement check(backup, "PRAGMA quick_check");
    const QString result = check.step() ? check.text(0) : QString();
    if (pages == 0 || result != QLatin1String("ok"))
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: not a usable backup (%2)")
                        .arg(backup.path(), pages == 0 ? QStringLiteral("empty") : result));
    const schema::Inspection inspection = schema::inspect(backup);
    if (inspection.foreign || inspection.empty)
        throw Error(Error::Kind::Data, QStringLiteral("%1: not a Preflight database").arg(backup.path()));
    if (inspection.version > schema::currentVersion())
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1: written by a newer Preflight (schema %2, this build reads up "
                                   "to %3)")
                        .arg(backup.path())
                        .arg(inspection.version)
                        .arg(schema::currentVersion()));
}

// True when the existing database opens as an SQLite file that passes quick_check.
bool isHealthy(const QString &databasePath)
{
    try {
        sqlite::Connection db(databasePath, sqlite::Connection::Mode::ReadOnly);
        sqlite::Statement check(db, "PRAGMA quick_check");
        return check.step() && check.text(0) == QLatin1String("ok");
    } catch (const Error &) {
        return false;
    }
}

} // namespace

QString dailyPath(const QString &databasePath, const QDate &day)
{
    return backupFolder(databasePath) + QLatin1Char('/') + QFileInfo(databasePath).completeBaseName() + QLatin1Char('-')
        + day.toString(Qt::ISODate) + QLatin1String(".db");
}

QString write(const sqlite::Connection &source, const QString &databasePath, const QDate &day)
{
    if (!QDir().mkpath(backupFolder(databasePath)))
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot create the folder").arg(backupFolder(databasePath)));
    const QString target = dailyPath(databasePath, day);
    copyDatabase(source, target);
    prune(databasePath);
    return target;
}

QString writeDailyIfMissing(const sqlite::Connection &source, const QString &databasePath)
{
    const QDate today = QDate::currentDate();
    if (QFileInfo::exists(dailyPath(databasePath, today)))
        return {};
    return write(source, databasePath, today);
}

void restore(const QString &backupPath, const QString &databasePath)
{
    if (!QFileInfo::exists(backupPath))
        throw Error(Error::Kind::Usage, QStringLiteral("%1: no such backup file").arg(backupPath));
    sqlite::Connection backup(backupPath, sqlite::Connection::Mode::ReadOnly);
    requireRestorable(backup);

    if (QFileInfo::exists(databasePath) && isHealthy(databasePath)) {
        // Copy pages into the live database as one write transaction: other processes with the
        // file open simply see new data (and a new data_version), and a crash midway rolls back.
        sqlite::Connection live(databasePath, sqlite::Connection::Mode::ReadWrite);
        sqlite3_backup *copy = sqlite3_backup_init(live.handle(), "main", backup.handle(), "main");
        if (!copy)
            live.fail(sqlite3_errcode(live.handle()), QStringLiteral("cannot restore from %1").arg(backupPath));
        const int stepResult = sqlite3_backup_step(copy, -1);
        const int finishResult = sqlite3_backup_finish(copy);
        if (stepResult != SQLITE_DONE || finishResult != SQLITE_OK)
            live.fail(stepResult != SQLITE_DONE ? stepResult : finishResult,
                      QStringLiteral("restoring from %1 failed").arg(backupPath));
        return;
    }

    // Nothing healthy to write into: keep whatever is there under a new name (never delete a
    // user's file, however broken), then put a complete copy of the backup in its place.
    if (QFileInfo::exists(databasePath)) {
        const QString aside = databasePath + QLatin1String(".damaged-")
            + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMddHHmmss"));
        for (const char *suffix : { "", "-wal", "-shm" }) {
            const QString file = databasePath + QLatin1String(suffix);
            if (QFileInfo::exists(file))
                replaceFile(file, aside + QLatin1String(suffix));
        }
    }
    QDir().mkpath(QFileInfo(databasePath).absolutePath());
    copyDatabase(backup, databasePath);
}

} // namespace preflight::backups
