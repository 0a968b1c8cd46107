#pragma once

#include "ProjectSession.h"
#include "commands/StoreCommand.h"

namespace preflight::gui {

class SetItemStatusCommand : public StoreCommand
{
public:
    SetItemStatusCommand(ProjectSession *session, const QString &itemId, const ItemState &before, ItemStatus status,
                         const QString &reason);

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    QString writtenReason() const;
    void write(ItemStatus status, const QString &reason, ItemStatus expectedStatus, const QString &expectedReason);

    QString m_itemId;
    ItemStatus m_beforeStatus;
    QString m_beforeReason;
    ItemStatus m_status;
    QString m_reason;
};

class SetItemTextCommand : public StoreCommand
{
public:
    SetItemTextCommand(ProjectSession *session, const QString &itemId, ItemTextField field, const QString &before,
                       const QString &after);
    static QString fieldOf(const ItemState &state, ItemTextField field);

    int id() const override { return ItemTextCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

protected:
    void applyRedo() override;
    void applyUndo() override;

private:
    static Store::ItemPatch patchFor(ItemTextField field, const QString &text);
    void write(const QString &text, const QString &expected);

    QString m_itemId;
    ItemTextField m_field;
    QString m_before;
    QString m_after;
};

} // namespace preflight::gui
