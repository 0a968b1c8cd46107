#pragma once

#include "PdfReport.h"
#include "export/ReportWriter.h"

#include <QPageLayout>
#include <QPageSize>

#include <functional>

namespace preflight {

// The printable report as PDF: A4 or Letter, the report's fonts (ReportFonts.h) embedded as
// subsets (selectable, searchable text in any script), item texts and notes formatted as
// Markdown, vector charts, a table of contents with page numbers, and a footer on every page
// with the page number, generation time and audit head. Laid out directly with QTextLayout
// and written by our own PDF writer (PdfDocument, PdfCanvas, PdfFonts: one text operator per
// glyph run, subset fonts), with no widgets and no HTML engine, which keeps a 5,000-item report
// well under a second. Needs a QGuiApplication (the offscreen platform will do).
class PdfReportWriter : public ReportWriter
{
public:
    explicit PdfReportWriter(QPageSize::PageSizeId pageSize);
    QByteArray write(const ReportInput &input) const override;

private:
    QPageSize::PageSizeId m_pageSize;
};

// What every page around the content shows (running title, generation time, audit head) and
// the page's orientation: the frame the report and the portfolio share.
struct PdfFrame
{
    QString title;
    QDateTime generatedAt;
    QString auditHead;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
};
// Lays the content out on the flow and returns the bookmarks.
using PdfLayOut = std::function<std::vector<pdf::PdfReport::OutlineEntry>(pdf::PageFlow &)>;
// The whole PDF file: fonts subset and embedded, page furniture, outline, info dictionary.
QByteArray writePdf(const PdfFrame &frame, QPageSize::PageSizeId pageSize, const PdfLayOut &layOut);

} // namespace preflight
