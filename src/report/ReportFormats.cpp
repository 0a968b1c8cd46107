#include "ReportFormats.h"

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

} // namespace preflight
