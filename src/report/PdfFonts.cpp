#include "PdfFonts.h"

#include "Error.h"
#include "PdfDocument.h"

#include <QVarLengthArray>

#include <cmath>

namespace preflight::pdf {

namespace {

// A PDF subset font's name starts with six capital letters and "+"; derived from the glyphs it
// holds, so the same report gives the same bytes.
QByteArray subsetTag(const PdfFont &font)
{
    quint32 hash = 2166136261u; // FNV-1a
    for (std::size_t id = 0; id < font.used.size(); ++id) {
        if (font.used[id])
            hash = (hash ^ quint32(id)) * 16777619u;
    }
    QByteArray tag(6, 'A');
    for (char &c : tag) {
        c = char('A' + hash % 26);
        hash /= 26;
    }
    return tag + '+';
}

QByteArray hex4(quint32 value)
{
    return QByteArray::number(value, 16).toUpper().rightJustified(4, '0');
}

// Glyph id -> characters, the reverse of the font's cmap for the glyphs drawn, so text
// extraction, search and copy give back what was typed.
QByteArray toUnicodeCMap(const PdfFont &font)
{
    QByteArray entries;
    int count = 0;
    QByteArray out("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    const auto flush = [&] {
        if (count > 0)
            out.append(QByteArray::number(count)).append(" beginbfchar\n").append(entries).append("endbfchar\n");
        entries.clear();
        count = 0;
    };
    for (std::size_t id = 0; id < font.used.size(); ++id) {
        if (!font.used[id] || !font.knows(quint32(id)))
            continue;
        const char32_t c = font.unicode[id];
        entries.append('<').append(hex4(quint32(id))).append("> <");
        if (QChar::requiresSurrogates(c))
            entries.append(hex4(QChar::highSurrogate(c))).append(hex4(QChar::lowSurrogate(c)));
        else
            entries.append(hex4(c));
        entries.append(">\n");
        if (++count == 100) // the most one block may hold
            flush();
    }
    flush();
    return out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

} // namespace

void PdfFont::learnText(QStringView text)
{
    QVarLengthArray<quint32, 256> glyphs(text.size());
    int count = int(text.size());
    if (!raw.glyphIndexesForChars(text.data(), int(text.size()), glyphs.data(), &count))
        return;
    int g = 0;
    for (qsizetype i = 0; i < text.size() && g < count; ++i, ++g) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const quint32 id = glyphs[g];
        if (id > 0 && id < unicode.size() && unicode[id] == 0)
            unicode[id] = c;
    }
}

PdfFonts::PdfFonts(PdfDocument &document)
    : m_document(document)
{ }

PdfFonts::~PdfFonts() = default;

PdfFont &PdfFonts::font(const QRawFont &raw)
{
    for (const auto &[seen, face] : m_seen) {
        if (seen == raw)
            return *face;
    }
    PdfFont *face = nullptr;
    for (const auto &font : m_fonts) {
        if (font->raw.familyName() == raw.familyName() && font->raw.styleName() == raw.styleName()
            && font->raw.weight() == raw.weight() && font->raw.style() == raw.style())
            face = font.get();
    }
    if (!face) {
        auto font = std::make_unique<PdfFont>();
        font->raw = raw;
        font->resource = "/F" + QByteArray::number(m_fonts.size() + 1);
        font->metrics = readTrueTypeMetrics(raw);
        // Fonts without TrueType or CFF outlines (colour bitmaps, CFF2) cannot be embedded: their
        // glyphs are filled as paths instead (see PdfCanvas), so nothing drawn is lost.
        font->outlines = outlinesOf(raw);
        font->embeddable = font->metrics.valid && font->outlines != FontOutlines::None;
        font->object = font->embeddable ? m_document.reserve() : 0;
        font->used.resize(font->metrics.advances.size());
        font->unicode.resize(font->metrics.advances.size());
        face = font.get();
        m_fonts.push_back(std::move(font));
    }
    m_seen.emplace_back(raw, face);
    return *face;
}

QByteArray PdfFonts::write()
{
    QByteArray resources;
    for (const auto &font : m_fonts) {
        if (!font->embeddable)
            continue;
        writeFont(*font);
        resources.append(font->resource).append(' ').append(QByteArray::number(font->object)).append(" 0 R ");
    }
    return resources;
}

void PdfFonts::writeFont(const PdfFont &font)
{
    const TrueTypeMetrics &m = font.metrics;
    const auto scaled = [&](double units) { return pdfNumber(std::round(units * 1000.0 / m.unitsPerEm)); };
    QString name = m.postScriptName;
    if (name.isEmpty())
        name = QString(font.raw.familyName() + u'-' + font.raw.styleName()).remove(u' ');
    const QByteArray baseFont = pdfName(QString::fromLatin1(subsetTag(font)) + name);

    std::set<quint32> glyphs;
    for (std::size_t id = 0; id < font.used.size(); ++id) {
        if (font.used[id])
            glyphs.insert(quint32(id));
    }
    const QByteArray program = subsetFont(font.raw, font.outlines, glyphs);
    if (program.isEmpty()) {
        // Its glyphs are already in the pages as text: without the program they would not show.
        throw Error(Error::Kind::Io,
                    QStringLiteral("PDF export could not subset the font %1 (%2) to embed it")
                        .arg(font.raw.familyName(), font.raw.styleName()));
    }
    const bool cff = font.outlines == FontOutlines::Cff;
    const int file = m_document.stream(
        program, cff ? QByteArray("/Subtype /CIDFontType0C") : "/Length1 " + QByteArray::number(program.size()));

    constexpr int FixedPitch = 1, Symbolic = 4, Italic = 64; // Symbolic: glyphs are addressed by id
    const int flags = Symbolic | (m.fixedPitch ? FixedPitch : 0) | (m.italicAngle != 0 ? Italic : 0);
    // The stem width is not in the font's tables; this is the usual estimate from its weight.
    const double stemV = 10 + 220 * (m.weightClass - 50) / 900.0;
    const int descriptor = m_document.object(
        "<< /Type /FontDescriptor /FontName " + baseFont + " /Flags " + QByteArray::number(flags) + " /FontBBox ["
        + scaled(m.box.left()) + ' ' + scaled(m.box.top()) + ' ' + scaled(m.box.right()) + ' ' + scaled(m.box.bottom())
        + "] /ItalicAngle " + pdfNumber(m.italicAngle) + " /Ascent " + scaled(m.ascent) + " /Descent "
        + scaled(m.descent) + " /CapHeight " + scaled(m.capHeight) + " /StemV " + pdfNumber(std::round(stemV))
        + (cff ? " /FontFile3 " : " /FontFile2 ") + QByteArray::number(file) + " 0 R >>");

    // Widths of the used glyphs, consecutive ids grouped: "id [w w w]".
    QByteArray widths("[");
    quint32 previous = 0;
    bool open = false;
    for (const quint32 id : glyphs) {
        if (!open || id != previous + 1) {
            widths.append(open ? "] " : "").append(QByteArray::number(id)).append(" [");
            open = true;
        } else {
            widths.append(' ');
        }
        widths.append(scaled(m.advances[id]));
        previous = id;
    }
    widths.append(open ? "]]" : "]");

    // A CFF program maps CIDs to glyphs itself (the identity, glyph ids being kept); TrueType
    // needs CIDToGIDMap.
    const int cidFont = m_document.object(
        "<< /Type /Font /Subtype " + QByteArray(cff ? "/CIDFontType0" : "/CIDFontType2") + " /BaseFont " + baseFont
        + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
        + QByteArray::number(descriptor) + " 0 R" + (cff ? "" : " /CIDToGIDMap /Identity") + " /W " + widths + " >>");
    const int toUnicode = m_document.stream(toUnicodeCMap(font));
    m_document.object(font.object,
                      "<< /Type /Font /Subtype /Type0 /BaseFont " + baseFont
                          + " /Encoding /Identity-H /DescendantFonts [" + QByteArray::number(cidFont)
                          + " 0 R] /ToUnicode " + QByteArray::number(toUnicode) + " 0 R >>");
}

} // namespace preflight::pdf
