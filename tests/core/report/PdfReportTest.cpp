#include "../export/ReportFixture.h"
#include "../export/TestTools.h"
#include "PageSize.h"
#include "PdfReportWriter.h"
#include "PdfTestTools.h"
#include "export/FormattedText.h"

#include <QElapsedTimer>
#include <QTemporaryFile>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace preflight;
using namespace preflight::test;

namespace {

// No word leaves the printable area and no two words overlap: nothing is clipped or drawn over.
void requireNoClippingOrOverlap(const std::vector<PdfPage> &pages)
{
    // Checked by hand and reported once: a REQUIRE per word would cost seconds at 10,000 items.
    QString problem;
    for (std::size_t p = 0; p < pages.size() && problem.isEmpty(); ++p) {
        const PdfPage &page = pages[p];
        const QRectF printable(10, 10, page.size.width() - 20, page.size.height() - 20);
        std::vector<std::pair<QRectF, QString>> boxes;
        for (const PdfWord &word : page.words) {
            if (!printable.contains(word.box))
                problem = QStringLiteral("page %1: \"%2\" is outside the printable area").arg(p + 1).arg(word.text);
            // Glyph boxes of adjacent lines touch; shrink them a little so touching is not overlap.
            const qreal h = word.box.height() * 0.15;
            boxes.emplace_back(word.box.adjusted(0.3, h, -0.3, -h), word.text);
        }
        std::sort(boxes.begin(), boxes.end(),
                  [](const auto &a, const auto &b) { return a.first.top() < b.first.top(); });
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            for (std::size_t j = i + 1; j < boxes.size() && boxes[j].first.top() < boxes[i].first.bottom(); ++j) {
                if (boxes[i].first.intersects(boxes[j].first))
                    problem = QStringLiteral("page %1: \"%2\" overlaps \"%3\"")
                                  .arg(p + 1)
                                  .arg(boxes[i].second, boxes[j].second);
            }
        }
    }
    INFO(problem.toStdString());
    REQUIRE(problem.isEmpty());
}

// Every item text occurs in the checklist part, in template order (searching on from the last
// match keeps this linear for 10,000 items), as its inline Markdown shows it (`except` as except).
void requireItemsInOrder(const QString &flat, const Template &tmpl)
{
    qsizetype from = flat.indexOf(squeezed(QStringLiteral("Every item with its mark")));
    REQUIRE(from >= 0);
    for (const QString &item : allItemTexts(tmpl)) {
        from = flat.indexOf(squeezed(plainText(inlineMarkdown(item))), from);
        if (from < 0)
            FAIL("not found in order: " << item.toStdString());
    }
}

QByteArray pdfOf(const ReportFixture &fixture, QPageSize::PageSizeId size = QPageSize::A4)
{
    return PdfReportWriter(size).write(fixture.input());
}

} // namespace

TEST_CASE("PDF of a half-finished review: valid, embedded fonts, every item findable", "[report][pdf]")
{
    const auto f = halfFinishedReview();
    const QByteArray pdf = pdfOf(*f);
    REQUIRE(pdf.startsWith("%PDF-"));
    requireQpdfCheck(pdf);

    const ToolResult fonts = runOnPdf(QStringLiteral("pdffonts"), {}, pdf);
    REQUIRE(fonts.exitCode == 0);
    const QStringList fontLines = QString::fromUtf8(fonts.out).split(u'\n', Qt::SkipEmptyParts).mid(2);
    CHECK(fontLines.join(u'\n').contains(QLatin1String("DejaVuSans")));
    for (const QString &line : fontLines) {
        INFO(line.toStdString());
        const QStringList columns = line.split(u' ', Qt::SkipEmptyParts);
        // emb, sub, uni: embedded, as a subset, with a Unicode map
        CHECK(columns.mid(columns.size() - 5, 3)
              == QStringList { QStringLiteral("yes"), QStringLiteral("yes"), QStringLiteral("yes") });
    }

    const QString text = pdfText(pdf);
    const QString flat = withoutPageFurniture(squeezed(text), ReportModel(f->input()).title());
    requireItemsInOrder(flat, f->tmpl);
    // The verdict is the first thing after the title; page numbers and the audit head are printed.
    CHECK(text.indexOf(QLatin1String("Not Ready · Not signed off")) < text.indexOf(QLatin1String("Category scores")));
    CHECK(flat.contains(squeezed(QStringLiteral("Stale: 3 changes since signed"))));
    CHECK(text.contains(QLatin1String("Page 1 of ")));
    CHECK(flat.contains(f->auditHead));
    CHECK_FALSE(text.contains(QChar(0xFB00))); // no "ff" ligature glyphs that break searching

    requireNoClippingOrOverlap(pdfWords(pdf));
}

