#pragma once

#include "ProjectSession.h"
#include "commands/StoreCommand.h"

#include <optional>

namespace preflight::gui {

// Undoing a sign-off records the previous signature again (or clears the role when there was
// none): the store keeps the latest sign-off per role, so this restores what counts.
// A signed sign-off keeps its signer: redoing it signs again (the key may ask for a touch).
class SignOffCommand : public StoreCommand
{
public:
    SignOffCommand(ProjectSession *session, const SignOff &signoff, Store::StatementSigner sign = {});
    // The session wrote it already (a signed sign-off, written before the push so that a
    // refusal reaches the dialog): the push's redo only refreshes.
    void markWritten() { m_written = true; }

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    SignOff m_signoff;
    Store::StatementSigner m_sign;
    std::optional<SignOff> m_before;
    bool m_written = false;
};

class ClearSignOffCommand : public StoreCommand
{
public:
    ClearSignOffCommand(ProjectSession *session, const QString &role);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    QString m_role;
    std::optional<SignOff> m_before;
};

std::optional<SignOff> currentSignOff(const ProjectState &state, const QString &role);
void restoreSignOff(ProjectSession *session, const QString &role, const std::optional<SignOff> &signoff);

} // namespace preflight::gui
