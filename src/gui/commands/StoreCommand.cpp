#include "StoreCommand.h"

#include "Error.h"
#include "ProjectSession.h"

namespace preflight::gui {

StoreCommand::StoreCommand(ProjectSession *session, const QString &text)
    : QUndoCommand(text)
    , m_session(session)
{ }

void StoreCommand::redo()
{
    run([this] { applyRedo(); });
}

void StoreCommand::undo()
{
    run([this] { applyUndo(); });
}

void StoreCommand::run(const std::function<void()> &write)
{
    try {
        write();
        m_everApplied = true;
    } catch (const Error &error) {
        if (!m_everApplied)
            setObsolete(true);
        m_session->reportError(error.message());
    }
    m_session->reload();
}

} // namespace preflight::gui
