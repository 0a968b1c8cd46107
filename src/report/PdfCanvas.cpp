#include "PdfCanvas.h"

#include "PdfDocument.h"
#include "PdfFonts.h"

#include <QGlyphRun>
#include <QPainterPath>
#include <QTextLayout>

#include <cmath>

namespace preflight::pdf {

namespace {

void appendGlyph(std::string &out, quint32 id)
{
    static constexpr char Digits[] = "0123456789ABCDEF";
    const char hex[4] = { Digits[(id >> 12) & 15], Digits[(id >> 8) & 15], Digits[(id >> 4) & 15], Digits[id & 15] };
    out.append(hex, 4);
}

} // namespace

LayoutDevice::LayoutDevice(const QSize &pixels, int dpi)
    : m_pixels(pixels)
    , m_dpi(dpi)
{ }

int LayoutDevice::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return m_pixels.width();
    case PdmHeight:
        return m_pixels.height();
    case PdmWidthMM:
        return qRound(m_pixels.width() * 25.4 / m_dpi);
    case PdmHeightMM:
        return qRound(m_pixels.height() * 25.4 / m_dpi);
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return m_dpi;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    default:
        return QPaintDevice::metric(metric); // colour depth and the like: the defaults do
    }
}

PdfCanvas::PdfCanvas(PdfFonts &fonts, const QPaintDevice &device)
    : m_fonts(fonts)
    , m_device(device)
    , m_page(false)
{ }

PdfCanvas::PdfCanvas(PdfFonts &fonts, const QPaintDevice &device, qreal pageHeightPoints)
    : m_fonts(fonts)
    , m_device(device)
    , m_page(true)
{
    m_out.reserve(64 * 1024);
    // Device units (y down) to points (y up), for the whole page. Black is the initial fill.
    const qreal scale = 72.0 / device.logicalDpiY();
    m_out.append("q ");
    number(scale);
    m_out.append("0 0 ");
    number(-scale);
    m_out.append("0 ");
    number(pageHeightPoints);
    m_out.append("cm\n");
    m_fill = m_stroke = qRgb(0, 0, 0);
}

void PdfCanvas::append(const QByteArray &fragment)
{
    m_out.append(fragment.constData(), std::size_t(fragment.size()));
    forgetState();
}

void PdfCanvas::forgetState()
{
    m_fill = m_stroke = 0;
    m_lineWidth = -1;
    m_font = nullptr;
}

QByteArray PdfCanvas::finish()
{
    if (m_page)
        m_out.append("Q\n");
    QByteArray out(m_out.data(), qsizetype(m_out.size()));
    m_out.clear();
    forgetState();
    return out;
}

void PdfCanvas::number(double value, int decimals)
{
    char buffer[33];
    char *end = formatNumber(buffer, value, decimals);
    *end++ = ' ';
    m_out.append(buffer, end);
}

void PdfCanvas::point(const QPointF &p)
{
    number(p.x());
    number(p.y());
}

void PdfCanvas::color(QRgb rgb, const char *op)
{
    number(qRed(rgb) / 255.0, 3);
    number(qGreen(rgb) / 255.0, 3);
    number(qBlue(rgb) / 255.0, 3);
    m_out.append(op);
}

void PdfCanvas::setFill(const QColor &color)
{
    const QRgb rgb = color.rgb();
    if (rgb != m_fill)
        this->color(m_fill = rgb, "rg\n");
}

void PdfCanvas::fillRect(const QRectF &rect, const QColor &color)
{
    if (color.alpha() == 0)
        return;
    setFill(color);
    point(rect.topLeft());
    point(QPointF(rect.width(), rect.height()));
    m_out.append("re f\n");
}

void PdfCanvas::setPen(const QColor &color, qreal width)
{
    const QRgb rgb = color.rgb();
    if (rgb != m_stroke)
        this->color(m_stroke = rgb, "RG\n");
    if (width != m_lineWidth) {
        number(m_lineWidth = width);
        m_out.append("w\n");
    }
}

void PdfCanvas::strokeRect(const QRectF &rect)
{
    point(rect.topLeft());
    point(QPointF(rect.width(), rect.height()));
    m_out.append("re S\n");
}

void PdfCanvas::drawLine(const QPointF &from, const QPointF &to)
{
    point(from);
    m_out.append("m ");
    point(to);
    m_out.append("l S\n");
}

void PdfCanvas::drawText(const QPointF &baseline, const QString &text, const QFont &font, const QColor &color)
{
    QTextLayout layout(text, font, const_cast<QPaintDevice *>(&m_device));
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTextDirection(Qt::LeftToRight);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    drawTextLine(laidOutLine(layout, line), baseline - QPointF(0, line.ascent()), color);
}

