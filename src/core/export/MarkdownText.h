#pragma once

#include <QString>

namespace preflight {

// Escaping of user-typed text for GitHub-flavoured Markdown, so that whatever a person typed
// (pipes, '#', backticks, HTML tags, brackets, emphasis markers, line breaks) renders exactly
// as typed and cannot change the structure of the document. The convention, which the
// Markdown importer relies on to restore the text:
//  - ASCII punctuation with a meaning in GFM is backslash-escaped: \ ` * _ [ ] < > # | ~ & @,
//    the ':' of "://" and the '.' of "www." (so GFM does not autolink them), and at the start
//    of a line - + = and the '.' or ')' after leading digits;
//  - control characters (other than tab and line feed) and whitespace at the start or end of
//    a line are written as numeric character references (&#13;), which GFM decodes back;
//  - in running text a line break is a backslash hard break followed by a newline and the
//    continuation indent; line breaks at the very end become &#10; (GFM drops trailing breaks);
//  - in a table cell a line break is <br> (the only line break a GFM table cell can hold).
enum class MarkdownContext { Text, TableCell };

QString escapeMarkdown(const QString &text, MarkdownContext context = MarkdownContext::Text,
                       const QString &continuationIndent = {});

// The inverse for text written by escapeMarkdown (for either context): removes backslash
// escapes, decodes numeric character references, and turns hard breaks (with the indent that
// follows them) and <br> back into line feeds.
QString unescapeMarkdown(const QString &markdown);

} // namespace preflight
