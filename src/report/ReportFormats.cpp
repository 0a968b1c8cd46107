#include "ReportFormats.h"

#include "PdfReportWriter.h"

namespace preflight {

std::unique_ptr<ReportWriter> makeReportWriter(ReportFormat format, const ReportOptions &options)
{
    if (format == ReportFormat::Pdf)
        return std::make_unique<PdfReportWriter>(options.pageSize);
    return makeTextReportWriter(format);
}

} // namespace preflight
