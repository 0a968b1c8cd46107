#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// JUnit XML so CI servers show the review natively: one <testsuite> per category, one
// <testcase> per checklist item (classname = section id, name = item text). Done items pass;
// N/A items are <skipped> with their reason; open items of critical categories are <failure>s;
// open items of other categories are <skipped> with "Open" in the message, so a CI page never
// shows unfinished work as passed. Verdict, score, sign-off and audit head are <properties>.
class JUnitWriter : public ReportWriter
{
public:
    QByteArray write(const ReportInput &input) const override;
};

} // namespace preflight
