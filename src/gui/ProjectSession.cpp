#include "ProjectSession.h"

#include "ConnectionWatcher.h"
#include "Error.h"
#include "commands/ItemCommands.h"
#include "commands/MigrationCommands.h"
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
    if (m_store.isServer()) {
        try {
            m_permissions = m_store.permissions();
        } catch (const Error &) {
            // Unreachable: offer every edit; the server still refuses what it must.
        }
    }
    reload();
}

QString ProjectSession::reviewRoleNeeded()
{
    return tr("Needs the reviewer role on this server");
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

SignOff ProjectSession::prepareSignedSignOff(const SignOff &signoff) const
{
    return m_store.prepareSignedSignOff(m_projectId, signoff);
}

std::optional<QString> ProjectSession::recordSignedSignOff(const SignOff &signedSignOff)
{
    auto command = std::make_unique<SignOffCommand>(this, signedSignOff, true);
    try {
        command->markWritten(m_store.recordSignedSignOff(m_projectId, signedSignOff));
    } catch (const Error &error) {
        reload(); // a colleague's change that refused it is shown behind the dialog
        return error.message();
    }
    m_undoStack.push(command.release());
    return std::nullopt;
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

void ProjectSession::confirmWording(const QStringList &itemIds)
{
    attempt([=, this] {
        std::map<QString, Recheck> flags;
        for (const QString &id : itemIds) {
            if (const auto flag = m_state.rechecks.find(id); flag != m_state.rechecks.end())
                flags.insert(*flag);
        }
        if (!flags.empty())
            m_undoStack.push(new ConfirmWordingCommand(this, flags));
    });
}

void ProjectSession::migrate(std::shared_ptr<const Template> to, const MigrationPlan &plan)
{
    attempt([=, this] {
        if (!plan.noop() && plan.fromVersion == m_state.project.templateVersion)
            m_undoStack.push(new MigrateTemplateCommand(this, to, plan, m_state));
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
    // The template the project used until now stays alive until the views have let go of it.
    std::shared_ptr<const Template> previous = m_template;
    try {
        m_state = m_store.loadState(m_projectId);
        const Project &project = m_state.project;
        if (project.templateId != m_template->id || project.templateVersion != m_template->version) {
            auto stored = m_store.storedTemplate(project.templateId, project.templateVersion);
            if (!stored)
                throw Error(Error::Kind::Data,
                            tr("The database does not hold template “%1” %2.")
                                .arg(project.templateId, project.templateVersion));
            m_template = std::move(stored);
        }
        m_assessment = assess(*m_template, m_state, QDate::currentDate());
    } catch (const Error &error) {
        if (m_template != previous)
            emit templateChanged();
        reportError(error);
        return;
    }
    if (m_template != previous)
        emit templateChanged();
    emit stateChanged();
}

void ProjectSession::reportError(const Error &error)
{
    if (error.kind() != Error::Kind::ConnectionLost) {
        emit errorOccurred(error.message());
        return;
    }
    if (m_attempting)
        m_connectionLostDuringEdit = true;
    emit connectionLost(error.message());
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
