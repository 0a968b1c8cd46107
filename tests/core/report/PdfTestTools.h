#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

namespace preflight::test {

struct ToolResult;
// Runs `tool` with `args`, the path of a temporary file holding `pdf`, and `after`.
ToolResult runOnPdf(const QString &tool, QStringList args, const QByteArray &pdf, const QStringList &after = {});
// Fails, naming each missing font and its Debian package, unless every font the report is drawn
// with is installed: without them a test would fail on text that merely fell back elsewhere.
void requireReportFonts();
// `qpdf --check` finds neither errors nor warnings (it exits with 3 on warnings).
void requireQpdfCheck(const QByteArray &pdf);

// Text of a PDF as pdftotext extracts it (what a reader's search and copy find): `raw` keeps
// the content-stream order, the order the report draws in; the default "physical layout" mode
// may merge neighbouring lines but orders right-to-left runs visually.
QString pdfText(const QByteArray &pdf, bool raw = true);
// The text with the running header and footer of every page taken out, so text that continues
// across a page break reads on (`text` squeezed; `title` as printed in the header).
QString withoutPageFurniture(const QString &squeezedText, const QString &title);
// Text with every kind of white space removed: wrapping may break a line anywhere.
QString squeezed(const QString &text);

struct PdfWord
{
    int page = 0;
    QRectF box; // points, origin top left
    QString text;
};
struct PdfPage
{
    QSizeF size;
    std::vector<PdfWord> words;
};
// Every word with its bounding box, from `pdftotext -bbox`.
std::vector<PdfPage> pdfWords(const QByteArray &pdf);

} // namespace preflight::test
