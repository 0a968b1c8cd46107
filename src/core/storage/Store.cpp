#include "storage/Store.h"

#include "Error.h"
#include "storage/Backups.h"
#include "storage/FileChecks.h"
#include "storage/IntegrityCheck.h"
#include "storage/Postgres.h"
#include "storage/Schema.h"
#include "storage/ServerSchema.h"
#include "storage/SqliteDatabase.h"
#include "storage/StoreImpl.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace preflight {

namespace {

// Inspects the file over a read-only connection, so nothing we refuse is ever written to.
// Returns whether opening will write to the file (a migration, or the switch to write-ahead
// logging), in which case its integrity must be checked first rather than in the background.
bool requireOpenable(const QString &path)
{
    sqlite::Connection probe(path, sqlite::Connection::Mode::ReadOnly);
    schema::Inspection inspection;
    QString journal;
    try {
        inspection = schema::inspect(probe);
        sqlite::Statement journalMode(probe, "PRAGMA journal_mode");
        journal = journalMode.step() ? journalMode.text(0) : QString();
    } catch (const Error &error) {
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1 is corrupt or not an SQLite database (%2); the file was not changed")
                        .arg(path, error.message()));
    }
    if (inspection.foreign)
        throw Error(
            Error::Kind::Data,
            QStringLiteral("%1 is an SQLite database but not a Preflight one; the file was not changed").arg(path));
    if (inspection.version > schema::currentVersion())
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1 was written by a newer Preflight (schema version %2; this "
                                   "version reads up to %3); the file was not changed")
                        .arg(path)
                        .arg(inspection.version)
                        .arg(schema::currentVersion()));
    return inspection.version < schema::currentVersion() || journal != QLatin1String("wal");
}

void configure(sqlite::Connection &db)
{
    sqlite::Statement journal(db, "PRAGMA journal_mode = WAL");
    if (!journal.step() || journal.text(0) != QLatin1String("wal"))
        throw Error(Error::Kind::Io, QStringLiteral("%1: cannot switch to write-ahead logging").arg(db.path()));
    // FULL in WAL mode syncs the log on every commit: a committed edit survives power loss,
    // not only a process crash.
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    // 32 MB of page cache (SQLite's default is 2 MB): loading a large project's state then reads
    // its pages once from the OS instead of again on every view refresh.
    db.exec("PRAGMA cache_size = -32768");
}

void takeDailyBackup(const sqlite::Connection &db, const QString &path)
{
    try {
        backups::writeDailyIfMissing(db, path);
    } catch (const Error &error) {
        // A failed backup must not lock the user out of their data; the live file is intact.
        qWarning("%s", qUtf8Printable(error.message()));
    }
}

} // namespace

Store::Store()
    : d(std::make_unique<Impl>())
{ }

Store::~Store()
{
    // The check's read-only connection closes first, so that the main connection is the last
    // one and checkpoints the write-ahead log into the file: a copied file is then complete.
    if (d->file)
        d->file->setWriteGate(nullptr);
    d->integrityCheck.reset();
}

