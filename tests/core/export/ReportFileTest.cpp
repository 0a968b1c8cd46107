#include "export/ReportFile.h"

#include "Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace preflight;

TEST_CASE("Reports are saved whole, and a failed save leaves nothing", "[export][file]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.md"));
    saveReportFile(path, "first");
    saveReportFile(path, "second version");
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == "second version");
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList { QStringLiteral("report.md") });

    const QString missing = dir.filePath(QStringLiteral("no-such-folder/report.md"));
    try {
        saveReportFile(missing, "content");
        FAIL("saving into a missing folder succeeded");
    } catch (const Error &error) {
        CHECK(error.kind() == Error::Kind::Io);
        CHECK(error.message().startsWith(missing + QStringLiteral(": cannot write the report")));
    }
    CHECK_FALSE(QFile::exists(missing));
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
          == QStringList { QStringLiteral("report.md") });
}
