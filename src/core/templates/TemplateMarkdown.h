#pragma once

#include "model/Template.h"

#include <QString>

namespace preflight {

// A template as Markdown in Appendix A's structure, the convention the Markdown import reads
// (README "Templates as text"), so that importing the result gives an equal template: same id and
// version, ids, severities, weights, nesting, summary groups and rules, sign-off roles, risk
// columns, status values and project fields. What the visible text cannot carry (ids, weights,
// rules, the template's id and version) is written as trailing HTML comments, which a rendered
// file does not show:
//   ## 1. Code Quality 🔴 <!-- id: code-quality; weight: 2.5 -->
// An organisation keeps the file in git, edits it in any editor, and imports it again as a new
// version. Item texts are Markdown already and are written as they are.
QString templateToMarkdown(const Template &tmpl);

} // namespace preflight
