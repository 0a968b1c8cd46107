#pragma once

#include "ProjectSession.h"
#include "commands/StoreCommand.h"

namespace preflight::gui {

class AddRiskCommand : public StoreCommand
{
public:
    AddRiskCommand(ProjectSession *session, const Risk &draft);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    Risk m_draft;
    Risk m_added; // as first stored: redo after undo restores it with the same id and creation time
};

class RemoveRiskCommand : public StoreCommand
{
public:
    RemoveRiskCommand(ProjectSession *session, const Risk &risk);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    Risk m_risk;
};

// One field of one risk. Setting the status to accepted also records the session's actor as the
// one who accepted it, as `preflight risk set --status accepted` does; undo restores the name.
class EditRiskCommand : public StoreCommand
{
public:
    EditRiskCommand(ProjectSession *session, qint64 riskId, RiskField field, const QVariant &before,
                    const QVariant &after);
    static QVariant fieldOf(const Risk &risk, RiskField field); // AcceptedUntil: an invalid QDate for none

    int id() const override { return RiskFieldCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    static Store::RiskPatch patchFor(RiskField field, const QVariant &value);
    void write(const QVariant &value, const QVariant &expected, const std::optional<QString> &acceptedBy);

    qint64 m_riskId;
    RiskField m_field;
    QVariant m_before;
    QVariant m_after;
    QString m_acceptedByBefore;
};

} // namespace preflight::gui
