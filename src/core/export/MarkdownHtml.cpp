#include "export/MarkdownHtml.h"

#include "export/XmlText.h"

namespace preflight {

namespace {

QString styled(const TextSpan &span)
{
    QString html = xmlEscaped(span.text).replace(u'\n', QStringLiteral("<br/>"));
    const std::pair<int, const char *> tags[] = { { TextSpan::Code, "code" },
                                                  { TextSpan::Strikethrough, "del" },
                                                  { TextSpan::Emphasis, "em" },
                                                  { TextSpan::Strong, "strong" } };
    for (const auto &[style, tag] : tags) {
        if (span.style & style)
            html = QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), html);
    }
    return html;
}

void appendBlocks(QString &out, const std::vector<MarkdownBlock> &blocks);

void appendBlock(QString &out, const MarkdownBlock &block)
{
    using Kind = MarkdownBlock::Kind;
    switch (block.kind) {
    case Kind::Paragraph:
        out += QStringLiteral("<p>%1</p>").arg(spansHtml(block.spans));
        break;
    case Kind::Heading: // inside a note: a bold paragraph, not a heading of the report's outline
        out += QStringLiteral("<p><strong>%1</strong></p>").arg(spansHtml(block.spans));
        break;
    case Kind::CodeBlock:
        out += QStringLiteral("<pre><code>%1</code></pre>").arg(xmlEscaped(plainText(block.spans)));
        break;
    case Kind::Rule:
        out += QStringLiteral("<hr/>");
        break;
    case Kind::Quote:
        out += QStringLiteral("<blockquote>");
        appendBlocks(out, block.children);
        out += QStringLiteral("</blockquote>");
        break;
    case Kind::BulletList:
        out += QStringLiteral("<ul>");
        appendBlocks(out, block.children);
        out += QStringLiteral("</ul>");
        break;
    case Kind::OrderedList:
        out += block.start == 1 ? QStringLiteral("<ol>") : QStringLiteral("<ol start=\"%1\">").arg(block.start);
        appendBlocks(out, block.children);
        out += QStringLiteral("</ol>");
        break;
    case Kind::Item: {
        if (block.task == MarkdownBlock::Task::None) {
            out += QStringLiteral("<li>");
            appendBlocks(out, block.children);
            out += QStringLiteral("</li>");
            break;
        }
        // The box starts the item's first line, in place of the bullet.
        const QString box = block.task == MarkdownBlock::Task::Done ? QStringLiteral("☑ ") : QStringLiteral("☐ ");
        out += QStringLiteral("<li class=\"task\">");
        auto child = block.children.begin();
        if (child != block.children.end() && child->kind == Kind::Paragraph)
            out += QStringLiteral("<p>%1%2</p>").arg(box, spansHtml((child++)->spans));
        else
            out += box;
        for (; child != block.children.end(); ++child)
            appendBlock(out, *child);
        out += QStringLiteral("</li>");
        break;
    }
    }
}

// No white space between the elements: notes sit in elements that keep it (pre-wrap).
void appendBlocks(QString &out, const std::vector<MarkdownBlock> &blocks)
{
    for (const MarkdownBlock &block : blocks)
        appendBlock(out, block);
}

} // namespace

QString spansHtml(const TextSpans &spans)
{
    QString out;
    for (std::size_t i = 0; i < spans.size();) {
        const QString &link = spans[i].link;
        if (link.isEmpty()) {
            out += styled(spans[i++]);
            continue;
        }
        // A link's text may be several spans (`code` and words): they go in one element.
        QString text, html;
        for (; i < spans.size() && spans[i].link == link; ++i) {
            text += spans[i].text;
            html += styled(spans[i]);
        }
        // The text is isolated so that a right-to-left override in it cannot run on and turn
        // round the address or the words that follow the link.
        if (isWebLink(link))
            out += QStringLiteral("<a href=\"%1\" rel=\"noopener noreferrer\"><bdi>%2</bdi></a>")
                       .arg(xmlEscaped(link), html);
        else
            out += QStringLiteral("<bdi>%1</bdi>").arg(html) + xmlEscaped(shownDestination(text, link));
    }
    return out;
}

QString blocksHtml(const std::vector<MarkdownBlock> &blocks)
{
    QString out;
    appendBlocks(out, blocks);
    return out;
}

} // namespace preflight
