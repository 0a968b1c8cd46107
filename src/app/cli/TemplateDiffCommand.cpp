// template diff
#include "cli/Context.h"
#include "templates/TemplateDiff.h"

#include <QLocale>

#include <cmath>

namespace preflight::cli {

namespace {

nlohmann::json optionalText(const std::optional<QString> &text)
{
    return text ? nlohmann::json(text->toStdString()) : nlohmann::json(nullptr);
}

nlohmann::json stringsJson(const QStringList &list)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString &text : list)
        array.push_back(text.toStdString());
    return array;
}

nlohmann::json severityJson(const std::optional<Severity> &severity)
{
    return optionalText(severity ? std::optional(severityKey(*severity)) : std::nullopt);
}

nlohmann::json weightJson(const std::optional<double> &weight)
{
    return weight ? nlohmann::json(*weight) : nlohmann::json(nullptr);
}

nlohmann::json idJson(const QString &id)
{
    return optionalText(id.isEmpty() ? std::nullopt : std::optional(id));
}

QStringList changeKeys(const ItemDiff &item)
{
    QStringList keys;
    const std::pair<bool, const char *> flags[] = {
        { item.added(), "added" },      { item.removed(), "removed" },   { item.reidentified(), "reidentified" },
        { item.moved(), "moved" },      { item.reworded(), "reworded" }, { item.severityChanged(), "severity" },
        { item.ruleChanged(), "rule" }, { item.tagsChanged(), "tags" },
    };
    for (const auto &[set, key] : flags) {
        if (set)
            keys << QLatin1String(key);
    }
    return keys;
}

// Two decimals, as the text output and the JSON show it: a score is a judgement, not a measurement.
double rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

nlohmann::json diffJson(const TemplateDiff &diff)
{
    const TemplateDiff::Counts counts = diff.counts();
    nlohmann::json categories = nlohmann::json::array();
    for (const CategoryDiff &category : diff.categories)
        categories.push_back({ { "id", category.id.toStdString() },
                               { "title", category.title.toStdString() },
                               { "old_severity", severityJson(category.oldSeverity) },
                               { "new_severity", severityJson(category.newSeverity) },
                               { "old_weight", weightJson(category.oldWeight) },
                               { "new_weight", weightJson(category.newWeight) } });
    nlohmann::json items = nlohmann::json::array();
    for (const ItemDiff &item : diff.items) {
        if (item.unchanged())
            continue;
        nlohmann::json changes = nlohmann::json::array();
        for (const QString &key : changeKeys(item))
            changes.push_back(key.toStdString());
        const auto rule = [](const std::optional<SummaryRule> &r) {
            return optionalText(r ? std::optional(summaryRuleKey(*r)) : std::nullopt);
        };
        items.push_back({ { "changes", changes },
                          { "kind", item.summary ? "summary" : "item" },
                          { "old_id", idJson(item.oldId) },
                          { "new_id", idJson(item.newId) },
                          { "old_text", idJson(item.oldText) },
                          { "new_text", idJson(item.newText) },
                          { "old_place", idJson(item.oldPlaceTitle) },
                          { "new_place", idJson(item.newPlaceTitle) },
                          { "similarity", item.matched() ? nlohmann::json(rounded(item.similarity)) : nullptr },
                          { "old_severity", severityJson(item.oldSeverity) },
                          { "new_severity", severityJson(item.newSeverity) },
                          { "old_rule", rule(item.oldRule) },
                          { "new_rule", rule(item.newRule) },
                          { "old_tags", stringsJson(item.oldTags) },
                          { "new_tags", stringsJson(item.newTags) } });
    }
    return document("preflight.template-diff/1",
                    { { "id", diff.templateId.toStdString() },
                      { "from", diff.fromVersion.toStdString() },
                      { "to", diff.toVersion.toStdString() },
                      { "counts",
                        { { "added", counts.added },
                          { "removed", counts.removed },
                          { "moved", counts.moved },
                          { "reworded", counts.reworded },
                          { "reidentified", counts.reidentified },
                          { "severity_changed", counts.severityChanged },
                          { "rule_changed", counts.ruleChanged },
                          { "tags_changed", counts.tagsChanged },
                          { "unchanged", counts.unchanged } } },
                      { "categories", categories },
                      { "items", items } });
}

QString weightText(const std::optional<double> &weight)
{
    return weight ? QString::number(*weight, 'g', QLocale::FloatingPointShortest) : QStringLiteral("default");
}

QString severityText(const std::optional<Severity> &severity)
{
    return severity ? severityKey(*severity) : QStringLiteral("-");
}

