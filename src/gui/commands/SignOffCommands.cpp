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

void restoreSignOff(ProjectSession *session, const QString &role, const std::optional<SignOff> &signoff)
{
    if (signoff)
        session->store().signOff(session->projectId(), *signoff);
    else
        session->store().clearSignOff(session->projectId(), role);
}

SignOffCommand::SignOffCommand(ProjectSession *session, const SignOff &signoff, Store::StatementSigner sign)
    : StoreCommand(
        session,
        sign ? QCoreApplication::translate("preflight::gui::SignOffCommand", "Signed sign-off as %1").arg(signoff.role)
             : QCoreApplication::translate("preflight::gui::SignOffCommand", "Sign off as %1").arg(signoff.role))
    , m_signoff(signoff)
    , m_sign(std::move(sign))
    , m_before(currentSignOff(session->state(), signoff.role))
{ }

void SignOffCommand::applyRedo()
{
    if (std::exchange(m_written, false))
        return;
    session()->store().signOff(session()->projectId(), m_signoff, m_sign);
}

void SignOffCommand::applyUndo()
{
    restoreSignOff(session(), m_signoff.role, m_before);
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
    restoreSignOff(session(), m_role, m_before);
}

} // namespace preflight::gui
