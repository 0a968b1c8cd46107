#pragma once

#include "portfolio/PortfolioReport.h"

#include <QPageSize>

namespace preflight {

// The portfolio as a PDF: one landscape table, a row per project, the category scores coloured
// by heat; in the report's frame (fonts, running title, footer with the audit head).
class PdfPortfolioWriter : public PortfolioWriter
{
public:
    explicit PdfPortfolioWriter(QPageSize::PageSizeId pageSize);
    QByteArray write(const PortfolioInput &input) const override;

private:
    QPageSize::PageSizeId m_pageSize;
};

} // namespace preflight
