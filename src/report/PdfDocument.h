#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace preflight::pdf {

// The file structure of a PDF: numbered indirect objects written one after the other, the
// cross-reference table of their byte offsets, and the trailer. Objects may be numbered before
// they are written (reserve()), so pages can refer to fonts that are only complete at the end.
class PdfDocument
{
public:
    PdfDocument();

    int reserve(); // a new object number, to be written later with object() or stream()
    void object(int number, const QByteArray &body);
    int object(const QByteArray &body);
    // A Flate-compressed stream object; `dictionary` holds extra entries ("/Length1 10") without << >>.
    void stream(int number, const QByteArray &data, const QByteArray &dictionary = {});
    int stream(const QByteArray &data, const QByteArray &dictionary = {});
    // The same with data already compressed by compress(), which may run on any thread.
    static QByteArray compress(const QByteArray &data);
    void compressedStream(int number, const QByteArray &compressed, const QByteArray &dictionary = {});

    // A document outline (bookmarks): titles with a destination ("[3 0 R /XYZ 0 800 null]"),
    // nested one level or more. Returns the outline root, for the catalog's /Outlines.
    struct OutlineItem
    {
        QString title;
        QByteArray destination;
        std::vector<OutlineItem> children;
    };
    int outline(const std::vector<OutlineItem> &items);

    // The info dictionary; the creation date makes identical input give identical bytes.
    void setInfo(const QString &title, const QString &creator, const QDateTime &created);
    // Writes the cross-reference table and trailer; returns the whole file.
    QByteArray finish(int catalog);

private:
    void begin(int number);
    int outlineItems(const std::vector<OutlineItem> &items, int parent, int &first, int &last);

    QByteArray m_out;
    std::vector<qsizetype> m_offsets; // by object number; 0 = not written yet
    int m_info = 0;
};

// PDF syntax for values.
QByteArray pdfString(const QString &text); // a text string, UTF-16BE with a byte order mark, as hex
QByteArray pdfName(const QString &name); // "/Name" with anything outside printable ASCII escaped
// A byte string in parentheses (a URI), with '\\', '(' and ')' escaped and anything outside
// printable ASCII as an octal escape.
QByteArray pdfAsciiString(const QByteArray &bytes);
// At most `decimals` (0 to 3) decimals, no trailing zeros. formatNumber() writes to a buffer of
// at least 32 bytes and returns the end.
char *formatNumber(char *buffer, double value, int decimals = 3);
void appendNumber(QByteArray &out, double value);
QByteArray pdfNumber(double value);

} // namespace preflight::pdf
