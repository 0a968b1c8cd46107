// The keyboard promise of the README, driven the way a user does it: keys sent to whatever has
// focus, with no test helper putting the focus back in between.
#include "ProjectSession.h"
#include "WindowTestSupport.h"
#include "dialogs/KeyboardShortcutsDialog.h"
#include "dialogs/ReasonDialog.h"

#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

namespace {

// Sends a key to the widget that has the keyboard focus, as a real key press would go. A person
// presses the next key a moment later, not in the same event-loop turn: window activation after
// a dialog is asynchronous on X11.
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const bool focused = QTest::qWaitFor([] { return QApplication::focusWidget() != nullptr; }, 1000);
    REQUIRE(focused);
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target, Qt::Key(key), modifiers);
}

} // namespace

TEST_CASE_METHOD(ProjectWindow, "N and O act on the current item after a cancelled dialog and arrow keys",
                 "[gui][keyboard]")
{
    open.focusItem(styleGuideItem);
    int asked = 0;
    const auto cancelWithEscape = [&](ReasonDialog *dialog) {
        ++asked;
        QTest::keyClick(dialog->findChild<QPlainTextEdit *>(QStringLiteral("reasonEdit")), Qt::Key_Escape);
        if (dialog->isVisible())
            dialog->reject();
    };
    whenDialogOpens<ReasonDialog>(cancelWithEscape);
    press(Qt::Key_N);
    REQUIRE(asked == 1);

    // The reproduction: Down, then N again must ask about the new current item, not jump
    // to the next item starting with "N" (the tree's type-ahead search).
    press(Qt::Key_Down);
    REQUIRE(open.window.checklistView()->currentItemId() == typeHintsItem);
    whenDialogOpens<ReasonDialog>(cancelWithEscape);
    press(Qt::Key_N);
    CHECK(asked == 2);
    CHECK(open.window.checklistView()->currentItemId() == typeHintsItem);

    // Space ticks it, O reopens it, and neither moves the cursor.
    press(Qt::Key_Space);
    CHECK(storedStatus(db, project.id, typeHintsItem) == ItemStatus::Done);
    press(Qt::Key_Up);
    press(Qt::Key_Down);
    press(Qt::Key_O);
    CHECK(storedStatus(db, project.id, typeHintsItem) == ItemStatus::Open);
    CHECK(open.window.checklistView()->currentItemId() == typeHintsItem);
}

TEST_CASE_METHOD(ProjectWindow, "Ctrl+Enter accepts the N/A reason", "[gui][keyboard]")
{
    open.focusItem(styleGuideItem);
    whenDialogOpens<ReasonDialog>([](ReasonDialog *dialog) {
        auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("reasonEdit"));
        QTest::keyClicks(edit, QStringLiteral("Written in Go"));
        QTest::keyClick(edit, Qt::Key_Return); // a new line: the field holds several
        QTest::keyClicks(edit, QStringLiteral("no linters for Python"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        if (dialog->isVisible())
            dialog->reject(); // Ctrl+Enter did nothing: fail below rather than hang
    });
    press(Qt::Key_N);
    const ItemState state = db.open()->loadState(project.id).itemState(styleGuideItem);
    CHECK(state.status == ItemStatus::NotApplicable);
    CHECK(state.reason == QStringLiteral("Written in Go\nno linters for Python"));
}

TEST_CASE_METHOD(ProjectWindow, "Undo and redo work from the keyboard wherever the focus is", "[gui][keyboard]")
{
    open.focusItem(styleGuideItem);
    press(Qt::Key_Space);
    REQUIRE(storedStatus(db, project.id, styleGuideItem) == ItemStatus::Done);

    auto *search = open.window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *projects = open.window.findChild<QWidget *>(QStringLiteral("projectView"));
    REQUIRE(search);
    REQUIRE(projects);
    for (QWidget *focus : { static_cast<QWidget *>(open.tree()), projects, static_cast<QWidget *>(search) }) {
        INFO(focus->objectName().toStdString());
        focus->setFocus();
        REQUIRE(QApplication::focusWidget() == focus);
        press(Qt::Key_Z, Qt::ControlModifier);
        CHECK(storedStatus(db, project.id, styleGuideItem) == ItemStatus::Open);
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        CHECK(storedStatus(db, project.id, styleGuideItem) == ItemStatus::Done);
    }

    // Text typed into a field is undone there first; the review's own edits come after it.
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("lint"));
    press(Qt::Key_Z, Qt::ControlModifier);
    CHECK(search->text().isEmpty());
    CHECK(storedStatus(db, project.id, styleGuideItem) == ItemStatus::Done);
    press(Qt::Key_Z, Qt::ControlModifier);
    CHECK(storedStatus(db, project.id, styleGuideItem) == ItemStatus::Open);
}

TEST_CASE_METHOD(ProjectWindow, "Help lists every key the window has, the checklist's first", "[gui][keyboard]")
{
    QStringList listed;
    whenDialogOpens<KeyboardShortcutsDialog>([&](KeyboardShortcutsDialog *dialog) {
        const QAbstractItemModel *keys = dialog->findChild<QTreeView *>(QStringLiteral("keysView"))->model();
        for (int row = 0; row < keys->rowCount(); ++row)
            listed << keys->index(row, 0).data().toString() + u'=' + keys->index(row, 1).data().toString();
        dialog->reject();
    });
    press(Qt::Key_Slash, Qt::ControlModifier);
    INFO(listed.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(listed.size() > 10);
    CHECK(listed.at(0) == QStringLiteral("Toggle Done=Space"));
    CHECK(listed.contains(QStringLiteral("Not Applicable=N")));
    CHECK(listed.contains(QStringLiteral("Reopen=O")));
    CHECK(listed.contains(QStringLiteral("Undo=Ctrl+Z")));
    CHECK(listed.contains(QStringLiteral("Export…=Ctrl+E")) != listed.contains(QStringLiteral("Export=Ctrl+E")));
}
