#include "../export/ReportFixture.h"
#include "PdfReportWriter.h"
#include "export/ReportFile.h"

#include <QDir>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

// Not a test: writes sample PDFs for a person to look at (render them with pdftoppm). Run with
//   PREFLIGHT_DUMP_DIR=/tmp/out preflight_core_tests "[.dump-pdf]"
TEST_CASE("Write sample PDF reports for inspection", "[.dump-pdf]")
{
    const QString dir = qEnvironmentVariable("PREFLIGHT_DUMP_DIR");
    REQUIRE_FALSE(dir.isEmpty());
    QDir().mkpath(dir);
    auto halfFinished = halfFinishedReview();
    // Long item ids, to see how the risk register wraps them.
    halfFinished->state.risks.front().linkedItems
        = { QStringLiteral("code-quality.code-standards.all-code-follows-style-guide"), QStringLiteral("ops.backups") };
    saveReportFile(dir + QStringLiteral("/half-finished.pdf"),
                   PdfReportWriter(QPageSize::A4).write(halfFinished->input()));
    saveReportFile(dir + QStringLiteral("/half-finished-letter.pdf"),
                   PdfReportWriter(QPageSize::Letter).write(halfFinishedReview()->input()));
    saveReportFile(dir + QStringLiteral("/cjk.pdf"), PdfReportWriter(QPageSize::A4).write(cjkReview()->input()));
    saveReportFile(dir + QStringLiteral("/markdown.pdf"),
                   PdfReportWriter(QPageSize::A4).write(markdownReview()->input()));
    saveReportFile(dir + QStringLiteral("/hostile.pdf"),
                   PdfReportWriter(QPageSize::A4).write(hostileReview()->input()));
    saveReportFile(dir + QStringLiteral("/hostile-links.pdf"),
                   PdfReportWriter(QPageSize::A4).write(hostileLinkReview()->input()));
}
