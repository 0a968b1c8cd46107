#pragma once

#include "export/ReportWriter.h"

namespace preflight {

// One self-contained, printable HTML file: inline CSS (with print rules), inline SVG chart, no
// scripts, no external resources. The markup is well-formed XML (XHTML-compatible) so tests and
// tools can parse it; every user string is escaped and wrapped in <bdi> so right-to-left text
// cannot reorder its surroundings.
class HtmlWriter : public ReportWriter
{
public:
    QByteArray write(const ReportInput &input) const override;
};

} // namespace preflight
