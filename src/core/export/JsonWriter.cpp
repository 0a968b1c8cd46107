#include "export/JsonWriter.h"

#include "scoring/StatusJson.h"

using nlohmann::json;

namespace preflight {

namespace {

json optionalText(const QString &text)
{
    return text.isEmpty() ? json(nullptr) : toJson(text);
}

json stateJson(const ItemState &state)
{
    return { { "status", toJson(itemStatusKey(state.status)) },
             { "reason", optionalText(state.reason) },
             { "note", optionalText(state.note) },
             { "owner", optionalText(state.owner) },
             { "evidence", optionalText(state.evidence) },
             { "changed_by", optionalText(state.changedBy) },
             { "changed_at", toJson(state.changedAt) } };
}

// The flag a migration left on an item's answer, or null: "wording changed — re-check".
json recheckJson(const ProjectState &state, const QString &itemId)
{
    const auto flag = state.rechecks.find(itemId);
    if (flag == state.rechecks.end())
        return nullptr;
    return { { "old_text", toJson(flag->second.oldText) }, { "since_version", toJson(flag->second.sinceVersion) } };
}

} // namespace

QByteArray JsonWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    json document = statusJson(input.tmpl, input.state, input.assessment, input.reviewDate);
    document["report"] = { { "schema", ReportJsonSchema },
                           { "generated_at", toJson(input.generatedAt) },
                           { "generated_by", toJson(input.actor) },
                           { "generator", "Preflight " PREFLIGHT_VERSION },
                           { "review_date", toJson(std::optional<QDate>(input.reviewDate)) },
                           { "audit_head", optionalText(input.auditHead) } };

    json checklist = json::array();
    for (const ChecklistRow &row : model.rows()) {
        json entry = { { "id", toJson(row.item->id) },
                       { "category", toJson(row.category->id) },
                       { "section", toJson(row.section->id) },
                       { "parent", optionalText(row.parentId) },
                       { "depth", row.depth },
                       { "text", toJson(row.item->text) } };
        entry.update(stateJson(row.state));
        entry["recheck"] = recheckJson(input.state, row.item->id);
        entry["tags"] = toJson(row.item->tags);
        // The stored answer stays as it was; scoring counts the item N/A while this is true.
        entry["outside_profile"] = input.assessment.outsideProfile.contains(row.item->id);
        checklist.push_back(std::move(entry));
    }
    document["checklist"] = std::move(checklist);

    json manual = json::array();
    for (const SummaryGroup &group : input.tmpl.summary) {
        for (const SummaryItem &item : group.items) {
            if (item.rule != SummaryRule::Manual)
                continue;
            json entry = { { "id", toJson(item.id) }, { "group", toJson(group.id) } };
            entry.update(stateJson(input.state.itemState(item.id)));
            entry["recheck"] = recheckJson(input.state, item.id);
            manual.push_back(std::move(entry));
        }
    }
    document["manual_summary"] = std::move(manual);
    document["notes"] = toJson(input.state.project.notes);

    // The action list's "wording changed — re-check" entries, in checklist order.
    json rechecks = json::array();
    for (const Action &action : model.rechecks())
        rechecks.push_back({ { "id", toJson(action.id) },
                             { "text", toJson(action.text) },
                             { "old_text", toJson(input.state.rechecks.at(action.id).oldText) },
                             { "since_version", toJson(input.state.rechecks.at(action.id).sinceVersion) } });
    document["rechecks"] = std::move(rechecks);
    json removed = json::array();
    for (const RemovedAnswer &answer : input.removedAnswers) {
        json entry = { { "id", toJson(answer.answer.itemId) },
                       { "text", toJson(answer.itemText) },
                       { "from_version", toJson(answer.fromVersion) },
                       { "to_version", toJson(answer.toVersion) } };
        entry.update(stateJson(answer.answer));
        removed.push_back(std::move(entry));
    }
    document["removed_answers"] = std::move(removed);

    // Invalid UTF-16 (a lone surrogate) is replaced rather than aborting the whole export.
    return QByteArray::fromStdString(document.dump(2, ' ', false, json::error_handler_t::replace) + '\n');
}

} // namespace preflight
