#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// GitHub-flavoured Markdown in the structure of Appendix A: the verdict and score tables
// first, then the checklist as category headings (with their severity marker) and section
// headings holding task items, then sign-offs, risks and notes. Conventions the Markdown
// importer reads back:
//  - done:  "- [x] text"; open: "- [ ] text";
//  - N/A:   "- [x] ~~text~~ — N/A: reason" (struck through, resolved, with its reason);
//  - an item's owner, evidence and note follow as plain sub-bullets "- Owner: …",
//    "- Evidence: …", "- Note: …"; nested items follow as nested task items; evidence that
//    is a link (LinkPolicy::evidenceLink()) is written as an autolink "<https://…>";
//  - computed summary checks end with " — computed: reason";
//  - the report's own parts (review table, "Verdict", "Category scores", "Action list") hold
//    no task items, so they cannot be mistaken for checklist content;
//  - everything a user typed is escaped as described in MarkdownText.h.
class MarkdownWriter : public ReportWriter
{
public:
    QByteArray write(const ReportInput &input) const override;
};

QString severityMarker(Severity severity); // 🔴 🟠 🟡 🟢, as Appendix A marks categories

} // namespace preflight
