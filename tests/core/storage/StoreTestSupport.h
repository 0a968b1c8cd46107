#pragma once

#include "Error.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>

namespace preflight::test {

// A fresh folder per test; the database lives inside it so backups land beside it too.
struct TempDatabase
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("review.db"));

    std::unique_ptr<Store> open(const QString &actor = QStringLiteral("tester")) const
    {
        return Store::open(path, actor);
    }
};

// The built-in Appendix A, loaded once per test process: what draftProject's projects follow.
inline const Template &appendixA()
{
    static const TemplateRegistry registry;
    return *registry.find(QStringLiteral("appendix-a"));
}

inline Project draftProject(const QString &name)
{
    Project draft;
    draft.name = name;
    draft.templateId = QStringLiteral("appendix-a");
    draft.templateVersion = QStringLiteral("1.0.0");
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

} // namespace preflight::test

// Catch2 prints QStrings readably in failed assertions.
namespace Catch {
template<> struct StringMaker<QString>
{
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch
