#pragma once

#include "ProjectSession.h"
#include "Workspace.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QSettings>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>

namespace preflight::gui::test {

// A fresh database file in a temporary folder, with QSettings cleared so that no window
// restores state from an earlier test.
struct TempDatabase
{
    TempDatabase() { QSettings().clear(); }

    QString path() const { return dir.filePath(QStringLiteral("review.db")); }
    std::unique_ptr<Store> open(const QString &actor = QStringLiteral("tester")) const
    {
        return Store::open(path(), actor);
    }

    QTemporaryDir dir;
};

inline Project createAppendixProject(Store &store, const QString &name = QStringLiteral("Checkout service"))
{
    const TemplateRegistry registry;
    const Template *tmpl = registry.find(QString::fromLatin1(TemplateRegistry::DefaultTemplateId));
    REQUIRE(tmpl);
    Project draft;
    draft.name = name;
    draft.templateId = tmpl->id;
    draft.templateVersion = tmpl->version;
    return store.createProject(draft, *tmpl);
}

// Deletes the database's stored copies of template `id`, bypassing the Store: a database as
// written before templates were stored, whose projects then need the installed template.
inline void removeStoredTemplate(const QString &path, const QString &id)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK);
    sqlite3_stmt *remove = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "DELETE FROM templates WHERE id = ?1", -1, &remove, nullptr) == SQLITE_OK);
    const QByteArray idText = id.toUtf8();
    sqlite3_bind_text(remove, 1, idText.constData(), int(idText.size()), SQLITE_TRANSIENT);
    const int result = sqlite3_step(remove);
    sqlite3_finalize(remove);
    sqlite3_close(db);
    REQUIRE(result == SQLITE_DONE);
}

// A workspace on a fresh database with one Appendix A project open in a session.
struct OpenSession
{
    TempDatabase db;
    Workspace workspace { db.open() };
    Project project = createAppendixProject(workspace.store());
    ProjectSession *session = workspace.session(project.id);
};

// Item ids from checklists/appendix-a.json used across the GUI tests.
inline const QString styleGuideItem = QStringLiteral("code-quality.code-standards.all-code-follows-style-guide");
inline const QString typeHintsItem
    = QStringLiteral("code-quality.code-standards.type-hints-on-all-function-signatures");

} // namespace preflight::gui::test
