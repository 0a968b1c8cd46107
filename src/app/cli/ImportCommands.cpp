// template import, project import
#include "cli/Context.h"
#include "import/MarkdownImport.h"
#include "import/ProjectImport.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QFile>
#include <QFileInfo>

#include <numeric>

namespace preflight::cli {

namespace {

using import::ImportPreview;
using import::ImportWarning;

void printWarnings(Context &context, const QString &source, const std::vector<ImportWarning> &warnings)
{
    for (const ImportWarning &warning : warnings) {
        context.warn(warning.line > 0 ? QStringLiteral("%1:%2: %3").arg(source).arg(warning.line).arg(warning.message)
                                      : QStringLiteral("%1: %2").arg(source, warning.message));
    }
}

nlohmann::json warningsJson(const std::vector<ImportWarning> &warnings)
{
    nlohmann::json list = nlohmann::json::array();
    for (const ImportWarning &warning : warnings)
        list.push_back({ { "line", warning.line }, { "message", warning.message.toStdString() } });
    return list;
}

nlohmann::json skippedJson(const import::SkippedContent &skipped)
{
    return { { "tables", skipped.tables },
             { "paragraphs", skipped.paragraphs },
             { "list_items", skipped.listItems },
             { "code_blocks", skipped.codeBlocks } };
}

QString skippedText(const import::SkippedContent &skipped)
{
    return QStringLiteral("skipped %1 tables, %2 paragraphs, %3 list items without a box, %4 code blocks")
        .arg(skipped.tables)
        .arg(skipped.paragraphs)
        .arg(skipped.listItems)
        .arg(skipped.codeBlocks);
}

nlohmann::json templateJson(const Template &tmpl)
{
    return { { "id", tmpl.id.toStdString() },
             { "version", tmpl.version.toStdString() },
             { "title", tmpl.title.toStdString() },
             { "categories", tmpl.categories.size() },
             { "items", tmpl.itemCount() },
             { "summary_items",
               std::accumulate(tmpl.summary.begin(), tmpl.summary.end(), size_t(0),
                               [](size_t n, const SummaryGroup &g) { return n + g.items.size(); }) } };
}

int importTemplate(Context &context)
{
    const QString file = context.arg(0);
    const ImportPreview preview = import::importMarkdownFile(file);
    const QString path = import::saveImportedTemplate(preview, context.value(QStringLiteral("id")),
                                                      TemplateRegistry::userTemplatesDir());
    const Template saved = [&] {
        Template tmpl = preview.tmpl;
        const QString id = context.value(QStringLiteral("id"));
        tmpl.id = id.isEmpty() ? tmpl.id : id;
        return tmpl;
    }();
    if (context.json()) {
        context.printJson(document("preflight.import/1",
                                   { { "template", templateJson(saved) },
                                     { "file", path.toStdString() },
                                     { "warnings", warningsJson(preview.warnings) },
                                     { "skipped", skippedJson(preview.skipped) } }));
        return Success;
    }
    printWarnings(context, file, preview.warnings);
    context.out() << "Imported template \"" << saved.id << "\" (" << saved.title << "): " << saved.categories.size()
                  << " categories, " << saved.itemCount() << " items\n"
                  << "Saved to " << path << "; " << skippedText(preview.skipped) << '\n';
    return Success;
}

int importProject(Context &context)
{
    const QString file = context.arg(0);
    const QString name = context.requiredValue(QStringLiteral("name"));
    const ImportPreview preview = import::importMarkdownFile(file);
    const import::ImportedProject imported = import::importProjectWithTemplate(
        context.store(), context.templates(), preview, name, context.value(QStringLiteral("template")),
        TemplateRegistry::userTemplatesDir());
    const import::ProjectImportResult &result = imported.result;
    const Template &target = imported.tmpl;
    const QString &savedPath = imported.savedTemplatePath;
    const std::vector<ImportWarning> &warnings = imported.warnings;
    if (context.json()) {
        context.printJson(document("preflight.import/1",
                                   { { "project", result.project.name.toStdString() },
                                     { "template", templateJson(target) },
                                     { "template_created", !savedPath.isEmpty() },
                                     { "items_set", result.itemsSet },
                                     { "risks_created", result.risksCreated },
                                     { "warnings", warningsJson(warnings) },
                                     { "skipped", skippedJson(preview.skipped) } }));
        return Success;
    }
    printWarnings(context, file, warnings);
    context.out() << "Created project \"" << result.project.name << "\" on template \"" << target.id << "\" "
                  << target.version
                  << (savedPath.isEmpty() ? QString() : QStringLiteral(" (new, saved to %1)").arg(savedPath)) << ": "
                  << result.itemsSet << " of " << target.itemCount() << " items carry a state, " << result.risksCreated
                  << (result.risksCreated == 1 ? " risk" : " risks") << " created\n";
    return Success;
}

const CommandGroup importCommands { {
    { { QStringLiteral("template"), QStringLiteral("import") },
      QStringLiteral("FILE [--id ID] [--json]"),
      QStringLiteral("Turn a Markdown checklist into a template in the user's templates folder"),
      { makeOption("id", "Template id (default: made from the title)", "ID") },
      1,
      1,
      &importTemplate },
    { { QStringLiteral("project"), QStringLiteral("import") },
      QStringLiteral("FILE --name NAME [--template ID] [--json]"),
      QStringLiteral("Create a project from a filled-in Markdown checklist"),
      { makeOption("name", "Name of the new project", "NAME"),
        makeOption("template", "Template the checklist follows (default: recognised from its items)", "ID") },
      1,
      1,
      &importProject,
      true },
} };

} // namespace

} // namespace preflight::cli
