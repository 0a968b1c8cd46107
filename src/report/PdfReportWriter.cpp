#include "PdfReportWriter.h"

#include "Error.h"
#include "PdfCanvas.h"
#include "PdfDocument.h"
#include "PdfFonts.h"
#include "PdfReport.h"
#include "ReportFonts.h"

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
    return QFont(pdf::reportFont(7), device);
}

// The running header and footer. All of it but the page number is the same on every page, so
// it is drawn once and repeated.
class PageFurniture
{
public:
    PageFurniture(pdf::PdfFonts &fonts, const QPaintDevice &device, const QRectF &page, const PdfFrame &input)
        : m_font(furnitureFont(&device))
        , m_metrics(m_font, &device)
        , m_right(page.width() - mm(SideMargin))
        , m_footerBaseline(page.height() - mm(BottomMargin) + mm(7))
    {
        pdf::PdfCanvas canvas(fonts, device);
        const qreal left = mm(SideMargin), width = m_right - left;
        const qreal headerBaseline = mm(TopMargin) - mm(6);
        canvas.drawText(QPointF(left, headerBaseline), m_metrics.elidedText(input.title, Qt::ElideRight, width * 0.75),
                        m_font, Grey);
        canvas.setPen(Grey, 1);
        canvas.drawLine(QPointF(left, headerBaseline + mm(1.5)), QPointF(m_right, headerBaseline + mm(1.5)));
        m_header = canvas.finish();
        // Two footer lines, so the full audit head always fits: it is what a reader checks.
        canvas.drawText(
            QPointF(left, m_footerBaseline),
            QStringLiteral("Generated %1 by Preflight " PREFLIGHT_VERSION).arg(timestampText(input.generatedAt)),
            m_font, Grey);
        const QString head = input.auditHead.isEmpty() ? QStringLiteral("none") : input.auditHead;
        canvas.drawText(QPointF(left, m_footerBaseline + m_metrics.lineSpacing()),
                        m_metrics.elidedText(QStringLiteral("Audit trail head ") + head, Qt::ElideMiddle, width),
                        m_font, Grey);
        m_footer = canvas.finish();
    }

    void paint(pdf::PdfCanvas &canvas, int index, int count) const
    {
        // In reading order: header, page number, the rest of the footer.
        canvas.append(m_header);
        const QString pageText = QStringLiteral("Page %1 of %2").arg(index + 1).arg(count);
        canvas.drawText(QPointF(m_right - m_metrics.horizontalAdvance(pageText), m_footerBaseline), pageText, m_font,
                        Grey);
        canvas.append(m_footer);
    }

private:
    static inline const QColor Grey { 0x61, 0x61, 0x61 };
    QFont m_font;
    QFontMetricsF m_metrics;
    qreal m_right, m_footerBaseline;
    QByteArray m_header, m_footer;
};

// Compresses page contents on another thread while the next pages are drawn, a batch at a time:
// each page stands alone, and compressing takes as long as a third of the drawing. Safe because
// that thread touches nothing but its batch's byte arrays (zlib): no fonts, layouts or Qt Gui
// objects, which stay on the exporting thread.
class PageCompressor
{
public:
    explicit PageCompressor(std::size_t pageCount)
        : m_pages(pageCount)
    { }

    void add(std::size_t index, QByteArray content)
    {
        m_pages[index] = std::move(content); // the vector never grows: the other thread's pages stay put
        if (index + 1 - m_batchStart == BatchSize || index + 1 == m_pages.size()) {
            m_batches.push_back(std::async(std::launch::async, [this, first = m_batchStart, end = index + 1] {
                for (std::size_t i = first; i < end; ++i)
                    m_pages[i] = pdf::PdfDocument::compress(m_pages[i]);
            }));
            m_batchStart = index + 1;
        }
    }

