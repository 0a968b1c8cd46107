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
    if (m_added.id == 0)
        m_added = session()->store().addRisk(session()->projectId(), m_draft);
    else
        session()->store().restoreRisk(session()->projectId(), m_added);
}

void AddRiskCommand::applyUndo()
{
    session()->store().removeRisk(session()->projectId(), m_added.id);
}

RemoveRiskCommand::RemoveRiskCommand(ProjectSession *session, const Risk &risk)
    : StoreCommand(session, tr("Remove risk “%1”").arg(risk.title))
    , m_risk(risk)
{ }

void RemoveRiskCommand::applyRedo()
{
    session()->store().removeRisk(session()->projectId(), m_risk.id);
}

void RemoveRiskCommand::applyUndo()
{
    // The same risk comes back, id and creation time included: the audit trail, linked views
    // and later undo steps all still refer to it.
    session()->store().restoreRisk(session()->projectId(), m_risk);
}

EditRiskCommand::EditRiskCommand(ProjectSession *session, qint64 riskId, RiskField field, const QVariant &before,
                                 const QVariant &after)
    : StoreCommand(session, tr("Edit risk"))
    , m_riskId(riskId)
    , m_field(field)
    , m_before(before)
    , m_after(after)
{
    if (const Risk *risk = session->findRisk(riskId))
        m_acceptedByBefore = risk->acceptedBy;
}

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
    case RiskField::AcceptedUntil:
        return risk.acceptedUntil.value_or(QDate());
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
    const bool accepts = m_field == RiskField::Status && RiskStatus(m_after.toInt()) == RiskStatus::Accepted;
    write(m_after, m_before, accepts ? std::optional(session()->store().actor()) : std::nullopt);
}

void EditRiskCommand::applyUndo()
{
    write(m_before, m_after, m_field == RiskField::Status ? std::optional(m_acceptedByBefore) : std::nullopt);
}

Store::RiskPatch EditRiskCommand::patchFor(RiskField field, const QVariant &value)
{
    Store::RiskPatch patch;
    switch (field) {
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
    case RiskField::AcceptedUntil:
        // The outer optional says "change it", the inner one holds the date or none.
        patch.acceptedUntil = value.toDate().isValid() ? std::optional<QDate>(value.toDate()) : std::optional<QDate>();
        break;
    case RiskField::LinkedItems:
        patch.linkedItems = value.toStringList();
        break;
    }
    return patch;
}

void EditRiskCommand::write(const QVariant &value, const QVariant &expected, const std::optional<QString> &acceptedBy)
{
    Store::RiskPatch patch = patchFor(m_field, value);
    patch.acceptedBy = acceptedBy;
    // Refused, naming who, when someone else changed the field since this window showed it.
    session()->store().updateRisk(session()->projectId(), m_riskId, patch, patchFor(m_field, expected));
}

} // namespace preflight::gui
