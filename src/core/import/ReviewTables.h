#pragma once

#include "import/ImportWarning.h"
#include "import/MarkdownBlocks.h"
#include "import/MarkdownImport.h"

#include <vector>

namespace preflight::import {

// Reads the body rows of a risk table into risks. Columns are found by their header, in any
// order: Risk (or Title), Severity, Mitigation, Owner, Status and Linked items; others (the
// report's ID) are ignored. Rows that say nothing ("|  |  |", "—", "____") and Appendix A's
// "Example: …" row are passed over; a row that cannot be read is left out with a warning that
// names its line and the cell. Does nothing for a table without a Risk column.
void readRiskTable(const MarkdownBlock &table, std::vector<ImportedRisk> &risks, std::vector<ImportWarning> &warnings);

// The rows of a sign-off table (Role | Name | Decision | Date …) that name who signed.
void readSignOffTable(const MarkdownBlock &table, std::vector<SignOffRow> &rows);

} // namespace preflight::import
