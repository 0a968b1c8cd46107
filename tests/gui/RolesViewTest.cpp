// The window on a team server shows what the login may do (README.md, "Roles on a team server"):
// the sign-off roles it holds, and actions it may not take disabled with the role needed. Needs
// a real PostgreSQL server (ctest gui.on_server).
#include "MainWindow.h"
#include "ProjectSession.h"
#include "Workspace.h"
#include "core/storage/StoreTestSupport.h"
#include "models/ChecklistModel.h"
#include "models/RiskTableModel.h"
#include "models/SignOffModel.h"
#include "widgets/ChecklistView.h"
#include "widgets/RiskView.h"
#include "widgets/SignOffView.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeView>

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

TEST_CASE("A reader sees the checklist and the risks but cannot edit them", "[.][server]")
{
    preflight::test::TempDatabase temp;
    QString leafId;
    for (const Item &item : preflight::test::appendixA().categories.front().sections.front().items) {
        if (item.children.empty() && leafId.isEmpty())
            leafId = item.id;
    }
    REQUIRE(!leafId.isEmpty());
    qint64 projectId = 0;
    {
        auto owner = temp.open();
        projectId
            = owner->createProject(preflight::test::draftProject(QStringLiteral("Shop")), preflight::test::appendixA())
                  .id;
        Store::ItemPatch patch;
        patch.note = QStringLiteral("Checked by the owner");
        owner->setItem(projectId, leafId, patch);
        Risk risk;
        risk.title = QStringLiteral("Single database");
        risk.severity = Severity::High;
        owner->addRisk(projectId, risk);
    }
    const QString login = QStringLiteral("pf_gui_onlyreader_%1").arg(QCoreApplication::applicationPid());
    preflight::test::TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw'").arg(login));
    Store::grantServerRoles(temp.path, login, { QStringLiteral("preflight_reader") });
    const QString needed = QStringLiteral("Needs the reviewer role on this server");

    auto store = Store::open(QStringLiteral("%1 user=%2 password=pw").arg(temp.path, login), {});
    const Project project = *store->findProject(QStringLiteral("Shop"));
    ProjectSession session(*store, store->storedTemplate(project.templateId, project.templateVersion), projectId);
    CHECK_FALSE(session.mayReview());

    ChecklistView checklist;
    checklist.setSession(&session);
    checklist.selectItem(leafId);
    const QModelIndex leaf = checklist.model()->indexOfId(leafId);
    CHECK(leaf.data(ChecklistModel::EditableRole).toBool()); // a status a reviewer could set
    CHECK_FALSE(checklist.model()->flags(leaf).testFlag(Qt::ItemIsUserCheckable));
    CHECK_FALSE(checklist.model()->setData(leaf, Qt::Checked, Qt::CheckStateRole));
    for (QAction *action : checklist.itemActions()) {
        INFO(action->text().toStdString());
        CHECK_FALSE(action->isEnabled());
        CHECK(action->toolTip() == needed);
    }
    checklist.tree()->setFocus();
    QTest::keyClick(checklist.tree(), Qt::Key_Space);
    auto *note = checklist.findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
    auto *owner = checklist.findChild<QLineEdit *>(QStringLiteral("ownerEdit"));
    REQUIRE(note);
    REQUIRE(owner);
    CHECK(note->toPlainText() == QStringLiteral("Checked by the owner")); // read, not hidden
    CHECK(note->isReadOnly());
    CHECK(owner->isReadOnly());
    CHECK(owner->toolTip() == needed);
    for (const char *name : { "doneButton", "notApplicableButton", "reopenButton" }) {
        auto *button = checklist.findChild<QPushButton *>(QString::fromLatin1(name));
        REQUIRE(button);
        INFO(name);
        CHECK_FALSE(button->isEnabled());
        CHECK(button->toolTip() == needed);
    }

    RiskView risks;
    risks.setSession(&session);
    risks.table()->setCurrentIndex(risks.table()->model()->index(0, RiskTableModel::TitleColumn));
    CHECK(risks.table()->currentIndex().data().toString() == QStringLiteral("Single database"));
    for (int column = 0; column < risks.table()->model()->columnCount(); ++column)
        CHECK_FALSE(risks.table()->model()->flags(risks.table()->model()->index(0, column)) & Qt::ItemIsEditable);
    for (const char *name : { "addButton", "removeButton" }) {
        auto *button = risks.findChild<QPushButton *>(QString::fromLatin1(name));
        REQUIRE(button);
        INFO(name);
        CHECK_FALSE(button->isEnabled());
        CHECK(button->toolTip() == needed);
    }
    risks.table()->setFocus();
    QTest::keyClick(risks.table(), Qt::Key_Insert);
    QTest::keyClick(risks.table(), Qt::Key_Delete);

    // Nothing the reader pressed reached the database.
    const ProjectState after = temp.open()->loadState(projectId);
    CHECK(after.itemState(leafId).status == ItemStatus::Open);
    CHECK(after.risks.size() == 1);

    // A reviewer's views of the same project edit as before.
    const QString reviewer = QStringLiteral("pf_gui_reviewer_%1").arg(QCoreApplication::applicationPid());
    preflight::test::TempDatabase::runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw'").arg(reviewer));
    Store::grantServerRoles(temp.path, reviewer, { QStringLiteral("reviewer") });
    auto reviewerStore = Store::open(QStringLiteral("%1 user=%2 password=pw").arg(temp.path, reviewer), {});
    ProjectSession reviewing(*reviewerStore,
                             session.store().storedTemplate(project.templateId, project.templateVersion), projectId);
    CHECK(reviewing.mayReview());
    ChecklistView editable;
    editable.setSession(&reviewing);
    CHECK(editable.model()->flags(editable.model()->indexOfId(leafId)).testFlag(Qt::ItemIsUserCheckable));
    CHECK(editable.model()->setData(editable.model()->indexOfId(leafId), Qt::Checked, Qt::CheckStateRole));
    CHECK(temp.open()->loadState(projectId).itemState(leafId).status == ItemStatus::Done);
    for (const QString &name : { login, reviewer }) {
        try {
            preflight::test::TempDatabase::runOnServer(QStringLiteral("DROP ROLE %1").arg(name));
        } catch (const Error &) {
            // The throwaway server goes away anyway.
        }
    }
}