void printDiff(QTextStream &out, const TemplateDiff &diff)
{
    const TemplateDiff::Counts c = diff.counts();
    out << "Template " << diff.templateId << ' ' << diff.fromVersion << " → " << diff.toVersion << ": " << c.added
        << " added, " << c.removed << " removed, " << c.moved << " moved, " << c.reworded << " reworded, "
        << c.reidentified << " re-identified, " << c.severityChanged << " severity changes, " << c.ruleChanged
        << " rule changes (" << c.unchanged << " unchanged)\n";
    if (!diff.categories.empty()) {
        out << "\nCategories\n";
        for (const CategoryDiff &category : diff.categories) {
            out << "  " << category.id << " (" << category.title << "): ";
            if (!category.oldSeverity)
                out << "new, " << severityText(category.newSeverity);
            else if (!category.newSeverity)
                out << "removed";
            else {
                QStringList changes;
                if (category.oldSeverity != category.newSeverity)
                    changes << QStringLiteral("severity %1 → %2")
                                   .arg(severityText(category.oldSeverity), severityText(category.newSeverity));
                if (category.oldWeight != category.newWeight)
                    changes << QStringLiteral("weight %1 → %2")
                                   .arg(weightText(category.oldWeight), weightText(category.newWeight));
                out << changes.join(QStringLiteral(", "));
            }
            out << '\n';
        }
    }
    const auto section = [&](const char *title, auto wanted, auto print) {
        bool any = false;
        for (const ItemDiff &item : diff.items) {
            if (!wanted(item))
                continue;
            if (!any)
                out << '\n' << title << '\n';
            any = true;
            print(item);
        }
    };
    section(
        "Added", [](const ItemDiff &i) { return i.added(); },
        [&](const ItemDiff &i) { out << "  + " << i.newId << "  " << i.newText << "  [" << i.newPlaceTitle << "]\n"; });
    section(
        "Removed", [](const ItemDiff &i) { return i.removed(); },
        [&](const ItemDiff &i) { out << "  - " << i.oldId << "  " << i.oldText << "  [" << i.oldPlaceTitle << "]\n"; });
    section(
        "Re-identified", [](const ItemDiff &i) { return i.reidentified(); },
        [&](const ItemDiff &i) {
            out << "  " << i.oldId << " → " << i.newId << "  (similarity " << QString::number(i.similarity, 'f', 2)
                << ")\n";
        });
    section(
        "Moved", [](const ItemDiff &i) { return i.moved(); },
        [&](const ItemDiff &i) {
            out << "  " << i.newId << ": " << i.oldPlaceTitle << " → " << i.newPlaceTitle << '\n';
        });
    section(
        "Reworded", [](const ItemDiff &i) { return i.reworded(); },
        [&](const ItemDiff &i) { out << "  " << i.newId << ": \"" << i.oldText << "\" → \"" << i.newText << "\"\n"; });
    section(
        "Severity", [](const ItemDiff &i) { return i.severityChanged(); },
        [&](const ItemDiff &i) {
            out << "  " << i.newId << ": " << severityText(i.oldSeverity) << " → " << severityText(i.newSeverity)
                << '\n';
        });
    section(
        "Tags", [](const ItemDiff &i) { return i.tagsChanged(); },
        [&](const ItemDiff &i) {
            out << "  " << i.newId << ": [" << i.oldTags.join(QStringLiteral(", ")) << "] → ["
                << i.newTags.join(QStringLiteral(", ")) << "]\n";
        });
    section(
        "Summary rule", [](const ItemDiff &i) { return i.ruleChanged(); },
        [&](const ItemDiff &i) {
            out << "  " << i.newId << ": " << summaryRuleKey(*i.oldRule) << " → " << summaryRuleKey(*i.newRule) << '\n';
        });
}

int diffCommand(Context &context)
{
    const Template &from = context.templateVersion(context.arg(0), context.arg(1));
    const Template &to = context.templateVersion(context.arg(0), context.arg(2));
    const TemplateDiff diff = diffTemplates(from, to);
    if (context.json())
        context.printJson(diffJson(diff));
    else
        printDiff(context.out(), diff);
    return Success;
}

const CommandGroup templateDiffCommands { {
    { { QStringLiteral("template"), QStringLiteral("diff") },
      QStringLiteral("ID V1 V2 [--json]"),
      QStringLiteral("What changed between two versions of a template, item by item"),
      {},
      3,
      3,
      &diffCommand },
} };

} // namespace

} // namespace preflight::cli
