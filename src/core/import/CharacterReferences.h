#pragma once

#include <QString>

namespace preflight::import {

// Whether a reference to a space or tab (&#32; &Tab;) becomes the blank itself. The Markdown
// report writes blanks at the start or end of a typed line that way so they survive; texts that
// are trimmed anyway (item texts) resolve them, texts that are unescaped later keep them.
enum class BlankReferences { Keep, Resolve };

// Resolves the character references of inline Markdown (&nbsp; &amp; &copy; &#233; &#x1F534;)
// exactly as CommonMark does: the same table of names (cmark-gfm decodes each one), invalid
// code points as U+FFFD, nothing inside code spans or after a backslash. The result keeps the
// text's Markdown meaning: a resolved character that would otherwise start markup ("&lt;b&gt;",
// "&ast;") is backslash-escaped, and control characters stay numeric references (&#10;).
QString resolveCharacterReferences(const QString &markdown, BlankReferences blanks);

} // namespace preflight::import
