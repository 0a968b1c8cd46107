// templates, template show
#include "cli/Context.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateRegistry.h"

namespace preflight::cli {

namespace {

int listTemplates(Context &context)
{
    const TemplateRegistry &registry = context.templates();
    for (const QString &warning : registry.warnings())
        context.warn(warning);
    if (context.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const Template &tmpl : registry.templates())
            list.push_back({ { "id", tmpl.id.toStdString() },
                             { "version", tmpl.version.toStdString() },
                             { "title", tmpl.title.toStdString() },
                             { "categories", tmpl.categories.size() },
                             { "items", tmpl.itemCount() } });
        context.printJson(document("preflight.templates/1", { { "templates", list } }));
        return Success;
    }
    std::vector<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("VERSION"), QStringLiteral("ITEMS"),
                                      QStringLiteral("TITLE") } };
    for (const Template &tmpl : registry.templates())
        rows.push_back({ tmpl.id, tmpl.version, QString::number(tmpl.itemCount()), tmpl.title });
    printTable(context.out(), rows);
    return Success;
}

void printItems(QTextStream &out, const std::vector<Item> &items, int depth)
{
    for (const Item &item : items) {
        out << QString(4 + 2 * depth, QLatin1Char(' ')) << item.id << "  " << item.text << '\n';
        printItems(out, item.children, depth + 1);
    }
}

int showTemplate(Context &context)
{
    const Template &tmpl = context.templateById(context.arg(0));
    if (context.json()) {
        // The template file format itself, so the output can be edited and imported again.
        context.printJson(templateToJson(tmpl));
        return Success;
    }
    QTextStream &out = context.out();
    out << tmpl.title << " (" << tmpl.id << ' ' << tmpl.version << ", " << tmpl.itemCount() << " items)\n";
    for (const Category &category : tmpl.categories) {
        out << '\n'
            << category.number << ". " << category.title << "  [" << category.id << ", "
            << severityKey(category.severity) << "]\n";
        for (const Section &section : category.sections) {
            out << "  " << section.title << '\n';
            printItems(out, section.items, 0);
        }
    }
    for (const SummaryGroup &group : tmpl.summary) {
        out << '\n' << group.title << "  [" << group.id << "]\n";
        for (const SummaryItem &item : group.items)
            out << "    " << item.id << "  " << item.text << "  ("
                << (item.rule == SummaryRule::Manual ? QStringLiteral("ticked by hand")
                                                     : QStringLiteral("computed: ") + summaryRuleKey(item.rule))
                << ")\n";
    }
    out << "\nSign-off roles: " << tmpl.signoffRoles.join(QStringLiteral(", ")) << '\n';
    return Success;
}

const CommandGroup templateCommands { {
    { { QStringLiteral("templates") },
      QStringLiteral("[--json]"),
      QStringLiteral("List the installed templates"),
      {},
      0,
      0,
      &listTemplates },
    { { QStringLiteral("template"), QStringLiteral("show") },
      QStringLiteral("ID [--json]"),
      QStringLiteral("Show a template's categories, sections and item ids"),
      {},
      1,
      1,
      &showTemplate },
} };

} // namespace

} // namespace preflight::cli
