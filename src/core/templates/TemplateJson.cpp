#include "templates/TemplateLoader.h"

#include <nlohmann/json.hpp>

// The inverse of parseTemplate: the same field names, so a template written here loads again
// unchanged (the tests round-trip Appendix A through it).

namespace preflight {

namespace {

using nlohmann::json;

json stringList(const QStringList &values)
{
    json array = json::array();
    for (const QString &value : values)
        array.push_back(value.toStdString());
    return array;
}

json itemsToJson(const std::vector<Item> &items)
{
    json array = json::array();
    for (const Item &item : items) {
        json entry { { "id", item.id.toStdString() }, { "text", item.text.toStdString() } };
        if (!item.children.empty())
            entry["children"] = itemsToJson(item.children);
        if (!item.tags.isEmpty())
            entry["tags"] = stringList(item.tags);
        array.push_back(std::move(entry));
    }
    return array;
}

json categoryToJson(const Category &category)
{
    json sections = json::array();
    for (const Section &section : category.sections) {
        sections.push_back({ { "id", section.id.toStdString() },
                             { "title", section.title.toStdString() },
                             { "items", itemsToJson(section.items) } });
    }
    json entry { { "id", category.id.toStdString() },
                 { "number", category.number },
                 { "title", category.title.toStdString() },
                 { "severity", severityKey(category.severity).toStdString() },
                 { "sections", std::move(sections) } };
    if (category.weight)
        entry["weight"] = *category.weight;
    return entry;
}

json summaryGroupToJson(const SummaryGroup &group)
{
    json items = json::array();
    for (const SummaryItem &item : group.items) {
        items.push_back({ { "id", item.id.toStdString() },
                          { "text", item.text.toStdString() },
                          { "rule", summaryRuleKey(item.rule).toStdString() } });
    }
    return { { "id", group.id.toStdString() }, { "title", group.title.toStdString() }, { "items", std::move(items) } };
}

} // namespace

nlohmann::json templateToJson(const Template &tmpl)
{
    json categories = json::array();
    for (const Category &category : tmpl.categories)
        categories.push_back(categoryToJson(category));
    json summary = json::array();
    for (const SummaryGroup &group : tmpl.summary)
        summary.push_back(summaryGroupToJson(group));
    return { { "id", tmpl.id.toStdString() },
             { "version", tmpl.version.toStdString() },
             { "title", tmpl.title.toStdString() },
             { "description", tmpl.description.toStdString() },
             { "categories", std::move(categories) },
             { "summary", std::move(summary) },
             { "signoff_roles", stringList(tmpl.signoffRoles) },
             { "risk_columns", stringList(tmpl.riskColumns) },
             { "status_values", stringList(tmpl.statusValues) },
             { "project_fields", stringList(tmpl.projectFields) } };
}

} // namespace preflight
