#pragma once

#include "import/ImportWarning.h"
#include "model/Project.h"
#include "model/Template.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace preflight::import {

// The state a filled-in checklist gives one item: "- [x]" done, "- [ ]" open, and N/A written
// as the Markdown report writes it ("- [x] ~~text~~ — N/A: reason") or as "- [-]" / "- [~]".
// Nested "- Note: …", "- Owner: …", "- Evidence: …" lines fill the other fields.
struct ItemTick
{
    QString itemId; // id in ImportPreview::tmpl
    int line = 0;
    ItemStatus status = ItemStatus::Open;
    QString reason;
    QString note;
    QString owner;
    QString evidence;
};

// What the reader left out, so the preview can say so ("3 tables, 12 paragraphs skipped").
struct SkippedContent
{
    int tables = 0;
    int paragraphs = 0;
    int listItems = 0; // list items without a check box
    int codeBlocks = 0;
};

// A row of a risk table ("| Risk | Severity | Mitigation | Owner |", or the Markdown report's
// register with Status and Linked items); a project import creates it with the project.
struct ImportedRisk
{
    int line = 0;
    Risk risk; // linkedItems as the file names them; checked against the project's template
};

// A sign-off a file records (a filled-in "**Role:** name" line or a row of the report's sign-off
// table). Shown in the preview, never imported: a role signs off in Preflight, on the state it
// then sees.
struct SignOffRow
{
    int line = 0;
    QString role;
    QString name;
    QString decision; // as the file words it; may be empty
    QString date; // likewise
};

// Everything an import would create, for the GUI's preview and the command line alike. Nothing
// is written until the caller saves the template (saveImportedTemplate) or creates the project
// (importProject, in ProjectImport.h).
struct ImportPreview
{
    QString sourceName;
    Template tmpl; // a complete template: valid for templateToJson/parseTemplate
    std::vector<ItemTick> ticks; // one per checklist item and manual summary item, in file order
    std::vector<ImportWarning> warnings; // repairs, defaults used, lines left out; ordered by line
    SkippedContent skipped;
    QString description; // the first paragraph under the title; empty when there is none
    QString notes; // the "Notes" section's text, for a project import
    std::optional<QDate> targetDate; // "**Target Launch Date:** 2026-03-01"
    std::optional<QDate> actualDate;
    QString declaredTemplateId; // "appendix-a" when the file is a Preflight report naming it
    std::vector<ImportedRisk> risks; // for a project import
    std::vector<SignOffRow> signoffs; // shown only
};

// Reads a Markdown checklist. `sourceName` (usually the file name) names the file in errors and
// gives the template its id and title when the document has no title heading.
// Throws Error(Data) with "FILE:LINE: …" for a file over 10 MB, a binary file, undecodable
// text, and a file without any checklist item.
ImportPreview importMarkdown(const QByteArray &bytes, const QString &sourceName);

// Reads the file (refusing one over 10 MB before reading it) and calls importMarkdown.
ImportPreview importMarkdownFile(const QString &path);

// Writes preview.tmpl, with `id` when not empty, to `dir` as <id>.json through QSaveFile and
// returns the file's path: <id>.json, or <id>-<version>.json beside an installed lower version of
// the same id (a template exported, edited and given a higher version in its "preflight-template"
// comment). Throws Error(Conflict) when that version, or a higher one, of the id is installed
// (built-in or file), Error(Usage) for an id that is not lowercase-kebab, Error(Io) when the file
// cannot be written (nothing is left behind then).
QString saveImportedTemplate(const ImportPreview &preview, const QString &id, const QString &dir);

} // namespace preflight::import
