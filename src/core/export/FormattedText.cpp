#include "export/FormattedText.h"

#include "model/LinkPolicy.h"

#include <array>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <cstring>
#include <memory>
#include <string_view>

namespace preflight {

namespace {

using Document = std::unique_ptr<cmark_node, void (*)(cmark_node *)>;

// GitHub's extensions that the reports render: strikethrough, task lists, bare web addresses.
// Tables are not among them: a table stays its text.
Document parse(const QString &markdown)
{
    static const bool registered = [] {
        cmark_gfm_core_extensions_ensure_registered();
        return true;
    }();
    Q_UNUSED(registered);
    const std::unique_ptr<cmark_parser, void (*)(cmark_parser *)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                         cmark_parser_free);
    for (const char *name : { "strikethrough", "tasklist", "autolink" }) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    const QByteArray utf8 = markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), std::size_t(utf8.size()));
    return Document(cmark_parser_finish(parser.get()), cmark_node_free);
}

QString literal(cmark_node *node)
{
    return QString::fromUtf8(cmark_node_get_literal(node));
}

bool isExtension(cmark_node *node, const char *name)
{
    return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

void addText(TextSpans &spans, const QString &text, int style, const QString &link)
{
    if (text.isEmpty())
        return;
    if (!spans.empty() && spans.back().style == style && spans.back().link == link)
        spans.back().text += text; // one span per stretch of one style, however cmark split it
    else
        spans.push_back({ text, style, link });
}

void collectInlines(cmark_node *parent, int style, const QString &link, TextSpans &spans)
{
    for (cmark_node *node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE: // raw HTML is shown, never interpreted
            addText(spans, literal(node), style, link);
            break;
        case CMARK_NODE_CODE:
            addText(spans, literal(node), style | TextSpan::Code, link);
            break;
        case CMARK_NODE_SOFTBREAK:
            addText(spans, QStringLiteral(" "), style, link);
            break;
        case CMARK_NODE_LINEBREAK:
            addText(spans, QStringLiteral("\n"), style, link);
            break;
        case CMARK_NODE_EMPH:
            collectInlines(node, style | TextSpan::Emphasis, link, spans);
            break;
        case CMARK_NODE_STRONG:
            collectInlines(node, style | TextSpan::Strong, link, spans);
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            const QString destination = QString::fromUtf8(cmark_node_get_url(node));
            const std::size_t first = spans.size();
            collectInlines(node, style, destination, spans);
            if (spans.size() == first) // no text: the address is what there is to show
                addText(spans, destination, style, destination);
            break;
        }
        default:
            if (isExtension(node, "strikethrough"))
                collectInlines(node, style | TextSpan::Strikethrough, link, spans);
            else
                collectInlines(node, style, link, spans);
        }
    }
}

TextSpans inlinesOf(cmark_node *block)
{
    TextSpans spans;
    collectInlines(block, TextSpan::Plain, QString(), spans);
    return spans;
}

// A block's literal text without the line feed that ends it.
QString blockText(cmark_node *node)
{
    QString text = literal(node);
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

std::vector<MarkdownBlock> blocksOf(cmark_node *parent)
{
    std::vector<MarkdownBlock> blocks;
    for (cmark_node *node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
        MarkdownBlock block;
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
            block.spans = inlinesOf(node);
            break;
        case CMARK_NODE_HEADING:
            block.kind = MarkdownBlock::Kind::Heading;
            block.level = cmark_node_get_heading_level(node);
            block.spans = inlinesOf(node);
            break;
        case CMARK_NODE_CODE_BLOCK:
            block.kind = MarkdownBlock::Kind::CodeBlock;
            block.spans.push_back({ blockText(node), TextSpan::Plain, {} });
            break;
        case CMARK_NODE_HTML_BLOCK: // shown as typed, as a paragraph
            block.spans.push_back({ blockText(node), TextSpan::Plain, {} });
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            block.kind = MarkdownBlock::Kind::Rule;
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            block.kind = MarkdownBlock::Kind::Quote;
            block.children = blocksOf(node);
            break;
        case CMARK_NODE_LIST:
            block.kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? MarkdownBlock::Kind::OrderedList
                                                                              : MarkdownBlock::Kind::BulletList;
            block.start = cmark_node_get_list_start(node);
            block.children = blocksOf(node);
            break;
        case CMARK_NODE_ITEM:
            block.kind = MarkdownBlock::Kind::Item;
            if (isExtension(node, "tasklist"))
                block.task = cmark_gfm_extensions_get_tasklist_item_checked(node) ? MarkdownBlock::Task::Done
                                                                                  : MarkdownBlock::Task::Open;
            block.children = blocksOf(node);
            break;
        default:
            continue; // nothing else is parsed with the extensions attached
        }
        blocks.push_back(std::move(block));
    }
    return blocks;
}

// Text in which Markdown finds nothing but one paragraph of itself: no character that starts or
// ends inline syntax, entities, escapes or autolinks, no line break, and nothing at the start
// that could open a block or the end that the paragraph would drop. Most item texts and notes
// are such text, and a report has thousands: they need no parser.
bool isPlainParagraph(const QString &text)
{
    // A table by character, since this runs over every character of every item text and note.
    static constexpr auto Special = [] {
        std::array<bool, 128> special {};
        for (const char c : std::string_view("\\`*_~[]<>&@\n\r"))
            special[std::size_t(c)] = true;
        return special;
    }();
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace() || text.front().isDigit()
        || QStringView(u"#>-+=*|").contains(text.front()))
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < Special.size() && Special[c])
            return false;
        // The starts of web addresses that GitHub's autolinks find: "www." and "://".
        if (c == u'.' && i >= 3 && QStringView(text).sliced(i - 3, 3).compare(u"www", Qt::CaseInsensitive) == 0)
            return false;
        if (c == u':' && QStringView(text).sliced(i + 1).startsWith(u"//"))
            return false;
    }
    return true;
}

} // namespace

TextSpans inlineMarkdown(const QString &markdown)
{
    if (isPlainParagraph(markdown))
        return { { markdown, TextSpan::Plain, {} } };
    const Document document = parse(markdown);
    cmark_node *only = cmark_node_first_child(document.get());
    if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_PARAGRAPH)
        return inlinesOf(only);
    if (markdown.isEmpty())
        return {};
    return { { markdown, TextSpan::Plain, {} } };
}

std::vector<MarkdownBlock> markdownBlocks(const QString &markdown)
{
    if (isPlainParagraph(markdown)) {
        MarkdownBlock paragraph;
        paragraph.spans.push_back({ markdown, TextSpan::Plain, {} });
        return { paragraph };
    }
    return blocksOf(parse(markdown).get());
}

QString plainText(const TextSpans &spans)
{
    QString text;
    for (const TextSpan &span : spans)
        text += span.text;
    return text;
}

bool isWebLink(const QString &destination)
{
    return LinkPolicy::opensDirectly(destination);
}

QString shownDestination(const QString &linkText, const QString &destination)
{
    // GFM autolinks: "www.example.org" leads to http://www.example.org, "a@b.org" to mailto:a@b.org.
    for (const QLatin1String prefix : { QLatin1String(""), QLatin1String("http://"), QLatin1String("mailto:") }) {
        if (destination == prefix + linkText)
            return {};
    }
    return QStringLiteral(" (%1)").arg(destination);
}

} // namespace preflight
