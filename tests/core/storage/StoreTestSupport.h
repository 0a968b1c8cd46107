#pragma once

#include "Error.h"
#include "storage/Postgres.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>

namespace preflight::test {

// True when the suite runs against a PostgreSQL server (tests/with-server.sh): the libpq
// environment (PGHOST, PGUSER…) then names a server on which the login may create databases.
inline bool onServer()
{
    return qEnvironmentVariableIsSet("PREFLIGHT_TEST_SERVER");
}

// A fresh database per test. For a file: a fresh folder, with the database inside so backups land
// beside it too. On a server: a fresh database with the Preflight schema, dropped afterwards.
// `path` is what Store::open takes either way.
struct TempDatabase
{
    QTemporaryDir dir;
    QString path;
    QString serverDatabase;

    TempDatabase()
    {
        if (!onServer()) {
            path = dir.filePath(QStringLiteral("review.db"));
            return;
        }
        static int counter = 0;
        serverDatabase = QStringLiteral("preflight_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
        runOnServer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(serverDatabase));
        runOnServer(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(serverDatabase));
        path = QStringLiteral("dbname=%1").arg(serverDatabase);
        Store::initServer(path);
    }
    ~TempDatabase()
    {
        if (!serverDatabase.isEmpty()) {
            try {
                runOnServer(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(serverDatabase));
            } catch (const Error &) {
                // A leftover database of a throwaway server is harmless.
            }
        }
    }
    TempDatabase(const TempDatabase &) = delete;
    TempDatabase &operator=(const TempDatabase &) = delete;

    std::unique_ptr<Store> open(const QString &actor = QStringLiteral("tester")) const
    {
        return Store::open(path, actor);
    }

    // DDL on the server's maintenance database (PGDATABASE), outside any transaction.
    static void runOnServer(const QString &sql)
    {
        postgres::Connection admin(QStringLiteral("dbname=postgres"));
        admin.exec(sql.toUtf8().constData());
    }
};

// Who the audit trail records for a store opened as `asked`: on a server, always the login.
inline QString recordedActor(const Store &store, const QString &asked)
{
    return onServer() ? store.actor() : asked;
}

inline const TemplateRegistry &builtinTemplates()
{
    static const TemplateRegistry registry;
    return registry;
}

// The built-in Appendix A, loaded once per test process: what draftProject's projects follow.
// The newest version, whose stack-specific items carry tags (1.0.1).
inline const Template &appendixA()
{
    return *builtinTemplates().find(QStringLiteral("appendix-a"));
}

// An older built-in version: 1.0.0 is Appendix A without tags, the base of the migration fixtures.
inline const Template &appendixAVersion(const char *version)
{
    const Template *tmpl = builtinTemplates().find(QStringLiteral("appendix-a"), QString::fromLatin1(version));
    REQUIRE(tmpl);
    return *tmpl;
}

inline Project draftProject(const QString &name)
{
    Project draft;
    draft.name = name;
    draft.templateId = QStringLiteral("appendix-a");
    draft.templateVersion = appendixA().version;
    return draft;
}

// Raw SQL on the file, bypassing the Store: how the tests play an attacker or an old release.
// Returns SQLite's error message, empty on success.
inline QString rawExecError(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    const QString message = rc == SQLITE_OK ? QString() : QString::fromUtf8(error ? error : sqlite3_errstr(rc));
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

inline void rawExec(const QString &path, const QString &sql)
{
    const QString error = rawExecError(path, sql);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
}

inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// The answers of two states item by item, with flags, risk links and sign-off digests: what a
// template migration and its undo must carry over. (History replays compare more: requireSameState.)
inline void requireSameAnswers(const ProjectState &actual, const ProjectState &expected)
{
    CHECK(actual.project.templateId == expected.project.templateId);
    CHECK(actual.project.templateVersion == expected.project.templateVersion);
    REQUIRE(actual.items.size() == expected.items.size());
    for (const auto &[id, want] : expected.items) {
        INFO(id.toStdString());
        REQUIRE(actual.items.count(id) == 1);
        const ItemState &got = actual.items.at(id);
        CHECK(got.status == want.status);
        CHECK(got.reason == want.reason);
        CHECK(got.note == want.note);
        CHECK(got.owner == want.owner);
        CHECK(got.evidence == want.evidence);
        CHECK(got.changedBy == want.changedBy);
        CHECK(got.changedAt == want.changedAt);
    }
    CHECK(actual.rechecks == expected.rechecks);
    REQUIRE(actual.risks.size() == expected.risks.size());
    for (size_t i = 0; i < expected.risks.size(); ++i) {
        CHECK(actual.risks[i].id == expected.risks[i].id);
        CHECK(actual.risks[i].linkedItems == expected.risks[i].linkedItems);
        CHECK(actual.risks[i].updated == expected.risks[i].updated);
    }
    REQUIRE(actual.signoffs.size() == expected.signoffs.size());
    for (size_t i = 0; i < expected.signoffs.size(); ++i)
        CHECK(actual.signoffs[i].stateDigest == expected.signoffs[i].stateDigest);
}

} // namespace preflight::test

// Catch2 prints QStrings readably in failed assertions.
namespace Catch {
template<> struct StringMaker<QString>
{
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch
