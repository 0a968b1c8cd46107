#include "import/MarkdownBlocks.h"

#include "import/CharacterReferences.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cstring>
#include <memory>

namespace preflight::import {
namespace {

using Kind = MarkdownBlock::Kind;

using Document = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

Document parse(const QByteArray &utf8)
{
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                       cmark_parser_free);
    for (const char *name : { "table", "tasklist" })
        cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
    cmark_parser_feed(parser.get(), utf8.constData(), size_t(utf8.size()));
    return Document(cmark_parser_finish(parser.get()), cmark_node_free);
}

bool is(cmark_node *node, cmark_node_type type)
{
    return node && cmark_node_get_type(node) == type;
}

// cmark-gfm's tasklist extension gives task items a type of their own; it only knows [ ], [x]
// and [X], and not inside block quotes, so the other boxes are read from the text.
bool isTaskListItem(cmark_node *node)
{
    return std::strcmp(cmark_node_get_type_string(node), "tasklist") == 0;
}

// Continuation lines joined as one text: by a space, or after a backslash hard break by a line
// feed, so that unescapeMarkdown can restore the break.
QString joinContinued(const QStringList &lines)
{
    QString text;
    for (const QString &line : lines) {
        if (text.isEmpty())
            text = line.trimmed();
        else if (text.endsWith(u'\\'))
            text += u'\n' + line.trimmed();
        else
            text += u' ' + line.trimmed();
    }
    return text;
}

// A trailing "<!-- … -->" is invisible where GitHub renders the file: the template export puts
// the ids and rules there that the visible text cannot carry.
QString takeAttributes(QString &text)
{
    // Only the last comment can end the line; searching from it keeps a long line linear where a
    // pattern anchored at every "<!--" would be quadratic.
    qsizetype open = text.lastIndexOf(QLatin1String("<!--"));
    if (open < 0)
        return {};
    const QStringView rest = QStringView(text).mid(open + 4);
    const qsizetype close = rest.indexOf(QLatin1String("-->"));
    if (close < 0 || !rest.mid(close + 3).trimmed().isEmpty())
        return {};
    const QString inside = rest.left(close).trimmed().toString();
    while (open > 0 && text.at(open - 1).isSpace())
        --open;
    text.truncate(open);
    return inside.isEmpty() ? QStringLiteral(" ") : inside;
}

class Collector
{
public:
    explicit Collector(const QStringList &lines)
    {
        for (const QString &line : lines)
            m_lines.push_back(line.toUtf8());
    }

    // An iterative walk: nesting is unbounded in Markdown ("> > > …", "- - - …"), the stack is not.
    std::vector<MarkdownBlock> run()
    {
        const Document document = parse(m_lines.join('\n'));
        std::unique_ptr<cmark_iter, void (*)(cmark_iter *)> walk(cmark_iter_new(document.get()), cmark_iter_free);
        for (cmark_event_type event; (event = cmark_iter_next(walk.get())) != CMARK_EVENT_DONE;) {
            cmark_node *node = cmark_iter_get_node(walk.get());
            if (event == CMARK_EVENT_EXIT) {
                if (is(node, CMARK_NODE_BLOCK_QUOTE))
                    --m_quotes;
                else if (is(node, CMARK_NODE_ITEM))
                    closeItem();
                continue;
            }
            if (is(node, CMARK_NODE_BLOCK_QUOTE)) {
                ++m_quotes;
            } else if (is(node, CMARK_NODE_ITEM)) {
                readItem(node);
            } else if (!is(node, CMARK_NODE_DOCUMENT) && !is(node, CMARK_NODE_LIST)) {
                readLeaf(node);
                // Inline content is read from the source, not from the tree.
                if (cmark_node_first_child(node))
                    cmark_iter_reset(walk.get(), node, CMARK_EVENT_EXIT);
            }
        }
        return std::move(m_blocks);
    }

private:
    struct OpenItem
    {
        cmark_node *textParagraph = nullptr; // read as the item's text, not as a paragraph of its own
        bool task = false;
    };

    void readLeaf(cmark_node *node)
    {
        if (!m_items.empty() && m_items.back().textParagraph == node)
            return;
        MarkdownBlock block;
        block.line = cmark_node_get_start_line(node);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            block.kind = Kind::Heading;
            block.level = cmark_node_get_heading_level(node);
            block.text = headingText(node);
            block.attributes = takeAttributes(block.text);
            block.text = resolveCharacterReferences(block.text, BlankReferences::Keep);
            break;
        case CMARK_NODE_PARAGRAPH:
            block.lines = contentLines(node);
            for (QString &line : block.lines)
                line = resolveCharacterReferences(line, BlankReferences::Keep);
            block.text = joinContinued(block.lines);
            break;
        case CMARK_NODE_HTML_BLOCK:
            block.lines = QString::fromUtf8(cmark_node_get_literal(node)).split(u'\n', Qt::SkipEmptyParts);
            block.text = block.lines.join(u' ');
            break;
        case CMARK_NODE_CODE_BLOCK:
            block.kind = Kind::Code;
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            block.kind = Kind::Break;
            break;
        default:
            if (std::strcmp(cmark_node_get_type_string(node), "table") != 0)
                return;
            readTable(node, block);
            break;
        }
        m_blocks.push_back(std::move(block));
    }

