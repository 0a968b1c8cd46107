// The glyphs a PDF shows are the ones the layout chose: a subset font that renumbered or lost a
// glyph would still extract as the right text but draw the wrong shape.
#include "../export/TestTools.h"
#include "PdfCanvas.h"
#include "PdfDocument.h"
#include "PdfFonts.h"
#include "PdfTestTools.h"

#include <QFont>
#include <QImage>
#include <QPainterPath>
#include <QRawFont>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace preflight;
using namespace preflight::pdf;
using namespace preflight::test;

namespace {

constexpr int Dpi = 1200;

// A one-page A4 PDF of `content` (y down in 1200 dpi units, as PdfCanvas writes it).
QByteArray onePage(PdfDocument &document, const QByteArray &content, const QByteArray &fonts)
{
    const int catalog = document.reserve(), pages = document.reserve(), page = document.reserve();
    const int stream = document.stream(content);
    document.object(page,
                    "<< /Type /Page /Parent " + QByteArray::number(pages)
                        + " 0 R /MediaBox [0 0 595 842] /Resources << /Font << " + fonts + ">> >> /Contents "
                        + QByteArray::number(stream) + " 0 R >>");
    document.object(pages, "<< /Type /Pages /Kids [" + QByteArray::number(page) + " 0 R] /Count 1 >>");
    document.object(catalog, "<< /Type /Catalog /Pages " + QByteArray::number(pages) + " 0 R >>");
    return document.finish(catalog);
}

QImage rendered(const QByteArray &pdf)
{
    const ToolResult result = runOnPdf(QStringLiteral("pdftoppm"),
                                       { QStringLiteral("-r"), QStringLiteral("100"), QStringLiteral("-gray") }, pdf);
    REQUIRE(result.exitCode == 0);
    QImage image;
    REQUIRE(image.loadFromData(result.out, "PGM"));
    return image.convertToFormat(QImage::Format_Grayscale8);
}

// The glyphs of `text` in `font` along one baseline, as a laid-out line.
LaidOutLine lineOf(const QRawFont &font, const QString &text)
{
    LaidOutLine line;
    line.text = text;
    line.length = int(text.size());
    LaidOutLine::Run run { font, font.glyphIndexesForString(text), {}, QColor(), false };
    const QList<QPointF> advances = font.advancesForGlyphIndexes(run.glyphs);
    QPointF pen(0, font.ascent());
    for (const QPointF &advance : advances) {
        run.positions.push_back(pen);
        pen += advance;
    }
    line.runs.push_back(run);
    return line;
}

// The same glyphs as filled outlines: what the page must look like.
QByteArray outlines(const LaidOutLine &line, const QPointF &origin)
{
    QByteArray out = "q 0.06 0 0 -0.06 0 842 cm\n"; // 72 / 1200
    const LaidOutLine::Run &run = line.runs.front();
    for (qsizetype i = 0; i < run.glyphs.size(); ++i) {
        const QPainterPath path = run.font.pathForGlyph(run.glyphs[i]).translated(origin + run.positions[i]);
        for (int e = 0; e < path.elementCount(); ++e) {
            const QPainterPath::Element element = path.elementAt(e);
            out += pdfNumber(element.x) + ' ' + pdfNumber(element.y);
            if (element.isCurveTo()) {
                for (int k = 1; k <= 2; ++k)
                    out += ' ' + pdfNumber(path.elementAt(e + k).x) + ' ' + pdfNumber(path.elementAt(e + k).y);
                e += 2;
                out += " c\n";
            } else {
                out += element.isMoveTo() ? " m\n" : " l\n";
            }
        }
        out += "f\n";
    }
    return out + "Q\n";
}

// Pixels that are clearly darker in one rendering than in the other, at a quarter of the
// resolution: the text rasteriser hints stems by a pixel or so where the path one does not.
int difference(const QImage &fine, const QImage &otherFine)
{
    REQUIRE(fine.size() == otherFine.size());
    const QSize coarse = fine.size() / 4;
    const QImage a = fine.scaled(coarse, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage b = otherFine.scaled(coarse, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        const uchar *p = a.constScanLine(y), *q = b.constScanLine(y);
        for (int x = 0; x < a.width(); ++x)
            count += std::abs(int(p[x]) - int(q[x])) > 48 ? 1 : 0;
    }
    return count;
}

} // namespace

TEST_CASE("PDF subset fonts draw the glyphs the layout chose", "[report][pdf][cjk]")
{
    requireReportFonts();
    const LayoutDevice device(QSize(9917, 14033), Dpi);
    for (const auto &[family, text] : {
             std::pair { QStringLiteral("Noto Sans CJK JP"),
                         QStringLiteral("本番環境の移行準備、한국어 배포, 中文说明") },
             std::pair { QStringLiteral("DejaVu Sans"), QStringLiteral("Readiness ÄÖÜ éè ЖЩ") },
         }) {
        INFO(family.toStdString());
        QFont font(family);
        font.setPixelSize(240); // 14 points at 1200 dpi
        font.setHintingPreference(QFont::PreferNoHinting);
        const QRawFont raw = QRawFont::fromFont(QFont(font, &device));
        REQUIRE(raw.familyName() == family);
        const QPointF origin(600, 1200);

        PdfDocument textDocument;
        PdfFonts fonts(textDocument);
        PdfCanvas canvas(fonts, device, 842);
        const LaidOutLine line = lineOf(raw, text);
        canvas.drawTextLine(line, origin, Qt::black);
        const QByteArray content = canvas.finish();
        REQUIRE(content.contains(" TJ ET")); // drawn as text in the subset font
        const QByteArray asText = onePage(textDocument, content, fonts.write());

        PdfDocument pathDocument;
        const QImage expected = rendered(onePage(pathDocument, outlines(line, origin), {}));
        const int textDifference = difference(rendered(asText), expected);
        // The same glyphs in another order differ by far more: the comparison tells glyphs apart.
        PdfDocument otherDocument;
        QString other = text;
        std::reverse(other.begin(), other.end());
        const int otherDifference
            = difference(rendered(onePage(otherDocument, outlines(lineOf(raw, other), origin), {})), expected);
        WARN(family.toStdString() << ": text against outlines " << textDifference << ", other glyphs "
                                  << otherDifference);
        CHECK(otherDifference > 100);
        CHECK(textDifference <= otherDifference / 20);
    }
}
