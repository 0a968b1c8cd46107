#include "RiskCommands.h"

#include <QCoreApplication>

namespace preflight::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("preflight::gui::RiskCommands", text);
}

} // namespace

AddRiskCommand::AddRiskCommand(ProjectSession *session, const Risk &draft)
    : StoreCommand(session, tr("Add risk “%1”").arg(draft.title))
    , m_draft(draft)
{ }

void AddRiskCommand::applyRedo()
{
    const Risk added = session()->store().addRisk(session()->projectId(), m_draft);
    if (m_firstId == 0)
        m_firstId = added.id;
    else
        session()->remapRiskId(m_firstId, added.id);
}

void AddRiskCommand::applyUndo()
{
    session()->store().removeRisk(session()->projectId(), session()->resolveRiskId(m_firstId));
}

RemoveRiskCommand::RemoveRiskCommand(ProjectSession *session, const Risk &risk)
    : StoreCommand(session, tr("Remove risk “%1”").arg(risk.title))
    , m_risk(risk)
{ }

void RemoveRiskCommand::applyRedo()
{
    session()->store().removeRisk(session()->projectId(), session()->resolveRiskId(m_risk.id));
}

void RemoveRiskCommand::applyUndo()
{
    const Risk restored = session()->store().addRisk(session()->projectId(), m_risk);
    session()->remapRiskId(m_risk.id, restored.id);
}

EditRiskCommand::EditRiskCommand(ProjectSession *session, qint64 riskId, RiskField field, const QVariant &before,
                                 const QVariant &after)
    : StoreCommand(session, tr("Edit risk"))
    , m_riskId(riskId)
    , m_field(field)
    , m_before(before)
    , m_after(after)
{ }

QVariant EditRiskCommand::fieldOf(const Risk &risk, RiskField field)
{
    switch (field) {
    case RiskField::Title:
        return risk.title;
    case RiskField::Severity:
        return static_cast<int>(risk.severity);
    case RiskField::Mitigation:
        return risk.mitigation;
    case RiskField::Owner:
        return risk.owner;
    case RiskField::Status:
        return static_cast<int>(risk.status);
    case RiskField::LinkedItems:
        return risk.linkedItems;
    }
    return {};
}

bool EditRiskCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditRiskCommand *>(other);
    if (next->m_riskId != m_riskId || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    return true;
}

void EditRiskCommand::applyRedo()
{
    write(m_after);
}

void EditRiskCommand::applyUndo()
{
    write(m_before);
}

void EditRiskCommand::write(const QVariant &value)
{
    Store::RiskPatch patch;
    switch (m_field) {
    case RiskField::Title:
        patch.title = value.toString();
        break;
    case RiskField::Severity:
        patch.severity = static_cast<Severity>(value.toInt());
        break;
    case RiskField::Mitigation:
        patch.mitigation = value.toString();
        break;
    case RiskField::Owner:
        patch.owner = value.toString();
        break;
    case RiskField::Status:
        patch.status = static_cast<RiskStatus>(value.toInt());
        break;
    case RiskField::LinkedItems:
        patch.linkedItems = value.toStringList();
        break;
    }
    session()->store().updateRisk(session()->projectId(), session()->resolveRiskId(m_riskId), patch);
}

} // namespace preflight::gui
