#pragma once

#include "import/BlockAttributes.h"
#include "import/MarkdownBlocks.h"
#include "model/Template.h"

#include <QString>

#include <optional>
#include <vector>

namespace preflight::import {

// A heading's text split into what it says and what it marks.
struct HeadingText
{
    QString title; // severity markers and the leading "1." removed
    std::optional<Severity> severity; // 🔴 🟠 🟡 🟢, or a word: "(High)", "- Critical", "Low priority"
    int number = 0; // the "1." of "1. Code Quality"; 0 when absent
    BlockAttributes attributes; // from a trailing comment: id, weight, summary (planHeadings fills it)
};
HeadingText parseHeadingText(const QString &text);

// What each heading of a document becomes. The mapping (documented in the README):
// - headings named "Executive Summary" or "Acceptance Criteria", or marked as summary groups by
//   a "<!-- summary -->" attribute, hold summary items, at any level; "Sign-Off", "Risk Assessment"/"Risks"/"Known
//   Risks" and "Notes" hold review data (roles, the risk table, notes) as long as they contain no checklist items of
//   their own;
// - of the remaining headings that contain task items, the category level is the shallowest
//   level where a heading carries a severity marker; without any marker, the shallowest level
//   with at least two such headings (or else with one);
// - deeper headings are sections; levels below the first section level are folded into the
//   section title ("Section › Sub");
// - shallower headings are context: the first one is the document title when it is the only
//   heading of its level, the others prefix the titles of their categories ("Part › Category").
enum class HeadingRole { Context, Title, Category, Section, Summary, SignOff, Risks, Notes };

struct HeadingPlan
{
    std::vector<HeadingRole> roles; // indexed like the blocks; meaningful for headings only
    std::vector<HeadingText> texts; // likewise
    int categoryLevel = 0; // 0: no heading holds items; all go to one default category
};

HeadingPlan planHeadings(const std::vector<MarkdownBlock> &blocks);

} // namespace preflight::import
