#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// JUnit XML so CI servers show the review natively: one <testsuite> per category, one
// <testcase> per checklist item (classname = section id, name = item text). Done items pass;
// N/A items are <skipped> with their reason; open items of critical categories are <failure>s;
// open items of other categories are <skipped> with "Open" in the message, so a CI page never
// shows unfinished work as passed. An answer a template migration flagged "wording changed —
// re-check" keeps its outcome and says so in the first line of its <system-out> (or failure text):
// "Wording changed in 1.1.0 — re-check; answered as: …". Items the profile leaves out are skipped
// as "N/A: not in this project's profile". Verdict, score, sign-off and audit head are <properties>.
class JUnitWriter : public ReportWriter
{
public:
    QByteArray write(const ReportInput &input) const override;
};

} // namespace preflight
