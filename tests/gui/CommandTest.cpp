#include "GuiTestSupport.h"
#include "ProjectSession.h"
#include "Workspace.h"

#include <QSignalSpy>

using namespace preflight;
using namespace preflight::gui;
using namespace preflight::gui::test;

TEST_CASE_METHOD(OpenSession, "Item edits write through the store and undo restores it", "[gui][commands]")
{
    QUndoStack *stack = session->undoStack();
    const auto stored
        = [&] { return db.open(QStringLiteral("reader"))->loadState(project.id).itemState(styleGuideItem); };

    session->setItemStatus(styleGuideItem, ItemStatus::NotApplicable, QStringLiteral("No Python here"));
    CHECK(stored().status == ItemStatus::NotApplicable);
    CHECK(stored().reason == QStringLiteral("No Python here"));
    session->setItemStatus(styleGuideItem, ItemStatus::Done);
    CHECK(stored().status == ItemStatus::Done);
    CHECK(stack->count() == 2);

    stack->undo();
    CHECK(stored().status == ItemStatus::NotApplicable);
    CHECK(stored().reason == QStringLiteral("No Python here"));
    stack->undo();
    CHECK(stored().status == ItemStatus::Open);
    stack->redo();
    CHECK(stored().status == ItemStatus::NotApplicable);

    // Setting what is already there records nothing.
    session->setItemStatus(styleGuideItem, ItemStatus::NotApplicable, QStringLiteral("No Python here"));
    CHECK(stack->count() == 2);
}

TEST_CASE_METHOD(OpenSession, "Repeated edits of one text field merge into one undo step", "[gui][commands]")
{
    QUndoStack *stack = session->undoStack();

    session->setItemText(styleGuideItem, ItemTextField::Note, QStringLiteral("Ruff"));
    session->setItemText(styleGuideItem, ItemTextField::Note, QStringLiteral("Ruff in CI"));
    session->setItemText(styleGuideItem, ItemTextField::Owner, QStringLiteral("sam"));
    CHECK(stack->count() == 2);
    CHECK(workspace.store().loadState(project.id).itemState(styleGuideItem).note == QStringLiteral("Ruff in CI"));

    stack->undo(); // the owner
    stack->undo(); // both note edits at once
    const ItemState state = workspace.store().loadState(project.id).itemState(styleGuideItem);
    CHECK(state.note.isEmpty());
    CHECK(state.owner.isEmpty());
}

TEST_CASE_METHOD(OpenSession, "Removing a risk and undoing it restores it, and later commands still find it",
                 "[gui][commands]")
{
    QUndoStack *stack = session->undoStack();

    Risk draft;
    draft.title = QStringLiteral("Vendor outage");
    draft.severity = Severity::Critical;
    draft.mitigation = QStringLiteral("Fallback provider");
    session->addRisk(draft);
    REQUIRE(session->state().risks.size() == 1);
    const qint64 firstId = session->state().risks.front().id;
    const QDateTime firstCreated = session->state().risks.front().created;
    session->editRisk(firstId, RiskField::Owner, QStringLiteral("ops"));
    session->removeRisk(firstId);
    CHECK(workspace.store().loadState(project.id).risks.empty());

    stack->undo(); // the removal: the very same risk comes back
    REQUIRE(session->state().risks.size() == 1);
    const Risk restored = session->state().risks.front();
    CHECK(restored.id == firstId);
    CHECK(restored.created == firstCreated);
    CHECK(restored.title == QStringLiteral("Vendor outage"));
    CHECK(restored.owner == QStringLiteral("ops"));
    CHECK(restored.mitigation == QStringLiteral("Fallback provider"));

    stack->undo(); // the owner edit
    CHECK(workspace.store().loadState(project.id).risks.front().owner.isEmpty());
    stack->undo(); // the addition
    CHECK(workspace.store().loadState(project.id).risks.empty());
    stack->redo();
    stack->redo();
    CHECK(workspace.store().loadState(project.id).risks.front().owner == QStringLiteral("ops"));
}

TEST_CASE_METHOD(OpenSession, "A write the store refuses is reported and leaves no undo step", "[gui][commands]")
{
    createAppendixProject(workspace.store(), QStringLiteral("Taken"));
    QSignalSpy errors(session, &ProjectSession::errorOccurred);

    session->rename(QStringLiteral("Taken")); // names are unique within a database
    REQUIRE(errors.count() == 1);
    CHECK(errors.at(0).at(0).toString().contains(QStringLiteral("Taken")));
    CHECK(session->undoStack()->count() == 0);
    CHECK(workspace.store().project(project.id)->name == QStringLiteral("Checkout service"));
}

TEST_CASE_METHOD(OpenSession, "Undo refuses to revert a colleague's later change, saying who made it",
                 "[gui][commands]")
{
    QUndoStack *stack = session->undoStack();
    QSignalSpy errors(session, &ProjectSession::errorOccurred);
    session->setItemText(styleGuideItem, ItemTextField::Note, QStringLiteral("Mine"));
    REQUIRE(stack->count() == 1);

    Store::ItemPatch theirs;
    theirs.note = QStringLiteral("Theirs, written later");
    db.open(QStringLiteral("colleague"))->setItem(project.id, styleGuideItem, theirs);

    stack->undo();
    REQUIRE(errors.count() == 1);
    const QString message = errors.at(0).at(0).toString();
    CHECK(message.contains(QStringLiteral("colleague")));
    CHECK(message.contains(QStringLiteral("Theirs, written later")));
    CHECK(workspace.store().loadState(project.id).itemState(styleGuideItem).note
          == QStringLiteral("Theirs, written later"));
    CHECK(session->state().itemState(styleGuideItem).note == QStringLiteral("Theirs, written later"));

    // The refused undo changed nothing, so the stack must still offer it, not a redo.
    QCoreApplication::processEvents();
    CHECK(stack->index() == 1);
    CHECK(stack->canUndo());
    CHECK_FALSE(stack->canRedo());
}

TEST_CASE_METHOD(OpenSession, "A refused redo leaves the edit undone and still offered for redo", "[gui][commands]")
{
    QUndoStack *stack = session->undoStack();
    QSignalSpy errors(session, &ProjectSession::errorOccurred);
    session->setItemText(styleGuideItem, ItemTextField::Note, QStringLiteral("Mine"));
    stack->undo();
    REQUIRE(stack->index() == 0);

    Store::ItemPatch theirs;
    theirs.note = QStringLiteral("Theirs");
    db.open(QStringLiteral("colleague"))->setItem(project.id, styleGuideItem, theirs);

    stack->redo();
    REQUIRE(errors.count() == 1);
    QCoreApplication::processEvents();
    CHECK(stack->index() == 0);
    CHECK(stack->canRedo());
    CHECK(workspace.store().loadState(project.id).itemState(styleGuideItem).note == QStringLiteral("Theirs"));

    // Once the colleague's text is gone again the same redo goes through.
    theirs.note = QString();
    db.open(QStringLiteral("colleague"))->setItem(project.id, styleGuideItem, theirs);
    session->reload();
    stack->redo();
    CHECK(errors.count() == 1);
    CHECK(stack->index() == 1);
    CHECK(workspace.store().loadState(project.id).itemState(styleGuideItem).note == QStringLiteral("Mine"));
}
