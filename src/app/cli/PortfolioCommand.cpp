// portfolio: every project at a glance, as a table, JSON or a report file
#include "PageSize.h"
#include "ReportFormats.h"
#include "cli/Context.h"
#include "export/ReportFile.h"
#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioJson.h"
#include "portfolio/PortfolioReport.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QIODevice>

namespace preflight::cli {

namespace {

const QString Formats = QStringLiteral("md|html|csv|json|pdf");

QString verdictCell(const PortfolioRow &row)
{
    return row.problem.isEmpty() ? verdictKey(row.verdict) : QStringLiteral("error");
}

void printPortfolio(QTextStream &out, const std::vector<PortfolioRow> &rows)
{
    std::vector<QStringList> table { { QStringLiteral("PROJECT"), QStringLiteral("VERDICT"), QStringLiteral("SCORE"),
                                       QStringLiteral("CRIT OPEN"), QStringLiteral("RISKS"),
                                       QStringLiteral("SIGN-OFFS"), QStringLiteral("TARGET"),
                                       QStringLiteral("LAST ACTIVITY") } };
    for (const PortfolioRow &row : rows)
        table.push_back({ row.project.name + (row.project.archived ? QStringLiteral(" (archived)") : QString()),
                          verdictCell(row), scoreText(row.score), QString::number(row.openCriticalItems),
                          QString::number(row.openHighOrCriticalRisks), signOffsText(row),
                          formatDate(row.project.targetDate) + QStringLiteral(" ") + daysLeftText(row),
                          formatTime(row.lastActivity)
                              + (row.lastActor.isEmpty() ? QString() : QStringLiteral(" by ") + row.lastActor) });
    printTable(out, table);
    for (const PortfolioRow &row : rows) {
        if (!row.problem.isEmpty())
            out << "\n" << row.project.name << ": " << row.problem << '\n';
    }
}

int showPortfolio(Context &context)
{
    PortfolioOptions options;
    options.includeArchived = context.isSet(QStringLiteral("archived"));
    const std::vector<PortfolioRow> rows
        = buildPortfolio(context.store(), context.templates(), context.today(), options);

    const auto formatKey = context.optionalValue(QStringLiteral("format"));
    const auto output = context.optionalValue(QStringLiteral("output"));
    if (!formatKey && !output) {
        if (context.json())
            context.printJson(portfolioJson(rows, context.today()));
        else
            printPortfolio(context.out(), rows);
        return Success;
    }
    if (!formatKey || !output)
        throw usageError(QStringLiteral("--format and -o go together: --format %1 -o FILE").arg(Formats));
    const std::optional<ReportFormat> format = reportFormatFromKey(*formatKey);
    if (!format || *format == ReportFormat::JUnit)
        throw usageError(QStringLiteral("--format: unknown format \"%1\" (one of %2)").arg(*formatKey, Formats));
    if (*output == QLatin1String("-") && !isTextFormat(*format))
        throw usageError(QStringLiteral("-o -: a PDF cannot be written to standard output; name a file"));
    const PortfolioInput input { rows, context.today(), QDateTime::currentDateTimeUtc(), context.actor(),
                                 context.store().auditHead() };
    ReportOptions reportOptions;
    reportOptions.pageSize = defaultPageSize();
    const QByteArray bytes = makePortfolioWriter(*format, reportOptions)->write(input);
    if (*output == QLatin1String("-")) {
        context.out().flush();
        if (context.out().device()->write(bytes) != bytes.size())
            throw Error(Error::Kind::Io, QStringLiteral("cannot write the portfolio to standard output"));
        return Success;
    }
    saveReportFile(*output, bytes);
    if (context.json())
        context.printJson(document("preflight.export/1",
                                   { { "project", nullptr },
                                     { "projects", rows.size() },
                                     { "format", formatKey->toStdString() },
                                     { "path", output->toStdString() },
                                     { "bytes", bytes.size() } }));
    else
        context.out() << "Exported the portfolio of " << rows.size() << " projects (" << *formatKey << ", "
                      << bytes.size() << " bytes) to " << *output << '\n';
    return Success;
}

const CommandGroup portfolioCommands { {
    { { QStringLiteral("portfolio") },
      QStringLiteral("[--archived] [--json] [--format md|html|csv|json|pdf -o FILE]"),
      QStringLiteral("Every project at a glance: verdict, scores by category, risks, sign-offs, target"),
      { makeOption("archived", "Include archived projects."),
        makeOption("format", "Write a report: md, html, csv, json or pdf (with -o).", "FORMAT"),
        QCommandLineOption({ QStringLiteral("o"), QStringLiteral("output") },
                           QStringLiteral("File to write (replaced atomically); - for standard output."),
                           QStringLiteral("FILE")) },
      0,
      0,
      &showPortfolio },
} };

} // namespace

} // namespace preflight::cli
