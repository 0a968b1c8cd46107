#pragma once

#include "PdfCanvas.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTextLayout>

#include <functional>
#include <memory>
#include <vector>

class QPaintDevice;

namespace preflight::pdf {

struct TextStyle
{
    QFont font;
    QColor color = Qt::black;
};

using PaintOp = std::function<void(PdfCanvas &)>;

// Wrapped text, laid out with one QTextLayout per typed line (each its own bidi paragraph, as a
// line feed is in Unicode, so a right-to-left override cannot run past its line), with the lines
// of all parts positioned one after the other and kept as glyph runs ready to draw.
class TextBlock
{
public:
    int lineCount() const { return int(m_lines.size()); }
    const LaidOutLine &line(int index) const { return m_lines[std::size_t(index)]; }
    qreal height() const;
    void draw(PdfCanvas &canvas, int first, int last, const QPointF &origin, const QColor &color) const;

private:
    friend class PageFlow;
    std::vector<LaidOutLine> m_lines;
};

// Lays content out top to bottom over pages, remembering for each page what to paint; nothing
// is painted until every page is known, so page numbers ("page 3 of 41") and the table of
// contents can be filled in. Text is wrapped with QTextLayout (at word boundaries, or anywhere
// when a word is wider than the column) and may break between any two lines, so no text is
// ever clipped, however long. All lengths are in device units (see pt()).
class PageFlow
{
public:
    PageFlow(const QPaintDevice *device, const QRectF &content);

    qreal pt(qreal points) const { return points * m_unit; }
    // `font` resolved for the device once: every QTextLayout made with the result then shares
    // its font engine instead of looking it up again.
    QFont deviceFont(const QFont &font) const { return QFont(font, m_device); }
    qreal left() const { return m_content.left(); }
    qreal width() const { return m_content.width(); }
    qreal y() const { return m_y; }
    qreal remaining() const { return m_content.bottom() - m_y; }
    qreal pageHeight() const { return m_content.height(); }
    int page() const { return int(m_pages.size()) - 1; } // zero-based

    void newPage();
    void ensure(qreal height); // starts a new page unless `height` fits on this one
    void space(qreal height); // vertical gap, dropped at the top of a page
    void advance(qreal height) { m_y += height; }
    void add(PaintOp op); // painted on the current page
    // For backgrounds of content already added: paints `op` before the current page's ops
    // from index `position` (an opCount() taken before that content) on.
    std::size_t opCount() const { return m_pages.back().size(); }
    void insert(std::size_t position, PaintOp op);

    // A laid-out paragraph in a column `width` wide; U+000A breaks the line.
    // `colors` paints ranges of the text in other colours.
    struct ColorRange
    {
        int start;
        int length;
        QColor color;
    };
    std::shared_ptr<TextBlock> layout(const QString &text, const QFont &font, qreal width,
                                      const std::vector<ColorRange> &colors = {}) const;
    // The same with ranges in other formats (colour, weight, italics, font family, strikeout).
    std::shared_ptr<TextBlock> layout(const QString &text, const QFont &font, qreal width,
                                      const QList<QTextLayout::FormatRange> &formats) const;

    // Draws a paragraph at x offset `indent`, breaking across pages between lines.
    void paragraph(const QString &text, const TextStyle &style, qreal indent = 0);
    void paragraph(const std::shared_ptr<TextBlock> &layout, const QColor &color, qreal indent);
    // Draws lines [first, last) of `layout` with its top-left at (x, y + dy), without moving
    // down; returns their height.
    qreal drawLines(const std::shared_ptr<TextBlock> &layout, int first, int last, qreal x, const QColor &color,
                    qreal dy = 0);

    const std::vector<std::vector<PaintOp>> &pages() const { return m_pages; }

private:
    const QPaintDevice *m_device;
    QRectF m_content;
    qreal m_unit;
    qreal m_y = 0;
    bool m_atTop = true;
    std::vector<std::vector<PaintOp>> m_pages;
};

// A table whose rows may be taller than a page: a row that does not fit moves to the next
// page, and a row taller than a whole page is split between lines. The header row is
// repeated at the top of every page the table continues on.
class TableFlow
{
public:
    struct Column
    {
        QString title;
        qreal fraction; // of the flow width
    };
    TableFlow(PageFlow &flow, std::vector<Column> columns, const TextStyle &body, const TextStyle &header);

    // The width text in `column` wraps at.
    qreal textWidth(std::size_t column) const;
    void row(const QStringList &cells, const QColor &background = Qt::transparent,
             const std::vector<QColor> &colors = {});
    void finish();

private:
    void headerRow();
    void drawRow(const QStringList &cells, const TextStyle &style, const QColor &background,
                 const std::vector<QColor> &colors);

    PageFlow &m_flow;
    std::vector<Column> m_columns;
    TextStyle m_body;
    TextStyle m_header;
    int m_headerPage = -1;
    bool m_inHeader = false;
};

} // namespace preflight::pdf
