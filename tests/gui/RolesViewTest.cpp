// The window on a team server shows what the login may do (README.md, "Roles on a team server"):
// the sign-off roles it holds, and actions it may not take disabled with the role needed. Needs
// a real PostgreSQL server (ctest gui.on_server).
#include "MainWindow.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "core/storage/StoreTestSupport.h"
#include "models/SignOffModel.h"
#include "widgets/SignOffView.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

using namespace preflight;
using namespace preflight::gui;

TEST_CASE("The Sign-off tab enables only the roles the login may sign as", "[.][server]")
{
    preflight::test::TempDatabase temp;
    const qint64 projectId
        = temp.open()
              ->createProject(preflight::test::draftProject(QStringLiteral("Shop")), preflight::test::appendixA())
              .id;
    const QString login = QStringLiteral("pf_gui_signer_%1").arg(QCoreApplication::applicationPid());
    preflight::test::TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw'").arg(login));
    Store::grantServerRoles(temp.path, login, { QStringLiteral("Security Lead") });

    auto store = Store::open(QStringLiteral("%1 user=%2 password=pw").arg(temp.path, login), {});
    const Project project = *store->findProject(QStringLiteral("Shop"));
    ProjectSession session(*store, store->storedTemplate(project.templateId, project.templateVersion), projectId);
    SignOffView view;
    view.setSession(&session);

    auto *label = view.findChild<QLabel *>(QStringLiteral("signAsLabel"));
    auto *sign = view.findChild<QPushButton *>(QStringLiteral("signButton"));
    REQUIRE(label);
    REQUIRE(sign);
    CHECK(label->text() == QStringLiteral("You can sign as: Security Lead"));
    CHECK(!label->isHidden());
    QTableView *table = view.table();
    int checked = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        const QString role = index.data(SignOffModel::RoleNameRole).toString();
        table->setCurrentIndex(index);
        INFO(role.toStdString());
        CHECK(sign->isEnabled() == (role == QStringLiteral("Security Lead")));
        CHECK(sign->toolTip().contains(role) == (role != QStringLiteral("Security Lead")));
        ++checked;
    }
    CHECK(checked == int(preflight::test::appendixA().signoffRoles.size()));
    try {
        preflight::test::TempDatabase::runOnServer(QStringLiteral("DROP ROLE %1").arg(login));
    } catch (const Error &) {
        // The throwaway server goes away anyway.
    }
}

TEST_CASE("A reader's window disables the project actions and names the role needed", "[.][server]")
{
    preflight::test::TempDatabase temp;
    const qint64 projectId
        = temp.open()
              ->createProject(preflight::test::draftProject(QStringLiteral("Shop")), preflight::test::appendixA())
              .id;
    const QString login = QStringLiteral("pf_gui_reader_%1").arg(QCoreApplication::applicationPid());
    preflight::test::TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw'").arg(login));
    Store::grantServerRoles(temp.path, login, { QStringLiteral("reader") });
    {
        MainWindow window(std::make_unique<Workspace>(
            Store::open(QStringLiteral("%1 user=%2 password=pw").arg(temp.path, login), {})));
        window.openProject(projectId);
        for (const char *name : { "actionNewProject", "actionDeleteProject", "actionArchiveProject" }) {
            auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
            REQUIRE(action);
            INFO(name);
            CHECK_FALSE(action->isEnabled());
            CHECK(action->toolTip() == QStringLiteral("Needs the admin role on this server"));
        }
    }
    MainWindow owner(std::make_unique<Workspace>(temp.open()));
    owner.openProject(projectId);
    CHECK(owner.findChild<QAction *>(QStringLiteral("actionDeleteProject"))->isEnabled());
    try {
        preflight::test::TempDatabase::runOnServer(QStringLiteral("DROP ROLE %1").arg(login));
    } catch (const Error &) {
        // The throwaway server goes away anyway.
    }
}
