#include "ReportFormats.h"

#include "PdfPortfolioWriter.h"
#include "PdfReportWriter.h"

namespace preflight {

std::unique_ptr<ReportWriter> makeReportWriter(ReportFormat format, const ReportOptions &options)
{
    if (format == ReportFormat::Pdf)
        return std::make_unique<PdfReportWriter>(options.pageSize);
    if (format == ReportFormat::Csv)
        return std::make_unique<CsvWriter>(options.csvFormulas);
    return makeTextReportWriter(format);
}

std::unique_ptr<PortfolioWriter> makePortfolioWriter(ReportFormat format, const ReportOptions &options)
{
    if (format == ReportFormat::Pdf)
        return std::make_unique<PdfPortfolioWriter>(options.pageSize);
    return makeTextPortfolioWriter(format);
}

} // namespace preflight
