#include "PdfPortfolioWriter.h"

#include "PdfReportWriter.h"
#include "ReportFonts.h"

namespace preflight {

namespace {

// The heat map's colours, as the HTML report's severity badges use them.
QColor heatColor(const PortfolioCell *cell)
{
    switch (cell ? cell->heat : Heat::NotApplicable) {
    case Heat::OnTrack:
        return QColor(0x2e, 0x7d, 0x32);
    case Heat::Behind:
        return QColor(0xef, 0x6c, 0x00);
    case Heat::AtRisk:
        return QColor(0xc6, 0x28, 0x28);
    case Heat::NotApplicable:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

std::vector<pdf::PdfReport::OutlineEntry> layOutPortfolio(pdf::PageFlow &flow, const PortfolioInput &input,
                                                          const QString &title)
{
    const QFont base = flow.deviceFont(pdf::reportFont(7));
    QFont heading = flow.deviceFont(pdf::reportFont(16, true));
    QFont bold = flow.deviceFont(pdf::reportFont(7, true));
    flow.paragraph(title, { heading, Qt::black });
    flow.space(flow.pt(6));
    // Category titles do not fit narrow score columns: the columns are numbered, with a legend.
    const std::vector<PortfolioColumn> categories = portfolioColumns(input.rows);
    QStringList legend;
    for (std::size_t i = 0; i < categories.size(); ++i)
        legend
            << QStringLiteral("%1 %2 (%3)").arg(i + 1).arg(categories[i].title, severityLabel(categories[i].severity));
    legend << QStringLiteral("Scores in green are on track for their severity, orange behind, red at risk.");
    flow.paragraph(legend.join(QStringLiteral(" · ")), { base, QColor(0x61, 0x61, 0x61) });
    flow.space(flow.pt(6));

    // Fixed columns take 60 % of the width; the categories share the rest.
    std::vector<pdf::TableFlow::Column> columns { { QStringLiteral("Project"), 0.13 },
                                                  { QStringLiteral("Verdict"), 0.09 },
                                                  { QStringLiteral("Score"), 0.05 } };
    const qreal share = categories.empty() ? 0 : 0.40 / qreal(categories.size());
    for (std::size_t i = 0; i < categories.size(); ++i)
        columns.push_back({ QString::number(i + 1), share });
    columns.push_back({ QStringLiteral("Critical open"), 0.05 });
    columns.push_back({ QStringLiteral("High risks"), 0.05 });
    columns.push_back({ QStringLiteral("Sign-offs"), 0.06 });
    columns.push_back({ QStringLiteral("Target"), 0.08 });
    columns.push_back({ QStringLiteral("Last activity"), 0.09 });
    pdf::TableFlow table(flow, columns, { base, Qt::black }, { bold, Qt::black });
    for (const PortfolioRow &row : input.rows) {
        QStringList cells { row.project.name + (row.project.archived ? QStringLiteral(" (archived)") : QString()),
                            row.problem.isEmpty() ? row.verdictLabel : QStringLiteral("cannot assess"),
                            scoreText(row.score) };
        std::vector<QColor> colors(3);
        for (const PortfolioColumn &column : categories) {
            const PortfolioCell *cell = cellOf(row, column.categoryId);
            cells << (cell ? scoreText(cell->score) : QStringLiteral("—"));
            colors.push_back(heatColor(cell));
        }
        cells << QString::number(row.openCriticalItems) << QString::number(row.openHighOrCriticalRisks)
              << signOffsText(row) << dateText(row.project.targetDate) + u'\n' + daysLeftText(row)
              << timestampText(row.lastActivity) + (row.lastActor.isEmpty() ? QString() : u'\n' + row.lastActor);
        table.row(cells, Qt::transparent, colors);
    }
    table.finish();
    return { { title, 0, 0, false } };
}

} // namespace

PdfPortfolioWriter::PdfPortfolioWriter(QPageSize::PageSizeId pageSize)
    : m_pageSize(pageSize)
{ }

QByteArray PdfPortfolioWriter::write(const PortfolioInput &input) const
{
    const QString title = QStringLiteral("Portfolio: %1 projects").arg(input.rows.size());
    return writePdf({ title, input.generatedAt, input.auditHead, QPageLayout::Landscape }, m_pageSize,
                    [&](pdf::PageFlow &flow) { return layOutPortfolio(flow, input, title); });
}

} // namespace preflight
