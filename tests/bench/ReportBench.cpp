// PDF export of a generated review against LibreOffice converting the same report's HTML to
// PDF, measured in the same run. Usage: preflight_report_bench [ITEMS] (default 5000).
// Needs LibreOffice (`apt-get install libreoffice-writer-nogui`); without it only our side runs.
#include "../core/export/ReportFixture.h"
#include "PdfReportWriter.h"
#include "export/HtmlWriter.h"
#include "export/ReportFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace preflight;

namespace {

QString pageCount(const QString &pdf)
{
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), { pdf });
    info.waitForFinished();
    for (const QString &line : QString::fromUtf8(info.readAllStandardOutput()).split(u'\n')) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed();
    }
    return QStringLiteral("?");
}

// Converts `html` to PDF in `outDir` with a private LibreOffice profile; returns milliseconds or -1.
qint64 libreOfficeConvert(const QString &soffice, const QString &profile, const QString &html, const QString &outDir)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(soffice,
                  { QStringLiteral("-env:UserInstallation=file://") + profile, QStringLiteral("--headless"),
                    QStringLiteral("--convert-to"), QStringLiteral("pdf"), QStringLiteral("--outdir"), outDir, html });
    if (!process.waitForFinished(30 * 60 * 1000) || process.exitCode() != 0)
        return -1;
    return timer.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const int items = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5000;
    QTemporaryDir dir;
    const auto review = test::generatedReview(items);
    const ReportInput input = review->input();

    // Ours: render and save, best of three (the first run also loads the fonts).
    const QString ourPdf = dir.filePath(QStringLiteral("preflight.pdf"));
    std::vector<qint64> runs;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        saveReportFile(ourPdf, PdfReportWriter(QPageSize::A4).write(input));
        runs.push_back(timer.elapsed());
    }
    const qint64 ours = *std::min_element(runs.begin(), runs.end());
    out << "Review of " << items << " items\n";
    out << "Preflight PDF export:     " << ours << " ms (runs: " << runs[0] << ", " << runs[1] << ", " << runs[2]
        << " ms), " << pageCount(ourPdf) << " pages, " << QFileInfo(ourPdf).size() / 1024 << " KiB\n";
    out.flush();

    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        out << "LibreOffice not found: install it with `apt-get install libreoffice-writer-nogui` to compare.\n";
        return 2;
    }
    const QString html = dir.filePath(QStringLiteral("report.html"));
    saveReportFile(html, HtmlWriter().write(input));
    // A warm-up conversion creates the profile, so its one-time cost is not counted.
    const QString profile = dir.filePath(QStringLiteral("lo-profile"));
    const QString warmUp = dir.filePath(QStringLiteral("warm-up.html"));
    saveReportFile(warmUp, "<html><body><p>warm-up</p></body></html>");
    const QString loDir = dir.filePath(QStringLiteral("libreoffice"));
    QDir().mkpath(loDir);
    libreOfficeConvert(soffice, profile, warmUp, loDir);
    const qint64 theirs = libreOfficeConvert(soffice, profile, html, loDir);
    if (theirs < 0) {
        out << "LibreOffice failed to convert " << html << '\n';
        return 1;
    }
    const QString loPdf = loDir + QStringLiteral("/report.pdf");
    out << "LibreOffice HTML -> PDF:  " << theirs << " ms, " << pageCount(loPdf) << " pages, "
        << QFileInfo(loPdf).size() / 1024 << " KiB\n";
    out << "Speed-up:                 " << QString::number(double(theirs) / double(std::max<qint64>(ours, 1)), 'f', 1)
        << "x\n";
    return 0;
}
