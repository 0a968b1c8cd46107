#include "templates/ProjectTemplates.h"

#include "TeamTemplates.h"
#include "core/storage/StoreTestSupport.h"
#include "storage/Schema.h"
#include "storage/Sqlite.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

#include <QDir>
#include <QSaveFile>

#include <nlohmann/json.hpp>

using namespace preflight;
using preflight::test::rawExec;
using preflight::test::rawExecError;
using preflight::test::TempDatabase;

using preflight::test::installTemplate;
using preflight::test::teamTemplate;

namespace {

Project draft(const QString &name)
{
    Project project;
    project.name = name;
    return project;
}

} // namespace

TEST_CASE("A project's template version is stored with it as canonical JSON", "[templates][store][file]")
{
    TempDatabase temp;
    const Template v1 = teamTemplate(QStringLiteral("1.0.0"));
    {
        auto store = temp.open();
        const Project created = store->createProject(draft(QStringLiteral("Payments")), v1);
        CHECK(created.templateId == QStringLiteral("team-review"));
        CHECK(created.templateVersion == QStringLiteral("1.0.0"));
        // A second project on the same version stores nothing new.
        store->createProject(draft(QStringLiteral("Billing")), v1);
        CHECK(store->missingTemplates().empty());
    }
    sqlite::Connection db(temp.path, sqlite::Connection::Mode::ReadOnly);
    sqlite::Statement rows(db, "SELECT id, version, json FROM templates");
    REQUIRE(rows.step());
    CHECK(rows.text(0) == QStringLiteral("team-review"));
    CHECK(rows.text(1) == QStringLiteral("1.0.0"));
    CHECK(rows.text(2).toStdString() == templateToJson(v1).dump());
    CHECK_FALSE(rows.step());

    // Read back in a fresh Store with nothing installed: the same template, item for item.
    auto reopened = temp.open();
    const auto stored = reopened->storedTemplate(QStringLiteral("team-review"), QStringLiteral("1.0.0"));
    REQUIRE(stored);
    CHECK(templateToJson(*stored) == templateToJson(v1));
    CHECK(reopened->storedTemplate(QStringLiteral("team-review"), QStringLiteral("2.0.0")) == nullptr);
}

TEST_CASE("A stored template version is never replaced", "[templates][store][file]")
{
    TempDatabase temp;
    auto store = temp.open();
    const Template original = teamTemplate(QStringLiteral("1.0.0"));
    store->createProject(draft(QStringLiteral("Payments")), original);
    Template edited = original;
    edited.title = QStringLiteral("Edited without a new version");
    store->storeTemplate(edited);
    store->createProject(draft(QStringLiteral("Billing")), edited);
    auto fresh = temp.open();
    CHECK(fresh->storedTemplate(original.id, original.version)->title == original.title);
    CHECK(rawExecError(temp.path, QStringLiteral("UPDATE templates SET json = '{}'"))
          == QStringLiteral("stored template versions are never changed"));
}

TEST_CASE("Damaged stored template JSON is reported with the database, id and version", "[templates][store][file]")
{
    TempDatabase temp;
    temp.open()->createProject(draft(QStringLiteral("Payments")), teamTemplate(QStringLiteral("1.0.0")));
    rawExec(
        temp.path,
        QStringLiteral("DROP TRIGGER templates_no_update; UPDATE templates SET json = '{\"id\": \"team-review\"}'"));
    auto store = temp.open();
    CHECK_THROWS_WITH(store->storedTemplate(QStringLiteral("team-review"), QStringLiteral("1.0.0")),
                      Catch::Contains((temp.dir.filePath(QStringLiteral("review.db"))
                                       + QStringLiteral(": stored template \"team-review\" 1.0.0: $"))
                                          .toStdString()));
}

TEST_CASE("A project is resolved to its exact version, from the database first", "[templates][resolve]")
{
    TempDatabase temp;
    QTemporaryDir installed;
    installTemplate(teamTemplate(QStringLiteral("1.0.0")), installed.path());
    installTemplate(teamTemplate(QStringLiteral("2.0.0")), installed.path());
    TemplateRegistry registry;
    registry.loadUserTemplates(installed.path());
    REQUIRE(registry.find(QStringLiteral("team-review"))->version == QStringLiteral("2.0.0"));

    auto store = temp.open();
    const Project project
        = store->createProject(draft(QStringLiteral("Payments")), teamTemplate(QStringLiteral("1.0.0")));
    Store::ItemPatch done;
    done.status = ItemStatus::Done;
    for (const char *item : { "security.secrets.rotated", "security.secrets.scanned",
                              "security.secrets.scanned.history", "docs.user.changelog" })
        store->setItem(project.id, QString::fromLatin1(item), done);

    const Review review = loadReview(*store, registry, project, QDate(2026, 1, 1));
    CHECK(review.tmpl->version == QStringLiteral("1.0.0"));
    CHECK(review.tmpl->itemCount() == 4);
    REQUIRE(review.assessment.score);
    CHECK(*review.assessment.score == Approx(100.0));
    // The newest installed version would have scored it lower: that is what must not happen.
    const Assessment withNewest = assess(*registry.find(QStringLiteral("team-review")), review.state, review.today);
    CHECK(*withNewest.score < 100.0);

    // Deleting the installed files changes nothing: the database holds the version.
    const TemplateRegistry builtinsOnly;
    CHECK(resolveTemplate(*store, builtinsOnly, project)->version == QStringLiteral("1.0.0"));
}

TEST_CASE("Databases from before schema 4 take in their installed templates, a missing one is named",
          "[templates][resolve][migration]")
{
    TempDatabase temp;
    {
        sqlite::Connection db(temp.path, sqlite::Connection::Mode::ReadWriteCreate);
        schema::migrate(db, 3);
        db.exec("INSERT INTO projects(name, template_id, template_version, created, updated) VALUES"
                "('Alpha', 'appendix-a', '1.0.0', '2025-01-02T03:04:05.678Z', '2025-01-02T03:04:05.678Z'),"
                "('Beta', 'imported', '1.0.0', '2025-01-02T03:04:05.678Z', '2025-01-02T03:04:05.678Z')");
    }
    auto store = temp.open();
    CHECK(store->missingTemplates().size() == 2);
    const TemplateRegistry registry;
    CHECK(storeInstalledTemplates(*store, registry) == 1);
    REQUIRE(store->missingTemplates().size() == 1);
    CHECK(store->missingTemplates()[0].id == QStringLiteral("imported"));
    CHECK(store->storedTemplate(QStringLiteral("appendix-a"), QStringLiteral("1.0.0")));

    const Project beta = *store->findProject(QStringLiteral("Beta"));
    CHECK_THROWS_WITH(resolveTemplate(*store, registry, beta),
                      (temp.dir.filePath(QStringLiteral("review.db"))
                       + QStringLiteral(": project \"Beta\" uses template \"imported\" 1.0.0, which is neither "
                                        "stored in the database nor installed"))
                          .toStdString());
    // Alpha still loads, now from the database alone.
    const Review alpha
        = loadReview(*store, TemplateRegistry(), *store->findProject(QStringLiteral("Alpha")), QDate(2026, 1, 1));
    CHECK(alpha.tmpl->itemCount() == 264);
}