    std::vector<QByteArray> &&finish()
    {
        for (std::future<void> &batch : m_batches)
            batch.get();
        return std::move(m_pages);
    }

private:
    static constexpr std::size_t BatchSize = 16;
    std::vector<QByteArray> m_pages;
    std::size_t m_batchStart = 0;
    std::vector<std::future<void>> m_batches;
};

} // namespace

PdfReportWriter::PdfReportWriter(QPageSize::PageSizeId pageSize)
    : m_pageSize(pageSize)
{ }

QByteArray PdfReportWriter::write(const ReportInput &input) const
{
    const ReportModel model(input);
    return writePdf({ model.title(), input.generatedAt, input.auditHead }, m_pageSize, [&](pdf::PageFlow &flow) {
        pdf::PdfReport report(model, flow);
        report.layOut();
        return report.outline();
    });
}

QByteArray writePdf(const PdfFrame &frame, QPageSize::PageSizeId pageSizeId, const PdfLayOut &layOut)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw Error(Error::Kind::Usage, QStringLiteral("PDF export needs a QGuiApplication (fonts)"));

    const QPageSize pageSize(pageSizeId);
    const QSize pixels = QPageLayout(pageSize, frame.orientation, QMarginsF()).fullRectPixels(Resolution).size();
    const pdf::LayoutDevice device(pixels, Resolution);
    const QRectF page(QPointF(0, 0), pixels);
    const QRectF content(mm(SideMargin), mm(TopMargin), page.width() - 2 * mm(SideMargin),
                         page.height() - mm(TopMargin) - mm(BottomMargin));
    pdf::PageFlow flow(&device, content);
    const std::vector<pdf::PdfReport::OutlineEntry> outlineEntries = layOut(flow);

    pdf::PdfDocument document;
    pdf::PdfFonts fonts(document);
    const int catalog = document.reserve(), pageTree = document.reserve(), resources = document.reserve();
    const QSize points
        = frame.orientation == QPageLayout::Landscape ? pageSize.sizePoints().transposed() : pageSize.sizePoints();
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

    const PageFurniture furniture(fonts, device, page, frame);
    PageCompressor compressor(pages.size());
    std::vector<QByteArray> annotations;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pdf::PdfCanvas canvas(fonts, device, points.height());
        for (const pdf::PaintOp &op : pages[i])
            op(canvas);
        furniture.paint(canvas, int(i), int(pages.size()));
        QByteArray links;
        for (const pdf::PdfCanvas::Link &link : canvas.links()) {
            const QPointF lowerLeft = toPoints(link.area.bottomLeft()), upperRight = toPoints(link.area.topRight());
            links += "<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [" + pdf::pdfNumber(lowerLeft.x()) + ' '
                + pdf::pdfNumber(lowerLeft.y()) + ' ' + pdf::pdfNumber(upperRight.x()) + ' '
                + pdf::pdfNumber(upperRight.y()) + "] "
                + (link.uri.isEmpty() ? "/Dest " + destination(link.page, link.top)
                                      : "/A << /S /URI /URI " + pdf::pdfAsciiString(link.uri) + " >>")
                + " >> ";
        }
        annotations.push_back(links.isEmpty() ? QByteArray() : " /Annots [" + links + "]");
        compressor.add(i, canvas.finish());
    }

    const QByteArray pageDictionary = "<< /Type /Page /Parent " + QByteArray::number(pageTree) + " 0 R /MediaBox [0 0 "
        + QByteArray::number(points.width()) + ' ' + QByteArray::number(points.height()) + "] /Resources "
        + QByteArray::number(resources) + " 0 R /Contents ";
    QByteArray kids;
    const std::vector<QByteArray> streams = compressor.finish();
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
    for (const pdf::PdfReport::OutlineEntry &entry : outlineEntries) {
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
    document.setInfo(frame.title, QStringLiteral("Preflight " PREFLIGHT_VERSION), frame.generatedAt);
    return document.finish(catalog);
}

} // namespace preflight
