#include "SignOffCommands.h"

#include <QCoreApplication>

#include <utility>

namespace preflight::gui {

std::optional<SignOff> currentSignOff(const ProjectState &state, const QString &role)
{
    for (const SignOff &signoff : state.signoffs) {
        if (signoff.role == role)
            return signoff;
    }
    return std::nullopt;
}

SignOffCommand::SignOffCommand(ProjectSession *session, const SignOff &signoff, bool signed_)
    : StoreCommand(
        session,
        signed_
            ? QCoreApplication::translate("preflight::gui::SignOffCommand", "Signed sign-off as %1").arg(signoff.role)
            : QCoreApplication::translate("preflight::gui::SignOffCommand", "Sign off as %1").arg(signoff.role))
    , m_signoff(signoff)
    , m_before(currentSignOff(session->state(), signoff.role))
{ }

void SignOffCommand::applyRedo()
{
    if (std::exchange(m_written, false))
        return;
    Store &store = session()->store();
    if (m_after)
        store.restoreSignOff(session()->projectId(), m_signoff.role, m_before, m_after);
    else
        m_after = store.signOff(session()->projectId(), m_signoff);
}

void SignOffCommand::applyUndo()
{
    session()->store().restoreSignOff(session()->projectId(), m_signoff.role, m_after, m_before);
}

ClearSignOffCommand::ClearSignOffCommand(ProjectSession *session, const QString &role)
    : StoreCommand(session,
                   QCoreApplication::translate("preflight::gui::ClearSignOffCommand", "Clear sign-off of %1").arg(role))
    , m_role(role)
    , m_before(currentSignOff(session->state(), role))
{ }

void ClearSignOffCommand::applyRedo()
{
    session()->store().clearSignOff(session()->projectId(), m_role);
}

void ClearSignOffCommand::applyUndo()
{
    session()->store().restoreSignOff(session()->projectId(), m_role, std::nullopt, m_before);
}

} // namespace preflight::gui
