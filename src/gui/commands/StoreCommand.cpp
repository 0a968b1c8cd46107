#include "StoreCommand.h"

#include "Error.h"
#include "ProjectSession.h"

#include <QTimer>

namespace preflight::gui {

StoreCommand::StoreCommand(ProjectSession *session, const QString &text)
    : QUndoCommand(text)
    , m_session(session)
{ }

void StoreCommand::redo()
{
    run(Direction::Redo, [this] { applyRedo(); });
}

void StoreCommand::undo()
{
    run(Direction::Undo, [this] { applyUndo(); });
}

void StoreCommand::run(Direction direction, const std::function<void()> &write)
{
    if (m_skipNextRun) {
        m_skipNextRun = false;
        return;
    }
    try {
        write();
        m_everApplied = true;
    } catch (const Error &error) {
        if (m_everApplied)
            stepBackAfterFailed(direction);
        else
            setObsolete(true);
        m_session->reportError(error);
    }
    m_session->reload();
}

void StoreCommand::stepBackAfterFailed(Direction direction)
{
    // QUndoStack changes its index after undo()/redo() return and must not be re-entered from
    // them, hence the queued call. The stack may have changed by then (a push, a clear that
    // deleted this command): realign only if this command still sits where the failure left it.
    QUndoStack *stack = m_session->undoStack();
    const int failedIndex = direction == Direction::Undo ? stack->index() - 1 : stack->index() + 1;
    QTimer::singleShot(0, m_session, [this, stack, direction, failedIndex] {
        const int commandIndex = direction == Direction::Undo ? failedIndex : failedIndex - 1;
        if (stack->index() != failedIndex || stack->command(commandIndex) != this)
            return;
        m_skipNextRun = true;
        if (direction == Direction::Undo)
            stack->redo();
        else
            stack->undo();
    });
}

} // namespace preflight::gui
