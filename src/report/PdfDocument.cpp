#include "PdfDocument.h"

#include <charconv>
#include <cmath>

namespace preflight::pdf {

namespace {

// Content streams are mostly numbers and hex glyph ids: the fastest zlib level already takes
// them to about a fifth, and the higher levels cost twice the time for a few percent more.
constexpr int CompressionLevel = 1;

} // namespace

PdfDocument::PdfDocument()
    : m_offsets(1, 0) // object 0 is the head of the free list
{
    // The binary comment tells transfer programs the file is not text.
    m_out.reserve(1 << 20);
    m_out.append("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

int PdfDocument::reserve()
{
    m_offsets.push_back(0);
    return int(m_offsets.size()) - 1;
}

void PdfDocument::begin(int number)
{
    m_offsets[std::size_t(number)] = m_out.size();
    m_out.append(QByteArray::number(number)).append(" 0 obj\n");
}

void PdfDocument::object(int number, const QByteArray &body)
{
    begin(number);
    m_out.append(body).append("\nendobj\n");
}

int PdfDocument::object(const QByteArray &body)
{
    const int number = reserve();
    object(number, body);
    return number;
}

void PdfDocument::stream(int number, const QByteArray &data, const QByteArray &dictionary)
{
    compressedStream(number, compress(data), dictionary);
}

QByteArray PdfDocument::compress(const QByteArray &data)
{
    return qCompress(data, CompressionLevel);
}

void PdfDocument::compressedStream(int number, const QByteArray &compressed, const QByteArray &dictionary)
{
    // qCompress puts the uncompressed length in front of the zlib stream that /FlateDecode reads.
    const QByteArrayView zlib = QByteArrayView(compressed).sliced(4);
    begin(number);
    m_out.append("<< /Length ").append(QByteArray::number(zlib.size())).append(" /Filter /FlateDecode ");
    m_out.append(dictionary).append(" >>\nstream\n").append(zlib).append("\nendstream\nendobj\n");
}

int PdfDocument::stream(const QByteArray &data, const QByteArray &dictionary)
{
    const int number = reserve();
    stream(number, data, dictionary);
    return number;
}

int PdfDocument::outline(const std::vector<OutlineItem> &items)
{
    if (items.empty())
        return 0;
    const int root = reserve();
    int first = 0, last = 0;
    const int count = outlineItems(items, root, first, last);
    object(root,
           "<< /Type /Outlines /First " + QByteArray::number(first) + " 0 R /Last " + QByteArray::number(last)
               + " 0 R /Count " + QByteArray::number(count) + " >>");
    return root;
}

// Writes `items` (all open) under `parent`; returns how many entries they show.
int PdfDocument::outlineItems(const std::vector<OutlineItem> &items, int parent, int &first, int &last)
{
    std::vector<int> numbers;
    for (std::size_t i = 0; i < items.size(); ++i)
        numbers.push_back(reserve());
    int count = int(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        QByteArray body = "<< /Title " + pdfString(items[i].title) + " /Parent " + QByteArray::number(parent)
            + " 0 R /Dest " + items[i].destination;
        if (i > 0)
            body += " /Prev " + QByteArray::number(numbers[i - 1]) + " 0 R";
        if (i + 1 < items.size())
            body += " /Next " + QByteArray::number(numbers[i + 1]) + " 0 R";
        if (!items[i].children.empty()) {
            int childFirst = 0, childLast = 0;
            const int shown = outlineItems(items[i].children, numbers[i], childFirst, childLast);
            body += " /First " + QByteArray::number(childFirst) + " 0 R /Last " + QByteArray::number(childLast)
                + " 0 R /Count " + QByteArray::number(shown);
            count += shown;
        }
        object(numbers[i], body + " >>");
    }
    first = numbers.empty() ? 0 : numbers.front();
    last = numbers.empty() ? 0 : numbers.back();
    return count;
}

void PdfDocument::setInfo(const QString &title, const QString &creator, const QDateTime &created)
{
    const QDateTime utc = created.toUTC();
    const QByteArray date = "(D:" + utc.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
    m_info = object("<< /Title " + pdfString(title) + " /Creator " + pdfString(creator) + " /Producer "
                    + pdfString(creator) + " /CreationDate " + date + " >>");
}

QByteArray PdfDocument::finish(int catalog)
{
    const qsizetype xref = m_out.size();
    m_out.append("xref\n0 ").append(QByteArray::number(m_offsets.size())).append("\n0000000000 65535 f \n");
    char entry[21];
    for (std::size_t i = 1; i < m_offsets.size(); ++i) {
        Q_ASSERT(m_offsets[i] > 0); // every reserved object must have been written
        std::snprintf(entry, sizeof entry, "%010lld 00000 n \n", static_cast<long long>(m_offsets[i]));
        m_out.append(entry, 20);
    }
    m_out.append("trailer\n<< /Size ").append(QByteArray::number(m_offsets.size()));
    m_out.append(" /Root ").append(QByteArray::number(catalog)).append(" 0 R");
    if (m_info > 0)
        m_out.append(" /Info ").append(QByteArray::number(m_info)).append(" 0 R");
    m_out.append(" >>\nstartxref\n").append(QByteArray::number(xref)).append("\n%%EOF\n");
    return std::move(m_out);
}

QByteArray pdfString(const QString &text)
{
    QByteArray out("<FEFF");
    out.reserve(4 * text.size() + 8);
    for (const QChar c : text) {
        char hex[5];
        std::snprintf(hex, sizeof hex, "%04X", unsigned(c.unicode()));
        out.append(hex, 4);
    }
    return out.append('>');
}

QByteArray pdfName(const QString &name)
{
    QByteArray out("/");
    for (const char c : name.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte < 0x7F && !QByteArrayView("#/()<>[]{}%").contains(c))
            out.append(c);
        else
            out.append('#').append(QByteArray::number(byte, 16).rightJustified(2, '0'));
    }
    return out;
}

QByteArray pdfAsciiString(const QByteArray &bytes)
{
    QByteArray out("(");
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\' || c == '(' || c == ')')
            out.append('\\').append(c);
        else if (byte >= 0x20 && byte < 0x7F)
            out.append(c);
        else
            out.append('\\').append(QByteArray::number(byte, 8).rightJustified(3, '0'));
    }
    return out.append(')');
}

char *formatNumber(char *buffer, double value, int decimals)
{
    static constexpr double HalfUnit[] = { 0.5, 0.05, 0.005, 0.0005 };
    if (std::abs(value) < HalfUnit[decimals])
        value = 0; // no "-0"
    auto [end, error] = std::to_chars(buffer, buffer + 32, value, std::chars_format::fixed, decimals);
    Q_ASSERT(error == std::errc());
    // Trailing zeros, and a trailing point, say nothing.
    if (decimals > 0) {
        while (end[-1] == '0')
            --end;
        if (end[-1] == '.')
            --end;
    }
    return end;
}

void appendNumber(QByteArray &out, double value)
{
    char buffer[32];
    out.append(buffer, formatNumber(buffer, value) - buffer);
}

QByteArray pdfNumber(double value)
{
    QByteArray out;
    appendNumber(out, value);
    return out;
}

} // namespace preflight::pdf
