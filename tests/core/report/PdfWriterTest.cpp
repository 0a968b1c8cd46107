#include "../export/ReportFixture.h"
#include "../export/TestTools.h"
#include "PdfReportWriter.h"
#include "PdfTestTools.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainterPath>
#include <QRawFont>
#include <QRegularExpression>

#include <catch2/catch.hpp>

#include <future>

using namespace preflight;
using namespace preflight::test;

namespace {

// The decoded data of stream object `number`.
QByteArray streamData(const QByteArray &pdf, int number)
{
    const ToolResult result
        = runOnPdf(QStringLiteral("qpdf"),
                   { QStringLiteral("--show-object=%1").arg(number), QStringLiteral("--filtered-stream-data") }, pdf);
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return result.out;
}

// The embedded TrueType program of the font descriptor named "ABCDEF+`name`".
QByteArray embeddedFont(const QByteArray &pdf, const QString &name)
{
    const QRegularExpression descriptor(
        QStringLiteral("/FontName /[A-Z]{6}\\+%1 [^>]*/FontFile2 (\\d+) 0 R").arg(name));
    const QRegularExpressionMatch match = descriptor.match(QString::fromLatin1(pdf));
    INFO(name.toStdString());
    REQUIRE(match.hasMatch());
    return streamData(pdf, match.captured(1).toInt());
}

quint32 glyphOf(const QRawFont &font, QChar c)
{
    quint32 glyph = 0;
    int count = 1;
    REQUIRE(font.glyphIndexesForChars(&c, 1, &glyph, &count));
    REQUIRE(glyph != 0);
    return glyph;
}

} // namespace

TEST_CASE("PDF fonts are embedded as loadable subsets holding the glyphs drawn", "[report][pdf][fonts]")
{
    requireReportFonts();
    const auto f = hostileReview();
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(f->input());
    const QByteArray subsetData = embeddedFont(pdf, QStringLiteral("DejaVuSans"));
    const QRawFont subset(subsetData, 50);
    REQUIRE(subset.isValid());
    QFont dejaVu(QStringLiteral("DejaVu Sans"));
    dejaVu.setPixelSize(50);
    const QRawFont original = QRawFont::fromFont(dejaVu);
    REQUIRE(original.familyName() == QLatin1String("DejaVu Sans"));
    // Glyph ids are kept (CIDToGIDMap /Identity): the same id has the same outline. "ü" and "é"
    // (from the hostile text) are composite glyphs in DejaVu Sans, drawn from their components.
    for (const QChar c : QStringLiteral("Everyitemüé")) {
        INFO(QString(c).toStdString());
        const quint32 glyph = glyphOf(original, c);
        const QPainterPath kept = subset.pathForGlyph(glyph);
        CHECK_FALSE(kept.isEmpty());
        CHECK(kept.boundingRect() == original.pathForGlyph(glyph).boundingRect());
        CHECK(subset.advancesForGlyphIndexes(QList<quint32> { glyph }) == original.advancesForGlyphIndexes({ glyph }));
    }
    // A glyph the report never draws is left out: that is what makes it a subset.
    const quint32 unused = glyphOf(original, QChar(0x0416)); // Cyrillic capital Zhe
    CHECK_FALSE(original.pathForGlyph(unused).isEmpty());
    CHECK(subset.pathForGlyph(unused).isEmpty());
    CHECK(subsetData.size() < original.fontTable("glyf").size() / 4);

    // The emoji font of the fallback chain is a subset too, and maps its glyphs back to text.
    CHECK(embeddedFont(pdf, QStringLiteral("Symbola")).size() > 0);
    const ToolResult fonts = runOnPdf(QStringLiteral("pdffonts"), {}, pdf);
    CHECK(QString::fromUtf8(fonts.out).contains(
        QRegularExpression(QStringLiteral("[A-Z]{6}\\+Symbola +CID TrueType +Identity-H +yes yes yes"))));
}

TEST_CASE("PDF structure: valid, reproducible, with document information", "[report][pdf]")
{
    const auto f = halfFinishedReview();
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(f->input());
    requireQpdfCheck(pdf);
    // The same review gives the same bytes (the creation date is the report's generation time).
    CHECK(PdfReportWriter(QPageSize::A4).write(f->input()) == pdf);

    const ToolResult info = runOnPdf(QStringLiteral("pdfinfo"), { QStringLiteral("-isodates") }, pdf);
    REQUIRE(info.exitCode == 0);
    const QString text = QString::fromUtf8(info.out);
    INFO(text.toStdString());
    CHECK(text.contains(QRegularExpression(QStringLiteral("Title: +Readiness review: Checkout service v2\n"))));
    CHECK(text.contains(QRegularExpression(QStringLiteral("Creator: +Preflight " PREFLIGHT_VERSION "\n"))));
    CHECK(text.contains(QRegularExpression(QStringLiteral("CreationDate: +2026-11-25T14:30:00Z\n"))));
}

