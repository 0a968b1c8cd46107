#include "portfolio/PortfolioReport.h"

#include "Error.h"
#include "export/CsvWriter.h"
#include "export/MarkdownText.h"
#include "export/XmlText.h"
#include "portfolio/PortfolioJson.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace preflight {

namespace {

QString cellScore(const PortfolioRow &row, const PortfolioColumn &column)
{
    const PortfolioCell *cell = cellOf(row, column.categoryId);
    return cell ? scoreText(cell->score) : QStringLiteral("-");
}

QString heatClass(const PortfolioCell *cell)
{
    return !cell || cell->heat == Heat::NotApplicable ? QStringLiteral("na") : heatKey(cell->heat);
}

QString verdictText(const PortfolioRow &row)
{
    return row.problem.isEmpty() ? row.verdictLabel : QStringLiteral("cannot assess: ") + row.problem;
}

QString footer(const PortfolioInput &input)
{
    return QStringLiteral("Generated %1 by %2 for %3. Audit head: %4")
        .arg(timestampText(input.generatedAt), input.actor, input.today.toString(Qt::ISODate),
             input.auditHead.isEmpty() ? QStringLiteral("none") : input.auditHead);
}

class MarkdownPortfolioWriter : public PortfolioWriter
{
public:
    QByteArray write(const PortfolioInput &input) const override
    {
        const auto cell = [](const QString &text) { return escapeMarkdown(text, MarkdownContext::TableCell); };
        const std::vector<PortfolioColumn> columns = portfolioColumns(input.rows);
        QString out = QStringLiteral("# Portfolio: %1 projects\n\n").arg(input.rows.size());
        QStringList header { QStringLiteral("Project"), QStringLiteral("Verdict"), QStringLiteral("Score") };
        for (const PortfolioColumn &column : columns)
            header << cell(column.title) + QStringLiteral(" (") + severityLabel(column.severity) + u')';
        header << QStringLiteral("Open critical items") << QStringLiteral("Open high/critical risks")
               << QStringLiteral("Sign-offs") << QStringLiteral("Target") << QStringLiteral("Last activity");
        out += QStringLiteral("| ") + header.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
        for (qsizetype i = 0; i < header.size(); ++i)
            out += i < 3 ? QStringLiteral("---|") : QStringLiteral("---:|");
        out += u'\n';
        for (const PortfolioRow &row : input.rows) {
            QStringList cells { cell(row.project.name)
                                    + (row.project.archived ? QStringLiteral(" (archived)") : QString()),
                                cell(verdictText(row)), scoreText(row.score) };
            for (const PortfolioColumn &column : columns)
                cells << cellScore(row, column);
            cells << QString::number(row.openCriticalItems) << QString::number(row.openHighOrCriticalRisks)
                  << signOffsText(row) << dateText(row.project.targetDate) + QStringLiteral(", ") + daysLeftText(row)
                  << timestampText(row.lastActivity)
                    + (row.lastActor.isEmpty() ? QString() : QStringLiteral(" by ") + cell(row.lastActor));
            out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        }
        out += u'\n' + escapeMarkdown(footer(input)) + u'\n';
        return out.toUtf8();
    }
};

const char *const HtmlStyle = R"css(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #212121; margin: 2em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bdbdbd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.on-track { background: #c8e6c9; } td.behind { background: #ffe0b2; } td.at-risk { background: #ffcdd2; }
td.na { color: #757575; }
footer { margin-top: 2em; font-size: 0.85em; color: #616161; }
)css";

class HtmlPortfolioWriter : public PortfolioWriter
{
public:
    QByteArray write(const PortfolioInput &input) const override
    {
        const std::vector<PortfolioColumn> columns = portfolioColumns(input.rows);
        QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                                     "<title>Portfolio</title><style>")
            + QString::fromLatin1(HtmlStyle) + QStringLiteral("</style></head><body>\n");
        out += QStringLiteral("<h1>Portfolio: %1 projects</h1>\n<table>\n<tr><th>Project</th><th>Verdict</th>"
                              "<th>Score</th>")
                   .arg(input.rows.size());
        for (const PortfolioColumn &column : columns)
            out += QStringLiteral("<th title=\"%2\">%1</th>")
                       .arg(xmlEscaped(column.title), severityLabel(column.severity));
        out += QStringLiteral("<th>Open critical items</th><th>Open high/critical risks</th><th>Sign-offs</th>"
                              "<th>Target</th><th>Last activity</th></tr>\n");
        for (const PortfolioRow &row : input.rows) {
            out += QStringLiteral("<tr><td>%1%2</td><td>%3</td><td class=\"num\">%4</td>")
                       .arg(xmlEscaped(row.project.name),
                            row.project.archived ? QStringLiteral(" (archived)") : QString(),
                            xmlEscaped(verdictText(row)), scoreText(row.score));
            for (const PortfolioColumn &column : columns) {
                const PortfolioCell *cell = cellOf(row, column.categoryId);
                out += QStringLiteral("<td class=\"num %1\">%2</td>").arg(heatClass(cell), cellScore(row, column));
            }
            out += QStringLiteral("<td class=\"num\">%1</td><td class=\"num\">%2</td><td>%3</td><td>%4</td>"
                                  "<td>%5</td></tr>\n")
                       .arg(row.openCriticalItems)
                       .arg(row.openHighOrCriticalRisks)
                       .arg(signOffsText(row),
                            dateText(row.project.targetDate) + QStringLiteral(", ") + daysLeftText(row),
                            timestampText(row.lastActivity)
                                + (row.lastActor.isEmpty() ? QString()
                                                           : QStringLiteral(" by ") + xmlEscaped(row.lastActor)));
        }
        out += QStringLiteral("</table>\n<footer>") + xmlEscaped(footer(input))
            + QStringLiteral("</footer>\n</body></html>\n");
        return out.toUtf8();
    }
};

class CsvPortfolioWriter : public PortfolioWriter
{
public:
    QByteArray write(const PortfolioInput &input) const override
    {
        const std::vector<PortfolioColumn> columns = portfolioColumns(input.rows);
        QStringList header { QStringLiteral("project"), QStringLiteral("template"), QStringLiteral("archived"),
                             QStringLiteral("verdict"), QStringLiteral("score") };
        for (const PortfolioColumn &column : columns)
            header << QStringLiteral("score_") + column.categoryId;
        header << QStringLiteral("open_critical_items") << QStringLiteral("open_high_critical_risks")
               << QStringLiteral("signoffs_given") << QStringLiteral("signoffs_needed")
               << QStringLiteral("signoffs_stale") << QStringLiteral("target_date") << QStringLiteral("days_left")
               << QStringLiteral("days_overdue") << QStringLiteral("last_activity") << QStringLiteral("last_actor");
        QString out = csvRecord(header);
        // Numbers without the " %" so a spreadsheet reads them. None is negative (overdue days have
        // their own column): a leading '-' would be neutralised as a formula.
        const auto number = [](const std::optional<double> &score) {
            return score ? QString::number(std::round(*score * 10) / 10) : QString();
        };
        for (const PortfolioRow &row : input.rows) {
            QStringList fields { row.project.name, row.project.templateId + u'@' + row.project.templateVersion,
                                 row.project.archived ? QStringLiteral("true") : QStringLiteral("false"),
                                 row.problem.isEmpty() ? verdictKey(row.verdict) : QString(), number(row.score) };
            for (const PortfolioColumn &column : columns) {
                const PortfolioCell *cell = cellOf(row, column.categoryId);
                fields << (cell ? number(cell->score) : QString());
            }
            fields << QString::number(row.openCriticalItems) << QString::number(row.openHighOrCriticalRisks)
                   << QString::number(row.signOffsGiven) << QString::number(row.signOffsNeeded)
                   << QString::number(row.signOffsStale)
                   << (row.project.targetDate ? row.project.targetDate->toString(Qt::ISODate) : QString())
                   << (row.daysLeft && *row.daysLeft >= 0 ? QString::number(*row.daysLeft) : QString())
                   << (row.daysLeft && *row.daysLeft < 0 ? QString::number(-*row.daysLeft) : QString())
                   << row.lastActivity.toUTC().toString(Qt::ISODate) << row.lastActor;
            out += csvRecord(fields);
        }
        return out.toUtf8();
    }
};

class JsonPortfolioWriter : public PortfolioWriter
{
public:
    QByteArray write(const PortfolioInput &input) const override
    {
        return QByteArray::fromStdString(portfolioJson(input.rows, input.today).dump(2)) + '\n';
    }
};

} // namespace

