// item
#include "cli/Context.h"
#include "model/LinkPolicy.h"
#include "scoring/ItemRules.h"
#include "scoring/StatusJson.h"
#include "storage/Store.h"

namespace preflight::cli {

namespace {

nlohmann::json itemJson(const ItemState &state)
{
    return { { "id", toJson(state.itemId) },
             { "status", toJson(itemStatusKey(state.status)) },
             { "reason", toJson(state.reason) },
             { "note", toJson(state.note) },
             { "owner", toJson(state.owner) },
             { "evidence", toJson(state.evidence) },
             { "changed_by", toJson(state.changedBy) },
             { "changed_at", toJson(state.changedAt) } };
}

int setItems(Context &context)
{
    const Project project = context.project(context.arg(0));
    const QStringList itemIds = context.args().mid(1, context.args().size() - 2);
    const QString statusText = context.args().constLast();
    const std::optional<ItemStatus> status = itemStatusFromKey(statusText);
    if (!status)
        throw usageError(
            QStringLiteral("unknown status \"%1\" (one of done|open|na)\n%2").arg(statusText, context.usage()));

    const Template &tmpl = context.templateOf(project);
    const ProjectState state = context.store().loadState(project.id);
    Store::ItemPatch patch;
    patch.status = status;
    patch.reason = context.optionalValue(QStringLiteral("reason"));
    patch.note = context.optionalValue(QStringLiteral("note"));
    patch.owner = context.optionalValue(QStringLiteral("owner"));
    patch.evidence = context.optionalValue(QStringLiteral("evidence"));
    // Kept as typed either way; only a web address becomes a link in the app and the reports.
    if (patch.evidence && !patch.evidence->trimmed().isEmpty() && !LinkPolicy::evidenceLink(*patch.evidence))
        context.warn(QStringLiteral("--evidence \"%1\" is not an http:// or https:// address: it is stored as text, "
                                    "not as a link")
                         .arg(*patch.evidence));
    // Every id is checked before any is written, so a bad id in a batch changes nothing.
    for (const QString &itemId : itemIds) {
        requireStatusSettable(tmpl, itemId);
        const QString reason = patch.reason.value_or(state.itemState(itemId).reason);
        if (*status == ItemStatus::NotApplicable && reason.trimmed().isEmpty())
            throw usageError(QStringLiteral("item \"%1\": N/A needs a reason (--reason TEXT)").arg(itemId));
    }

    std::vector<Store::ItemEdit> edits;
    for (const QString &itemId : itemIds)
        edits.push_back({ itemId, patch });
    nlohmann::json written = nlohmann::json::array();
    for (const ItemState &result : context.store().setItems(project.id, edits)) {
        const QString &itemId = result.itemId;
        written.push_back(itemJson(result));
        if (!context.json())
            context.out() << project.name << ": " << itemId << " -> " << itemStatusKey(result.status) << '\n';
    }
    if (context.json())
        context.printJson(document("preflight.items/1", { { "project", toJson(project.name) }, { "items", written } }));
    return Success;
}

const CommandGroup itemCommands { {
    { { QStringLiteral("item") },
      QStringLiteral(
          "PROJECT ITEM_ID [ITEM_ID...] done|open|na [--reason TEXT] [--note TEXT] [--owner NAME] [--evidence URL]"),
      QStringLiteral("Tick, reopen or mark items N/A (all ids are checked before any is written)"),
      { makeOption("reason", "Why the item is N/A (required for na).", "TEXT"),
        makeOption("note", "Note (Markdown).", "TEXT"), makeOption("owner", "Who owns the item.", "NAME"),
        makeOption("evidence", "Evidence: an http(s) address is a link; anything else is kept as text.", "URL") },
      3,
      -1,
      &setItems },
} };

} // namespace

} // namespace preflight::cli
