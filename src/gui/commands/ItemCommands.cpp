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
    write(m_status, writtenReason(), m_beforeStatus, m_beforeReason);
}

void SetItemStatusCommand::applyUndo()
{
    write(m_beforeStatus, m_beforeReason, m_status, writtenReason());
}

QString SetItemStatusCommand::writtenReason() const
{
    // A reason only means something for N/A; leaving an old one behind would resurface later.
    return m_status == ItemStatus::NotApplicable ? m_reason : QString();
}

void SetItemStatusCommand::write(ItemStatus status, const QString &reason, ItemStatus expectedStatus,
                                 const QString &expectedReason)
{
    Store::ItemPatch patch;
    patch.status = status;
    patch.reason = reason;
    // What this window showed: the store refuses, naming who, if someone changed it since.
    Store::ItemPatch expected;
    expected.status = expectedStatus;
    expected.reason = expectedReason;
    session()->store().setItem(session()->projectId(), m_itemId, patch, expected);
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
    write(m_after, m_before);
}

void SetItemTextCommand::applyUndo()
{
    write(m_before, m_after);
}

Store::ItemPatch SetItemTextCommand::patchFor(ItemTextField field, const QString &text)
{
    Store::ItemPatch patch;
    switch (field) {
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
    return patch;
}

void SetItemTextCommand::write(const QString &text, const QString &expected)
{
    // Two people editing one note: the second is told, with both texts, instead of replacing it.
    session()->store().setItem(session()->projectId(), m_itemId, patchFor(m_field, text), patchFor(m_field, expected));
}

} // namespace preflight::gui
