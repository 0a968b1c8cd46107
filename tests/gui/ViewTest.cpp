#include "WindowTestSupport.h"
#include "dialogs/SignOffDialog.h"
#include "models/RiskTableModel.h"
#include "models/SignOffModel.h"
#include "widgets/RiskView.h"
#include "widgets/SignOffView.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

TEST_CASE_METHOD(ProjectWindow, "Risks: Insert adds a risk, Delete removes it, undo brings it back", "[gui][window]")
{
    open.window.showView(MainWindow::View::Risks);
    QTableView *table = open.window.riskView()->table();
    QApplication::setActiveWindow(&open.window);
    table->setFocus();
    REQUIRE(QApplication::focusWidget() == table);
    const auto storedRisks = [&] { return db.open(QStringLiteral("reader"))->loadState(project.id).risks; };

    QTest::keyClick(table, Qt::Key_Insert);
    REQUIRE(storedRisks().size() == 1);
    CHECK(storedRisks().front().title == QStringLiteral("New risk"));
    // The new risk's title is open for typing straight away.
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Provider outage"));
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next event loop pass
    CHECK(QTest::qWaitFor([&] { return storedRisks().front().title == QStringLiteral("Provider outage"); }, 1000));

    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete);
    CHECK(storedRisks().empty());
    open.window.findChild<QAction *>(QStringLiteral("actionUndo"))->trigger();
    REQUIRE(storedRisks().size() == 1);
    CHECK(storedRisks().front().title == QStringLiteral("Provider outage"));
    CHECK(table->model()->rowCount() == 1);
}

TEST_CASE_METHOD(ProjectWindow, "Sign-off: the dialog records a decision, and a later change marks it stale",
                 "[gui][window]")
{
    open.window.showView(MainWindow::View::SignOff);
    QTableView *table = open.window.signOffView()->table();
    table->setCurrentIndex(table->model()->index(0, 0));
    const QString role = table->currentIndex().data(SignOffModel::RoleNameRole).toString();

    whenDialogOpens<SignOffDialog>([](SignOffDialog *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Dana Whitfield"));
        auto *decision = dialog->findChild<QComboBox *>(QStringLiteral("decisionCombo"));
        decision->setCurrentIndex(decision->findData(int(Decision::Approve)));
        dialog->accept();
    });
    open.window.signOffView()->findChild<QPushButton *>(QStringLiteral("signButton"))->click();
    const std::vector<SignOff> signoffs = db.open()->loadState(project.id).signoffs;
    REQUIRE(signoffs.size() == 1);
    CHECK(signoffs.front().role == role);
    CHECK(signoffs.front().name == QStringLiteral("Dana Whitfield"));
    CHECK(signoffs.front().decision == Decision::Approve);

    const QModelIndex state = table->model()->index(0, SignOffModel::StateColumn);
    CHECK(state.data().toString() == QStringLiteral("Counts"));
    open.window.currentSession()->setItemStatus(styleGuideItem, ItemStatus::Done);
    CHECK(state.data().toString() == QStringLiteral("Stale: 1 change since signed"));
    CHECK(state.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Dana Whitfield")));
    // The status bar always says whether the project is signed off.
    CHECK(open.window.findChild<QLabel *>(QStringLiteral("signedOffStatus"))->text()
          == QStringLiteral("Not signed off"));
}

TEST_CASE_METHOD(ProjectWindow, "Sign-off dialog names the role and the verdict, and has no default decision",
                 "[gui][window]")
{
    open.window.showView(MainWindow::View::SignOff);
    QTableView *table = open.window.signOffView()->table();
    table->setCurrentIndex(table->model()->index(2, 0));
    const QString role = table->currentIndex().data(SignOffModel::RoleNameRole).toString();
    REQUIRE(role == QStringLiteral("Security Lead"));

    bool asked = false;
    whenDialogOpens<SignOffDialog>([&](SignOffDialog *dialog) {
        asked = true;
        const QString header = dialog->findChild<QLabel *>(QStringLiteral("roleLabel"))->text();
        CHECK(header.contains(QStringLiteral("<b>Security Lead</b>")));
        CHECK(header.contains(QStringLiteral("Not Ready")));
        auto *decision = dialog->findChild<QComboBox *>(QStringLiteral("decisionCombo"));
        auto *ok = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
        CHECK(decision->currentIndex() == -1);
        CHECK_FALSE(ok->isEnabled()); // Enter cannot approve a review by default
        QTest::keyClick(dialog, Qt::Key_Return);
        CHECK(dialog->isVisible());
        decision->setCurrentIndex(decision->findData(int(Decision::Reject)));
        CHECK(ok->isEnabled());
        ok->click();
    });
    open.window.signOffView()->findChild<QPushButton *>(QStringLiteral("signButton"))->click();
    REQUIRE(asked);
    const std::vector<SignOff> signoffs = db.open()->loadState(project.id).signoffs;
    REQUIRE(signoffs.size() == 1);
    CHECK(signoffs.front().role == role);
    CHECK(signoffs.front().decision == Decision::Reject);
}
