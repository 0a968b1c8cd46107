#include "StoreTestSupport.h"
#include "storage/Store.h"

#include <QDir>
#include <QFileInfo>

using namespace preflight;
using preflight::test::draftProject;
using preflight::test::fileBytes;
using preflight::test::rawExec;
using preflight::test::TempDatabase;

namespace {

// A real database several pages long, so damage can land past the header.
void createPopulated(const TempDatabase &temp)
{
    auto store = temp.open();
    for (int i = 0; i < 40; ++i) {
        Project draft = draftProject(QStringLiteral("Project %1").arg(i));
        draft.notes = QString(500, QLatin1Char('n'));
        store->createProject(draft, preflight::test::appendixA());
    }
}

void overwrite(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Opening must fail with a message naming the file and `expected`, and change no byte of it.
void requireRefused(const QString &path, const QString &expected)
{
    const QByteArray before = fileBytes(path);
    const QDateTime modified = QFileInfo(path).lastModified();
    try {
        Store::open(path, QStringLiteral("tester"));
        FAIL("the file was opened");
    } catch (const Error &error) {
        INFO(error.message().toStdString());
        CHECK(error.message().contains(path));
        CHECK(error.message().contains(expected));
    }
    CHECK(fileBytes(path) == before);
    CHECK(QFileInfo(path).lastModified() == modified);
}

} // namespace

TEST_CASE("A file that is not SQLite is refused", "[store][open]")
{
    TempDatabase temp;
    QFile file(temp.path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("# My review notes\nThis is Markdown, not a database.\n" + QByteArray(4000, 'x'));
    file.close();
    requireRefused(temp.path, QStringLiteral("not an SQLite database"));
}

TEST_CASE("An empty file is refused rather than silently made a new database", "[store][open]")
{
    TempDatabase temp;
    QFile file(temp.path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.close();
    requireRefused(temp.path, QStringLiteral("empty"));
}

TEST_CASE("A truncated database is refused", "[store][open]")
{
    TempDatabase temp;
    createPopulated(temp);
    REQUIRE(QFileInfo(temp.path).size() > 8 * 4096);
    REQUIRE(QFile::resize(temp.path, 5 * 4096));
    requireRefused(temp.path, QStringLiteral("truncated"));

    REQUIRE(QFile::resize(temp.path, 50));
    requireRefused(temp.path, QStringLiteral("truncated"));
}

TEST_CASE("A corrupt database is refused before anything is written to it", "[store][open]")
{
    // Opening does not wait for the full check: the window runs it in the background (a large file
    // must not delay the first paint), a command only before its first write. Either way that
    // write, and every later one, is refused.
    const Store::FileCheck check = GENERATE(Store::FileCheck::InBackground, Store::FileCheck::BeforeFirstWrite);
    TempDatabase temp;
    createPopulated(temp);
    // Garbage over the middle of the second and third pages (b-tree pages of the projects).
    overwrite(temp.path, 4096 + 8, QByteArray(6000, '\xA5'));
    const QByteArray before = fileBytes(temp.path);
    const QString backups = temp.dir.filePath(QStringLiteral("backups"));
    REQUIRE(QDir(backups).removeRecursively()); // a damaged file must not become the day's backup
    auto store = Store::open(temp.path, QStringLiteral("tester"), {}, check);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            store->createProject(draftProject(QStringLiteral("After the damage")), preflight::test::appendixA());
            FAIL("a corrupt file was written to");
        } catch (const Error &error) {
            INFO(error.message().toStdString());
            CHECK(error.kind() == Error::Kind::Data);
            CHECK(error.message().startsWith(temp.path + QStringLiteral(" is corrupt: ")));
            CHECK(
                error.message().endsWith(QStringLiteral("the file was not changed. Restore a backup from ") + backups));
        }
    }
    store.reset();
    CHECK(fileBytes(temp.path) == before);
    CHECK(QDir(backups).isEmpty());
}

TEST_CASE("A corrupt database that needs a migration is refused when opened", "[store][open]")
{
    TempDatabase temp;
    createPopulated(temp);
    // As a release before templates were stored left it: the upgrade would write, so opening
    // checks the whole file first.
    rawExec(temp.path, QStringLiteral("DROP TABLE templates; PRAGMA user_version = 3"));
    overwrite(temp.path, 4096 + 8, QByteArray(6000, '\xA5'));
    requireRefused(temp.path, QStringLiteral(" is corrupt: "));
}

TEST_CASE("Another application's SQLite file is refused", "[store][open]")
{
    TempDatabase temp;
    rawExec(temp.path, QStringLiteral("CREATE TABLE bookmarks(url TEXT); INSERT INTO bookmarks VALUES('x')"));
    requireRefused(temp.path, QStringLiteral("not a Preflight one"));
}

TEST_CASE("A read-only database file is refused", "[store][open]")
{
    // Tests run as root, which ignores permission bits when writing; the Store checks the
    // owner's write bit itself, so chmod a-w protects the file for root too.
    TempDatabase temp;
    createPopulated(temp);
    REQUIRE(QFile::setPermissions(temp.path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    requireRefused(temp.path, QStringLiteral("read-only"));
    REQUIRE(QFile::setPermissions(temp.path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    CHECK(temp.open()->projects().size() == 40);
}

TEST_CASE("Opening creates missing folders and a new database", "[store][open]")
{
    TempDatabase temp;
    const QString nested = temp.dir.filePath(QStringLiteral("a/b/c/new.db"));
    auto store = Store::open(nested, QStringLiteral("tester"));
    CHECK(QFileInfo::exists(nested));
    CHECK(store->path() == QFileInfo(nested).absoluteFilePath());
    CHECK(store->projects().empty());
    CHECK(Store::defaultPath().endsWith(QStringLiteral("/preflight.db")));
}

TEST_CASE("Closing the store leaves the whole database in its one file", "[store][open]")
{
    // Reopened, so the background integrity check has its own connection open beside the
    // store's; the store's must still close last and fold the write-ahead log into the file.
    TempDatabase temp;
    temp.open()->createProject(draftProject(QStringLiteral("First")), preflight::test::appendixA());
    temp.open()->createProject(draftProject(QStringLiteral("Second")), preflight::test::appendixA());
    CHECK_FALSE(QFileInfo::exists(temp.path + QStringLiteral("-wal")));
    QTemporaryDir elsewhere;
    const QString copy = elsewhere.filePath(QStringLiteral("copy.db"));
    REQUIRE(QFile::copy(temp.path, copy));
    CHECK(Store::open(copy, QStringLiteral("tester"))->projects().size() == 2);
}

TEST_CASE("A server that cannot be reached is named without the password typed", "[store][open]")
{
    const QString location = QStringLiteral("postgresql://alice:s3cret@127.0.0.1:1/reviews?sslmode=disable");
    CHECK(Store::isServerLocation(location));
    CHECK(Store::isServerLocation(QStringLiteral("service=preflight")));
    CHECK_FALSE(Store::isServerLocation(QStringLiteral("/home/alice/reviews=old.db")));
    try {
        Store::open(location, QStringLiteral("tester"));
        FAIL("connected to a closed port");
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Io);
        CHECK(error.message().contains(QStringLiteral("postgresql://alice@127.0.0.1:1/reviews?sslmode=disable")));
        CHECK_FALSE(error.message().contains(QStringLiteral("s3cret")));
    }
}