TEST_CASE("PDF prints the audit head whole, never broken across lines", "[report][pdf]")
{
    auto f = halfFinishedReview();
    f->auditHead = QStringLiteral("d0").repeated(32); // the widest hex digits of DejaVu Sans
    for (const QPageSize::PageSizeId size : { QPageSize::A4, QPageSize::Letter }) {
        const QString text = pdfText(pdfOf(*f, size));
        // The review table on the first page and every footer: readers compare it whole.
        CHECK(text.count(QLatin1String("Audit trail head")) > 1);
        CHECK(text.count(f->auditHead) == text.count(QLatin1String("Audit trail head")));
    }
}

TEST_CASE("PDF paper size comes from the locale and can be chosen", "[report][pdf]")
{
    CHECK(defaultPageSize(QLocale(QLocale::English, QLocale::UnitedStates)) == QPageSize::Letter);
    CHECK(defaultPageSize(QLocale(QLocale::French, QLocale::Canada)) == QPageSize::Letter);
    CHECK(defaultPageSize(QLocale(QLocale::German, QLocale::Germany)) == QPageSize::A4);
    CHECK(defaultPageSize(QLocale(QLocale::English, QLocale::UnitedKingdom)) == QPageSize::A4);
    CHECK(pageSizeFromKey(QStringLiteral("Letter")) == QPageSize::Letter);
    CHECK(pageSizeFromKey(QStringLiteral("a4")) == QPageSize::A4);
    CHECK_FALSE(pageSizeFromKey(QStringLiteral("a5")).has_value());

    const auto f = generatedReview(40);
    const auto size = [&](QPageSize::PageSizeId id) {
        const ToolResult info = runOnPdf(QStringLiteral("pdfinfo"), {}, pdfOf(*f, id));
        REQUIRE(info.exitCode == 0);
        return QString::fromUtf8(info.out);
    };
    CHECK(size(QPageSize::Letter).contains(QLatin1String("612 x 792 pts (letter)")));
    CHECK(size(QPageSize::A4).contains(QLatin1String("595 x 842 pts (A4)")));
}

TEST_CASE("Hostile text and a 1 MB note appear in the PDF exactly as typed", "[report][pdf][hostile]")
{
    requireReportFonts();
    const auto f = hostileReview();
    const QByteArray pdf = pdfOf(*f);
    requireQpdfCheck(pdf);
    const QString title = ReportModel(f->input()).title();
    const QString flat = withoutPageFurniture(squeezed(pdfText(pdf)), title);
    const QString visual = withoutPageFurniture(squeezed(pdfText(pdf, false)), title);
    for (QString typed : hostileStrings()) {
        INFO(typed.toStdString());
        // Emoji are drawn with Symbola and come back too (the ToUnicode maps cover characters
        // outside the Basic Multilingual Plane). Only a zero-width joiner draws nothing.
        typed = squeezed(typed).remove(QChar(0x200D));
        if (typed.contains(QChar(0x202E))) {
            // Glyphs after a right-to-left override are drawn, and so extracted, in visual order.
            const qsizetype at = typed.indexOf(QChar(0x202E));
            QString after = typed.mid(at + 1);
            std::reverse(after.begin(), after.end());
            CHECK(visual.contains(typed.left(at) + after));
            continue;
        }
        CHECK(flat.contains(typed));
    }
    CHECK(flat.contains(squeezed(oneMegabyteNote())));
}

TEST_CASE("PDF of 300 and 10,000 items: nothing clipped or overlapping", "[report][pdf][stress]")
{
    for (const int items : { 300, 10000 }) {
        INFO(items << " items");
        const auto f = generatedReview(items);
        QElapsedTimer timer;
        timer.start();
        const QByteArray pdf = pdfOf(*f);
        WARN(items << " items: " << timer.elapsed() << " ms, " << pdf.size() / 1024 << " KiB");
        if (items < 1000)
            requireQpdfCheck(pdf); // qpdf takes ~10 s on the 10,000-item file; its structure is the same
        const auto pages = pdfWords(pdf);
        CHECK(pages.size() > std::size_t(items / 40));
        requireNoClippingOrOverlap(pages);
        requireItemsInOrder(withoutPageFurniture(squeezed(pdfText(pdf)), ReportModel(f->input()).title()), f->tmpl);
    }
}
