#include "WindowTestSupport.h"
#include "dialogs/SignOffDialog.h"
#include "models/RiskTableModel.h"
#include "models/SignOffModel.h"
#include "widgets/RiskView.h"
#include "widgets/SignOffView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
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

TEST_CASE_METHOD(ProjectWindow, "Risks: accepting records who accepted, the end date is edited in the table",
                 "[gui][window][risks]")
{
    open.window.showView(MainWindow::View::Risks);
    RiskView *view = open.window.riskView();
    QTableView *table = view->table();
    RiskTableModel *model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QApplication::setActiveWindow(&open.window);

    // A risk a colleague accepted earlier and then reopened: the old name must not show, nor stay.
    Risk draft;
    draft.title = QStringLiteral("Provider outage");
    draft.status = RiskStatus::Accepted;
    const qint64 riskId = db.open(QStringLiteral("colleague"))->addRisk(project.id, draft).id;
    Store::RiskPatch reopen;
    reopen.status = RiskStatus::Open;
    db.open(QStringLiteral("colleague"))->updateRisk(project.id, riskId, reopen);
    const auto stored = [&] { return db.open(QStringLiteral("reader"))->loadState(project.id).risks.at(0); };
    const auto cell = [&](int column) {
        return static_cast<QSortFilterProxyModel *>(table->model())->mapFromSource(model->index(0, column));
    };
    // The window picks up other connections' changes within a second.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return model->rowCount() == 1
                && cell(RiskTableModel::StatusColumn).data().toString() == QStringLiteral("Open");
        },
        3000));
    CHECK(table->model()->headerData(RiskTableModel::AcceptedByColumn, Qt::Horizontal).toString()
          == QStringLiteral("Accepted by"));
    CHECK(table->model()->headerData(RiskTableModel::AcceptedUntilColumn, Qt::Horizontal).toString()
          == QStringLiteral("Accepted until"));
    CHECK(cell(RiskTableModel::AcceptedByColumn).data().toString().isEmpty());
    CHECK_FALSE(cell(RiskTableModel::AcceptedUntilColumn).flags().testFlag(Qt::ItemIsEditable));

    // Accept it with the status combo box: the window's actor is recorded, read-only.
    table->setFocus();
    table->setCurrentIndex(cell(RiskTableModel::StatusColumn));
    table->edit(cell(RiskTableModel::StatusColumn));
    auto *combo = qobject_cast<QComboBox *>(QApplication::focusWidget());
    REQUIRE(combo);
    combo->setCurrentIndex(combo->findText(QStringLiteral("Accepted")));
    QTest::keyClick(combo, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return stored().status == RiskStatus::Accepted; }, 1000));
    CHECK(stored().acceptedBy == QStringLiteral("tester"));
    CHECK(cell(RiskTableModel::AcceptedByColumn).data().toString() == QStringLiteral("tester"));
    CHECK_FALSE(cell(RiskTableModel::AcceptedByColumn).flags().testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(table->model()->setData(cell(RiskTableModel::AcceptedByColumn), QStringLiteral("mallory")));
    CHECK(cell(RiskTableModel::AcceptedUntilColumn).data().toString() == QStringLiteral("No end"));

    // The end date through the date editor; it starts at today when there is none.
    const auto editUntil = [&] {
        table->setFocus();
        table->setCurrentIndex(cell(RiskTableModel::AcceptedUntilColumn));
        table->edit(cell(RiskTableModel::AcceptedUntilColumn));
        auto *editor = qobject_cast<QDateEdit *>(QApplication::focusWidget());
        REQUIRE(editor);
        return editor;
    };
    QDateEdit *dateEdit = editUntil();
    CHECK(dateEdit->date() == QDate::currentDate());
    const QDate until = QDate::currentDate().addMonths(3);
    dateEdit->setDate(until);
    QTest::keyClick(dateEdit, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return stored().acceptedUntil == until; }, 1000));
    CHECK(cell(RiskTableModel::AcceptedUntilColumn).data().toString()
          == QLocale().toString(until, QLocale::ShortFormat));
    CHECK(cell(RiskTableModel::AcceptedUntilColumn).data(Qt::EditRole).toDate() == until);

    // Delete in the editor clears the date.
    dateEdit = editUntil();
    CHECK(dateEdit->date() == until);
    QTest::keyClick(dateEdit, Qt::Key_Delete);
    CHECK(dateEdit->text() == QStringLiteral("None"));
    QTest::keyClick(dateEdit, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return !stored().acceptedUntil.has_value(); }, 1000));
    CHECK(cell(RiskTableModel::AcceptedUntilColumn).data().toString() == QStringLiteral("No end"));

    // A past date: the acceptance has expired, the risk counts as open, and the cell says why.
    REQUIRE(table->model()->setData(cell(RiskTableModel::AcceptedUntilColumn), QDate(2020, 1, 31)));
    CHECK(stored().acceptedUntil == QDate(2020, 1, 31));
    CHECK(cell(RiskTableModel::StatusColumn).data().toString() == QStringLiteral("Open"));
    CHECK(
        cell(RiskTableModel::AcceptedUntilColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("expired")));

    // Undo walks back: the date edits (merged into one step), then the acceptance, which restores
    // the name the store held before.
    auto *undo = open.window.findChild<QAction *>(QStringLiteral("actionUndo"));
    undo->trigger();
    CHECK_FALSE(stored().acceptedUntil.has_value());
    CHECK(stored().status == RiskStatus::Accepted);
    undo->trigger();
    CHECK(stored().status == RiskStatus::Open);
    CHECK(stored().acceptedBy == QStringLiteral("colleague"));
    CHECK(cell(RiskTableModel::AcceptedByColumn).data().toString().isEmpty());
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

TEST_CASE_METHOD(ProjectWindow, "A long sign-off comment is shown whole at a laptop's width", "[gui][window][layout]")
{
    const QString comment = QStringLiteral(
        "Approved for the pilot region only: the replica lag alarm is still being tuned, the runbook for a failed "
        "failover was rehearsed once, and the on-call rota starts next Monday. Revisit before the global launch.");
    SignOff signoff;
    signoff.role = QStringLiteral("DevOps Lead");
    signoff.name = QStringLiteral("Lee Marsh");
    signoff.decision = Decision::ApproveWithRisks;
    signoff.comment = comment;
    signoff.date = QDateTime::currentDateTimeUtc();
    open.window.currentSession()->signOff(signoff);
    open.window.resize(1024, 700);
    open.window.showView(MainWindow::View::SignOff);
    QApplication::processEvents();

    QTableView *table = open.window.signOffView()->table();
    int row = 0;
    while (row < table->model()->rowCount()
           && table->model()->index(row, 0).data(SignOffModel::RoleNameRole).toString() != signoff.role)
        ++row;
    REQUIRE(row < table->model()->rowCount());
    const int width = table->columnWidth(SignOffModel::CommentColumn);
    const QRect needed = table->fontMetrics().boundingRect(QRect(0, 0, width - 8, 10000), Qt::TextWordWrap, comment);
    INFO("column " << width << " px, row " << table->rowHeight(row) << " px, text " << needed.height() << " px");
    CHECK(table->rowHeight(row) >= needed.height());
}