std::unique_ptr<Store> Store::open(const QString &path, const QString &actor, const QString &password,
                                   FileCheck fileCheck)
{
    if (postgres::isServerLocation(path)) {
        auto server = std::make_unique<postgres::Connection>(path, password);
        serverschema::requireCurrent(*server);
        std::unique_ptr<Store> store(new Store);
        store->d->path = server->location();
        store->d->actor = server->authenticatedUser().value_or(QString());
        store->d->server = server.get();
        store->d->db = std::move(server);
        return store;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    filechecks::requireUsableFile(absolute);
    const bool exists = QFileInfo::exists(absolute);
    bool checkNow = false;
    if (exists)
        checkNow = requireOpenable(absolute);
    if (checkNow)
        integrity::requireIntact(absolute);
    else if (!exists && !QDir().mkpath(QFileInfo(absolute).absolutePath()))
        throw Error(Error::Kind::Io,
                    QStringLiteral("%1: cannot create the folder").arg(QFileInfo(absolute).absolutePath()));

    std::unique_ptr<Store> store(new Store);
    store->d->path = absolute;
    store->setActor(actor);
    auto database = std::make_unique<sqlite::Database>(
        absolute, exists ? sqlite::Connection::Mode::ReadWrite : sqlite::Connection::Mode::ReadWriteCreate);
    auto &db = database->file();
    store->d->file = &db;
    store->d->db = std::move(database);
    if (db.isReadOnly())
        throw Error(
            Error::Kind::Io,
            QStringLiteral("%1: the database can only be opened read-only; the file was not changed").arg(absolute));
    configure(db);
    // An existing file is backed up as found, before any migration: the day's backup is then
    // also a copy that the previous release can still open.
    if (checkNow)
        takeDailyBackup(db, absolute);
    schema::migrate(db, schema::currentVersion());
    if (!exists)
        takeDailyBackup(db, absolute);
    if (exists && !checkNow && fileCheck == FileCheck::BeforeFirstWrite) {
        db.setWriteGate([absolute] {
            integrity::requireIntact(
                absolute, [absolute](const sqlite::Connection &checked) { takeDailyBackup(checked, absolute); });
            return true;
        });
    } else if (exists && !checkNow) {
        // Copying a large file (0.4 s for 250 MB) must not delay the window either: the backup
        // is taken after the check passed (a damaged file never replaces a good backup), and
        // the first write waits for both, so the day's backup is still the file as found.
        store->d->integrityCheck = std::make_unique<integrity::BackgroundCheck>(
            absolute, [absolute](const sqlite::Connection &checked) { takeDailyBackup(checked, absolute); });
        db.setWriteGate([check = store->d->integrityCheck.get()] {
            check->require();
            return true;
        });
    }
    return store;
}

bool Store::isServerLocation(const QString &location)
{
    return postgres::isServerLocation(location);
}

QString Store::withoutPassword(const QString &location)
{
    return postgres::withoutPassword(location);
}

bool Store::serverNeedsPassword(const QString &location)
{
    return postgres::Connection::needsPassword(location);
}

Store::ServerUpgrade Store::initServer(const QString &location)
{
    if (!isServerLocation(location))
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1 is not a server: give a postgresql:// URI or a libpq connection string "
                                   "such as service=preflight")
                        .arg(location));
    postgres::Connection server(location);
    const auto upgrade = serverschema::initialize(server);
    return { upgrade.from, upgrade.to };
}

int Store::serverSchemaVersion()
{
    return serverschema::currentVersion();
}

QString Store::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/preflight.db");
}

QString Store::defaultActor()
{
    for (const char *variable : { "USER", "USERNAME", "LOGNAME" }) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("unknown");
}

QString Store::path() const
{
    return d->path;
}

QString Store::actor() const
{
    return d->actor;
}

bool Store::isServer() const
{
    return d->server != nullptr;
}

void Store::setActor(const QString &actor)
{
    if (d->server)
        return;
    d->actor = actor.trimmed().isEmpty() ? defaultActor() : actor.trimmed();
}

qint64 Store::dataVersion() const
{
    if (d->server)
        return d->server->notificationsReceived();
    return d->file->pragmaInt("PRAGMA data_version");
}

int Store::changeSocket() const
{
    if (!d->server)
        return -1;
    d->server->notificationsReceived(); // starts listening
    return d->server->socket();
}

sql::Reconnection Store::startReconnect()
{
    return d->server ? d->server->startReconnect() : sql::Reconnection::Connected;
}

sql::Reconnection Store::continueReconnect()
{
    return d->server ? d->server->continueReconnect() : sql::Reconnection::Connected;
}

int Store::connectionSocket() const
{
    return d->server ? d->server->socket() : -1;
}

QString Store::backupNow()
{
    if (d->server)
        throw Error(Error::Kind::Usage,
                    QStringLiteral("%1: a server's backups are the server's job (pg_dump); \"preflight db copy\" "
                                   "archives it as a single file")
                        .arg(d->path));
    return backups::write(*d->file, d->path, QDate::currentDate());
}

void Store::restoreBackup(const QString &backupPath, const QString &databasePath)
{
    backups::restore(QFileInfo(backupPath).absoluteFilePath(), QFileInfo(databasePath).absoluteFilePath());
}

int Store::schemaVersion()
{
    return schema::currentVersion();
}

} // namespace preflight
