#include "ProjectSession.h"

#include "ConnectionWatcher.h"
#include "Error.h"
#include "commands/ItemCommands.h"
#include "commands/ProjectCommands.h"
#include "commands/RiskCommands.h"
#include "commands/SignOffCommands.h"
#include "scoring/ItemRules.h"

#include <utility>

namespace preflight::gui {

ProjectSession::ProjectSession(Store &store, std::shared_ptr<const Template> tmpl, qint64 projectId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_template(std::move(tmpl))
    , m_projectId(projectId)
{
    reload();
}

void ProjectSession::setItemStatus(const QString &itemId, ItemStatus status, const QString &reason)
{
    attempt([=, this] {
        // Parents and computed summary items have no status of their own to set.
        if (!statusIsSettable(itemKind(*m_template, itemId)))
            return;
        const ItemState before = m_state.itemState(itemId);
        if (before.status == status && (status != ItemStatus::NotApplicable || before.reason == reason))
            return;
        m_undoStack.push(new SetItemStatusCommand(this, itemId, before, status, reason));
    });
}

void ProjectSession::setItemText(const QString &itemId, ItemTextField field, const QString &text)
{
    attempt([=, this] {
        const QString before = SetItemTextCommand::fieldOf(m_state.itemState(itemId), field);
        if (before == text)
            return;
        m_undoStack.push(new SetItemTextCommand(this, itemId, field, before, text));
    });
}

void ProjectSession::addRisk(const Risk &risk)
{
    attempt([=, this] { m_undoStack.push(new AddRiskCommand(this, risk)); });
}

void ProjectSession::editRisk(qint64 riskId, RiskField field, const QVariant &value)
{
    attempt([=, this] {
        const Risk *risk = findRisk(riskId);
        if (!risk)
            return;
        const QVariant before = EditRiskCommand::fieldOf(*risk, field);
        if (before == value)
            return;
        m_undoStack.push(new EditRiskCommand(this, riskId, field, before, value));
    });
}

void ProjectSession::removeRisk(qint64 riskId)
{
    attempt([=, this] {
        if (const Risk *risk = findRisk(riskId))
            m_undoStack.push(new RemoveRiskCommand(this, *risk));
    });
}

void ProjectSession::signOff(const SignOff &signoff)
{
    attempt([=, this] { m_undoStack.push(new SignOffCommand(this, signoff)); });
}

void ProjectSession::clearSignOff(const QString &role)
{
    attempt([=, this] { m_undoStack.push(new ClearSignOffCommand(this, role)); });
}

void ProjectSession::rename(const QString &name)
{
    attempt([=, this] {
        if (name != m_state.project.name)
            m_undoStack.push(new RenameProjectCommand(this, m_state.project.name, name));
    });
}

void ProjectSession::setArchived(bool archived)
{
    attempt([=, this] {
        if (archived != m_state.project.archived)
            m_undoStack.push(new ArchiveProjectCommand(this, archived));
    });
}

void ProjectSession::setProfile(const Profile &profile)
{
    attempt([=, this] {
        const Profile wanted = normalizedProfile(profile);
        if (wanted != m_state.project.profile)
            m_undoStack.push(new SetProfileCommand(this, m_state.project.profile, wanted));
    });
}

const Risk *ProjectSession::findRisk(qint64 riskId) const
{
    for (const Risk &risk : m_state.risks) {
        if (risk.id == riskId)
            return &risk;
    }
    return nullptr;
}

void ProjectSession::reload()
{
    try {
        m_state = m_store.loadState(m_projectId);
        m_assessment = assess(*m_template, m_state, QDate::currentDate());
    } catch (const Error &error) {
        reportError(error.message());
        return;
    }
    emit stateChanged();
}

void ProjectSession::reportError(const QString &message)
{
    if (m_attempting && isConnectionLoss(message))
        m_connectionLostDuringEdit = true;
    emit errorOccurred(message);
}

void ProjectSession::attempt(std::function<void()> edit)
{
    // The edit is kept only when the connection was lost, not when the store refused it (an N/A
    // without a reason would be refused again). If the write committed and only the re-read after
    // it failed, trying again writes the same value once more, which changes nothing.
    m_attempting = true;
    m_connectionLostDuringEdit = false;
    edit();
    m_attempting = false;
    if (m_connectionLostDuringEdit) {
        m_failedEdits.push_back(std::move(edit));
        emit failedEditsChanged();
    }
}

void ProjectSession::retryFailedEdits()
{
    if (m_failedEdits.empty())
        return;
    // Each is tried once more, in the order it was made; one that fails again is kept again.
    const std::vector<std::function<void()>> edits = std::exchange(m_failedEdits, {});
    for (const auto &edit : edits)
        attempt(edit);
    emit failedEditsChanged();
}

} // namespace preflight::gui