LaidOutLine laidOutLine(const QTextLayout &layout, const QTextLine &line)
{
    LaidOutLine out {
        line.y(), line.height(), line.ascent(), {}, layout.text(), line.textStart(), line.textLength(), {}
    };
    const auto add = [&out](const QList<QGlyphRun> &runs, const QColor &color) {
        for (const QGlyphRun &run : runs) {
            if (!run.glyphIndexes().isEmpty())
                out.runs.push_back({ run.rawFont(), run.glyphIndexes(), run.positions(), color, run.strikeOut() });
        }
    };
    const QList<QTextLayout::FormatRange> formats = layout.formats();
    if (formats.isEmpty()) {
        add(line.glyphRuns(), QColor());
        return out;
    }
    const int end = out.start + out.length;
    for (const QTextLayout::FormatRange &range : formats) {
        const int from = std::max(range.start, out.start), to = std::min(range.start + range.length, end);
        if (from < to && range.format.isAnchor() && !range.format.anchorHref().isEmpty()) {
            // Both edges, as a right-to-left stretch runs the other way.
            const qreal a = line.cursorToX(from), b = line.cursorToX(to);
            out.anchors.push_back({ std::min(a, b), std::max(a, b), range.format.anchorHref().toLatin1() });
        }
    }
    // Glyph runs do not carry their colour: take each stretch of one colour on its own.
    for (int at = out.start; at < end;) {
        QColor color;
        int until = end;
        for (const QTextLayout::FormatRange &range : formats) {
            if (range.start <= at && at < range.start + range.length) {
                if (range.format.hasProperty(QTextFormat::ForegroundBrush))
                    color = range.format.foreground().color();
                until = std::min(until, range.start + range.length);
            } else if (range.start > at) {
                until = std::min(until, range.start);
            }
        }
        add(line.glyphRuns(at, until - at), color);
        at = until;
    }
    return out;
}

void PdfCanvas::drawTextLine(const LaidOutLine &line, const QPointF &origin, const QColor &color)
{
    const QStringView shown = QStringView(line.text).sliced(line.start, line.length);
    for (const LaidOutLine::Run &run : line.runs) {
        const QColor runColor = run.color.isValid() ? run.color : color;
        drawGlyphRun(run, origin, shown, runColor);
        if (run.strikeOut)
            strikeOut(run, origin, runColor);
    }
    for (const LaidOutLine::Anchor &anchor : line.anchors) {
        m_links.push_back(
            { QRectF(origin.x() + anchor.left, origin.y() + line.top, anchor.right - anchor.left, line.lineHeight), 0,
              0, anchor.uri });
    }
}

void PdfCanvas::strikeOut(const LaidOutLine::Run &run, const QPointF &origin, const QColor &color)
{
    // Through the middle of the lower-case letters, from the first glyph to the end of the last.
    qreal left = run.positions.front().x(), right = left;
    const QList<QPointF> advances = run.font.advancesForGlyphIndexes(run.glyphs);
    for (qsizetype i = 0; i < run.glyphs.size(); ++i) {
        left = std::min(left, run.positions[i].x());
        right = std::max(right, run.positions[i].x() + advances.value(i).x());
    }
    const qreal thickness = run.font.lineThickness();
    const qreal y = run.positions.front().y() - run.font.xHeight() / 2 - thickness / 2;
    fillRect(QRectF(QPointF(left, y) + origin, QSizeF(right - left, thickness)), color);
}

void PdfCanvas::drawGlyphRun(const LaidOutLine::Run &run, const QPointF &origin, QStringView text, const QColor &color)
{
    const QList<quint32> &glyphs = run.glyphs;
    const QList<QPointF> &positions = run.positions;
    setFill(color);
    PdfFont &font = m_fonts.font(run.font);
    if (!font.embeddable) {
        fillGlyphOutlines(run, origin);
        return;
    }
    const qreal size = run.font.pixelSize();
    m_out.append("BT ");
    if (&font != m_font || size != m_fontSize) {
        m_font = &font;
        m_fontSize = size;
        m_out.append(font.resource.constData(), std::size_t(font.resource.size())).append(" ");
        number(size);
        m_out.append("Tf ");
    }
    // The text matrix flips glyphs upright again in the page's y-down space. Glyphs advance by
    // their widths; a TJ adjustment moves one only where the layout put it elsewhere (kerning,
    // justification, rounding), and a new matrix starts where the baseline moves.
    const std::size_t glyphCount = font.used.size();
    const qreal scale = size / font.metrics.unitsPerEm; // font units to device units
    qreal pen = 0, baseline = 0;
    bool inArray = false, learn = false;
    for (qsizetype i = 0; i < glyphs.size(); ++i) {
        const quint32 id = glyphs[i];
        if (id >= glyphCount)
            continue; // not in the font: nothing to draw
        font.used[id] = true;
        learn = learn || font.unicode[id] == 0;
        const QPointF at = origin + positions[i];
        if (!inArray || at.y() != baseline) {
            if (inArray)
                m_out.append("> ] TJ\n");
            m_out.append("1 0 0 -1 ");
            point(at);
            m_out.append("Tm [<");
            pen = at.x();
            baseline = at.y();
            inArray = true;
        }
        const qreal shift = (pen - at.x()) * 1000.0 / size; // positive moves left
        if (std::abs(shift) >= 1.0) {
            const qreal rounded = std::round(shift);
            m_out.append("> ");
            number(rounded, 0);
            m_out.append("<");
            pen -= rounded * size / 1000.0;
        }
        appendGlyph(m_out, id);
        pen += font.metrics.advances[id] * scale;
    }
    m_out.append("> ] TJ ET\n");
    if (learn)
        font.learnText(text);
}

void PdfCanvas::fillGlyphOutlines(const LaidOutLine::Run &run, const QPointF &origin)
{
    for (qsizetype i = 0; i < run.glyphs.size(); ++i) {
        const QPainterPath path = run.font.pathForGlyph(run.glyphs[i]).translated(origin + run.positions[i]);
        for (int e = 0; e < path.elementCount(); ++e) {
            const QPainterPath::Element element = path.elementAt(e);
            point(element);
            if (element.isMoveTo()) {
                m_out.append("m\n");
            } else if (element.isLineTo()) {
                m_out.append("l\n");
            } else if (element.isCurveTo()) {
                point(path.elementAt(++e));
                point(path.elementAt(++e));
                m_out.append("c\n");
            }
        }
        if (!path.isEmpty())
            m_out.append("f\n");
    }
}

} // namespace preflight::pdf