std::vector<PortfolioColumn> portfolioColumns(const std::vector<PortfolioRow> &rows)
{
    std::vector<PortfolioColumn> columns;
    for (const PortfolioRow &row : rows) {
        for (const PortfolioCell &cell : row.categories) {
            const bool known = std::any_of(columns.begin(), columns.end(),
                                           [&](const PortfolioColumn &c) { return c.categoryId == cell.categoryId; });
            if (!known)
                columns.push_back({ cell.categoryId, cell.title, cell.severity });
        }
    }
    return columns;
}

const PortfolioCell *cellOf(const PortfolioRow &row, const QString &categoryId)
{
    const auto found = std::find_if(row.categories.begin(), row.categories.end(),
                                    [&](const PortfolioCell &c) { return c.categoryId == categoryId; });
    return found == row.categories.end() ? nullptr : &*found;
}

QString daysLeftText(const PortfolioRow &row)
{
    if (!row.daysLeft)
        return QStringLiteral("-");
    const qint64 days = *row.daysLeft;
    if (days == 0)
        return QStringLiteral("due today");
    const qint64 count = days < 0 ? -days : days;
    return QStringLiteral("%1 %2 %3")
        .arg(count)
        .arg(count == 1 ? QStringLiteral("day") : QStringLiteral("days"),
             days < 0 ? QStringLiteral("overdue") : QStringLiteral("left"));
}

QString signOffsText(const PortfolioRow &row)
{
    QString text = QStringLiteral("%1/%2").arg(row.signOffsGiven).arg(row.signOffsNeeded);
    if (row.signOffsStale > 0)
        text += QStringLiteral(" (%1 stale)").arg(row.signOffsStale);
    return text;
}

std::unique_ptr<PortfolioWriter> makeTextPortfolioWriter(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Markdown:
        return std::make_unique<MarkdownPortfolioWriter>();
    case ReportFormat::Html:
        return std::make_unique<HtmlPortfolioWriter>();
    case ReportFormat::Csv:
        return std::make_unique<CsvPortfolioWriter>();
    case ReportFormat::Json:
        return std::make_unique<JsonPortfolioWriter>();
    case ReportFormat::JUnit:
    case ReportFormat::Pdf:
        break;
    }
    throw Error(Error::Kind::Usage,
                QStringLiteral("a portfolio cannot be written as %1 (md, html, csv, json or pdf)")
                    .arg(reportFormatKey(format)));
}

} // namespace preflight
