#pragma once

#include <QString>

namespace preflight {

// XML 1.0 (and so XHTML and JUnit XML) cannot carry C0 control characters other than tab, LF
// and CR, nor U+FFFE/U+FFFF or unpaired surrogates, not even as character references. Such
// characters are replaced by U+FFFD so one stray byte cannot make the whole report unreadable;
// everything else is kept exactly as typed.
QString xmlSafe(const QString &text);

// xmlSafe() plus escaping of & < > " for element content and double-quoted attributes.
QString xmlEscaped(const QString &text);

} // namespace preflight
