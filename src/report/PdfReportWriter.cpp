#include "PdfReportWriter.h"

#include "Error.h"
#include "PdfCanvas.h"
#include "PdfDocument.h"
#include "PdfFonts.h"
#include "PdfReport.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>

#include <future>

namespace preflight {

namespace {

constexpr int Resolution = 1200; // dots per inch: fine enough that no glyph position rounds visibly

// Margins in millimetres; the running header and footer sit inside the top and bottom ones.
constexpr qreal SideMargin = 18, TopMargin = 20, BottomMargin = 20;

qreal mm(qreal millimetres)
{
    return millimetres / 25.4 * Resolution;
}

QFont furnitureFont(const QPaintDevice *device)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(7);
    font.setHintingPreference(QFont::PreferNoHinting);
    return QFont(font, device);
}

// `font` comes from furnitureFont(), made once for all pages so its font engine is looked up once.
void paintPageFurniture(pdf::PdfCanvas &canvas, const QFont &font, const QRectF &page, int index, int count,
                        const ReportInput &input, const QString &title)
{
    const QColor grey(0x61, 0x61, 0x61);
    const QFontMetricsF metrics(font, canvas.device());
    const qreal left = mm(SideMargin), right = page.width() - mm(SideMargin);
    const qreal width = right - left;

    const qreal headerBaseline = mm(TopMargin) - mm(6);
    canvas.drawText(QPointF(left, headerBaseline), metrics.elidedText(title, Qt::ElideRight, width * 0.75), font, grey);
    canvas.setPen(grey, 1);
    canvas.drawLine(QPointF(left, headerBaseline + mm(1.5)), QPointF(right, headerBaseline + mm(1.5)));

    // Two footer lines, so the full audit head always fits: it is what a reader checks.
    const qreal footerBaseline = page.height() - mm(BottomMargin) + mm(7);
    const QString pageText = QStringLiteral("Page %1 of %2").arg(index + 1).arg(count);
    canvas.drawText(QPointF(right - metrics.horizontalAdvance(pageText), footerBaseline), pageText, font, grey);
    canvas.drawText(
        QPointF(left, footerBaseline),
        QStringLiteral("Generated %1 by Preflight " PREFLIGHT_VERSION).arg(timestampText(input.generatedAt)), font,
        grey);
    const QString head = input.auditHead.isEmpty() ? QStringLiteral("none") : input.auditHead;
    canvas.drawText(QPointF(left, footerBaseline + metrics.lineSpacing()),
                    metrics.elidedText(QStringLiteral("Audit trail head ") + head, Qt::ElideMiddle, width), font, grey);
}

// Compressing the page contents is a third of the work and each page stands alone: two threads
// (the machines this runs on have at least two cores) share it.
std::vector<QByteArray> compressed(const std::vector<QByteArray> &contents)
{
    std::vector<QByteArray> out(contents.size());
    const auto every = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < contents.size(); i += step)
            out[i] = pdf::PdfDocument::compress(contents[i]);
    };
    auto odd = std::async(std::launch::async, every, 1, 2);
    every(0, 2);
    odd.get();
    return out;
}

} // namespace

PdfReportWriter::PdfReportWriter(QPageSize::PageSizeId pageSize)
    : m_pageSize(pageSize)
{ }

