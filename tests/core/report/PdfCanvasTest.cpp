#include "PdfCanvas.h"

#include "PdfDocument.h"
#include "PdfFonts.h"
#include "PdfLayout.h"

#include <QFont>
#include <QRawFont>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace preflight::pdf;

namespace {

QFont deviceFont(const QString &family, const QPaintDevice &device)
{
    QFont font(family);
    font.setPointSizeF(9);
    font.setHintingPreference(QFont::PreferNoHinting);
    return QFont(font, &device);
}

} // namespace

TEST_CASE("PDF canvas draws coloured ranges of a line in their colours", "[report][pdf]")
{
    const LayoutDevice device(QSize(9917, 14033), 1200);
    PdfDocument document;
    PdfFonts fonts(document);
    const PageFlow flow(&device, QRectF(0, 0, 9000, 13000));
    const auto block = flow.layout(QStringLiteral("plain red plain"), deviceFont(QStringLiteral("DejaVu Sans"), device),
                                   9000, { { 6, 3, QColor(255, 0, 0) } });
    REQUIRE(block->lineCount() == 1);
    PdfCanvas canvas(fonts, device, 842);
    block->draw(canvas, 0, 1, QPointF(100, 100), QColor(0, 0, 255));
    const QString content = QString::fromLatin1(canvas.finish());
    INFO(content.toStdString());
    // Blue, then red for "red", then blue again: three text objects, each after its colour.
    const QRegularExpression order(
        QStringLiteral("0 0 1 rg\\nBT [^\\n]*TJ ET\\n1 0 0 rg\\nBT [^\\n]*TJ ET\\n0 0 1 rg\\nBT [^\\n]*TJ ET\\n"));
    CHECK(content.contains(order));
    CHECK(content.count(QStringLiteral("BT ")) == 3);
}

TEST_CASE("PDF canvas fills the outlines of a font it cannot embed", "[report][pdf]")
{
    // The URW fonts (fonts-urw-base35, which ghostscript brings) are Type 1 or CFF OpenType:
    // no TrueType outlines (glyf) to embed as FontFile2.
    const LayoutDevice device(QSize(9917, 14033), 1200);
    const QFont font = deviceFont(QStringLiteral("Nimbus Sans"), device);
    const QRawFont raw = QRawFont::fromFont(font);
    if (raw.familyName() != QLatin1String("Nimbus Sans") || !raw.fontTable("glyf").isEmpty()) {
        WARN("Nimbus Sans (fonts-urw-base35) is not installed: the outline fallback is not tested");
        return;
    }
    PdfDocument document;
    PdfFonts fonts(document);
    PdfCanvas canvas(fonts, device, 842);
    canvas.drawText(QPointF(100, 500), QStringLiteral("Outline"), font, Qt::black);
    const QByteArray content = canvas.finish();
    INFO(content.toStdString());
    CHECK_FALSE(content.contains("BT")); // no text object: the glyphs are paths
    CHECK(content.count("\nf\n") == 7); // one filled path per letter
    CHECK(content.contains(" c\n")); // with curves
    CHECK(fonts.write().isEmpty()); // and nothing to embed
}
