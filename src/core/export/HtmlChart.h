#pragma once

#include "scoring/Assessment.h"

#include <QString>

#include <vector>

namespace preflight {

// Colours of the severities, shared by the HTML chart and the PDF report ("#rrggbb").
QString severityColor(Severity severity);

// Inline SVG (as XHTML-embeddable text) of horizontal bars, one per category: the bar is the
// category score in the severity's colour, "n/a" categories show an empty track.
QString categoryChartSvg(const std::vector<CategoryScore> &categories);

} // namespace preflight
