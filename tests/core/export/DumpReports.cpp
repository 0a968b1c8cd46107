#include "ReportFixture.h"
#include "export/ReportFile.h"
#include "export/ReportWriter.h"

#include <QDir>

#include <catch2/catch.hpp>

using namespace preflight;
using namespace preflight::test;

// Not a test: writes the sample reports for a person to look at. Run with
//   PREFLIGHT_DUMP_DIR=/tmp/out preflight_core_tests "[.dump]"
TEST_CASE("Write sample reports for inspection", "[.dump]")
{
    const QString dir = qEnvironmentVariable("PREFLIGHT_DUMP_DIR");
    REQUIRE_FALSE(dir.isEmpty());
    QDir().mkpath(dir);
    const std::pair<const char *, std::unique_ptr<ReportFixture>> fixtures[]
        = { { "half-finished", halfFinishedReview() },
            { "hostile", hostileReview() },
            { "hostile-links", hostileLinkReview() },
            { "markdown", markdownReview() } };
    for (const auto &[name, fixture] : fixtures) {
        for (ReportFormat format : { ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Json, ReportFormat::Csv,
                                     ReportFormat::JUnit }) {
            saveReportFile(QStringLiteral("%1/%2.%3").arg(dir, QLatin1String(name), reportFormatExtension(format)),
                           makeTextReportWriter(format)->write(fixture->input()));
        }
    }
}
