#include "PdfLayout.h"

#include "PdfCanvas.h"

#include <QPaintDevice>
#include <QTextCharFormat>
#include <QTextLayout>

namespace preflight::pdf {

namespace {

constexpr qreal CellPadding = 3; // points

} // namespace

PageFlow::PageFlow(const QPaintDevice *device, const QRectF &content)
    : m_device(device)
    , m_content(content)
    , m_unit(device->logicalDpiY() / 72.0)
{
    newPage();
}

void PageFlow::newPage()
{
    m_pages.emplace_back();
    m_y = m_content.top();
    m_atTop = true;
}

void PageFlow::ensure(qreal height)
{
    if (!m_atTop && height > remaining())
        newPage();
}

void PageFlow::space(qreal height)
{
    if (m_atTop)
        return;
    if (height >= remaining())
        newPage();
    else
        m_y += height;
}

void PageFlow::insert(std::size_t position, PaintOp op)
{
    auto &ops = m_pages.back();
    ops.insert(ops.begin() + qsizetype(std::min(position, ops.size())), std::move(op));
}

void PageFlow::add(PaintOp op)
{
    m_pages.back().push_back(std::move(op));
    m_atTop = false;
}

qreal TextBlock::height() const
{
    return m_lines.empty() ? 0 : m_lines.back().y() + m_lines.back().height();
}

void TextBlock::draw(PdfCanvas &canvas, int first, int last, const QPointF &origin, const QColor &color) const
{
    for (int i = first; i < last; ++i)
        canvas.drawTextLine(line(i), origin, color);
}

std::shared_ptr<TextBlock> PageFlow::layout(const QString &text, const QFont &font, qreal width,
                                            const std::vector<ColorRange> &colors) const
{
    QList<QTextLayout::FormatRange> formats;
    for (const ColorRange &range : colors) {
        QTextCharFormat format;
        format.setForeground(range.color);
        formats.append({ range.start, range.length, format });
    }
    return layout(text, font, width, formats);
}

std::shared_ptr<TextBlock> PageFlow::layout(const QString &text, const QFont &font, qreal width,
                                            const QList<QTextLayout::FormatRange> &formats) const
{
    auto block = std::make_shared<TextBlock>();
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(Qt::LeftToRight); // the report reads left to right; RTL runs still render RTL
    qreal y = 0;
    qsizetype start = 0;
    const bool singleLine = !text.contains(u'\n');
    for (const QStringView typedLine : QStringView(text).split(u'\n')) {
        // Most texts are one line: share the QString rather than copy it.
        QTextLayout part(singleLine ? text : typedLine.toString(), font, const_cast<QPaintDevice *>(m_device));
        part.setTextOption(option);
        part.setCacheEnabled(true); // keeps the shaped glyphs for laidOutLine()
        QList<QTextLayout::FormatRange> lineFormats;
        for (const QTextLayout::FormatRange &range : formats) {
            const qsizetype from = std::max<qsizetype>(range.start, start) - start;
            const qsizetype to = std::min<qsizetype>(range.start + range.length, start + typedLine.size()) - start;
            if (from < to)
                lineFormats.append({ int(from), int(to - from), range.format });
        }
        part.setFormats(lineFormats);
        part.beginLayout();
        for (QTextLine line = part.createLine(); line.isValid(); line = part.createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        part.endLayout();
        for (int i = 0; i < part.lineCount(); ++i)
            block->m_lines.push_back(laidOutLine(part, part.lineAt(i)));
        start += typedLine.size() + 1;
    }
    return block;
}

qreal PageFlow::drawLines(const std::shared_ptr<TextBlock> &layout, int first, int last, qreal x, const QColor &color,
                          qreal dy)
{
    if (first >= last)
        return 0;
    const qreal top = layout->line(first).y();
    const QPointF origin(x, m_y + dy - top);
    add([layout, first, last, origin, color](PdfCanvas &canvas) { layout->draw(canvas, first, last, origin, color); });
    const LaidOutLine &end = layout->line(last - 1);
    return end.y() + end.height() - top;
}

void PageFlow::paragraph(const QString &text, const TextStyle &style, qreal indent)
{
    paragraph(layout(text, style.font, width() - indent), style.color, indent);
}

void PageFlow::paragraph(const std::shared_ptr<TextBlock> &laidOut, const QColor &color, qreal indent)
{
    int first = 0;
    const int count = laidOut->lineCount();
    while (first < count) {
        // Take as many lines as fit; at least one, on a fresh page.
        int last = first;
        qreal used = 0;
        while (last < count && used + laidOut->line(last).height() <= remaining() + 0.01) {
            used += laidOut->line(last).height();
            ++last;
        }
        if (last == first) {
            if (!m_atTop) {
                newPage();
                continue;
            }
            last = first + 1;
        }
        m_y += drawLines(laidOut, first, last, left() + indent, color);
        first = last;
        if (first < count)
            newPage();
    }
}

TableFlow::TableFlow(PageFlow &flow, std::vector<Column> columns, const TextStyle &body, const TextStyle &header)
    : m_flow(flow)
    , m_columns(std::move(columns))
    , m_body(body)
    , m_header(header)
{ }

void TableFlow::headerRow()
{
    QStringList titles;
    for (const Column &column : m_columns)
        titles += column.title;
    m_inHeader = true;
    drawRow(titles, m_header, QColor(0xee, 0xee, 0xee), {});
    m_inHeader = false;
    m_headerPage = m_flow.page();
}

qreal TableFlow::textWidth(std::size_t column) const
{
    return m_flow.width() * m_columns[column].fraction - 2 * m_flow.pt(CellPadding);
}

void TableFlow::row(const QStringList &cells, const QColor &background, const std::vector<QColor> &colors)
{
    if (m_headerPage < 0)
        headerRow();
    drawRow(cells, m_body, background, colors);
}

void TableFlow::finish()
{
    m_flow.space(m_flow.pt(10));
}

void TableFlow::drawRow(const QStringList &cells, const TextStyle &style, const QColor &background,
                        const std::vector<QColor> &colors)
{
    const qreal pad = m_flow.pt(CellPadding);
    std::vector<std::shared_ptr<TextBlock>> layouts;
    std::vector<qreal> xs;
    std::vector<qreal> widths;
    qreal x = m_flow.left();
    qreal rowHeight = 0;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const qreal w = m_flow.width() * m_columns[c].fraction;
        layouts.push_back(m_flow.layout(cells.value(qsizetype(c)), style.font, textWidth(c)));
        xs.push_back(x);
        widths.push_back(w);
        rowHeight = std::max(rowHeight, layouts.back()->height() + 2 * pad);
        x += w;
    }
    // Move a row that would fit on a page of its own rather than split it.
    const qreal headerAllowance = m_inHeader ? 0 : m_flow.pt(30);
    if (rowHeight > m_flow.remaining() && rowHeight <= m_flow.pageHeight() - headerAllowance) {
        m_flow.newPage();
        if (!m_inHeader)
            headerRow();
    }

    // A giant row still starts on a fresh page rather than in the last few points of one.
    if (m_flow.remaining() < std::min(rowHeight, m_flow.pt(48))) {
        m_flow.newPage();
        if (!m_inHeader)
            headerRow();
    }

    std::vector<int> next(layouts.size(), 0);
    for (;;) {
        // One slice: the lines of every cell that fit in what is left of the page.
        qreal slice = 0;
        std::vector<int> until(next);
        for (std::size_t c = 0; c < layouts.size(); ++c) {
            qreal used = 0;
            while (until[c] < layouts[c]->lineCount()
                   && used + layouts[c]->line(until[c]).height() <= m_flow.remaining() - 2 * pad + 0.01) {
                used += layouts[c]->line(until[c]).height();
                ++until[c];
            }
            slice = std::max(slice, used);
        }
        const qreal top = m_flow.y();
        const qreal height = slice + 2 * pad;
        const qreal right = xs.back() + widths.back();
        const QColor fill = background;
        m_flow.add([top, height, left = m_flow.left(), right, fill, xs](PdfCanvas &canvas) {
            canvas.fillRect(QRectF(left, top, right - left, height), fill);
            canvas.setPen(QColor(0xbd, 0xbd, 0xbd), 0);
            canvas.strokeRect(QRectF(left, top, right - left, height));
            for (std::size_t c = 1; c < xs.size(); ++c)
                canvas.drawLine(QPointF(xs[c], top), QPointF(xs[c], top + height));
        });
        const qreal savedY = m_flow.y();
        for (std::size_t c = 0; c < layouts.size(); ++c) {
            m_flow.advance(pad);
            const QColor color = c < colors.size() && colors[c].isValid() ? colors[c] : style.color;
            m_flow.drawLines(layouts[c], next[c], until[c], xs[c] + pad, color);
            m_flow.advance(savedY - m_flow.y());
        }
        m_flow.advance(height);
        bool done = true;
        for (std::size_t c = 0; c < layouts.size(); ++c)
            done = done && until[c] >= layouts[c]->lineCount();
        if (done)
            return;
        if (until == next && m_flow.remaining() >= m_flow.pageHeight() - m_flow.pt(1))
            return; // cannot happen with positive widths; guards against an endless loop
        next = until;
        m_flow.newPage();
        if (!m_inHeader)
            headerRow();
    }
}

} // namespace preflight::pdf
