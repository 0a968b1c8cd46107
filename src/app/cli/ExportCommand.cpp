// export: the readiness report as Markdown, PDF, HTML, JSON, CSV or JUnit XML
#include "cli/ExportCommand.h"

#include "PageSize.h"
#include "ReportFormats.h"
#include "cli/Context.h"
#include "export/ReportFile.h"
#include "history/ReviewReplay.h"
#include "storage/Store.h"
#include "templates/ProjectTemplates.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace preflight::cli {

namespace {

const QString Formats = QStringLiteral("md|pdf|html|json|csv|junit");

bool wantsPdf(int argc, char *argv[])
{
    // "export" may follow global options ("preflight --db X export …"); the portfolio writes PDFs too.
    if (std::none_of(argv + 1, argv + argc, [](const char *arg) {
            return std::strcmp(arg, "export") == 0 || std::strcmp(arg, "portfolio") == 0;
        }))
        return false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format=pdf") == 0 || std::strcmp(argv[i], "-format=pdf") == 0)
            return true;
        if ((std::strcmp(argv[i], "--format") == 0 || std::strcmp(argv[i], "-format") == 0) && i + 1 < argc
            && std::strcmp(argv[i + 1], "pdf") == 0)
            return true;
    }
    return false;
}

// The report's bytes go to the output device as they are, behind what the text stream holds.
void writeToStdout(QTextStream &out, const QByteArray &bytes)
{
    out.flush();
    if (out.device()->write(bytes) != bytes.size())
        throw Error(Error::Kind::Io, QStringLiteral("cannot write the report to standard output"));
}

int exportReport(Context &context)
{
    const QString formatKey = context.requiredValue(QStringLiteral("format"));
    const std::optional<ReportFormat> format = reportFormatFromKey(formatKey);
    if (!format)
        throw usageError(QStringLiteral("--format: unknown format \"%1\" (one of %2)").arg(formatKey, Formats));
    const QString output = context.requiredValue(QStringLiteral("output"));
    if (output == QLatin1String("-") && !isTextFormat(*format))
        throw usageError(QStringLiteral("-o -: a PDF cannot be written to standard output; name a file"));

    ReportOptions options;
    options.pageSize = defaultPageSize();
    if (const auto key = context.optionalValue(QStringLiteral("page-size"))) {
        const auto size = pageSizeFromKey(*key);
        if (!size)
            throw usageError(QStringLiteral("--page-size: unknown size \"%1\" (one of a4|letter)").arg(*key));
        options.pageSize = *size;
    }
    if (context.isSet(QStringLiteral("csv-raw"))) {
        if (*format != ReportFormat::Csv)
            throw usageError(QStringLiteral("--csv-raw applies to --format csv only"));
        options.csvFormulas = CsvFormulas::Raw;
    }

    Review review = context.review(context.arg(0));
    QString auditHead = context.store().auditHead();
    std::optional<QDateTime> replayedAt;
    if (const auto at = context.optionalValue(QStringLiteral("at"))) {
        // The review as it stood then, assessed for that day, under the audit head of that moment.
        const QDateTime moment = parseMoment(*at, QStringLiteral("--at"), DayEdge::End);
        const ProjectState stored = std::move(review.state);
        const std::vector<AuditEntry> history = context.store().history(review.project.id);
        review.state = replayState(review.project, history, moment);
        attachStoredSignatures(review.state, stored);
        if (context.store().isServer())
            attachAuditLogins(review.state, history);
        if (!review.state.project.created.isValid() || review.state.project.created > moment)
            throw dataError(QStringLiteral("project \"%1\" did not exist yet at %2").arg(review.project.name, *at));
        // Scored against the version it was on then: a migration since changed the items.
        if (review.state.project.templateId != review.project.templateId
            || review.state.project.templateVersion != review.project.templateVersion)
            review.tmpl = resolveTemplate(context.store(), context.templates(), review.state.project);
        review.today = moment.toLocalTime().date();
        review.assessment = assess(*review.tmpl, review.state, review.today);
        auditHead = context.store().auditHeadAt(moment);
        replayedAt = moment;
    }
    const ReportInput input { *review.tmpl,
                              review.state,
                              review.assessment,
                              review.today,
                              QDateTime::currentDateTimeUtc(),
                              context.actor(),
                              auditHead,
                              context.store().removedAnswers(review.project.id, replayedAt) };
    const QByteArray bytes = makeReportWriter(*format, options)->write(input);
    if (output == QLatin1String("-")) {
        writeToStdout(context.out(), bytes);
        return Success;
    }
    saveReportFile(output, bytes);
    if (context.json())
        context.printJson(document("preflight.export/1",
                                   { { "project", review.project.name.toStdString() },
                                     { "format", formatKey.toStdString() },
                                     { "path", output.toStdString() },
                                     { "bytes", bytes.size() } }));
    else
        context.out() << "Exported " << review.project.name << " (" << formatKey << ", " << bytes.size()
                      << " bytes) to " << output << '\n';
    return Success;
}

const CommandGroup exportCommands { {
    { { QStringLiteral("export") },
      QStringLiteral(
          "PROJECT --format md|pdf|html|json|csv|junit -o FILE [--page-size a4|letter] [--csv-raw] [--at DATETIME]"),
      QStringLiteral("Write the readiness report; -o - writes text formats to standard output"),
      { makeOption("format", "Report format: md, pdf, html, json, csv or junit.", "FORMAT"),
        QCommandLineOption({ QStringLiteral("o"), QStringLiteral("output") },
                           QStringLiteral("File to write (replaced atomically); - for standard output."),
                           QStringLiteral("FILE")),
        makeOption("page-size", "PDF paper: a4 or letter (default: from the locale).", "SIZE"),
        makeOption("csv-raw",
                   "CSV cells exactly as typed: no ' before text a spreadsheet would run as a formula "
                   "(=, +, -, @, tab, CR)."),
        makeOption("at",
                   "The report as the review stood at that moment, replayed from the audit trail: YYYY-MM-DD "
                   "(end of that day) or an ISO 8601 date-time.",
                   "DATETIME") },
      1,
      1,
      &exportReport },
} };

} // namespace

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (!wantsPdf(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace preflight::cli
