// templates, template show, template export
#include "cli/Context.h"
#include "export/ReportFile.h"
#include "model/Profile.h"
#include "templates/TemplateLoader.h"
#include "templates/TemplateMarkdown.h"
#include "templates/TemplateRegistry.h"

#include <QIODevice>

#include <algorithm>

namespace preflight::cli {

namespace {

// Every installed version, grouped by id, oldest version first.
std::vector<const Template *> installedVersions(const TemplateRegistry &registry)
{
    std::vector<const Template *> list;
    for (const Template &tmpl : registry.templates())
        list.push_back(&tmpl);
    std::stable_sort(list.begin(), list.end(), [](const Template *a, const Template *b) {
        if (a->id != b->id)
            return a->id < b->id;
        return TemplateRegistry::isNewer(b->version, a->version);
    });
    return list;
}

int listTemplates(Context &context)
{
    const TemplateRegistry &registry = context.templates();
    for (const QString &warning : registry.warnings())
        context.warn(warning);
    const std::vector<const Template *> versions = installedVersions(registry);
    if (context.json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const Template *tmpl : versions)
            list.push_back({ { "id", tmpl->id.toStdString() },
                             { "version", tmpl->version.toStdString() },
                             { "title", tmpl->title.toStdString() },
                             { "categories", tmpl->categories.size() },
                             { "items", tmpl->itemCount() },
                             { "newest", registry.find(tmpl->id) == tmpl },
                             { "builtin", registry.isBuiltin(*tmpl) } });
        context.printJson(document("preflight.templates/1", { { "templates", list } }));
        return Success;
    }
    std::vector<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("VERSION"), QStringLiteral("ITEMS"),
                                      QStringLiteral("TITLE") } };
    for (const Template *tmpl : versions)
        rows.push_back({ tmpl->id, tmpl->version, QString::number(tmpl->itemCount()), tmpl->title });
    printTable(context.out(), rows);
    return Success;
}

void printItems(QTextStream &out, const std::vector<Item> &items, int depth)
{
    for (const Item &item : items) {
        out << QString(4 + 2 * depth, QLatin1Char(' ')) << item.id << "  " << item.text;
        if (!item.tags.isEmpty())
            out << "  [" << item.tags.join(QStringLiteral(", ")) << ']';
        out << '\n';
        printItems(out, item.children, depth + 1);
    }
}

// The newest version of the id, or the one --version names.
const Template &chosenVersion(Context &context)
{
    const std::optional<QString> version = context.optionalValue(QStringLiteral("version"));
    return version ? context.templateVersion(context.arg(0), *version) : context.templateById(context.arg(0));
}

int showTemplate(Context &context)
{
    const Template &tmpl = chosenVersion(context);
    if (context.json()) {
        // The template file format itself (each item's tags included), so the output can be edited
        // and imported again; the loader accepts the "schema" key other documents carry.
        nlohmann::json shown = templateToJson(tmpl);
        shown["schema"] = TemplateJsonSchema;
        context.printJson(shown);
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
    // What `project create|set --profile` accepts.
    const QStringList tags = templateTags(tmpl);
    out << "Profile tags: "
        << (tags.isEmpty() ? QStringLiteral("none (every item applies)") : tags.join(QStringLiteral(", "))) << '\n';
    return Success;
}

int exportTemplate(Context &context)
{
    const Template &tmpl = chosenVersion(context);
    const QByteArray markdown = templateToMarkdown(tmpl).toUtf8();
    const QString output = context.value(QStringLiteral("output"));
    if (output.isEmpty() || output == QLatin1String("-")) {
        context.out().flush();
        if (context.out().device()->write(markdown) != markdown.size())
            throw Error(Error::Kind::Io, QStringLiteral("cannot write the template to standard output"));
        return Success;
    }
    saveReportFile(output, markdown);
    if (context.json()) {
        context.printJson(document("preflight.template-export/1",
                                   { { "id", tmpl.id.toStdString() },
                                     { "version", tmpl.version.toStdString() },
                                     { "path", output.toStdString() },
                                     { "bytes", markdown.size() } }));
    } else {
        context.out() << "Wrote template \"" << tmpl.id << "\" " << tmpl.version << " to " << output << '\n';
    }
    return Success;
}

QCommandLineOption versionOption()
{
    return makeOption("version", "Template version (default: the newest installed)", "V");
}

const CommandGroup templateCommands { {
    { { QStringLiteral("templates") },
      QStringLiteral("[--json]"),
      QStringLiteral("List the installed templates, every version"),
      {},
      0,
      0,
      &listTemplates },
    { { QStringLiteral("template"), QStringLiteral("show") },
      QStringLiteral("ID [--version V] [--json]"),
      QStringLiteral("Show a template's categories, sections and item ids"),
      { versionOption() },
      1,
      1,
      &showTemplate },
    { { QStringLiteral("template"), QStringLiteral("export") },
      QStringLiteral("ID [--version V] [-o FILE]"),
      QStringLiteral("Write a template as Markdown that `template import` reads back"),
      { versionOption(),
        QCommandLineOption({ QStringLiteral("o"), QStringLiteral("output") },
                           QStringLiteral("File to write (replaced atomically); - or none for standard output."),
                           QStringLiteral("FILE")) },
      1,
      1,
      &exportTemplate },
} };

} // namespace

} // namespace preflight::cli
