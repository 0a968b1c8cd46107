#include "PdfReportWriter.h"

#include "Error.h"
#include "PdfReport.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

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
void paintPageFurniture(QPainter &painter, const QFont &font, const QRectF &page, int index, int count,
                        const ReportInput &input, const QString &title)
{
    painter.setFont(font);
    painter.setPen(QColor(0x61, 0x61, 0x61));
    const QFontMetricsF metrics(font, painter.device());
    const qreal left = mm(SideMargin), right = page.width() - mm(SideMargin);
    const qreal width = right - left;

    const qreal headerBaseline = mm(TopMargin) - mm(6);
    painter.drawText(QPointF(left, headerBaseline), metrics.elidedText(title, Qt::ElideRight, width * 0.75));
    painter.drawLine(QPointF(left, headerBaseline + mm(1.5)), QPointF(right, headerBaseline + mm(1.5)));

    // Two footer lines, so the full audit head always fits: it is what a reader checks.
    const qreal footerBaseline = page.height() - mm(BottomMargin) + mm(7);
    const QString pageText = QStringLiteral("Page %1 of %2").arg(index + 1).arg(count);
    painter.drawText(QPointF(right - metrics.horizontalAdvance(pageText), footerBaseline), pageText);
    painter.drawText(
        QPointF(left, footerBaseline),
        QStringLiteral("Generated %1 by Preflight " PREFLIGHT_VERSION).arg(timestampText(input.generatedAt)));
    const QString head = input.auditHead.isEmpty() ? QStringLiteral("none") : input.auditHead;
    painter.drawText(QPointF(left, footerBaseline + metrics.lineSpacing()),
                     metrics.elidedText(QStringLiteral("Audit trail head ") + head, Qt::ElideMiddle, width));
}

} // namespace

PdfReportWriter::PdfReportWriter(QPageSize::PageSizeId pageSize)
    : m_pageSize(pageSize)
{ }

QByteArray PdfReportWriter::write(const ReportInput &input) const
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw Error(Error::Kind::Usage, QStringLiteral("PDF export needs a QGuiApplication (fonts and painting)"));

    const ReportModel model(input);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(Resolution);
    writer.setPageSize(QPageSize(m_pageSize));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(model.title());
    writer.setCreator(QStringLiteral("Preflight " PREFLIGHT_VERSION));

    const QRectF page(0, 0, writer.width(), writer.height());
    const QRectF content(mm(SideMargin), mm(TopMargin), page.width() - 2 * mm(SideMargin),
                         page.height() - mm(TopMargin) - mm(BottomMargin));
    pdf::PageFlow flow(&writer, content);
    pdf::PdfReport report(model, flow);
    report.layOut();

    QPainter painter;
    if (!painter.begin(&writer))
        throw Error(Error::Kind::Io, QStringLiteral("cannot start the PDF for %1").arg(input.state.project.name));
    const auto &pages = flow.pages();
    const QFont furniture = furnitureFont(&writer);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (i > 0)
            writer.newPage();
        for (const pdf::PaintOp &op : pages[i])
            op(painter);
        paintPageFurniture(painter, furniture, page, int(i), int(pages.size()), input, model.title());
    }
    painter.end();
    return bytes;
}

} // namespace preflight
