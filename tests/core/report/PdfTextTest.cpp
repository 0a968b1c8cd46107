// Text in the PDF as text: CJK in its own embedded font, and Markdown in item texts and notes
// formatted rather than printed raw.
#include "../export/ReportFixture.h"
#include "../export/TestTools.h"
#include "PdfReportWriter.h"
#include "PdfTestTools.h"

#include <QFont>
#include <QRawFont>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

namespace {

// The fonts `pdffonts` lists: name, type, encoding, and the emb/sub/uni columns.
QString fontList(const QByteArray &pdf)
{
    const ToolResult fonts = runOnPdf(QStringLiteral("pdffonts"), {}, pdf);
    REQUIRE(fonts.exitCode == 0);
    return QString::fromUtf8(fonts.out);
}

// The size of the stream that descriptor `fontName` embeds with `key` (FontFile2 or FontFile3).
qsizetype embeddedSize(const QByteArray &pdf, const QString &fontName, const QString &key)
{
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("/FontName /[A-Z]{6}\\+%1 [^>]*/%2 (\\d+) 0 R").arg(fontName, key))
              .match(QString::fromLatin1(pdf));
    INFO(fontName.toStdString());
    REQUIRE(match.hasMatch());
    const ToolResult data = runOnPdf(
        QStringLiteral("qpdf"),
        { QStringLiteral("--show-object=") + match.captured(1), QStringLiteral("--filtered-stream-data") }, pdf);
    REQUIRE(data.exitCode == 0);
    return data.out.size();
}

} // namespace

TEST_CASE("PDF of a Japanese, Chinese and Korean review: real text in an embedded CJK subset", "[report][pdf][cjk]")
{
    requireReportFonts();
    const auto f = cjkReview();
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(f->input());
    requireQpdfCheck(pdf);

    // Embedded as a CFF subset with a Unicode map: no glyph is a filled outline any more.
    const QString fonts = fontList(pdf);
    INFO(fonts.toStdString());
    CHECK(fonts.contains(
        QRegularExpression(QStringLiteral("[A-Z]{6}\\+NotoSansCJKjp-Regular +CID Type 0C +Identity-H +yes yes yes"))));
    const QString text = pdfText(pdf);
    CHECK(text.contains(cjkJapanese()));
    CHECK(text.contains(cjkChinese()));
    CHECK(text.contains(cjkKorean()));
    CHECK(text.contains(QStringLiteral("Owner: 山田太郎")));

    // A few dozen glyphs of a font of 65,535: the subset is a small part of it.
    QFont noto(QStringLiteral("Noto Sans CJK JP"));
    noto.setPixelSize(50);
    const QRawFont whole = QRawFont::fromFont(noto);
    REQUIRE(whole.familyName() == QLatin1String("Noto Sans CJK JP"));
    const qsizetype subset = embeddedSize(pdf, QStringLiteral("NotoSansCJKjp-Regular"), QStringLiteral("FontFile3"));
    WARN("Noto Sans CJK JP: " << whole.fontTable("CFF ").size() / 1024 << " KiB of CFF, subset " << subset / 1024
                              << " KiB");
    CHECK(subset > 0);
    CHECK(subset < whole.fontTable("CFF ").size() / 200);
}

TEST_CASE("PDF formats inline Markdown of items and Markdown notes", "[report][pdf][markdown-text]")
{
    requireReportFonts();
    const auto f = markdownReview();
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(f->input());
    requireQpdfCheck(pdf);
    const QString text = pdfText(pdf);
    INFO(text.toStdString());

    // No Markdown punctuation left; code in DejaVu Sans Mono, strong text in bold.
    CHECK(text.contains(QLatin1String("Specific exception types (not bare except)")));
    CHECK_FALSE(text.contains(QLatin1String("`except`")));
    CHECK(text.contains(QStringLiteral("Note:\nDecision: keep retry=3\n• first point\n☑ checked point\n3. third\n"
                                       "4. fourth\nif (a < b) {}\n")));
    CHECK(text.contains(
        QLatin1String("runbook (https://example.org/run?a=1&b=2) evil (javascript:alert(1)) <b>raw</b>")));
    CHECK(text.contains(QStringLiteral("Launch window agreed.\n• support\n• ops")));
    CHECK_FALSE(text.contains(QLatin1String("**")));
    const QString fonts = fontList(pdf);
    CHECK(fonts.contains(QRegularExpression(QStringLiteral("[A-Z]{6}\\+DejaVuSansMono +CID TrueType"))));
    CHECK(fonts.contains(QRegularExpression(QStringLiteral("[A-Z]{6}\\+DejaVuSans-Bold +CID TrueType"))));
    CHECK(fonts.contains(QRegularExpression(QStringLiteral("[A-Z]{6}\\+DejaVuSans-Oblique +CID TrueType"))));
    // No link in a note can be clicked to leave the document: the only addresses a click opens
    // are the items' web evidence.
    CHECK(pdf.count("/URI (") == pdf.count("/URI (https://git.example.org/shop/checkout/-/merge_requests/"));
    CHECK_FALSE(pdf.contains("/JavaScript"));

    // The list items hang under their bullets, right of them, in the note's column.
    const auto pages = pdfWords(pdf);
    const PdfWord *bullet = nullptr, *first = nullptr, *decision = nullptr;
    for (const PdfPage &page : pages) {
        for (const PdfWord &word : page.words) {
            if (word.text == QLatin1String("Decision:"))
                decision = &word;
            if (decision && !bullet && word.text == QStringLiteral("•"))
                bullet = &word;
            if (bullet && !first && word.text == QLatin1String("first"))
                first = &word;
        }
    }
    REQUIRE(first);
    CHECK(bullet->box.left() >= decision->box.left() - 0.5);
    CHECK(first->box.left() > bullet->box.right());
    CHECK(std::abs(first->box.bottom() - bullet->box.bottom()) < 2);
}
