#pragma once

#include "PdfLayout.h"
#include "export/FormattedText.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>
#include <QTextLayout>

#include <memory>
#include <vector>

namespace preflight::pdf {

// Text and the formats of its ranges, as PageFlow::layout() takes them.
struct FormattedParagraph
{
    QString text;
    QList<QTextLayout::FormatRange> formats;

    void append(const QString &more, const QTextCharFormat &format = {});
    void append(const FormattedParagraph &more);
};

// `spans` as one paragraph: strong text bold, emphasis italic, code in `codeFont`'s families,
// strikethrough struck out; a link is its text (blue for web links) followed by its address in
// grey, not clickable (a printout cannot be clicked, and a javascript: link must never be).
FormattedParagraph formattedParagraph(const TextSpans &spans, const QFont &codeFont);

// "Evidence: " and `evidence`: blue and a link (a PDF link annotation) when it is a web address
// (LinkPolicy::evidenceLink()), plain text otherwise. Nothing else in the report is clickable.
FormattedParagraph evidenceParagraph(const QString &evidence);

// A paragraph with an optional marker (a bullet, a number, a status label) in a column to its
// left, laid out but not yet placed on a page.
struct MarkedParagraph
{
    std::shared_ptr<TextBlock> mark, body; // no mark: a plain paragraph
    QColor markColor, bodyColor;
    qreal indent = 0, markerWidth = 0;
    qreal spaceBefore = 0;
    bool rule = false; // a thematic break: a line across the column instead of text
};

// Markdown blocks (a note) laid out as paragraphs `width` wide from x offset `indent`: lists
// with their bullets, numbers and task boxes, nested lists and quotes indented, code blocks in
// the code font, headings bold.
struct BlockStyle
{
    TextStyle text;
    QFont code;
};
std::vector<MarkedParagraph> layOutBlocks(const PageFlow &flow, const std::vector<MarkdownBlock> &blocks,
                                          const BlockStyle &style, qreal indent, qreal width);

} // namespace preflight::pdf
