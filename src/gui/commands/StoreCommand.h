#pragma once

#include <QUndoCommand>

#include <functional>

namespace preflight::gui {

class ProjectSession;

// Base of every edit: redo/undo write through the Store straight away and then refresh the
// session. A write the store refuses is reported, and a command whose first redo failed marks
// itself obsolete so QUndoStack::push drops it instead of recording an edit that never happened.
// A later undo or redo that fails (a colleague's change, a lost connection) cannot stop
// QUndoStack from moving its index, so the command moves it back once control returns to the
// event loop: the stack keeps describing what the store holds, and the step can be tried again.
class StoreCommand : public QUndoCommand
{
public:
    void redo() final;
    void undo() final;

protected:
    StoreCommand(ProjectSession *session, const QString &text);
    virtual void applyRedo() = 0;
    virtual void applyUndo() = 0;
    ProjectSession *session() const { return m_session; }

private:
    enum class Direction { Redo, Undo };
    void run(Direction direction, const std::function<void()> &write);
    void stepBackAfterFailed(Direction direction);

    ProjectSession *m_session;
    bool m_everApplied = false;
    bool m_skipNextRun = false; // the next redo/undo only realigns the stack's index
};

// Ids for mergeWith(): repeated edits of one text field collapse into one undo step.
enum CommandId { ItemTextCommandId = 1, RiskFieldCommandId = 2 };

} // namespace preflight::gui
