#include "PdfTestTools.h"

#include "../export/TestTools.h"
#include "ReportFonts.h"

#include <QRegularExpression>
#include <QTemporaryFile>

#include <catch2/catch.hpp>

namespace preflight::test {

namespace {

QString pdfToText(const QByteArray &pdf, const QStringList &options)
{
    QTemporaryFile file;
    REQUIRE(file.open());
    file.write(pdf);
    file.flush();
    const ToolResult result = runTool(
        QStringLiteral("pdftotext"),
        options
            + QStringList { QStringLiteral("-enc"), QStringLiteral("UTF-8"), file.fileName(), QStringLiteral("-") });
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return QString::fromUtf8(result.out);
}

} // namespace

void requireReportFonts()
{
    const QStringList missing = pdf::missingReportFonts();
    INFO("fonts the PDF report needs are not installed: " << missing.join(QStringLiteral(", ")).toStdString()
                                                          << " (packaging/setup.sh installs them)");
    REQUIRE(missing.isEmpty());
}

ToolResult runOnPdf(const QString &tool, QStringList args, const QByteArray &pdf, const QStringList &after)
{
    QTemporaryFile file;
    REQUIRE(file.open());
    file.write(pdf);
    file.flush();
    args << file.fileName() << after;
    return runTool(tool, args);
}

void requireQpdfCheck(const QByteArray &pdf)
{
    const ToolResult check = runOnPdf(QStringLiteral("qpdf"), { QStringLiteral("--check") }, pdf);
    INFO(check.out.toStdString() << check.err.toStdString());
    REQUIRE(check.exitCode == 0);
    CHECK(check.out.contains("No syntax or stream encoding errors found"));
    CHECK_FALSE(check.out.contains("WARNING"));
    CHECK(check.err.isEmpty());
}

QString pdfText(const QByteArray &pdf, bool raw)
{
    return pdfToText(pdf, raw ? QStringList { QStringLiteral("-raw") } : QStringList {});
}

QString withoutPageFurniture(const QString &squeezedText, const QString &title)
{
    // Painted after each page's content: title, "Page N of M", generation line, audit head.
    const QRegularExpression furniture(QRegularExpression::escape(squeezed(title))
                                       + QStringLiteral("Page\\d+of\\d+Generated.*?byPreflight[0-9.]+Audittrailhead("
                                                        "[0-9a-f]{64}|none)"));
    QString text = squeezedText;
    return text.remove(furniture);
}

QString squeezed(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace() && c != QChar::LineSeparator && c != QChar::ParagraphSeparator)
            out += c;
    }
    return out;
}

std::vector<PdfPage> pdfWords(const QByteArray &pdf)
{
    const QString html = pdfToText(pdf, { QStringLiteral("-bbox") });
    QString error;
    const XmlNode root = parseXml(html.toUtf8(), &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    std::vector<PdfPage> pages;
    visit(root, [&](const XmlNode &node) {
        if (node.name == QLatin1String("page")) {
            PdfPage page;
            page.size = QSizeF(node.attributes.value(QStringLiteral("width")).toDouble(),
                               node.attributes.value(QStringLiteral("height")).toDouble());
            for (const XmlNode &word : node.children) {
                const auto at = [&](const char *name) { return word.attributes.value(QLatin1String(name)).toDouble(); };
                page.words.push_back({ int(pages.size()),
                                       QRectF(QPointF(at("xMin"), at("yMin")), QPointF(at("xMax"), at("yMax"))),
                                       word.text });
            }
            pages.push_back(std::move(page));
        }
    });
    return pages;
}

} // namespace preflight::test
