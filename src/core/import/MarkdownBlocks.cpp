#include "import/MarkdownBlocks.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace preflight::import {
namespace {

using Kind = MarkdownBlock::Kind;

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

// Leading whitespace in columns; a tab advances to the next multiple of four (GFM's tab stop).
int indentOf(const QString &line)
{
    int column = 0;
    for (const QChar ch : line) {
        if (ch == u' ')
            ++column;
        else if (ch == u'\t')
            column += 4 - column % 4;
        else
            break;
    }
    return column;
}

const QRegularExpression &atxHeading()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$"));
    return re;
}

const QRegularExpression &fenceOpening()
{
    static const QRegularExpression re(QStringLiteral("^[ \\t]*(`{3,}|~{3,})"));
    return re;
}

const QRegularExpression &thematicBreak()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$"));
    return re;
}

const QRegularExpression &setextUnderline()
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}(=+|-+)[ \\t]*$"));
    return re;
}

const QRegularExpression &listItem()
{
    static const QRegularExpression re(QStringLiteral("^([ \\t]*)(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]+(.*))?$"));
    return re;
}

const QRegularExpression &taskBox()
{
    // [ ] open, [x]/[X] done, [-]/[~] not applicable (a common hand-written convention).
    static const QRegularExpression re(QStringLiteral("^\\[([ xX~-])\\](?:[ \\t]+(.*))?$"));
    return re;
}

const QRegularExpression &detailLabel()
{
    static const QRegularExpression re(QStringLiteral("^(Note|Owner|Evidence|N/A|Reason):(?:[ \\t](.*))?$"));
    return re;
}

const QRegularExpression &tableDelimiter()
{
    static const QRegularExpression re(
        QStringLiteral("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$"));
    return re;
}

MarkdownBlock makeBlock(Kind kind, const QString &text = {}, int indent = 0)
{
    MarkdownBlock block;
    block.kind = kind;
    block.text = text;
    block.indent = indent;
    return block;
}

// Strips the optional closing sequence of an ATX heading ("## Title ##").
QString atxText(const QString &raw)
{
    static const QRegularExpression closing(QStringLiteral("(?:^|[ \\t]+)#+[ \\t]*$"));
    QString text = raw;
    text.remove(closing);
    return text.trimmed();
}

class Scanner
{
public:
    explicit Scanner(const QStringList &lines)
        : m_lines(lines)
    { }

    std::vector<MarkdownBlock> run()
    {
        while (m_next < m_lines.size())
            scanLine(m_lines[m_next++]);
        return std::move(m_blocks);
    }

private:
    // What a following non-blank line may continue.
    enum class Open { Nothing, Paragraph, Item };

    int lineNumber() const { return static_cast<int>(m_next); } // of the line just taken

    void push(MarkdownBlock block, int line = 0)
    {
        block.line = line == 0 ? lineNumber() : line;
        m_blocks.push_back(std::move(block));
    }

    void scanLine(const QString &line)
    {
        if (isBlank(line)) {
            m_open = Open::Nothing;
            return;
        }
        if (const auto fence = fenceOpening().match(line); fence.hasMatch()) {
            skipFence(fence.captured(1));
            return;
        }
        if (const auto heading = atxHeading().match(line); heading.hasMatch()) {
            MarkdownBlock block = makeBlock(Kind::Heading, atxText(heading.captured(2)));
            block.level = int(heading.capturedLength(1));
            push(std::move(block));
            m_open = Open::Nothing;
            m_inList = false;
            return;
        }
        if (m_open == Open::Paragraph && setextUnderline().match(line).hasMatch()) {
            MarkdownBlock &paragraph = m_blocks.back();
            paragraph.kind = Kind::Heading;
            paragraph.level = line.trimmed().startsWith(u'=') ? 1 : 2;
            m_open = Open::Nothing;
            m_inList = false;
            return;
        }
        if (thematicBreak().match(line).hasMatch()) {
            push(makeBlock(Kind::Break));
            m_open = Open::Nothing;
            m_inList = false;
            return;
        }
        // Indented code cannot interrupt a paragraph, and inside a list indentation means nesting.
        if (indentOf(line) >= 4 && !m_inList && m_open != Open::Paragraph) {
            scanIndentedCode();
            return;
        }
        if (const auto item = listItem().match(line); item.hasMatch()) {
            scanListItem(indentOf(line), item.captured(2).trimmed());
            return;
        }
        if (line.contains(u'|') && m_next < m_lines.size() && m_lines[m_next].contains(u'|')
            && tableDelimiter().match(m_lines[m_next]).hasMatch()) {
            scanTable(line);
            return;
        }
        if (m_open == Open::Item) {
            continueText(line);
            return;
        }
        if (m_open == Open::Paragraph) {
            m_blocks.back().lines.append(line);
            continueText(line);
            return;
        }
        if (indentOf(line) == 0)
            m_inList = false; // unindented prose after a blank line ends the list
        MarkdownBlock paragraph = makeBlock(Kind::Paragraph, line.trimmed(), indentOf(line));
        paragraph.lines = QStringList { line };
        push(std::move(paragraph));
        m_open = Open::Paragraph;
    }

