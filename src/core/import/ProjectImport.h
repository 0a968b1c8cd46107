#pragma once

#include "import/MarkdownImport.h"
#include "model/Project.h"
#include "storage/Store.h"
#include "templates/TemplateRegistry.h"

#include <QString>

#include <vector>

namespace preflight::import {

// The ticks of a preview re-addressed to the items of `target`. Items are matched by where they
// stand and what they say: category title, section title, the texts of their parent items and
// their own text (the n-th repeat matching the n-th repeat), so an item keeps its answer even
// though imported ids are generated. Throws Error(Data) "FILE:LINE: item … is not in template …"
// for the first item `target` does not have.
std::vector<ItemTick> mapTicks(const ImportPreview &preview, const Template &target);

// The template a filled-in checklist belongs to: `requestedId` when given (Error(Usage) when
// unknown), else the template a Preflight report names, else a known template with exactly the
// same items; nullptr when none fits and the preview's own template has to be saved first.
const Template *chooseTemplate(const ImportPreview &preview, const TemplateRegistry &registry,
                               const QString &requestedId);

struct ProjectImportResult
{
    Project project;
    int itemsSet = 0; // items whose state differs from the default "open"
    int risksCreated = 0; // from the file's risk table
    std::vector<ImportWarning> warnings; // beyond the preview's own
};

// Creates project `name` on `target` with the preview's ticks, notes, launch dates and risks
// (links to items `target` lacks are left out, with a warning). Everything is validated before
// the first write (the name, every item, every N/A reason), so a bad file creates nothing; the
// project, its item states and its risks are then written in one transaction. Sign-offs in the
// file are never imported.
ProjectImportResult importProject(Store &store, const ImportPreview &preview, const QString &name,
                                  const Template &target);

struct ImportedProject
{
    ProjectImportResult result;
    Template tmpl; // the template the project follows (a known one, or the file's own)
    QString savedTemplatePath; // where the file's own template was saved; empty for a known one
    // What the user should read: the preview's warnings (less those about the file's own
    // template when a registered one is used) followed by the import's.
    std::vector<ImportWarning> warnings;
};

// "Import as a project" as `preflight project import` and the GUI both do it: refuses a taken
// name, picks the template (chooseTemplate), and when none fits saves the file's own template
// to `templatesDir` under a free id first, removing it again should the project not be created.
ImportedProject importProjectWithTemplate(Store &store, const TemplateRegistry &registry, const ImportPreview &preview,
                                          const QString &name, const QString &requestedTemplateId,
                                          const QString &templatesDir);

} // namespace preflight::import