QByteArray PdfReportWriter::write(const ReportInput &input) const
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw Error(Error::Kind::Usage, QStringLiteral("PDF export needs a QGuiApplication (fonts)"));

    const ReportModel model(input);
    const QPageSize pageSize(m_pageSize);
    const QSize pixels = QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF()).fullRectPixels(Resolution).size();
    const pdf::LayoutDevice device(pixels, Resolution);
    const QRectF page(QPointF(0, 0), pixels);
    const QRectF content(mm(SideMargin), mm(TopMargin), page.width() - 2 * mm(SideMargin),
                         page.height() - mm(TopMargin) - mm(BottomMargin));
    pdf::PageFlow flow(&device, content);
    pdf::PdfReport report(model, flow);
    report.layOut();

    pdf::PdfDocument document;
    pdf::PdfFonts fonts(document);
    const int catalog = document.reserve(), pageTree = document.reserve(), resources = document.reserve();
    const QSize points = pageSize.sizePoints();
    const auto &pages = flow.pages();
    std::vector<int> pageObjects;
    for (std::size_t i = 0; i < pages.size(); ++i)
        pageObjects.push_back(document.reserve());
    // Device units (y down) to PDF points (y up), for what lies outside the content streams.
    const auto toPoints = [&](const QPointF &at) {
        return QPointF(at.x() * 72.0 / Resolution, points.height() - at.y() * 72.0 / Resolution);
    };
    // A place in the document, as a link or bookmark target: its page, scrolled to `top`.
    const auto destination = [&](int page, qreal top) {
        return "[" + QByteArray::number(pageObjects.at(std::size_t(page))) + " 0 R /XYZ 0 "
            + pdf::pdfNumber(toPoints(QPointF(0, top)).y()) + " null]";
    };

    const QFont furniture = furnitureFont(&device);
    std::vector<QByteArray> contents, annotations;
    contents.reserve(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pdf::PdfCanvas canvas(fonts, device, points.height());
        for (const pdf::PaintOp &op : pages[i])
            op(canvas);
        paintPageFurniture(canvas, furniture, page, int(i), int(pages.size()), input, model.title());
        QByteArray links;
        for (const pdf::PdfCanvas::Link &link : canvas.links()) {
            const QPointF lowerLeft = toPoints(link.area.bottomLeft()), upperRight = toPoints(link.area.topRight());
            links += "<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [" + pdf::pdfNumber(lowerLeft.x()) + ' '
                + pdf::pdfNumber(lowerLeft.y()) + ' ' + pdf::pdfNumber(upperRight.x()) + ' '
                + pdf::pdfNumber(upperRight.y()) + "] /Dest " + destination(link.page, link.top) + " >> ";
        }
        annotations.push_back(links.isEmpty() ? QByteArray() : " /Annots [" + links + "]");
        contents.push_back(canvas.finish());
    }

    const QByteArray pageDictionary = "<< /Type /Page /Parent " + QByteArray::number(pageTree) + " 0 R /MediaBox [0 0 "
        + QByteArray::number(points.width()) + ' ' + QByteArray::number(points.height()) + "] /Resources "
        + QByteArray::number(resources) + " 0 R /Contents ";
    QByteArray kids;
    const std::vector<QByteArray> streams = compressed(contents);
    for (std::size_t i = 0; i < streams.size(); ++i) {
        const int contentObject = document.reserve();
        document.compressedStream(contentObject, streams[i]);
        document.object(pageObjects[i],
                        pageDictionary + QByteArray::number(contentObject) + " 0 R" + annotations[i] + " >>");
        kids.append(QByteArray::number(pageObjects[i])).append(" 0 R ");
    }
    document.object(pageTree,
                    "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>");
    document.object(resources, "<< /ProcSet [/PDF /Text] /Font << " + fonts.write() + ">> >>");

    std::vector<pdf::PdfDocument::OutlineItem> outline;
    for (const pdf::PdfReport::OutlineEntry &entry : report.outline()) {
        auto &siblings = entry.child && !outline.empty() ? outline.back().children : outline;
        siblings.push_back({ entry.title, destination(entry.page, entry.top), {} });
    }
    const int outlineRoot = document.outline(outline);
    document.object(catalog,
                    "<< /Type /Catalog /Pages " + QByteArray::number(pageTree) + " 0 R"
                        + (outlineRoot > 0
                               ? " /Outlines " + QByteArray::number(outlineRoot) + " 0 R /PageMode /UseOutlines"
                               : QByteArray())
                        + " >>");
    document.setInfo(model.title(), QStringLiteral("Preflight " PREFLIGHT_VERSION), input.generatedAt);
    return document.finish(catalog);
}

} // namespace preflight
