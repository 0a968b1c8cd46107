#include "ItemCommands.h"

#include "Appearance.h"

#include <QCoreApplication>

namespace preflight::gui {

namespace {

QString itemLabel(const ProjectSession *session, const QString &itemId)
{
    if (const Item *item = session->tmpl().findItem(itemId))
        return item->text;
    if (const SummaryItem *item = session->tmpl().findSummaryItem(itemId))
        return item->text;
    return itemId;
}

QString fieldLabel(ItemTextField field)
{
    switch (field) {
    case ItemTextField::Note:
        return QCoreApplication::translate("preflight::gui::SetItemTextCommand", "note");
    case ItemTextField::Owner:
        return QCoreApplication::translate("preflight::gui::SetItemTextCommand", "owner");
    case ItemTextField::Evidence:
        return QCoreApplication::translate("preflight::gui::SetItemTextCommand", "evidence link");
    }
    return {};
}

} // namespace

SetItemStatusCommand::SetItemStatusCommand(ProjectSession *session, const QString &itemId, const ItemState &before,
                                           ItemStatus status, const QString &reason)
    : StoreCommand(session,
                   QCoreApplication::translate("preflight::gui::SetItemStatusCommand", "Mark “%1” %2")
                       .arg(itemLabel(session, itemId), Labels::itemStatus(status)))
    , m_itemId(itemId)
    , m_beforeStatus(before.status)
    , m_beforeReason(before.reason)
    , m_status(status)
    , m_reason(reason)
{ }

void SetItemStatusCommand::applyRedo()
{
    // A reason only means something for N/A; leaving an old one behind would resurface later.
    write(m_status, m_status == ItemStatus::NotApplicable ? m_reason : QString());
}

void SetItemStatusCommand::applyUndo()
{
    write(m_beforeStatus, m_beforeReason);
}

void SetItemStatusCommand::write(ItemStatus status, const QString &reason)
{
    Store::ItemPatch patch;
    patch.status = status;
    patch.reason = reason;
    session()->store().setItem(session()->projectId(), m_itemId, patch);
}

SetItemTextCommand::SetItemTextCommand(ProjectSession *session, const QString &itemId, ItemTextField field,
                                       const QString &before, const QString &after)
    : StoreCommand(session,
                   QCoreApplication::translate("preflight::gui::SetItemTextCommand", "Edit %1 of “%2”")
                       .arg(fieldLabel(field), itemLabel(session, itemId)))
    , m_itemId(itemId)
    , m_field(field)
    , m_before(before)
    , m_after(after)
{ }

QString SetItemTextCommand::fieldOf(const ItemState &state, ItemTextField field)
{
    switch (field) {
    case ItemTextField::Note:
        return state.note;
    case ItemTextField::Owner:
        return state.owner;
    case ItemTextField::Evidence:
        return state.evidence;
    }
    return {};
}

bool SetItemTextCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetItemTextCommand *>(other);
    if (next->m_itemId != m_itemId || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    return true;
}

void SetItemTextCommand::applyRedo()
{
    write(m_after);
}

void SetItemTextCommand::applyUndo()
{
    write(m_before);
}

void SetItemTextCommand::write(const QString &text)
{
    Store::ItemPatch patch;
    switch (m_field) {
    case ItemTextField::Note:
        patch.note = text;
        break;
    case ItemTextField::Owner:
        patch.owner = text;
        break;
    case ItemTextField::Evidence:
        patch.evidence = text;
        break;
    }
    session()->store().setItem(session()->projectId(), m_itemId, patch);
}

} // namespace preflight::gui
