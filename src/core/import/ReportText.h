#pragma once

#include <QString>

namespace preflight::import {

// Restores text that the Markdown report escaped: backslash escapes of ASCII punctuation, numeric
// character references (&#13;), hard breaks ("\" + line feed + indent) and <br> become the
// characters they stand for.
QString unescapeReportText(const QString &markdown);

} // namespace preflight::import
