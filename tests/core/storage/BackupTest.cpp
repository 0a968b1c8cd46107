#include "StoreTestSupport.h"
#include "storage/Store.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::TempDatabase;

namespace {

QString backupFolder(const TempDatabase &temp)
{
    return temp.dir.filePath(QStringLiteral("backups"));
}

QString todaysBackup(const TempDatabase &temp)
{
    return backupFolder(temp) + QStringLiteral("/review-%1.db").arg(QDate::currentDate().toString(Qt::ISODate));
}

} // namespace

TEST_CASE("Opening takes one backup a day", "[store][backup]")
{
    TempDatabase temp;
    temp.open()->createProject(draftProject(QStringLiteral("Before")), preflight::test::appendixA());
    // The first open created an empty database and backed it up; today's backup exists now.
    REQUIRE(QFileInfo::exists(todaysBackup(temp)));
    const QDateTime firstBackup = QFileInfo(todaysBackup(temp)).lastModified();
    temp.open()->createProject(draftProject(QStringLiteral("After")), preflight::test::appendixA());
    CHECK(QFileInfo(todaysBackup(temp)).lastModified() == firstBackup); // not taken again today

    QFile::remove(todaysBackup(temp));
    temp.open(); // a new day, as far as the store can tell
    auto backup = Store::open(todaysBackup(temp), QStringLiteral("tester"));
    CHECK(backup->projects().size() == 2);
}

TEST_CASE("A store that checks before its first write takes the day's backup then", "[store][backup]")
{
    TempDatabase temp;
    temp.open()->createProject(draftProject(QStringLiteral("Before")), preflight::test::appendixA());
    QFile::remove(todaysBackup(temp)); // a new day
    {
        // Reading only, as `preflight status` does: the file is neither checked nor copied.
        auto reader = Store::open(temp.path, QStringLiteral("tester"), {}, Store::FileCheck::BeforeFirstWrite);
        CHECK(reader->projects().size() == 1);
    }
    CHECK_FALSE(QFileInfo::exists(todaysBackup(temp)));
    auto writer = Store::open(temp.path, QStringLiteral("tester"), {}, Store::FileCheck::BeforeFirstWrite);
    writer->createProject(draftProject(QStringLiteral("After")), preflight::test::appendixA());
    REQUIRE(QFileInfo::exists(todaysBackup(temp)));
    // The file as found that day, before the write.
    auto backup = Store::open(todaysBackup(temp), QStringLiteral("tester"));
    REQUIRE(backup->projects().size() == 1);
    CHECK(backup->projects().front().name == QStringLiteral("Before"));
}

TEST_CASE("Only the newest seven backups are kept", "[store][backup]")
{
    TempDatabase temp;
    auto store = temp.open();
    const QDate today = QDate::currentDate();
    for (int daysAgo = 1; daysAgo <= 9; ++daysAgo) {
        const QString old
            = backupFolder(temp) + QStringLiteral("/review-%1.db").arg(today.addDays(-daysAgo).toString(Qt::ISODate));
        REQUIRE(QFile::copy(todaysBackup(temp), old));
    }
    // Someone else's file in the folder is left alone.
    QFile other(backupFolder(temp) + QStringLiteral("/notes.txt"));
    REQUIRE(other.open(QIODevice::WriteOnly));
    other.close();

    CHECK(store->backupNow() == todaysBackup(temp));
    const QStringList kept
        = QDir(backupFolder(temp)).entryList({ QStringLiteral("review-*.db") }, QDir::Files, QDir::Name);
    REQUIRE(kept.size() == 7);
    CHECK(kept.first() == QStringLiteral("review-%1.db").arg(today.addDays(-6).toString(Qt::ISODate)));
    CHECK(kept.last() == QFileInfo(todaysBackup(temp)).fileName());
    CHECK(QFileInfo::exists(other.fileName()));
}

TEST_CASE("Restoring a backup replaces the database content, even while it is open", "[store][backup]")
{
    TempDatabase temp;
    auto store = temp.open();
    store->createProject(draftProject(QStringLiteral("Kept")), preflight::test::appendixA());
    const QString backup = store->backupNow();
    store->createProject(draftProject(QStringLiteral("Lost")), preflight::test::appendixA());
    const qint64 version = store->dataVersion();

    Store::restoreBackup(backup, temp.path);
    CHECK(store->dataVersion() != version); // an open window learns it must refresh
    CHECK(store->projects().size() == 1);
    CHECK(store->findProject(QStringLiteral("Kept")).has_value());
    CHECK(store->verify().ok);
}

TEST_CASE("Restoring over a damaged database keeps the damaged file aside", "[store][backup]")
{
    TempDatabase temp;
    QString backup;
    {
        auto store = temp.open();
        store->createProject(draftProject(QStringLiteral("Kept")), preflight::test::appendixA());
        backup = store->backupNow();
    }
    QFile damaged(temp.path);
    REQUIRE(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("garbage");
    damaged.close();
    CHECK_THROWS_WITH(temp.open(), Catch::Contains("not an SQLite database"));

    Store::restoreBackup(backup, temp.path);
    CHECK(temp.open()->findProject(QStringLiteral("Kept")).has_value());
    const QStringList aside = QDir(temp.dir.path()).entryList({ QStringLiteral("review.db.damaged-*") });
    REQUIRE(aside.size() == 1);
    CHECK(preflight::test::fileBytes(temp.dir.filePath(aside.first())) == QByteArray("garbage"));
}

TEST_CASE("Restoring from a file that is not a backup is refused", "[store][backup]")
{
    TempDatabase temp;
    temp.open()->createProject(draftProject(QStringLiteral("Kept")), preflight::test::appendixA());
    const QString bogus = temp.dir.filePath(QStringLiteral("bogus.db"));
    QFile file(bogus);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'z'));
    file.close();
    CHECK_THROWS_WITH(Store::restoreBackup(bogus, temp.path), Catch::Contains(bogus.toStdString()));
    CHECK_THROWS_WITH(Store::restoreBackup(temp.dir.filePath(QStringLiteral("missing.db")), temp.path),
                      Catch::Contains("no such backup file"));
    CHECK(temp.open()->findProject(QStringLiteral("Kept")).has_value());
}
