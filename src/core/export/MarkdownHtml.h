#pragma once

#include "export/FormattedText.h"

namespace preflight {

// Formatted text as XHTML for the HTML report: every character of the text escaped, the only
// elements those of the formatting (strong, em, code, del, p, ul, ol, li, blockquote, pre, hr,
// br) and <a rel="noopener noreferrer"> for web links (isWebLink()); any other link is its text
// and address, as text. A link's text is in <bdi> of its own.
QString spansHtml(const TextSpans &spans);
QString blocksHtml(const std::vector<MarkdownBlock> &blocks);

} // namespace preflight
