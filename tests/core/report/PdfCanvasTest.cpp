#include "PdfCanvas.h"

#include "PdfDocument.h"
#include "PdfFonts.h"
#include "PdfLayout.h"
#include "PdfTestTools.h"

#include <QFont>
#include <QFontMetricsF>
#include <QRawFont>
#include <QRegularExpression>
#include <QTextCharFormat>

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

TEST_CASE("PDF canvas strikes out text formatted as struck out, and only that", "[report][pdf][markdown-text]")
{
    const LayoutDevice device(QSize(9917, 14033), 1200);
    PdfDocument document;
    PdfFonts fonts(document);
    const PageFlow flow(&device, QRectF(0, 0, 9000, 13000));
    QTextCharFormat struck;
    struck.setFontStrikeOut(true);
    const QFont font = deviceFont(QStringLiteral("DejaVu Sans"), device);
    const auto block = flow.layout(QStringLiteral("kept gone kept"), font, 9000, { { 5, 4, struck } });
    PdfCanvas canvas(fonts, device, 842);
    block->draw(canvas, 0, 1, QPointF(100, 100), QColor(0, 0, 0));
    const QString content = QString::fromLatin1(canvas.finish());
    INFO(content.toStdString());
    // The struck-out run, then a bar over it (a filled rectangle), then the rest.
    CHECK(content.count(QStringLiteral("re f")) == 1);
    CHECK(content.contains(QRegularExpression(QStringLiteral("TJ ET\n[-0-9. ]+re f\nBT "))));
    const QFontMetricsF metrics(font, &device);
    const QRegularExpressionMatch bar
        = QRegularExpression(QStringLiteral("([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) re f")).match(content);
    REQUIRE(bar.hasMatch());
    CHECK(std::abs(bar.captured(3).toDouble() - metrics.horizontalAdvance(QStringLiteral("gone"))) < 2);
    CHECK(std::abs(bar.captured(1).toDouble() - 100 - metrics.horizontalAdvance(QStringLiteral("kept "))) < 2);
}

TEST_CASE("PDF canvas writes text of a CFF font as text, not as filled outlines", "[report][pdf][cjk]")
{
    // Noto Sans CJK (fonts-noto-cjk, one of the report's fonts) is OpenType with CFF outlines.
    preflight::test::requireReportFonts();
    const LayoutDevice device(QSize(9917, 14033), 1200);
    const QFont font = deviceFont(QStringLiteral("Noto Sans CJK JP"), device);
    const QRawFont raw = QRawFont::fromFont(font);
    REQUIRE(raw.familyName() == QLatin1String("Noto Sans CJK JP"));
    REQUIRE(raw.fontTable("glyf").isEmpty());
    REQUIRE_FALSE(raw.fontTable("CFF ").isEmpty());
    PdfDocument document;
    PdfFonts fonts(document);
    PdfCanvas canvas(fonts, device, 842);
    canvas.drawText(QPointF(100, 500), QStringLiteral("日本語"), font, Qt::black);
    const QByteArray content = canvas.finish();
    INFO(content.toStdString());
    CHECK(content.contains("BT /F1 ")); // a text object in the embedded font
    CHECK(content.count("> ] TJ ET") == 1);
    CHECK_FALSE(content.contains("\nf\n")); // no filled glyph paths
    CHECK(fonts.write() == "/F1 1 0 R ");
}
