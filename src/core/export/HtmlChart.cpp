#include "export/HtmlChart.h"

#include "export/ReportInput.h"
#include "export/XmlText.h"

#include <QLocale>

namespace preflight {

QString severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("#c62828");
    case Severity::High:
        return QStringLiteral("#ef6c00");
    case Severity::Medium:
        return QStringLiteral("#f9a825");
    case Severity::Low:
        return QStringLiteral("#2e7d32");
    }
    return QStringLiteral("#616161");
}

QString categoryChartSvg(const std::vector<CategoryScore> &categories)
{
    // Fixed geometry in user units; the viewBox lets the browser scale it to the page width.
    constexpr int Width = 720, LabelWidth = 250, BarWidth = 380, Row = 24, BarHeight = 14;
    constexpr int MaxLabel = 36;
    const int height = Row * static_cast<int>(categories.size()) + 8;
    const QLocale c = QLocale::c();
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %1 %2\" "
                                 "width=\"100%\" role=\"img\" aria-label=\"Completion by category\">\n")
                      .arg(Width)
                      .arg(height);
    int y = 4;
    for (const CategoryScore &category : categories) {
        // Long titles are shortened in the chart only; the table above shows them whole.
        QString label = category.title;
        if (label.size() > MaxLabel)
            label = label.left(MaxLabel - 1) + QStringLiteral("…");
        const double fraction = category.score.value_or(0.0) / 100.0;
        const QString color = severityColor(category.severity);
        svg += QStringLiteral("<g><title>%1: %2 (%3)</title>\n")
                   .arg(xmlEscaped(category.title), scoreText(category.score), severityLabel(category.severity));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" class=\"label\">%3</text>\n")
                   .arg(LabelWidth - 8)
                   .arg(y + BarHeight - 2)
                   .arg(xmlEscaped(label));
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#eeeeee\"/>\n")
                   .arg(LabelWidth)
                   .arg(y)
                   .arg(BarWidth)
                   .arg(BarHeight);
        if (fraction > 0) {
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>\n")
                       .arg(LabelWidth)
                       .arg(y)
                       .arg(c.toString(BarWidth * fraction, 'f', 1))
                       .arg(BarHeight)
                       .arg(color);
        }
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"value\">%3</text></g>\n")
                   .arg(LabelWidth + BarWidth + 8)
                   .arg(y + BarHeight - 2)
                   .arg(scoreText(category.score));
        y += Row;
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace preflight