    void scanListItem(int indent, const QString &content)
    {
        m_open = Open::Item;
        if (!m_inList)
            m_leastTaskIndent.reset();
        m_inList = true;
        if (const auto box = taskBox().match(content); box.hasMatch()) {
            m_leastTaskIndent = std::min(indent, m_leastTaskIndent.value_or(indent));
            MarkdownBlock task = makeBlock(Kind::Task, box.captured(2).trimmed(), indent);
            task.mark = box.captured(1).at(0);
            push(std::move(task));
            return;
        }
        const auto detail = detailLabel().match(content);
        if (detail.hasMatch() && underTask(indent)) {
            MarkdownBlock block = makeBlock(Kind::Detail, detail.captured(2), indent);
            block.label = detail.captured(1);
            push(std::move(block));
            return;
        }
        push(makeBlock(Kind::ListItem, content, indent));
    }

    // A detail line belongs to a task item of the same list that is less indented than it.
    bool underTask(int indent) const { return m_leastTaskIndent && *m_leastTaskIndent < indent; }

    // A line that continues the previous list item or paragraph. After a hard break (a trailing backslash)
    // the line feed and the line's own indent are kept so the text can be unescaped exactly.
    void continueText(const QString &line)
    {
        QString &text = m_blocks.back().text;
        if (text.endsWith(u'\\'))
            text += u'\n' + line;
        else
            text += u' ' + line.trimmed();
    }

    void skipFence(const QString &opening)
    {
        m_inList = m_inList && indentOf(m_lines[m_next - 1]) > 0;
        const int first = lineNumber();
        const QString closing = QString(opening.size(), opening.at(0));
        while (m_next < m_lines.size()) {
            const QString line = m_lines[m_next++].trimmed();
            if (line.startsWith(closing) && line.count(opening.at(0)) == line.size())
                break;
        }
        push(makeBlock(Kind::Code), first);
        m_open = Open::Nothing;
    }

    void scanIndentedCode()
    {
        const int first = lineNumber();
        while (m_next < m_lines.size() && (indentOf(m_lines[m_next]) >= 4 || isBlank(m_lines[m_next])))
            ++m_next;
        push(makeBlock(Kind::Code), first);
        m_open = Open::Nothing;
    }

    void scanTable(const QString &header)
    {
        const int first = lineNumber();
        MarkdownBlock table = makeBlock(Kind::Table);
        table.cells = splitTableRow(header);
        ++m_next; // the delimiter row
        while (m_next < m_lines.size() && !isBlank(m_lines[m_next]) && m_lines[m_next].contains(u'|'))
            table.rows.push_back(splitTableRow(m_lines[m_next++]));
        push(std::move(table), first);
        m_open = Open::Nothing;
        m_inList = false;
    }

    const QStringList &m_lines;
    qsizetype m_next = 0;
    std::vector<MarkdownBlock> m_blocks;
    Open m_open = Open::Nothing;
    bool m_inList = false; // indented lines after a list item belong to it, not to a code block
    std::optional<int> m_leastTaskIndent; // of the task items in the current list
};

} // namespace

QStringList splitTableRow(const QString &line)
{
    QString row = line.trimmed();
    if (row.startsWith(u'|'))
        row.remove(0, 1);
    if (row.endsWith(u'|') && !row.endsWith(QLatin1String("\\|")))
        row.chop(1);
    QStringList cells;
    QString cell;
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (row[i] == u'\\' && i + 1 < row.size()) {
            cell += row[i];
            cell += row[++i];
        } else if (row[i] == u'|') {
            cells.append(cell.trimmed());
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    cells.append(cell.trimmed());
    return cells;
}

std::vector<MarkdownBlock> scanMarkdown(const QStringList &lines)
{
    return Scanner(lines).run();
}

} // namespace preflight::import
