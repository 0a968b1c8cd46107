#include "PdfMarkdown.h"

#include "model/LinkPolicy.h"

#include <QTextCharFormat>

#include <algorithm>

namespace preflight::pdf {

namespace {

const QColor LinkColor(0x15, 0x65, 0xc0);
const QColor QuoteColor(0x61, 0x61, 0x61);
const QColor AddressColor(0x75, 0x75, 0x75);

constexpr qreal ListIndent = 12; // points per list or quote level
constexpr qreal BlockGap = 3; // points between paragraphs of a note

QTextCharFormat formatOf(int style, const QFont &codeFont)
{
    QTextCharFormat format;
    if (style & TextSpan::Strong)
        format.setFontWeight(QFont::Bold);
    if (style & TextSpan::Emphasis)
        format.setFontItalic(true);
    if (style & TextSpan::Strikethrough)
        format.setFontStrikeOut(true);
    if (style & TextSpan::Code)
        format.setFontFamilies(codeFont.families());
    return format;
}

class BlockLayout
{
public:
    BlockLayout(const PageFlow &flow, const BlockStyle &style)
        : f(flow)
        , m_style(style)
    { }

    std::vector<MarkedParagraph> out;

    void blocks(const std::vector<MarkdownBlock> &blocks, qreal indent, qreal width, const QColor &color)
    {
        for (const MarkdownBlock &block : blocks)
            this->block(block, indent, width, color);
    }

private:
    void block(const MarkdownBlock &block, qreal indent, qreal width, const QColor &color)
    {
        using Kind = MarkdownBlock::Kind;
        switch (block.kind) {
        case Kind::Paragraph:
        case Kind::Heading: {
            FormattedParagraph text = formattedParagraph(block.spans, m_style.code);
            if (block.kind == Kind::Heading) {
                QTextCharFormat bold;
                bold.setFontWeight(QFont::Bold);
                text.formats.prepend({ 0, int(text.text.size()), bold }); // later ranges keep their styles
            }
            paragraph(f.layout(text.text, m_style.text.font, width, text.formats), indent, color);
            break;
        }
        case Kind::CodeBlock:
            paragraph(f.layout(plainText(block.spans), m_style.code, width), indent, color);
            break;
        case Kind::Rule: {
            MarkedParagraph rule;
            rule.rule = true;
            rule.indent = indent;
            rule.markerWidth = width; // the line's length
            rule.spaceBefore = f.pt(BlockGap);
            out.push_back(rule);
            break;
        }
        case Kind::Quote:
            blocks(block.children, indent + f.pt(ListIndent), width - f.pt(ListIndent), QuoteColor);
            break;
        case Kind::BulletList:
        case Kind::OrderedList: {
            int number = block.start;
            for (const MarkdownBlock &item : block.children) {
                QString marker
                    = block.kind == Kind::OrderedList ? QStringLiteral("%1.").arg(number++) : QStringLiteral("•");
                if (item.task != MarkdownBlock::Task::None)
                    marker = item.task == MarkdownBlock::Task::Done ? QStringLiteral("☑") : QStringLiteral("☐");
                listItem(item, marker, indent, width, color);
            }
            break;
        }
        case Kind::Item: // only inside a list, above
            break;
        }
    }

    void listItem(const MarkdownBlock &item, const QString &marker, qreal indent, qreal width, const QColor &color)
    {
        const qreal markerWidth = f.pt(ListIndent);
        const std::size_t first = out.size();
        blocks(item.children, indent + markerWidth, width - markerWidth, color);
        const auto mark = f.layout(marker, m_style.text.font, markerWidth);
        if (first < out.size() && !out[first].rule && !out[first].mark) {
            // The marker goes beside the item's first paragraph, in the column left of it.
            out[first].mark = mark;
            out[first].markColor = color;
            out[first].indent = indent;
            out[first].markerWidth = markerWidth;
        } else {
            paragraph(mark, indent, color); // an empty item, or one that starts with a list
        }
    }

    void paragraph(std::shared_ptr<TextBlock> body, qreal indent, const QColor &color)
    {
        MarkedParagraph paragraph;
        paragraph.body = std::move(body);
        paragraph.bodyColor = color;
        paragraph.indent = indent;
        paragraph.spaceBefore = out.empty() ? 0 : f.pt(BlockGap);
        out.push_back(std::move(paragraph));
    }

    const PageFlow &f;
    const BlockStyle &m_style;
};

} // namespace

void FormattedParagraph::append(const QString &more, const QTextCharFormat &format)
{
    if (format.propertyCount() > 0)
        formats.append({ int(text.size()), int(more.size()), format });
    text += more;
}

void FormattedParagraph::append(const FormattedParagraph &more)
{
    for (QTextLayout::FormatRange range : more.formats) {
        range.start += int(text.size());
        formats.append(range);
    }
    text += more.text;
}

FormattedParagraph formattedParagraph(const TextSpans &spans, const QFont &codeFont)
{
    FormattedParagraph out;
    for (std::size_t i = 0; i < spans.size();) {
        const QString &link = spans[i].link;
        if (link.isEmpty()) {
            out.append(spans[i].text, formatOf(spans[i].style, codeFont));
            ++i;
            continue;
        }
        const std::size_t first = i;
        QString linkText;
        for (; i < spans.size() && spans[i].link == link; ++i)
            linkText += spans[i].text;
        // A direction override in the text would otherwise run on over the address that follows
        // and show it backwards: such text is isolated (FSI … PDI), which ends the override with it.
        const bool isolate = std::any_of(linkText.begin(), linkText.end(), [](QChar c) {
            return (c.unicode() >= 0x202A && c.unicode() <= 0x202E) || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069);
        });
        if (isolate)
            out.append(QString(QChar(0x2068)));
        for (std::size_t j = first; j < i; ++j) {
            QTextCharFormat format = formatOf(spans[j].style, codeFont);
            if (isWebLink(link)) // the colour of a link says where it leads only when it is a web address
                format.setForeground(LinkColor);
            out.append(spans[j].text, format);
        }
        if (isolate)
            out.append(QString(QChar(0x2069)));
        QTextCharFormat address;
        address.setForeground(AddressColor);
        out.append(shownDestination(linkText, link), address);
    }
    return out;
}

FormattedParagraph evidenceParagraph(const QString &evidence)
{
    FormattedParagraph out;
    out.append(QStringLiteral("Evidence: "));
    const std::optional<QUrl> link = LinkPolicy::evidenceLink(evidence);
    if (!link) {
        out.append(evidence);
        return out;
    }
    QTextCharFormat format;
    format.setForeground(LinkColor);
    format.setAnchor(true);
    format.setAnchorHref(LinkPolicy::href(*link));
    out.append(evidence, format);
    return out;
}

std::vector<MarkedParagraph> layOutBlocks(const PageFlow &flow, const std::vector<MarkdownBlock> &blocks,
                                          const BlockStyle &style, qreal indent, qreal width)
{
    BlockLayout layout(flow, style);
    layout.blocks(blocks, indent, width, style.text.color);
    return std::move(layout.out);
}

} // namespace preflight::pdf
