#include "storage/IntegrityCheck.h"

#include "Error.h"
#include "storage/Sqlite.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace preflight::integrity {

namespace {

// "ok", SQLite's description of the damage, or the error that stopped the check.
QString quickCheck(const sqlite::Connection &db)
{
    try {
        sqlite::Statement check(db, "PRAGMA quick_check");
        return check.step() ? check.text(0) : QStringLiteral("no result");
    } catch (const Error &error) {
        return error.message();
    }
}

void requireOk(const QString &path, const QString &result)
{
    if (result != QLatin1String("ok"))
        throw Error(Error::Kind::Data,
                    QStringLiteral("%1 is corrupt: %2; the file was not changed. Restore a backup from %3")
                        .arg(path, result, QFileInfo(path).absolutePath() + QLatin1String("/backups")));
}

} // namespace

BackgroundCheck::BackgroundCheck(const QString &path, std::function<void(const sqlite::Connection &)> afterPass)
    : m_path(path)
    , m_db(std::make_unique<sqlite::Connection>(path, sqlite::Connection::Mode::ReadOnly))
{
    m_result = std::async(std::launch::async, [db = m_db.get(), afterPass = std::move(afterPass)] {
                   QString result = quickCheck(*db);
                   if (result == QLatin1String("ok") && afterPass)
                       afterPass(*db);
                   return result;
               }).share();
}

BackgroundCheck::~BackgroundCheck()
{
    sqlite3_interrupt(m_db->handle());
    m_result.wait();
}

void BackgroundCheck::require()
{
    requireOk(m_path, m_result.get());
}

void requireIntact(const QString &path, const std::function<void(const sqlite::Connection &)> &afterPass)
{
    const sqlite::Connection db(path, sqlite::Connection::Mode::ReadOnly);
    requireOk(path, quickCheck(db));
    if (afterPass)
        afterPass(db);
}

} // namespace preflight::integrity
