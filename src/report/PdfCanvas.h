#pragma once

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QPaintDevice>
#include <QPointF>
#include <QRawFont>
#include <QRectF>
#include <QString>
#include <QStringView>

#include <string>
#include <vector>

class QFont;
class QTextLayout;
class QTextLine;

namespace preflight::pdf {

// A line of laid-out text as PdfCanvas draws it: taken from QTextLayout's glyph runs right after
// layout, so the layout itself can go. Positions are relative to the top left of the paragraph
// the line belongs to.
struct LaidOutLine
{
    struct Run
    {
        QRawFont font;
        QList<quint32> glyphs;
        QList<QPointF> positions;
        QColor color; // invalid: the paragraph's colour
        bool strikeOut = false;
    };
    qreal top = 0, lineHeight = 0, lineAscent = 0;
    std::vector<Run> runs;
    QString text; // the paragraph's characters, shared, of which the line shows
    int start = 0, length = 0; // ... these, for text extraction (ToUnicode)
    // Stretches of the line that link to a web address: the ranges whose format is an anchor
    // (QTextCharFormat::anchorHref(), already checked and encoded as ASCII), from x `left` to
    // `right` relative to the paragraph's left.
    struct Anchor
    {
        qreal left = 0, right = 0;
        QByteArray uri;
    };
    std::vector<Anchor> anchors;

    qreal y() const { return top; }
    qreal height() const { return lineHeight; }
    qreal ascent() const { return lineAscent; }
};
LaidOutLine laidOutLine(const QTextLayout &layout, const QTextLine &line);

class PdfFonts;
struct PdfFont;

// A paint device that only states its size and resolution: what QTextLayout and QFontMetricsF
// need to lay text out in device units. Nothing paints on it (paintEngine() is null); the
// PDF is written by PdfCanvas from the laid-out glyphs.
class LayoutDevice : public QPaintDevice
{
public:
    LayoutDevice(const QSize &pixels, int dpi);
    QPaintEngine *paintEngine() const override { return nullptr; }

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSize m_pixels;
    int m_dpi;
};

// One page's content stream. Coordinates are device units with y down, as the layout uses
// them; one transformation at the start of the stream maps them to PDF points with y up.
class PdfCanvas
{
public:
    PdfCanvas(PdfFonts &fonts, const QPaintDevice &device, qreal pageHeightPoints);
    // A fragment of content to repeat on many pages (append()): in the same coordinates, without
    // the page's transformation, and setting every colour and font it uses itself.
    PdfCanvas(PdfFonts &fonts, const QPaintDevice &device);
    void append(const QByteArray &fragment);

    const QPaintDevice *device() const { return &m_device; }

    void fillRect(const QRectF &rect, const QColor &color);
    // The pen for strokeRect() and drawLine(); width 0 is the thinnest line the output can show.
    void setPen(const QColor &color, qreal width = 0);
    void strokeRect(const QRectF &rect);
    void drawLine(const QPointF &from, const QPointF &to);
    // One line of text with its baseline starting at `baseline`.
    void drawText(const QPointF &baseline, const QString &text, const QFont &font, const QColor &color);
    // A laid-out line at `origin` (its paragraph's top left); runs without a colour of their
    // own are drawn in `color`.
    void drawTextLine(const LaidOutLine &line, const QPointF &origin, const QColor &color);

    // A link from `area` to a place in the document (a zero-based page, device units from its
    // top), or to a web address (`uri`; drawTextLine() adds these for a line's anchors).
    struct Link
    {
        QRectF area;
        int page = 0;
        qreal top = 0;
        QByteArray uri;
    };
    void addLink(const QRectF &area, int page, qreal top) { m_links.push_back({ area, page, top, {} }); }
    const std::vector<Link> &links() const { return m_links; }

    QByteArray finish(); // the content stream, or the fragment

private:
    void drawGlyphRun(const LaidOutLine::Run &run, const QPointF &origin, QStringView text, const QColor &color);
    void fillGlyphOutlines(const LaidOutLine::Run &run, const QPointF &origin);
    void strikeOut(const LaidOutLine::Run &run, const QPointF &origin, const QColor &color);
    void setFill(const QColor &color);
    void forgetState(); // after content whose state changes are not tracked
    void point(const QPointF &p);
    // Followed by a space. Two decimals of a 1200 dpi unit are a thousandth of a millimetre.
    void number(double value, int decimals = 2);
    void color(QRgb rgb, const char *op);

    PdfFonts &m_fonts;
    const QPaintDevice &m_device;
    std::string m_out; // appends to std::string are cheaper than to QByteArray, and there are many
    bool m_page;
    // Graphics state already set in the stream, to write each change once; 0 (a transparent
    // colour, never drawn) when not known.
    QRgb m_fill = 0;
    QRgb m_stroke = 0;
    qreal m_lineWidth = -1;
    const PdfFont *m_font = nullptr;
    qreal m_fontSize = 0;
    std::vector<Link> m_links;
};

} // namespace preflight::pdf
