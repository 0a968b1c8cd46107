#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

#include <vector>

namespace preflight::pdf {

// The fonts the PDF report is drawn with, in the order a character is looked up. They are a
// deliberate choice, not whatever the machine happens to have: all embed as searchable subsets
// (TrueType or, for Noto Sans CJK, CFF outlines) and all are dependencies of the Debian package.
struct ReportFont
{
    QString family;
    QString debianPackage;
    QString usedFor;
    bool monospace = false; // for code only, ahead of the others
};
const std::vector<ReportFont> &reportFonts();

// The report's base font: the families of reportFonts() in order, unhinted (metrics match the
// PDF exactly) and without ligatures ("ff" drawn as one glyph extracts as U+FB00, which breaks
// searching and copying; scripts that need shaping are still shaped).
QFont reportFont(qreal points, bool bold = false);
// The same for code spans and blocks: DejaVu Sans Mono first, then the others for what it lacks.
QFont reportCodeFont(qreal points);

// The families of reportFonts() this machine lacks, each as "Family (Debian package)".
QStringList missingReportFonts();

} // namespace preflight::pdf