TEST_CASE("PDF of 5,000 items keeps the page count of the QPdfWriter renderer", "[report][pdf][stress]")
{
    // 317 pages with Qt's PDF engine, from the same QTextLayout layout: the writer changes how
    // glyphs are written, not where they go.
    const auto f = generatedReview(5000);
    const ToolResult info = runOnPdf(QStringLiteral("pdfinfo"), {}, PdfReportWriter(QPageSize::A4).write(f->input()));
    REQUIRE(info.exitCode == 0);
    const QRegularExpressionMatch pages
        = QRegularExpression(QStringLiteral("Pages: +(\\d+)")).match(QString::fromUtf8(info.out));
    REQUIRE(pages.hasMatch());
    CHECK(std::abs(pages.captured(1).toInt() - 317) <= 3);
}

TEST_CASE("PDF risk register breaks linked item ids after dots and hyphens", "[report][pdf]")
{
    auto f = halfFinishedReview();
    const QStringList ids
        = { QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"), QStringLiteral("ops.backups") };
    f->state.risks.front().linkedItems = ids;
    const QString text = pdfText(PdfReportWriter(QPageSize::A4).write(f->input()));
    // The ids come out whole once the line breaks are taken out, and every break falls after a
    // '.', a '-' or the comma between ids: never inside a word.
    const QRegularExpression wrapped(QStringLiteral("code-quality\\.[a-z.\\-\n]*style-guide,\nops\\.backups"));
    const QRegularExpressionMatch match = wrapped.match(text);
    INFO(text.toStdString());
    REQUIRE(match.hasMatch());
    const QString found = match.captured(0);
    CHECK(QString(found).remove(u'\n') == ids.join(u','));
    CHECK(found.count(u'\n') >= 2); // it did need wrapping
    for (qsizetype at = found.indexOf(u'\n'); at >= 0; at = found.indexOf(u'\n', at + 1))
        CHECK(QStringLiteral(".-,").contains(found.at(at - 1)));
}

TEST_CASE("PDF outline and contents links lead to every section", "[report][pdf]")
{
    const auto f = halfFinishedReview();
    const QByteArray pdf = PdfReportWriter(QPageSize::A4).write(f->input());
    const ToolResult json
        = runOnPdf(QStringLiteral("qpdf"), { QStringLiteral("--json"), QStringLiteral("--json-key=outlines") }, pdf);
    REQUIRE(json.exitCode == 0);
    const QJsonArray top = QJsonDocument::fromJson(json.out).object().value(QLatin1String("outlines")).toArray();
    QStringList titles;
    QString checklistChildren;
    for (const QJsonValue &entry : top) {
        const QJsonObject item = entry.toObject();
        titles += item.value(QLatin1String("title")).toString();
        for (const QJsonValue &kid : item.value(QLatin1String("kids")).toArray())
            checklistChildren += kid.toObject().value(QLatin1String("title")).toString() + u'|';
    }
    CHECK(titles
          == QStringList { QStringLiteral("Category scores"), QStringLiteral("Completion by category"),
                           QStringLiteral("Action list"), QStringLiteral("Checklist"), QStringLiteral("Sign-off"),
                           QStringLiteral("Risk register"), QStringLiteral("Notes") });
    CHECK(checklistChildren.startsWith(QLatin1String("1. Code Quality|2. Testing|")));
    // Each bookmark opens the page the contents list gives for it.
    const ToolResult layout = runOnPdf(QStringLiteral("pdftotext"),
                                       { QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                         QStringLiteral("-l"), QStringLiteral("1") },
                                       pdf, { QStringLiteral("-") });
    const QString contents = QString::fromUtf8(layout.out);
    for (const QJsonValue &entry : top) {
        const QJsonObject item = entry.toObject();
        const QString title = item.value(QLatin1String("title")).toString();
        const int page = item.value(QLatin1String("destpageposfrom1")).toInt();
        INFO(title.toStdString() << " on page " << page);
        CHECK(contents.contains(
            QRegularExpression(QRegularExpression::escape(title) + QStringLiteral(" +%1\n").arg(page))));
    }
    // One link per contents line, all on the first page; the other links are the web evidence.
    CHECK(pdf.count("/Subtype /Link") - pdf.count("/A << /S /URI") == 7 + checklistChildren.count(u'|'));
}

TEST_CASE("PDF exports on several threads at once give the bytes of one alone", "[report][pdf]")
{
    // Each export lays out and writes on the thread that asked for it, with fonts of its own:
    // nothing is shared between exports, so they need no lock.
    const auto f = cjkReview();
    const QByteArray alone = PdfReportWriter(QPageSize::A4).write(f->input());
    std::vector<std::future<QByteArray>> exports;
    for (int i = 0; i < 3; ++i)
        exports.push_back(
            std::async(std::launch::async, [&] { return PdfReportWriter(QPageSize::A4).write(f->input()); }));
    for (std::future<QByteArray> &pdf : exports)
        CHECK(pdf.get() == alone);
}
