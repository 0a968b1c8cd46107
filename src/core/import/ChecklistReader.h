#pragma once

#include "import/MarkdownImport.h"

#include <QStringList>

namespace preflight::import {

// Turns decoded lines into a preview: headings mapped as planHeadings describes, task items into
// items (nested by indentation) and their ticks, review data through ReviewMetadata. Throws
// Error(Data) when the file holds no checklist item.
ImportPreview readChecklist(const QStringList &lines, const QString &sourceName);

} // namespace preflight::import
