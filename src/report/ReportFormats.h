#pragma once

#include "export/CsvWriter.h"
#include "export/ReportWriter.h"
#include "portfolio/PortfolioReport.h"

#include <QPageSize>

#include <memory>

namespace preflight {

struct ReportOptions
{
    QPageSize::PageSizeId pageSize = QPageSize::A4; // PDF only
    CsvFormulas csvFormulas = CsvFormulas::Neutralised; // CSV only
};

// Every format, PDF included: what the command line and the GUI use.
std::unique_ptr<ReportWriter> makeReportWriter(ReportFormat format, const ReportOptions &options = {});
// The portfolio's writers: md, html, csv, json and pdf (Error(Usage) for junit).
std::unique_ptr<PortfolioWriter> makePortfolioWriter(ReportFormat format, const ReportOptions &options = {});

} // namespace preflight
