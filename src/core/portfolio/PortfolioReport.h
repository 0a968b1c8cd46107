#pragma once

#include "export/ReportWriter.h"
#include "portfolio/Portfolio.h"

#include <QByteArray>
#include <QDateTime>

#include <vector>

namespace preflight {

// What a portfolio report shows: the rows, and when, for whom and from which trail it was made.
struct PortfolioInput
{
    const std::vector<PortfolioRow> &rows;
    QDate today;
    QDateTime generatedAt;
    QString actor;
    QString auditHead;
};

// The heat map's columns: every category of the rows' templates, in order of first appearance,
// so projects of one template line up and a second template adds its own columns.
struct PortfolioColumn
{
    QString categoryId;
    QString title;
    Severity severity = Severity::High;
};
std::vector<PortfolioColumn> portfolioColumns(const std::vector<PortfolioRow> &rows);
const PortfolioCell *cellOf(const PortfolioRow &row, const QString &categoryId); // nullptr if absent

// The wording every format shares, so the table reads the same in each.
QString daysLeftText(const PortfolioRow &row); // "12 days left", "3 days overdue", "due today", "-"
QString signOffsText(const PortfolioRow &row); // "1/3 (1 stale)"

// The portfolio as Markdown, HTML, CSV or JSON: one class per format behind the report writers'
// interface shape (the PDF one lives in src/report). Throws Error(Usage) for other formats.
class PortfolioWriter
{
public:
    virtual ~PortfolioWriter() = default;
    virtual QByteArray write(const PortfolioInput &input) const = 0;
};
std::unique_ptr<PortfolioWriter> makeTextPortfolioWriter(ReportFormat format);

} // namespace preflight
