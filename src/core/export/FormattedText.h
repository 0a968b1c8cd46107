#pragma once

#include <QString>

#include <vector>

namespace preflight {

// Markdown as the reports show it: item texts are inline Markdown (`code`, *emphasis*,
// **strong**, ~~strikethrough~~, links), notes are Markdown documents (paragraphs, lists, task
// lists, quotes, code blocks), as the app's details pane previews them. Parsed with cmark-gfm into
// this small tree, which the HTML and PDF writers render. Raw HTML stays text, as typed; images
// are their alt text and address, never loaded.

// A stretch of text in one style. "\n" in `text` is a line break.
struct TextSpan
{
    enum Style { Plain = 0, Strong = 1, Emphasis = 2, Code = 4, Strikethrough = 8 };
    QString text;
    int style = Plain;
    QString link; // the destination of the link (or image) this text belongs to; empty if none
};
using TextSpans = std::vector<TextSpan>;

struct MarkdownBlock
{
    enum class Kind { Paragraph, Heading, CodeBlock, Quote, BulletList, OrderedList, Item, Rule };
    Kind kind = Kind::Paragraph;
    TextSpans spans; // Paragraph, Heading; a CodeBlock's code is one Plain span
    int level = 0; // Heading: 1 to 6
    int start = 1; // OrderedList: the first item's number
    enum class Task { None, Open, Done } task = Task::None; // Item
    std::vector<MarkdownBlock> children; // Quote, lists (their items), Item
};

// `markdown` as one paragraph of inline Markdown. Text that Markdown would read as anything else
// (a heading, a list, several paragraphs) is one Plain span as typed: item texts are one line.
TextSpans inlineMarkdown(const QString &markdown);
std::vector<MarkdownBlock> markdownBlocks(const QString &markdown);

QString plainText(const TextSpans &spans);
// Only links LinkPolicy opens directly are made clickable (http, https and mailto); any other
// (javascript:, file:) is shown as text.
bool isWebLink(const QString &destination);
// What follows a link's text so a reader sees where it leads: " (destination)", or nothing when
// the text already says it (an autolink).
QString shownDestination(const QString &linkText, const QString &destination);

} // namespace preflight