    void readItem(cmark_node *item)
    {
        // [-]/[~]: not applicable, a common hand-written convention.
        static const QRegularExpression textBox(QStringLiteral("^\\[([ xX~-])\\](?:[ \\t]+(.*))?$"),
                                                QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression detailLabel(
            QStringLiteral("^(Note|Owner|Evidence|N/A|Reason):(?:[ \\t](.*))?$"),
            QRegularExpression::DotMatchesEverythingOption);
        MarkdownBlock block;
        block.line = cmark_node_get_start_line(item);
        block.indent = int(m_items.size());
        cmark_node *first = cmark_node_first_child(item);
        const bool hasText = is(first, CMARK_NODE_PARAGRAPH);
        const QString source = hasText ? joinContinued(contentLines(first)) : QString();
        const QString text = resolveCharacterReferences(source, BlankReferences::Resolve);
        if (isTaskListItem(item)) {
            block.kind = Kind::Task;
            block.mark = cmark_gfm_extensions_get_tasklist_item_checked(item) ? u'x' : u' ';
            block.text = text.trimmed();
            block.attributes = takeAttributes(block.text);
        } else if (const auto box = textBox.match(text); box.hasMatch()) {
            block.kind = Kind::Task;
            block.mark = box.captured(1).at(0);
            block.text = box.captured(2).trimmed();
            block.attributes = takeAttributes(block.text);
        } else if (const auto detail = detailLabel.match(source); detail.hasMatch() && m_openTasks > 0) {
            // Details keep their blanks: they are unescaped like any typed text.
            block.kind = Kind::Detail;
            block.label = detail.captured(1);
            block.text = resolveCharacterReferences(detail.captured(2), BlankReferences::Keep);
        } else {
            block.kind = Kind::ListItem;
            block.text = text;
        }
        m_items.push_back({ hasText ? first : nullptr, block.kind == Kind::Task });
        m_openTasks += block.kind == Kind::Task;
        m_blocks.push_back(std::move(block));
    }

    void closeItem()
    {
        m_openTasks -= m_items.back().task;
        m_items.pop_back();
    }

    // Source text as cmark-gfm addresses it: lines 1-based, columns 1-based in UTF-8 bytes,
    // inclusive; `to` 0 is the end of the line.
    QString slice(int line, int from, int to = 0) const
    {
        const QByteArray bytes = m_lines.value(line - 1);
        const qsizetype start = std::max(from, 1) - 1;
        const qsizetype end = to > 0 ? std::min<qsizetype>(to, bytes.size()) : bytes.size();
        return end > start ? QString::fromUtf8(bytes.mid(start, end - start)) : QString();
    }

    // The source lines of a paragraph: the first from where its text starts, the others without
    // the indentation and block-quote markers of the containers they continue.
    QStringList contentLines(cmark_node *leaf) const
    {
        const int first = cmark_node_get_start_line(leaf);
        const int last = cmark_node_get_end_line(leaf);
        QStringList lines;
        for (int line = first; line <= last; ++line) {
            const int to = line == last ? cmark_node_get_end_column(leaf) : 0;
            QString text = slice(line, line == first ? cmark_node_get_start_column(leaf) : 1, to);
            if (line != first)
                text = withoutQuoteMarkers(text, m_quotes);
            lines.append(text);
        }
        return lines;
    }

    static QString withoutQuoteMarkers(const QString &line, int quotes)
    {
        qsizetype at = 0;
        for (int quote = 0; quote < quotes; ++quote) {
            while (at < line.size() && (line[at] == u' ' || line[at] == u'\t'))
                ++at;
            if (at >= line.size() || line[at] != u'>')
                break;
            ++at;
        }
        return line.mid(at);
    }

    QString headingText(cmark_node *heading) const
    {
        static const QRegularExpression atxOpening(QStringLiteral("^[ \\t]*#{1,6}(?:[ \\t]+|$)"));
        static const QRegularExpression atxClosing(QStringLiteral("(?:^|[ \\t]+)#+[ \\t]*$"));
        static const QRegularExpression setextUnderline(QStringLiteral("^[ \\t]*(?:=+|-+)[ \\t]*$"));
        const int first = cmark_node_get_start_line(heading);
        QString text = slice(first, cmark_node_get_start_column(heading));
        if (text.contains(atxOpening))
            return text.remove(atxOpening).remove(atxClosing).trimmed();
        // Setext: the lines above the underline. cmark-gfm's end line is not always the
        // underline's (a blank line after it may count), so the underline is looked for.
        QStringList lines { text.trimmed() };
        for (int line = first + 1; line <= cmark_node_get_end_line(heading); ++line) {
            const QString next = withoutQuoteMarkers(slice(line, 1), m_quotes);
            if (next.contains(setextUnderline))
                break;
            lines.append(next.trimmed());
        }
        return lines.join(u' ');
    }

    // Header cells and body rows, each cell's source trimmed (escaped pipes stay escaped).
    void readTable(cmark_node *table, MarkdownBlock &block) const
    {
        block.kind = Kind::Table;
        for (cmark_node *row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
            QStringList cells;
            for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
                const int line = cmark_node_get_start_line(cell);
                const int from = cmark_node_get_start_column(cell);
                const QString source = from > 0 ? slice(line, from, cmark_node_get_end_column(cell)) : QString();
                cells.append(resolveCharacterReferences(source.trimmed(), BlankReferences::Keep));
            }
            if (row == cmark_node_first_child(table)) {
                block.cells = cells;
            } else {
                block.rows.push_back(cells);
                block.rowLines.push_back(cmark_node_get_start_line(row));
            }
        }
    }

    QByteArrayList m_lines;
    std::vector<MarkdownBlock> m_blocks;
    std::vector<OpenItem> m_items; // the list items around the current node, outermost first
    int m_openTasks = 0; // task items among m_items
    int m_quotes = 0; // block quotes around the current node
};

} // namespace

std::vector<MarkdownBlock> scanMarkdown(const QStringList &lines)
{
    return Collector(lines).run();
}

} // namespace preflight::import
