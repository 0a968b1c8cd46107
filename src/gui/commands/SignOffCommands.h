#pragma once

#include "ProjectSession.h"
#include "commands/StoreCommand.h"

#include <optional>

namespace preflight::gui {

// Undo puts the role's previous sign-off back exactly as it was stored (or clears the role when
// there was none), its signature and date included, so a signed one still verifies and an old
// one is still stale. Redo puts this sign-off back the same way: a signed sign-off is never
// signed again, so the key is touched once.
class SignOffCommand : public StoreCommand
{
public:
    SignOffCommand(ProjectSession *session, const SignOff &signoff, bool signed_ = false);
    // The session wrote it already (a signed sign-off, written before the push so that a
    // refusal reaches the dialog): the push's redo only refreshes.
    void markWritten(const SignOff &stored)
    {
        m_after = stored;
        m_written = true;
    }

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    SignOff m_signoff;
    std::optional<SignOff> m_before;
    std::optional<SignOff> m_after; // as stored, once written
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

} // namespace preflight::gui
