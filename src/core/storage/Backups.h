#pragma once

#include <QDate>
#include <QString>

namespace preflight::sqlite {
class Connection;
}

namespace preflight::backups {

constexpr int keepCount = 7;

// <db folder>/backups/<db base name>-YYYY-MM-DD.db
QString dailyPath(const QString &databasePath, const QDate &day);

// Copies the live database with SQLite's online backup API (a consistent snapshot even while
// other connections write) into a temporary file that is renamed into place, so a backup file
// either is complete or does not exist. Then prunes to the newest `keepCount`.
QString write(const sqlite::Connection &source, const QString &databasePath, const QDate &day);

// Writes today's backup unless one exists. Returns the path, or empty when skipped.
QString writeDailyIfMissing(const sqlite::Connection &source, const QString &databasePath);

// Replaces the database's content with the backup's, as one SQLite write transaction.
void restore(const QString &backupPath, const QString &databasePath);

} // namespace preflight::backups
