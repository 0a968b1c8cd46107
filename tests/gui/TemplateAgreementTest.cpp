#include "GuiTestSupport.h"
#include "TeamTemplates.h"
#include "cli/CliRunner.h"
#include "dialogs/NewProjectDialog.h"
#include "models/ProjectListModel.h"
#include "templates/TemplateLoader.h"

#include <QComboBox>
#include <QDir>
#include <QSaveFile>

using namespace preflight;
using namespace preflight::gui;

using preflight::test::installTemplate;
using preflight::test::teamTemplate;

namespace { } // namespace

TEST_CASE("The window and the command line score a review with the same template version", "[gui][templates]")
{
    preflight::test::CliRunner cli;
    // Both versions installed for the window (this process) and for the command line.
    const QByteArray oldDataHome = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QDir(cli.dir()).filePath(QStringLiteral("data")).toLocal8Bit());
    for (const QString &version : { QStringLiteral("1.0.0"), QStringLiteral("2.0.0") }) {
        installTemplate(teamTemplate(version), TemplateRegistry::userTemplatesDir());
        installTemplate(teamTemplate(version), cli.dir() + QStringLiteral("/data/preflight/templates"));
    }

    REQUIRE(QDir().mkpath(QFileInfo(cli.dbPath()).absolutePath()));
    {
        auto store = Store::open(cli.dbPath(), QStringLiteral("tester"));
        Project draft;
        draft.name = QStringLiteral("Payments");
        const Project project = store->createProject(draft, teamTemplate(QStringLiteral("1.0.0")));
        Store::ItemPatch done;
        done.status = ItemStatus::Done;
        for (const char *item : { "security.secrets.rotated", "security.secrets.scanned",
                                  "security.secrets.scanned.history", "docs.user.changelog" })
            store->setItem(project.id, QString::fromLatin1(item), done);
    }
    // As written before templates were stored: only the installed copies are left to choose from.
    gui::test::removeStoredTemplate(cli.dbPath(), QStringLiteral("team-review"));

    Workspace workspace(Store::open(cli.dbPath(), QStringLiteral("tester")));
    REQUIRE(workspace.templates().find(QStringLiteral("team-review"))->version == QStringLiteral("2.0.0"));
    const Project project = *workspace.store().findProject(QStringLiteral("Payments"));
    ProjectListModel list(&workspace);
    const QModelIndex row = list.indexOfProject(project.id);
    ProjectSession *session = workspace.session(project.id);
    REQUIRE(session);
    CHECK(session->tmpl().version == QStringLiteral("1.0.0"));
    REQUIRE(session->assessment().score);

    // The real binary, as a user or a CI job runs it.
    const preflight::test::CliResult result
        = cli.spawn({ QStringLiteral("status"), QStringLiteral("Payments"), QStringLiteral("--json") });
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const nlohmann::json status = nlohmann::json::parse(result.out.toStdString());
    CHECK(status["template"]["version"] == "1.0.0");
    CHECK(status["score"].get<double>() == Approx(*session->assessment().score));
    CHECK(status["score"].get<double>() == Approx(100.0));
    CHECK(status["verdict"] == verdictKey(session->assessment().verdict).toStdString());
    CHECK(row.siblingAtColumn(ProjectListModel::ScoreColumn).data(ProjectListModel::ScoreRole).toDouble()
          == Approx(100.0));
    if (oldDataHome.isEmpty())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", oldDataHome);
}

TEST_CASE("A new project follows the template version picked in the dialog, not the newest", "[gui][templates]")
{
    QTemporaryDir data;
    const QByteArray oldDataHome = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", data.path().toLocal8Bit());
    for (const QString &version : { QStringLiteral("1.0.0"), QStringLiteral("2.0.0") })
        installTemplate(teamTemplate(version), TemplateRegistry::userTemplatesDir());
    gui::test::TempDatabase db;
    Workspace workspace(db.open());

    NewProjectDialog dialog(workspace, QStringLiteral("team-review"));
    dialog.setName(QStringLiteral("Payments"));
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("templateCombo"));
    REQUIRE(combo);
    const int older = combo->findText(QStringLiteral("API launch review (1.0.0)"));
    REQUIRE(older >= 0);
    combo->setCurrentIndex(older);
    CHECK(dialog.draft().templateVersion == QStringLiteral("1.0.0"));

    const std::optional<Project> created = workspace.createProject(dialog.draft());
    REQUIRE(created);
    CHECK(created->templateVersion == QStringLiteral("1.0.0"));
    CHECK(workspace.store().storedTemplate(QStringLiteral("team-review"), QStringLiteral("1.0.0"))->itemCount() == 4);
    CHECK(workspace.session(created->id)->tmpl().itemCount() == 4);
    if (oldDataHome.isEmpty())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", oldDataHome);
}
